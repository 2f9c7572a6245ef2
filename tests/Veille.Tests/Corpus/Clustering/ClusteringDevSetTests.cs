using System.Globalization;
using Veille.Corpus.Clustering;
using Veille.Model;
using Veille.Pipeline;
using Xunit.Abstractions;

namespace Veille.Tests.Corpus.Clustering;

/// <summary>Story clustering on the development sets, with floors under the measured scores (see docs/stories.md).</summary>
public sealed class ClusteringDevSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<NewsPipeline> Pipeline = new(StageCatalog.CreateDefault);

    [SharedDataFact]
    public void EcbPlus_MeetsFloor() => Check("clustering-ecbplus-dev/ecbplus_dev.jsonl", 0.82);

    [SharedDataFact]
    public void Rpm2French_MeetsFloor() => Check("clustering-rpm2-fr-dev/rpm2_dev.jsonl", 0.60);

    /// <summary>Threshold sweep for development: VEILLE_SWEEP=0.18,0.22 (join thresholds) and VEILLE_MERGE=0.3,0.4 (merge thresholds).</summary>
    [ProbeFact("VEILLE_SWEEP")]
    public void Sweep_Thresholds()
    {
        string sweep = Environment.GetEnvironmentVariable("VEILLE_SWEEP")!;
        foreach (string file in new[] { "clustering-ecbplus-dev/ecbplus_dev.jsonl", "clustering-rpm2-fr-dev/rpm2_dev.jsonl" })
        {
            IReadOnlyList<ClusteringItem> items = ClusteringEvaluation.ReadJsonl(new StringReader(File.ReadAllText(Path.Combine(SharedData.Directory!, file))));
            Document[] documents = ClusteringEvaluation.Annotate(items, Pipeline.Value);
            foreach (string join in sweep.Split(','))
            {
                foreach (double merge in (Environment.GetEnvironmentVariable("VEILLE_MERGE") ?? "0.4").Split(",").Select(x => double.Parse(x, CultureInfo.InvariantCulture)))
                {
                    var options = StoryClusteringOptions.Default with { JoinThreshold = double.Parse(join, CultureInfo.InvariantCulture), MergeThreshold = merge };
                    var results = new List<double>();
                    for (int seed = 0; seed <= 3; seed++)
                    {
                        int[] order = [.. Enumerable.Range(0, documents.Length)];
                        if (seed > 0)
                        {
                            new Random(seed).Shuffle(order);
                        }

                        var tracker = new StoryTracker(options);
                        var gold = new Dictionary<DocumentId, string>();
                        foreach (int i in order)
                        {
                            tracker.Add(documents[i].Id, documents[i]);
                            gold[documents[i].Id] = items[i].Cluster!;
                        }

                        results.Add(ClusteringEvaluator.Score(gold, tracker.Clusterer.Assignments()).BCubedF1);
                    }

                    output.WriteLine(FormattableString.Invariant($"{Path.GetFileName(file)} join={join} merge={merge}: F1 {results.Average():F4} spread {results.Max() - results.Min():F4} [{string.Join(" ", results.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}]"));
                }
            }
        }
    }

    private void Check(string file, double floor)
    {
        IReadOnlyList<ClusteringItem> items = ClusteringEvaluation.ReadJsonl(new StringReader(File.ReadAllText(Path.Combine(SharedData.Directory!, file))));
        ClusteringEvaluationResult result = ClusteringEvaluation.Run(items, Pipeline.Value, orders: 5);
        foreach (OrderScores order in new[] { result.Fixed }.Concat(result.Shuffled))
        {
            ClusteringScores s = order.Scores;
            output.WriteLine(FormattableString.Invariant($"{order.Order}: B3 P {s.BCubedPrecision:F4} R {s.BCubedRecall:F4} F1 {s.BCubedF1:F4}; pairwise F1 {s.PairwiseF1:F4}; {s.PredictedClusters} stories / {s.GoldClusters} gold; {order.Duplicates} duplicates"));
        }

        output.WriteLine(FormattableString.Invariant($"mean B3 F1 {result.MeanBCubedF1:F4}, spread {result.SpreadBCubedF1:F4}, mean pairwise F1 {result.MeanPairwiseF1:F4}"));
        Assert.True(result.MeanBCubedF1 >= floor, $"B-cubed F1 {result.MeanBCubedF1:F4} under the floor {floor}");
        Assert.True(result.SpreadBCubedF1 <= 0.06, $"spread {result.SpreadBCubedF1:F4} over orders");
    }
}
