using BenchmarkDotNet.Attributes;
using Veille.Corpus.Clustering;
using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Benchmarks.Corpus;

/// <summary>
/// Duplicate detection and story clustering per document on a seeded synthetic stream (150-word documents, about 150 live stories),
/// after a warm-up of <see cref="Warm"/> documents so the cost measured is that of a corpus of that size.
/// </summary>
[MemoryDiagnoser]
public class ClusteringBench
{
    private const int Batch = 1_000;
    private Document[] batch = [];
    private StoryClusterer clusterer = new();
    private DuplicateDetector detector = new();
    private int round;

    /// <summary>Documents already added before the measured batch.</summary>
    [Params(10_000, 50_000)]
    public int Warm { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var stream = new SyntheticStoryStream(seed: 42);
        clusterer = new StoryClusterer();
        detector = new DuplicateDetector();
        for (int i = 0; i < Warm; i++)
        {
            Document document = stream.Next(i).Document;
            clusterer.Add(document.Id, document);
            detector.Add(document.Id, document);
        }

        batch = [.. Enumerable.Range(Warm, Batch).Select(i => stream.Next(i).Document)];
    }

    /// <summary>Clusters 1,000 documents (fresh ids each round, so every call does the full work).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int Cluster()
    {
        int created = 0;
        string suffix = "r" + round++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (Document document in batch)
        {
            created += clusterer.Add(new DocumentId(document.Id.Value + suffix), document).IsNewStory ? 1 : 0;
        }

        return created;
    }

    /// <summary>Signs and checks 1,000 documents for duplicates.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int Deduplicate()
    {
        int found = 0;
        string suffix = "r" + round++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (Document document in batch)
        {
            found += detector.Add(new DocumentId(document.Id.Value + suffix), document) is null ? 0 : 1;
        }

        return found;
    }
}
