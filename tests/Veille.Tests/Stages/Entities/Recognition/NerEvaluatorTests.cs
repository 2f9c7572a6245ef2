using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class NerEvaluatorTests
{
    [Fact]
    public void Score_CountsOnlyExactMatches()
    {
        string[][] gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "I-ORG", "I-ORG"]];
        string[][] predicted = [["B-PER", "I-PER", "O", "B-ORG"], ["B-ORG", "I-ORG", "O"]];

        NerScores scores = NerEvaluator.Score(gold, predicted);

        Assert.Equal(new NerTypeScore("ALL", 3, 3, 1), scores.Overall);
        Assert.Equal(1.0 / 3, scores.Overall.Precision, 6);
        Assert.Equal(1.0 / 3, scores.Overall.F1, 6);
        Assert.Equal(["LOC", "ORG", "PER"], scores.PerType.Select(score => score.Type));
        Assert.Equal(new NerTypeScore("ORG", 1, 2, 0), scores.PerType[1]);
        Assert.Equal(1.0, scores.PerType[2].F1);
    }

    [Fact]
    public void Score_IsolatedInsideTagCountsAsAnEntity()
    {
        NerScores scores = NerEvaluator.Score([["O", "B-PER", "I-PER"]], [["O", "I-PER", "I-PER"]]);

        Assert.Equal(1.0, scores.Overall.F1);
    }

    [Fact]
    public void Score_TypeChangeInsideAnEntityIsTwoPredictions()
    {
        NerScores scores = NerEvaluator.Score([["B-ORG", "I-ORG"]], [["B-ORG", "I-LOC"]]);

        Assert.Equal(new NerTypeScore("ALL", 1, 2, 0), scores.Overall);
    }

    [Fact]
    public void Score_NothingPredictedGivesZeroNotNaN()
    {
        NerScores scores = NerEvaluator.Score([["B-PER"]], [["O"]]);

        Assert.Equal(0, scores.Overall.Precision);
        Assert.Equal(0, scores.Overall.F1);
    }

    [Fact]
    public void Score_RejectsMismatchedSentenceCounts() =>
        Assert.Throws<ArgumentException>(() => NerEvaluator.Score([["O"]], []));
}
