using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Veille.Html.Evaluation;

/// <summary>Counts of one page or a whole run: "with" segments found (true positives) or missed, "without" segments found (false positives) or absent.</summary>
/// <param name="TruePositives">"With" segments found.</param>
/// <param name="FalseNegatives">"With" segments missed.</param>
/// <param name="FalsePositives">"Without" segments found.</param>
/// <param name="TrueNegatives">"Without" segments absent.</param>
public readonly record struct SegmentCounts(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives)
{
    /// <summary>TP / (TP + FP); 0 when nothing was found.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN); 0 when there is nothing to find.</summary>
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    /// <summary>2TP / (2TP + FP + FN).</summary>
    public double F1 => TruePositives == 0 ? 0 : 2.0 * TruePositives / ((2.0 * TruePositives) + FalsePositives + FalseNegatives);

    /// <summary>The element-wise sum.</summary>
    public static SegmentCounts operator +(SegmentCounts left, SegmentCounts right) => new(
        left.TruePositives + right.TruePositives, left.FalseNegatives + right.FalseNegatives, left.FalsePositives + right.FalsePositives, left.TrueNegatives + right.TrueNegatives);
}

/// <summary>The score of one page, for failure analysis.</summary>
/// <param name="Url">The page's URL.</param>
/// <param name="Counts">Its segment counts.</param>
/// <param name="Failed">True when the extractor threw or the page was unreadable.</param>
public sealed record PageScore(string Url, SegmentCounts Counts, bool Failed);

/// <summary>The micro-averaged score of one extractor over a data set.</summary>
/// <param name="Extractor">The extractor's name.</param>
/// <param name="Pages">Pages evaluated.</param>
/// <param name="Failed">Pages that failed (counted as nothing found).</param>
/// <param name="Counts">Segment counts summed over the pages (micro average).</param>
/// <param name="Seconds">Wall-clock extraction time, excluding reading the files.</param>
/// <param name="Threads">Pages processed in parallel.</param>
/// <param name="PerPage">Per-page scores in data-set order.</param>
public sealed record ExtractionScore(string Extractor, int Pages, int Failed, SegmentCounts Counts, double Seconds, int Threads, IReadOnlyList<PageScore> PerPage)
{
    /// <summary>Pages extracted a second of wall-clock time with <see cref="Threads"/> threads.</summary>
    public double PagesPerSecond => Seconds <= 0 ? 0 : Pages / Seconds;
}

/// <summary>Trafilatura's extraction metric (see SOURCE.md of the data set): white-space-normalised substring matching of "with" and "without" segments, micro-summed.</summary>
public static class ExtractionEvaluator
{
    /// <summary>Runs <paramref name="extract"/> (html, url → text; thread-safe) over <paramref name="cases"/> on <paramref name="threads"/> threads and scores it.</summary>
    public static ExtractionScore Evaluate(string name, IReadOnlyList<ExtractionCase> cases, Func<string, string, string> extract, int threads)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(extract);
        var texts = new string?[cases.Count];
        var stopwatch = Stopwatch.StartNew();
        Parallel.ForEach(Partitioner.Create(0, cases.Count, 1), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) }, range =>
        {
            for (int index = range.Item1; index < range.Item2; index++)
            {
                ExtractionCase page = cases[index];
                if (page.Html is null)
                {
                    continue;
                }

                try
                {
                    texts[index] = extract(page.Html, page.Url);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // A failed page counts as nothing found, as in the published evaluation.
                    texts[index] = null;
                }
            }
        });
        stopwatch.Stop();

        var perPage = new PageScore[cases.Count];
        SegmentCounts total = default;
        int failed = 0;
        for (int index = 0; index < cases.Count; index++)
        {
            SegmentCounts counts = Score(texts[index] ?? string.Empty, cases[index]);
            bool pageFailed = texts[index] is null;
            failed += pageFailed ? 1 : 0;
            perPage[index] = new PageScore(cases[index].Url, counts, pageFailed);
            total += counts;
        }

        return new ExtractionScore(name, cases.Count, failed, total, stopwatch.Elapsed.TotalSeconds, Math.Max(1, threads), perPage);
    }

    /// <summary>Scores one extracted text against one page's segments.</summary>
    public static SegmentCounts Score(string text, ExtractionCase page)
    {
        ArgumentNullException.ThrowIfNull(page);
        string normalized = Normalize(text);
        int truePositives = 0;
        int falsePositives = 0;
        foreach (string segment in page.With)
        {
            truePositives += normalized.Contains(Normalize(segment), StringComparison.Ordinal) ? 1 : 0;
        }

        foreach (string segment in page.Without)
        {
            falsePositives += normalized.Contains(Normalize(segment), StringComparison.Ordinal) ? 1 : 0;
        }

        return new SegmentCounts(truePositives, page.With.Count - truePositives, falsePositives, page.Without.Count - falsePositives);
    }

    /// <summary>Collapses every white-space run to one space and trims, as the metric requires.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
            }
            else
            {
                if (space)
                {
                    builder.Append(' ');
                    space = false;
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
