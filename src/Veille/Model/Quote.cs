namespace Veille.Model;

/// <summary>What kind of quotation a <see cref="Quote"/> is.</summary>
public enum QuoteKind : byte
{
    /// <summary>Words in quotation marks attributed to a speaker.</summary>
    Direct,

    /// <summary>Reported speech: "X a déclaré que …", "according to X, …".</summary>
    Indirect,

    /// <summary>A word or short name in quotation marks without a reporting cue (« illégale », "American Pie"): not attributed.</summary>
    Scare,
}

/// <summary>A quotation with its speaker, cue and conduit.</summary>
/// <param name="Content">The quoted words, without the quotation marks.</param>
/// <param name="Kind">Direct, indirect or scare.</param>
/// <param name="Cue">The reporting verb or phrase ("a déclaré", "said", "selon"), or null.</param>
/// <param name="Speaker">The speaker's words in the text ("un haut responsable du Département d'État", "il"), or null.</param>
/// <param name="SpeakerMention">Index in <see cref="Document.Mentions"/> of the mention the speaker resolves to, or -1.</param>
/// <param name="Conduit">The outlet or channel it was reported through ("le Washington Post"), or null.</param>
public readonly record struct Quote(TextSpan Content, QuoteKind Kind, TextSpan? Cue = null, TextSpan? Speaker = null, int SpeakerMention = -1, TextSpan? Conduit = null);
