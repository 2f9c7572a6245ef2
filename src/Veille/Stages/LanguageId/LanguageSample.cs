namespace Veille.Stages.LanguageId;

/// <summary>A text labelled with its language tag, for training and evaluation.</summary>
/// <param name="Language">Language tag as the data names it ("fr", "en").</param>
/// <param name="Text">One sentence or document.</param>
public readonly record struct LanguageSample(string Language, string Text);
