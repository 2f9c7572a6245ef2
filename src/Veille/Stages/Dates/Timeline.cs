using Veille.Model;

namespace Veille.Stages.Dates;

/// <summary>A dated event: a resolved calendar value, the expression that gave it and the sentence it anchors.</summary>
/// <param name="Value">TIMEX3 calendar value ("2024-04-23", "2024-W18", "2012").</param>
/// <param name="Date">Characters of the temporal expression.</param>
/// <param name="Sentence">Characters of the sentence holding it (the expression itself when the document has no sentences).</param>
public readonly record struct TimelineEntry(string Value, TextSpan Date, TextSpan Sentence);

/// <summary>Builds a document's timeline from its dates layer.</summary>
public static class Timeline
{
    /// <summary>
    /// The resolved calendar dates and times of <paramref name="document"/> (not durations, sets or vague references),
    /// each with its sentence, sorted by value then position; empty when the dates layer is absent.
    /// </summary>
    public static IReadOnlyList<TimelineEntry> Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entries = new List<TimelineEntry>();
        var sentences = document.Sentences;
        int sentence = 0;
        foreach (DateMention date in document.Dates)
        {
            if (date.Value is not { } value || date.Type is TemporalType.Duration or TemporalType.Set || value.Length < 2 || !char.IsAsciiDigit(value[0]))
            {
                continue;
            }

            while (sentence < sentences.Length && sentences[sentence].Span.End <= date.Span.Start)
            {
                sentence++;
            }

            TextSpan span = sentence < sentences.Length && sentences[sentence].Span.Start <= date.Span.Start ? sentences[sentence].Span : date.Span;
            entries.Add(new TimelineEntry(value, date.Span, span));
        }

        entries.Sort(static (a, b) =>
        {
            int byValue = string.CompareOrdinal(a.Value, b.Value);
            return byValue != 0 ? byValue : a.Date.Start.CompareTo(b.Date.Start);
        });
        return entries;
    }
}
