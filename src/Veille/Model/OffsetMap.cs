using System.Collections.Immutable;

namespace Veille.Model;

/// <summary>
/// Maps offsets of the cleaned text back to the raw text: a sorted list of runs in which both advance together.
/// Thread-safe and immutable.
/// </summary>
public sealed class OffsetMap
{
    private readonly ImmutableArray<Run> runs;

    private OffsetMap(ImmutableArray<Run> runs, int textLength, int rawLength)
    {
        this.runs = runs;
        TextLength = textLength;
        RawLength = rawLength;
    }

    /// <summary>Length of the cleaned text the map starts from.</summary>
    public int TextLength { get; }

    /// <summary>Length of the raw text the map points into.</summary>
    public int RawLength { get; }

    /// <summary>The runs, for storage; each maps <c>[TextStart, TextStart + Length)</c> to <c>[RawStart, RawStart + Length)</c>.</summary>
    public ImmutableArray<Run> Runs => runs;

    /// <summary>The identity map, for text that cleaning did not change.</summary>
    public static OffsetMap Identity(int length) =>
        new(length == 0 ? [] : [new Run(0, 0, length)], length, length);

    /// <summary>Rebuilds a map from stored runs.</summary>
    public static OffsetMap FromRuns(IEnumerable<Run> runs, int textLength, int rawLength) =>
        new([.. runs], textLength, rawLength);

    /// <summary>Builds a map from the raw offset of each cleaned character.</summary>
    /// <param name="rawOffsets">For each character of the cleaned text, the offset of the raw character it comes from; non-decreasing.</param>
    /// <param name="rawLength">Length of the raw text.</param>
    public static OffsetMap FromCharOffsets(ReadOnlySpan<int> rawOffsets, int rawLength)
    {
        var builder = ImmutableArray.CreateBuilder<Run>();
        int i = 0;
        while (i < rawOffsets.Length)
        {
            int start = i;
            while (i + 1 < rawOffsets.Length && rawOffsets[i + 1] == rawOffsets[i] + 1)
            {
                i++;
            }

            i++;
            builder.Add(new Run(start, rawOffsets[start], i - start));
        }

        return new OffsetMap(builder.ToImmutable(), rawOffsets.Length, rawLength);
    }

    /// <summary>The raw offset of a cleaned-text offset; the end of the text maps to the end of the last run.</summary>
    public int ToRaw(int offset)
    {
        if (offset < 0 || offset > TextLength)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), $"Offset {offset} outside [0, {TextLength}].");
        }

        if (runs.IsEmpty)
        {
            return 0;
        }

        int low = 0;
        int high = runs.Length - 1;
        while (low < high)
        {
            int middle = (low + high + 1) / 2;
            if (runs[middle].TextStart <= offset)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        Run run = runs[low];
        return run.RawStart + Math.Min(offset - run.TextStart, run.Length);
    }

    /// <summary>The raw span of a cleaned-text span (for highlighting in the raw text).</summary>
    public TextSpan ToRaw(TextSpan span)
    {
        int start = ToRaw(span.Start);
        int end = span.IsEmpty ? start : ToRaw(span.End - 1) + 1;
        return new TextSpan(start, Math.Max(start, end));
    }

    /// <summary>One run of characters copied unchanged from the raw text.</summary>
    public readonly record struct Run(int TextStart, int RawStart, int Length);
}

/// <summary>A line that cleaning removed from the text, with the reason; kept so nothing is silently lost.</summary>
/// <param name="RawSpan">The line's characters in <see cref="Document.RawText"/>.</param>
/// <param name="Text">The line as it was.</param>
/// <param name="Reason">Why it was removed: "pattern:<i>name</i>", "repeated-in-source" or "debris".</param>
public readonly record struct RemovedLine(TextSpan RawSpan, string Text, string Reason);
