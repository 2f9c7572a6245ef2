namespace Veille.Model;

/// <summary>A half-open range of character offsets into <see cref="Document.Text"/>: <c>End</c> is exclusive.</summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Invalid span [{start}, {end}).");
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public bool IsEmpty => End == Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}, {End})";
}

/// <summary>A half-open range of token indices into <see cref="Document.Tokens"/>.</summary>
public readonly record struct TokenRange
{
    public TokenRange(int start, int end)
    {
        if (start < 0 || end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(end), $"Invalid token range [{start}, {end}).");
        }

        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;

    public override string ToString() => $"[{Start}, {End})";
}
