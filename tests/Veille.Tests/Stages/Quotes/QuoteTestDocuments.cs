using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Veille.Model;
using Veille.Stages.Quotes;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Quotes;

/// <summary>A mention a good tagger would give: the surface text, its occurrence (0-based, or -1 for every one), type, entity and role.</summary>
internal sealed record ExpectedMention(string Surface, EntityKind Kind, string Canonical, string? Role = null, int Occurrence = -1);

/// <summary>
/// Builds tokenized documents with hand-written mentions, and renders quotes one a line for golden files.
/// Annotated text marks mentions as [surface](PER), [surface](PER=Canonical) or [surface](PER=Canonical|role).
/// </summary>
internal static partial class QuoteTestDocuments
{
    public static Document Build(string text, string language, params ExpectedMention[] expected)
    {
        Document document = TestDocuments.Cleaned(text, language);
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(text, tokens));
        var found = new List<(TextSpan Span, ExpectedMention Mention)>();
        foreach (ExpectedMention mention in expected)
        {
            int occurrence = 0;
            for (int at = text.IndexOf(mention.Surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(mention.Surface, at + 1, StringComparison.Ordinal))
            {
                if (mention.Occurrence < 0 || mention.Occurrence == occurrence)
                {
                    found.Add((new TextSpan(at, at + mention.Surface.Length), mention));
                }

                occurrence++;
            }
        }

        SetMentions(document, found);
        return document;
    }

    /// <summary>A document from annotated text: the brackets are removed and become mentions.</summary>
    public static Document FromAnnotated(string annotated, string language)
    {
        var text = new StringBuilder();
        var found = new List<(TextSpan Span, ExpectedMention Mention)>();
        int last = 0;
        foreach (Match match in MentionPattern().Matches(annotated))
        {
            text.Append(annotated, last, match.Index - last);
            string surface = match.Groups[1].Value;
            EntityKind kind = match.Groups[2].Value switch
            {
                "PER" => EntityKind.Person,
                "ORG" => EntityKind.Organization,
                "LOC" => EntityKind.Location,
                _ => EntityKind.Miscellaneous,
            };
            string canonical = match.Groups[3].Success && match.Groups[3].Value.Length > 0 ? match.Groups[3].Value : surface;
            string? role = match.Groups[4].Success ? match.Groups[4].Value : null;
            found.Add((new TextSpan(text.Length, text.Length + surface.Length), new ExpectedMention(surface, kind, canonical, role)));
            text.Append(surface);
            last = match.Index + match.Length;
        }

        text.Append(annotated, last, annotated.Length - last);
        string plain = text.ToString();
        Document document = TestDocuments.Cleaned(plain, language);
        ImmutableArray<Token> tokens = TokenScanner.Scan(plain);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(plain, tokens));
        SetMentions(document, found);
        return document;
    }

    /// <summary>One line per quote: kind, «content», then speaker, resolved entity, cue and conduit when present.</summary>
    public static string Render(Document document)
    {
        var builder = new StringBuilder();
        foreach (Quote quote in document.Quotes)
        {
            QuoteView view = QuoteView.Of(document, quote);
            builder.Append(view.Kind).Append(" [").Append(view.Text).Append(']');
            if (view.Speaker is not null)
            {
                builder.Append(" speaker=[").Append(view.Speaker).Append(']');
            }

            if (view.SpeakerCanonical is not null)
            {
                builder.Append(" -> ").Append(view.SpeakerCanonical);
            }

            if (view.SpeakerOrganization is not null)
            {
                builder.Append(" org=").Append(view.SpeakerOrganization);
            }

            if (view.Cue is not null)
            {
                builder.Append(" cue=[").Append(view.Cue).Append(']');
            }

            if (view.Conduit is not null)
            {
                builder.Append(" conduit=[").Append(view.Conduit).Append(']');
            }

            builder.Append('\n');
        }

        return builder.ToString().TrimEnd('\n');
    }

    private static void SetMentions(Document document, List<(TextSpan Span, ExpectedMention Mention)> found)
    {
        found.Sort((left, right) => left.Span.Start.CompareTo(right.Span.Start));
        var entities = new List<DocumentEntity>();
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        foreach ((TextSpan span, ExpectedMention expected) in found)
        {
            int entity = entities.FindIndex(e => e.Canonical == expected.Canonical && e.Kind == expected.Kind);
            if (entity < 0)
            {
                entity = entities.Count;
                entities.Add(new DocumentEntity(new EntityId($"{expected.Kind.ToString().ToLowerInvariant()}:{expected.Canonical}"), expected.Canonical, expected.Kind, expected.Role));
            }
            else if (expected.Role is not null && entities[entity].Role is null)
            {
                entities[entity] = entities[entity] with { Role = expected.Role };
            }

            mentions.Add(new Mention(span, TokensOf(document, span), expected.Kind, 0.9f, entity, expected.Role));
        }

        document.SetMentions(mentions.ToImmutable(), [.. entities]);
    }

    private static TokenRange TokensOf(Document document, TextSpan span)
    {
        int start = -1;
        int end = -1;
        for (int i = 0; i < document.Tokens.Length; i++)
        {
            Token token = document.Tokens[i];
            if (start < 0 && token.Span.End > span.Start)
            {
                start = i;
            }

            if (token.Span.Start < span.End)
            {
                end = i + 1;
            }
        }

        return new TokenRange(Math.Max(0, start), Math.Max(Math.Max(0, start), end));
    }

    [GeneratedRegex(@"\[([^\]]+)\]\((PER|ORG|LOC|MISC)(?:=([^|)]*))?(?:\|([^)]*))?\)")]
    private static partial Regex MentionPattern();
}
