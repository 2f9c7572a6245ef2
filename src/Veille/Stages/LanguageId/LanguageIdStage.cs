using Veille.Model;
using Veille.Pipeline;

namespace Veille.Stages.LanguageId;

/// <summary>
/// Requires the cleaned text; produces the document language with a confidence ("und" when unsure).
/// Algorithm: character n-gram naive Bayes over the 79 languages of the Leipzig sentences, see <see cref="LanguageIdentifier"/>.
/// </summary>
public sealed class LanguageIdStage(LanguageIdOptions? options = null) : IDocumentStage
{
    private readonly LanguageIdOptions options = options ?? LanguageIdOptions.Default;

    public StageInfo Info { get; } = new("language-id", 2, Layers.Text, Layers.Language);

    public void Process(Document document, StageContext context)
    {
        Language language = LanguageIdentifier.Default.Identify(document.Text, options.MinimumConfidence);
        if (!language.IsDetermined && document.Source.LanguageHint is { Length: > 0 } hint)
        {
            language = new Language(hint, 0.5);
        }

        document.SetLanguage(language);
    }
}

/// <summary>Options of <see cref="LanguageIdStage"/>.</summary>
/// <param name="MinimumConfidence">Below this confidence (0-1) the language is "und".</param>
public sealed record LanguageIdOptions(double MinimumConfidence = 0.5)
{
    public static LanguageIdOptions Default { get; } = new();
}
