using System.Globalization;
using Veille.Corpus.Clustering;
using Veille.Model;
using Veille.Pipeline;
using Xunit.Abstractions;

namespace Veille.Tests.Corpus.Clustering;

/// <summary>Development probe (VEILLE_PROBE=1): nearest-neighbour accuracy of document vectors with corpus-wide frequencies.</summary>
public sealed class RepresentationProbeTests(ITestOutputHelper output)
{
    [ProbeFact("VEILLE_PROBE")]
    public void Probe_NearestNeighbour()
    {
        NewsPipeline pipeline = StageCatalog.CreateDefault();
        foreach (string file in new[] { "clustering-ecbplus-dev/ecbplus_dev.jsonl", "clustering-rpm2-fr-dev/rpm2_dev.jsonl" })
        {
            IReadOnlyList<ClusteringItem> items = ClusteringEvaluation.ReadJsonl(new StringReader(File.ReadAllText(Path.Combine(SharedData.Directory!, file))));
            Document[] documents = ClusteringEvaluation.Annotate(items, pipeline);
            foreach (int terms in new[] { 20, 40, 80, 200 })
            {
                foreach (int stem in new[] { 5, 6, 8, 40 })
                {
                    var options = StoryClusteringOptions.Default with { QueryTerms = terms, CentroidTerms = Math.Max(terms, 120), StemLength = stem };
                    var features = new StoryFeatures(options, StoryLexicon.Default);
                    var counts = documents.Select(features.Count).ToList();
                    counts.ForEach(features.Observe);
                    var vectors = counts.Select(features.Select).Select(v => v.Keys.Zip(v.Weights).ToDictionary(p => p.First, p => (double)p.Second)).ToList();
                    int correct = 0;
                    double within = 0, across = 0;
                    int withinCount = 0, acrossCount = 0;
                    for (int i = 0; i < vectors.Count; i++)
                    {
                        int best = -1;
                        double bestSimilarity = -1;
                        for (int j = 0; j < vectors.Count; j++)
                        {
                            if (i == j)
                            {
                                continue;
                            }

                            double similarity = vectors[i].Sum(p => vectors[j].TryGetValue(p.Key, out double w) ? w * p.Value : 0);
                            if (similarity > bestSimilarity)
                            {
                                best = j;
                                bestSimilarity = similarity;
                            }

                            if (items[i].Cluster == items[j].Cluster)
                            {
                                within += similarity;
                                withinCount++;
                            }
                            else if (items[i].Cluster!.Split('_')[0] == items[j].Cluster!.Split('_')[0])
                            {
                                across += similarity;
                                acrossCount++;
                            }
                        }

                        correct += items[best].Cluster == items[i].Cluster ? 1 : 0;
                    }

                    output.WriteLine(FormattableString.Invariant($"{Path.GetFileName(file)} terms={terms} stem={stem}: 1-NN {correct / (double)vectors.Count:F3}, mean cos within {within / withinCount:F3}, same topic other story {across / acrossCount:F3}"));
                }
            }
        }
    }
}

/// <summary>Development probe (VEILLE_PROBE=1): the predicted stories with their gold labels.</summary>
public sealed class ConfusionProbeTests(ITestOutputHelper output)
{
    [ProbeFact("VEILLE_PROBE")]
    public void Probe_Confusion()
    {
        string file = Environment.GetEnvironmentVariable("VEILLE_PROBE")!;
        IReadOnlyList<ClusteringItem> items = ClusteringEvaluation.ReadJsonl(new StringReader(File.ReadAllText(Path.Combine(SharedData.Directory!, file))));
        Document[] documents = ClusteringEvaluation.Annotate(items, StageCatalog.CreateDefault());
        var tracker = new StoryTracker();
        var gold = new Dictionary<DocumentId, string>();
        for (int i = 0; i < documents.Length; i++)
        {
            TrackedDocument tracked = tracker.Add(documents[i].Id, documents[i]);
            gold[documents[i].Id] = items[i].Cluster!;
            output.WriteLine(FormattableString.Invariant($"{items[i].Id} gold {items[i].Cluster} -> {tracked.Assignment.Story} sim {tracked.Assignment.Similarity:F3} new {tracked.Assignment.IsNewStory} dup {tracked.Duplicate?.Canonical} merged {tracked.Assignment.Merged.Length}"));
        }

        foreach (StoryRecord story in tracker.Clusterer.Stories())
        {
            output.WriteLine(story.Id + ": " + string.Join(" ", story.Members.Select(m => gold[m]).GroupBy(g => g).Select(g => g.Key + "×" + g.Count())));
        }
    }
}

/// <summary>Development probe (VEILLE_TERMS=1): top features of the first documents.</summary>
public sealed class TermsProbeTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void Probe_Terms()
    {
        if (Environment.GetEnvironmentVariable("VEILLE_TERMS") is not { Length: > 0 })
        {
            return;
        }

        IReadOnlyList<ClusteringItem> items = ClusteringEvaluation.ReadJsonl(new StringReader(File.ReadAllText(Path.Combine(SharedData.Directory!, "clustering-rpm2-fr-dev/rpm2_dev.jsonl"))));
        Document[] documents = ClusteringEvaluation.Annotate([.. items.Take(3)], StageCatalog.CreateDefault());
        var features = new StoryFeatures(StoryClusteringOptions.Default, StoryLexicon.Default);
        foreach (Document document in documents)
        {
            var counts = features.Count(document);
            features.Observe(counts);
            output.WriteLine($"{document.Language} tokens {document.Tokens.Length} title {document.Title}");
            SparseVector vector = features.Select(counts);
            output.WriteLine(string.Join(" ", vector.Keys.Take(60).Select(features.KeyOf)));
        }
    }
}
