using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Veille.Model;
using Veille.Stages.Entities;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Entities.Linking;

/// <summary>Builds tokenised documents and hand-made recogniser output (the tagger's likely mentions) for linking tests.</summary>
internal static partial class LinkingTestDocuments
{
    /// <summary>A document with text, language, tokens and sentences set, as the entity stage receives it.</summary>
    public static Document Make(string text, string language = "fr")
    {
        Document document = TestDocuments.Cleaned(text, language);
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(text, tokens));
        return document;
    }

    /// <summary>Every token-aligned occurrence of each surface, longest surfaces first, never overlapping.</summary>
    public static List<RecognizedMention> Tag(Document document, params (string Surface, EntityKind Kind)[] surfaces)
    {
        var mentions = new List<RecognizedMention>();
        var taken = new bool[document.Tokens.Length];
        foreach ((string surface, EntityKind kind) in surfaces.OrderByDescending(s => s.Surface.Length))
        {
            int from = 0;
            while ((from = document.Text.IndexOf(surface, from, StringComparison.Ordinal)) >= 0)
            {
                TokenRange? range = RangeOf(document, from, from + surface.Length);
                if (range is { } found && !taken.AsSpan(found.Start, found.Length).Contains(true))
                {
                    taken.AsSpan(found.Start, found.Length).Fill(true);
                    mentions.Add(new RecognizedMention(found, kind, 0.9f));
                }

                from += surface.Length;
            }
        }

        return mentions.OrderBy(m => m.Tokens.Start).ToList();
    }

    /// <summary>Parses "[Pat Ryder](PER) a dit" into the plain text and the mentions it marks.</summary>
    public static (Document Document, List<RecognizedMention> Mentions) Parse(string annotated, string language = "fr")
    {
        var text = new StringBuilder();
        var spans = new List<(int Start, int End, EntityKind Kind)>();
        int last = 0;
        foreach (Match match in Annotation().Matches(annotated))
        {
            text.Append(annotated, last, match.Index - last);
            int start = text.Length;
            text.Append(match.Groups[1].Value);
            spans.Add((start, text.Length, KindOf(match.Groups[2].Value)));
            last = match.Index + match.Length;
        }

        text.Append(annotated, last, annotated.Length - last);
        Document document = Make(text.ToString(), language);
        var mentions = new List<RecognizedMention>();
        foreach ((int start, int end, EntityKind kind) in spans)
        {
            TokenRange range = RangeOf(document, start, end) ?? throw new InvalidOperationException($"Mention [{start}, {end}) is not token-aligned.");
            mentions.Add(new RecognizedMention(range, kind, 0.9f));
        }

        return (document, mentions);
    }

    /// <summary>Mentions then entities, one per line, for golden files and readable assertions.</summary>
    public static string Render(Document document, ImmutableArray<Mention> mentions, ImmutableArray<DocumentEntity> entities)
    {
        var builder = new StringBuilder();
        builder.Append("mentions:\n");
        foreach (Mention mention in mentions)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  {document.TextOf(mention.Span)} | {Code(mention.Kind)}");
            if (mention.Confidence < 0.9f)
            {
                builder.Append(" (added)");
            }

            builder.Append(" -> ").Append(mention.Entity >= 0 ? entities[mention.Entity].Id.Value : "unlinked");
            if (mention.Role is not null)
            {
                builder.Append(" | role: ").Append(mention.Role);
            }

            builder.Append('\n');
        }

        builder.Append("entities:\n");
        foreach (DocumentEntity entity in entities)
        {
            builder.Append(CultureInfo.InvariantCulture, $"  {entity.Id.Value} | {entity.Canonical} | {Code(entity.Kind)}");
            if (entity.Role is not null)
            {
                builder.Append(" | role: ").Append(entity.Role);
            }

            if (entity.Place is { } place)
            {
                builder.Append(CultureInfo.InvariantCulture, $" | {place.PlaceKind} {place.CountryCode ?? "-"} ({place.Latitude:0.##}, {place.Longitude:0.##}) [{place.GazetteerId}]");
            }

            builder.Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    public static TokenRange? RangeOf(Document document, int start, int end)
    {
        int first = -1;
        for (int i = 0; i < document.Tokens.Length; i++)
        {
            TextSpan span = document.Tokens[i].Span;
            if (span.Start == start)
            {
                first = i;
            }

            if (first >= 0 && span.End == end)
            {
                return new TokenRange(first, i + 1);
            }

            if (span.Start >= end)
            {
                break;
            }
        }

        return null;
    }

    private static string Code(EntityKind kind) => kind switch
    {
        EntityKind.Person => "PER",
        EntityKind.Organization => "ORG",
        EntityKind.Location => "LOC",
        _ => "MISC",
    };

    private static EntityKind KindOf(string code) => code switch
    {
        "PER" => EntityKind.Person,
        "ORG" => EntityKind.Organization,
        "LOC" => EntityKind.Location,
        "MISC" => EntityKind.Miscellaneous,
        _ => throw new FormatException($"Unknown entity kind {code}."),
    };

    [GeneratedRegex(@"\[([^\[\]]+)\]\((PER|ORG|LOC|MISC)\)")]
    private static partial Regex Annotation();
}
