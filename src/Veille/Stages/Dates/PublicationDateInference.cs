using Veille.Model;

namespace Veille.Stages.Dates;

/// <summary>
/// Infers a publication date from the text: a day and month introduced by "ce jour", "aujourd'hui" or "today"
/// (its year written there, else the most frequent year of the article's explicit dates), else a dateline date
/// with a year at the very start of the text. Unknown otherwise; never the ingest time.
/// </summary>
internal static class PublicationDateInference
{
    /// <summary>Confidence when the cued date carries its own year.</summary>
    public const double CuedWithYear = 0.9;

    /// <summary>Confidence when the year comes from other dates of the article.</summary>
    public const double CuedYearFromArticle = 0.7;

    /// <summary>Confidence of a dateline date.</summary>
    public const double Dateline = 0.5;

    public static PublicationDate Infer(WordSequence words, List<TemporalMatch> matches, IReadOnlyList<TemporalRecognizer> recognizers)
    {
        foreach (TemporalMatch match in matches)
        {
            if (match.Day is not { } day || !IsCued(words, match.Start, recognizers))
            {
                continue;
            }

            int year = match.Year;
            double confidence = CuedWithYear;
            if (year == 0)
            {
                year = MostFrequentYear(matches);
                confidence = CuedYearFromArticle;
            }

            if (year > 0 && day.Day <= DateTime.DaysInMonth(year, day.Month))
            {
                return new PublicationDate(new DateTimeOffset(year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero), PublicationSource.Inferred, confidence);
            }
        }

        // A dateline: "PARIS, 25 avril 2024 (AFP) -": a full date opening the text or after a place and a comma, followed by a dash, bracket or line end.
        foreach (TemporalMatch match in matches)
        {
            if (match.Span.Start > 80)
            {
                break;
            }

            if (match.Day is { } day && match.Year > 0 && match.Anchor == DateAnchor.Explicit
                && IsDatelineStart(words.Text.AsSpan(0, match.Span.Start)) && IsDatelineEnd(words.Text.AsSpan(match.Span.End)))
            {
                return new PublicationDate(new DateTimeOffset(match.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero), PublicationSource.Inferred, Dateline);
            }
        }

        return PublicationDate.Unknown;
    }

    private static bool IsCued(WordSequence words, int start, IReadOnlyList<TemporalRecognizer> recognizers)
    {
        foreach (TemporalRecognizer recognizer in recognizers)
        {
            // "ce jour 25 avril", "aujourd'hui 25 avril", "today, April 25"; a bare "ce" only before a weekday ("ce vendredi 25 avril").
            int end = start > 0 && words.Keys[start - 1] == "," ? start - 1 : start;
            int length = recognizer.Lexicon.MatchEndingAt(words, end, "publication-cue");
            if (length > 1 || (length == 1 && words.Keys[end - 1] != "ce"))
            {
                return true;
            }

            if (length == 1 && recognizer.Lexicon.Is(words, start, "weekday"))
            {
                return true;
            }
        }

        return false;
    }

    private static int MostFrequentYear(List<TemporalMatch> matches)
    {
        var counts = new Dictionary<int, int>();
        foreach (TemporalMatch match in matches)
        {
            if (match.Year > 0 && match.Day is not null)
            {
                counts[match.Year] = counts.GetValueOrDefault(match.Year) + 1;
            }
        }

        int best = 0;
        int bestCount = 0;
        foreach ((int year, int count) in counts)
        {
            if (count > bestCount || (count == bestCount && year > best))
            {
                (best, bestCount) = (year, count);
            }
        }

        return best;
    }

    /// <summary>Nothing, or a place and a comma ("PARIS, "), before the date.</summary>
    private static bool IsDatelineStart(ReadOnlySpan<char> before)
    {
        ReadOnlySpan<char> trimmed = before.Trim();
        return trimmed.IsEmpty || (trimmed.Length <= 40 && trimmed[^1] == ',' && trimmed.IndexOfAny(".!?\n") < 0);
    }

    private static bool IsDatelineEnd(ReadOnlySpan<char> rest)
    {
        ReadOnlySpan<char> trimmed = rest.TrimStart(' ');
        return trimmed.IsEmpty || trimmed[0] is '\n' or '\r' or '(' or '-' or '\u2013' or '\u2014' or '/';
    }
}
