using Veille.Model;

namespace Veille.Stages.Quotes;

/// <summary>
/// A quote as the export shows it: strings instead of spans. Offsets are characters of <see cref="Document.Text"/>;
/// every nullable field is null when the quote has no such part.
/// </summary>
/// <param name="Text">The quoted or reported words, without quotation marks.</param>
/// <param name="Start">Offset of the content's first character.</param>
/// <param name="End">Offset just after the content (exclusive).</param>
/// <param name="Kind">"direct", "indirect" or "scare".</param>
/// <param name="Speaker">The speaker as the text names it ("un haut responsable du Département d'État", "il").</param>
/// <param name="SpeakerEntityId">Id of the entity the speaker resolves to.</param>
/// <param name="SpeakerCanonical">Canonical name of that entity ("Pat Ryder").</param>
/// <param name="Cue">The reporting cue ("a déclaré", "said", "selon").</param>
/// <param name="Conduit">The outlet or channel ("le Washington Post").</param>
/// <param name="SpeakerOrganization">For an anonymous speaker, the organisation named inside the description ("Département d'État").</param>
public sealed record QuoteView(
    string Text,
    int Start,
    int End,
    string Kind,
    string? Speaker,
    string? SpeakerEntityId,
    string? SpeakerCanonical,
    string? Cue,
    string? Conduit,
    string? SpeakerOrganization)
{
    /// <summary>The export fields of <paramref name="quote"/>, a quote of <paramref name="document"/>.</summary>
    public static QuoteView Of(Document document, Quote quote)
    {
        ArgumentNullException.ThrowIfNull(document);
        DocumentEntity? entity = null;
        if (quote.SpeakerMention >= 0 && quote.SpeakerMention < document.Mentions.Length)
        {
            int index = document.Mentions[quote.SpeakerMention].Entity;
            entity = index >= 0 && index < document.Entities.Length ? document.Entities[index] : null;
        }

        string? organization = null;
        if (quote.Speaker is { } speaker && quote.SpeakerMention < 0)
        {
            int mention = OrganizationIn(document, speaker);
            if (mention >= 0)
            {
                Mention found = document.Mentions[mention];
                organization = found.Entity >= 0 && found.Entity < document.Entities.Length
                    ? document.Entities[found.Entity].Canonical
                    : document.TextOf(found.Span).ToString();
            }
        }

        return new QuoteView(
            document.TextOf(quote.Content).ToString(),
            quote.Content.Start,
            quote.Content.End,
            KindName(quote.Kind),
            TextOrNull(document, quote.Speaker),
            entity?.Id.Value,
            entity?.Canonical ?? (quote.SpeakerMention >= 0 ? document.TextOf(document.Mentions[quote.SpeakerMention].Span).ToString() : null),
            TextOrNull(document, quote.Cue),
            TextOrNull(document, quote.Conduit),
            organization);
    }

    /// <summary>Index of the first organisation mention inside <paramref name="span"/>, or -1.</summary>
    public static int OrganizationIn(Document document, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(document);
        for (int m = 0; m < document.Mentions.Length; m++)
        {
            Mention mention = document.Mentions[m];
            if (mention.Kind == EntityKind.Organization && mention.Span.Start >= span.Start && mention.Span.End <= span.End)
            {
                return m;
            }
        }

        return -1;
    }

    private static string KindName(QuoteKind kind) => kind switch
    {
        QuoteKind.Direct => "direct",
        QuoteKind.Indirect => "indirect",
        _ => "scare",
    };

    private static string? TextOrNull(Document document, TextSpan? span) => span is { } value ? document.TextOf(value).ToString() : null;
}
