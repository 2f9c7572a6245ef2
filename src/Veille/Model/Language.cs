namespace Veille.Model;

/// <summary>A document's language as a BCP-47 tag ("fr", "en"; "und" when unsure) with a confidence in [0, 1].</summary>
public readonly record struct Language(string Tag, double Confidence)
{
    /// <summary>The tag used when the language is unknown or the identifier is unsure.</summary>
    public const string UndeterminedTag = "und";

    public static Language Undetermined { get; } = new(UndeterminedTag, 0);

    public bool IsDetermined => Tag != UndeterminedTag;
}
