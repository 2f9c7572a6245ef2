using Veille.Model;

namespace Veille.Stages.LanguageId;

/// <summary>Identifies the language of a text. Thread-safe. PLACEHOLDER: replaced by the n-gram model (issue 2).</summary>
public sealed class LanguageIdentifier
{
    public static LanguageIdentifier Default { get; } = new();

    /// <summary>The most likely language of <paramref name="text"/>, or "und" below <paramref name="minimumConfidence"/>.</summary>
    public Language Identify(ReadOnlySpan<char> text, double minimumConfidence = 0.5)
    {
        int french = 0;
        foreach (char c in text)
        {
            if (c is 'é' or 'è' or 'à' or 'ç')
            {
                french++;
            }
        }

        return french > 0 ? new Language("fr", 0.9) : Language.Undetermined;
    }
}
