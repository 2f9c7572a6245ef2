using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

/// <summary>Floors on the first 500 sentences of the evaluation sets, a little below the measured scores (docs/ner.md), to catch regressions fast.</summary>
public sealed class NerSharedDataTests
{
    [SharedDataFact]
    public void Evaluate_WikiNeuralFrenchSliceStaysAboveFloor()
    {
        NerScores scores = NerEvaluator.Evaluate(Path.Combine(SharedData.Directory!, "ner-wikineural-fr-val", "val.conllu"), "fr", NamedEntityTagger.Default, 500);

        Assert.True(scores.Overall.F1 > 0.66, $"F1 {scores.Overall.F1:F4}");
    }

    [SharedDataFact]
    public void Evaluate_Conll2003EnglishSliceStaysAboveFloor()
    {
        NerScores scores = NerEvaluator.Evaluate(Path.Combine(SharedData.Directory!, "ner-conll2003-en-val", "val.conllu"), "en", NamedEntityTagger.Default, 500);

        Assert.True(scores.Overall.F1 > 0.60, $"F1 {scores.Overall.F1:F4}");
    }
}
