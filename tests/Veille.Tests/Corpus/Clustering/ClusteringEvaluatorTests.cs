using Veille.Corpus.Clustering;

namespace Veille.Tests.Corpus.Clustering;

public sealed class ClusteringEvaluatorTests
{
    [Fact]
    public void Score_PerfectClustering_IsOne()
    {
        var gold = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y" };
        var predicted = new Dictionary<string, int> { ["a"] = 7, ["b"] = 7, ["c"] = 3 };

        ClusteringScores scores = ClusteringEvaluator.Score(gold, predicted);

        Assert.Equal(1, scores.BCubedF1, 9);
        Assert.Equal(1, scores.PairwiseF1, 9);
    }

    [Fact]
    public void Score_AllInOne_MatchesHandComputedBCubed()
    {
        // Gold {a,b} {c}; predicted {a,b,c}: precision = (2/3 + 2/3 + 1/3) / 3 = 5/9, recall = 1.
        var gold = new Dictionary<string, string> { ["a"] = "x", ["b"] = "x", ["c"] = "y" };
        var predicted = new Dictionary<string, string> { ["a"] = "s", ["b"] = "s", ["c"] = "s" };

        ClusteringScores scores = ClusteringEvaluator.Score(gold, predicted);

        Assert.Equal(5.0 / 9, scores.BCubedPrecision, 9);
        Assert.Equal(1, scores.BCubedRecall, 9);
        Assert.Equal(1.0 / 3, scores.PairwisePrecision, 9);
        Assert.Equal(1, scores.PairwiseRecall, 9);
    }

    [Fact]
    public void ReadJsonl_ReadsTokenizedTextAndMetadata()
    {
        string jsonl = """
            {"doc_id": "1", "cluster": "a", "text_tokenized": "One line .", "published": "2024-04-25T10:00:00Z"}
            {"doc_id": "2", "cluster": "b", "title": "T", "text": "Body", "language": "fr"}
            """;

        IReadOnlyList<ClusteringItem> items = ClusteringEvaluation.ReadJsonl(new StringReader(jsonl));

        Assert.Equal(2, items.Count);
        Assert.Equal("One line .", items[0].Text);
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 10, 0, 0, TimeSpan.Zero), items[0].Published);
        Assert.Equal("T", items[1].Title);
        Assert.Equal([0, 1], ClusteringEvaluation.FixedOrder(items));
    }
}
