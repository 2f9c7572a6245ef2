using Veille.Stages.LanguageId;

namespace Veille.Tests.Stages.LanguageId;

public sealed class LanguageIdSharedDataTests
{
    // Two folds keep the test under ~15 s; docs/langid.md reports the full 5-fold measurement.
    [SharedDataFact]
    public void CrossValidation_MeetsAccuracyTargets()
    {
        IReadOnlyList<LanguageSample> samples = LanguageIdData.ReadFolder(Path.Combine(SharedData.Directory!, "langid"));

        LanguageIdEvaluation evaluation = LanguageIdEvaluator.CrossValidate(samples, folds: 2);

        Assert.Equal(79, evaluation.Languages.Count);
        Assert.True(evaluation.MeanAccuracy >= 0.96, $"mean accuracy {evaluation.MeanAccuracy:P2}");
        foreach (LanguageAccuracy language in evaluation.Languages)
        {
            if (language.Language is "fr" or "en")
            {
                Assert.True(language.Accuracy >= 0.99, $"{language.Language} accuracy {language.Accuracy:P2}");
            }
        }
    }

    [SharedDataFact]
    public void EmbeddedModel_KnowsEveryLanguageOfTheData()
    {
        IReadOnlyList<LanguageSample> samples = LanguageIdData.ReadFolder(Path.Combine(SharedData.Directory!, "langid"));

        Assert.All(samples.Select(sample => sample.Language).Distinct(), tag => Assert.Contains(tag, LanguageIdentifier.Default.Languages));
    }
}
