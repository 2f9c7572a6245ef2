namespace Veille.Model;

/// <summary>The TIMEX3 type of a temporal expression.</summary>
public enum TemporalType : byte
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>What a temporal expression's value was resolved against.</summary>
public enum DateAnchor : byte
{
    /// <summary>Not resolved (relative with no reference date), or needs no anchor (a duration).</summary>
    None,

    /// <summary>Absolute in the text ("le 23 avril 2024").</summary>
    Explicit,

    /// <summary>Relative, resolved against the publication date ("vendredi", "la semaine prochaine").</summary>
    Publication,
}

/// <summary>A temporal expression with its TIMEX3-style value.</summary>
/// <param name="Span">Characters of the expression.</param>
/// <param name="Type">Date, time, duration or set.</param>
/// <param name="Value">Normalised value ("2024-04-25", "2024-W18", "2024-03", "P3Y", "FUTURE_REF"), or null when unresolved.</param>
/// <param name="Anchor">What the value was resolved against.</param>
public readonly record struct DateMention(TextSpan Span, TemporalType Type, string? Value, DateAnchor Anchor)
{
    public bool IsResolved => Value is not null;
}

/// <summary>Where a document's publication date comes from.</summary>
public enum PublicationSource : byte
{
    Unknown,

    /// <summary>Given by the input (JSONL, HTML metadata, feed).</summary>
    Metadata,

    /// <summary>Inferred from the text ("ce jour 25 avril" with the year from elsewhere in the article).</summary>
    Inferred,
}

/// <summary>A document's publication date with its source and confidence (0-1); <paramref name="Value"/> is null when unknown.</summary>
public readonly record struct PublicationDate(DateTimeOffset? Value, PublicationSource Source, double Confidence)
{
    public static PublicationDate Unknown { get; } = new(null, PublicationSource.Unknown, 0);
}

/// <summary>A figure: a number, amount or count, normalised.</summary>
/// <param name="Span">Characters of the figure with its qualifier and unit ("plus de 1 000 soldats").</param>
/// <param name="Value">The value (the lower bound of a range).</param>
/// <param name="ValueMax">The upper bound of a range, or null.</param>
/// <param name="Unit">The counted thing or unit as written ("soldats", "%"), or null.</param>
/// <param name="Currency">ISO 4217 code for money ("USD"), or null.</param>
/// <param name="Qualifier">"more-than", "less-than", "about", "at-least", "at-most" or null for exact.</param>
public readonly record struct Figure(TextSpan Span, decimal Value, decimal? ValueMax = null, string? Unit = null, string? Currency = null, string? Qualifier = null);
