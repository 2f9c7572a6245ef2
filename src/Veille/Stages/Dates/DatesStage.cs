using System.Collections.Immutable;
using Veille.Model;
using Veille.Pipeline;

namespace Veille.Stages.Dates;

/// <summary>
/// Requires text, language, tokens and sentences; produces the dates layer (temporal expressions with TIMEX3 values)
/// and, when the input gave none, the publication date inferred from the text. Algorithm: rule-based recognition over
/// word lists in Resources/dates, then resolution against the publication date (relative expressions stay unresolved
/// without one; the clock is never read). One instance serves all threads.
/// </summary>
public sealed class DatesStage : IDocumentStage
{
    /// <inheritdoc />
    public StageInfo Info { get; } = new("dates", 1, Layers.Text | Layers.Language | Layers.Tokens | Layers.Sentences, Layers.Dates);

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        (ImmutableArray<DateMention> dates, PublicationDate publication) = Analyze(document.Text, document.Tokens, document.Language.Tag, document.Publication);
        document.SetDates(dates, publication.Source == PublicationSource.Metadata ? PublicationDate.Unknown : publication);
    }

    /// <summary>
    /// Recognises the temporal expressions of <paramref name="text"/> and resolves them against <paramref name="publication"/>,
    /// inferring it from the text when unknown; returns the mentions in text order and the publication date used.
    /// </summary>
    internal static (ImmutableArray<DateMention> Dates, PublicationDate Publication) Analyze(string text, IReadOnlyList<Token> tokens, string? language, PublicationDate publication)
    {
        var words = new WordSequence(text, tokens);
        IReadOnlyList<TemporalRecognizer> recognizers = TemporalRecognizer.For(language);
        DateTime? reference = publication.Value?.UtcDateTime;
        List<TemporalMatch> matches = Recognize(recognizers, words, reference);
        if (reference is null)
        {
            PublicationDate inferred = PublicationDateInference.Infer(words, matches, recognizers);
            if (inferred.Value is { } value)
            {
                publication = inferred;
                matches = Recognize(recognizers, words, value.UtcDateTime);
            }
        }

        var builder = ImmutableArray.CreateBuilder<DateMention>(matches.Count);
        foreach (TemporalMatch match in matches)
        {
            builder.Add(new DateMention(match.Span, match.Type, match.Value, match.Value is null ? DateAnchor.None : match.Anchor));
        }

        return (builder.MoveToImmutable(), publication);
    }

    internal static List<TemporalMatch> Recognize(IReadOnlyList<TemporalRecognizer> recognizers, WordSequence words, DateTime? reference)
    {
        List<TemporalMatch> matches = recognizers[0].Recognize(words, reference);
        for (int r = 1; r < recognizers.Count; r++)
        {
            foreach (TemporalMatch match in recognizers[r].Recognize(words, reference))
            {
                bool overlaps = false;
                foreach (TemporalMatch kept in matches)
                {
                    overlaps |= kept.Span.Overlaps(match.Span);
                }

                if (!overlaps)
                {
                    matches.Add(match);
                }
            }

            matches.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        }

        return matches;
    }
}
