using System.Globalization;
using Veille.Corpus.Clustering;
using Veille.Corpus.Dedup;
using Veille.Model;
using Veille.Pipeline;
using Xunit.Abstractions;

namespace Veille.Tests.Corpus.Dedup;

/// <summary>Near-duplicate precision and recall on copies generated from the development articles (see docs/stories.md).</summary>
public sealed class DuplicateDevSetTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public void GeneratedCopies_PrecisionAndRecall()
    {
        var originals = new List<ClusteringItem>();
        foreach (string file in new[] { "clustering-ecbplus-dev/ecbplus_dev.jsonl", "clustering-rpm2-fr-dev/rpm2_dev.jsonl" })
        {
            originals.AddRange(ClusteringEvaluation.ReadJsonl(new StringReader(File.ReadAllText(Path.Combine(SharedData.Directory!, file)))));
        }

        IReadOnlyList<GeneratedCopy> copies = NearDuplicateSetGenerator.Generate(originals, seed: 7);
        List<ClusteringItem> all = [.. originals, .. copies.Select(copy => copy.Item)];
        Document[] documents = ClusteringEvaluation.Annotate(all, StageCatalog.CreateDefault());
        var family = new Dictionary<DocumentId, string>();
        var story = new Dictionary<DocumentId, string>();
        for (int i = 0; i < all.Count; i++)
        {
            family[documents[i].Id] = i < originals.Count ? all[i].Id : copies[i - originals.Count].OriginalId;
            story[documents[i].Id] = all[i].Cluster!;
        }

        int[] order = [.. Enumerable.Range(0, all.Count)];
        new Random(11).Shuffle(order);
        var detector = new DuplicateDetector();
        var links = new List<DuplicateLink>();
        foreach (int index in order)
        {
            if (detector.Add(documents[index].Id, documents[index]) is { } link)
            {
                links.Add(link);
            }
        }

        // A copy is found when it ends in the duplicate group of its original. A link between two different dev articles (or their
        // copies) is accepted only when their texts are verified near-identical (exact shingle Jaccard or containment at least 0.5):
        // the corpus itself holds syndicated copies (ECB+ has several).
        var byId = documents.ToDictionary(document => document.Id);
        var originalOf = new Dictionary<string, DocumentId>();
        for (int i = 0; i < originals.Count; i++)
        {
            originalOf[all[i].Id] = documents[i].Id;
        }

        var found = new Dictionary<string, bool>();
        for (int i = originals.Count; i < all.Count; i++)
        {
            GeneratedCopy copy = copies[i - originals.Count];
            found[copy.Item.Id] = detector.CanonicalOf(documents[i].Id) == detector.CanonicalOf(originalOf[copy.OriginalId]);
        }

        var crossLinks = links.Where(link => family[link.Duplicate] != family[link.Canonical]).ToList();
        int differentStory = crossLinks.Count(link => story[link.Duplicate] != story[link.Canonical]);
        double minimumOverlap = crossLinks.Count == 0 ? 1 : crossLinks.Min(link => Overlap(byId[link.Duplicate], byId[link.Canonical]));
        int wrong = crossLinks.Count(link => Overlap(byId[link.Duplicate], byId[link.Canonical]) < 0.5);
        double recall = (double)found.Values.Count(value => value) / copies.Count;
        double precision = links.Count == 0 ? 1 : (double)(links.Count - wrong) / links.Count;

        output.WriteLine(FormattableString.Invariant($"{originals.Count} articles, {copies.Count} copies, {links.Count} links"));
        output.WriteLine(FormattableString.Invariant($"recall {recall:F4}; precision {precision:F4} ({wrong} wrong links)"));
        output.WriteLine(FormattableString.Invariant($"links between different dev articles: {crossLinks.Count}, of which across stories: {differentStory}; lowest true overlap among them {minimumOverlap:F3}"));
        foreach (string edits in copies.Select(copy => copy.Edits).Distinct().Order(StringComparer.Ordinal))
        {
            List<GeneratedCopy> kind = [.. copies.Where(copy => copy.Edits == edits)];
            output.WriteLine(FormattableString.Invariant($"  {edits}: recall {(double)kind.Count(copy => found[copy.Item.Id]) / kind.Count:F4} ({kind.Count})"));
        }

        Assert.True(recall >= 0.95, $"recall {recall:F4}");
        Assert.True(precision >= 0.99, $"precision {precision:F4}");
        Assert.Equal(0, differentStory);
    }

    /// <summary>The larger of the exact 5-shingle Jaccard similarity and the containment of the smaller set in the larger.</summary>
    private static double Overlap(Document left, Document right)
    {
        HashSet<ulong> a = Shingles(left);
        HashSet<ulong> b = Shingles(right);
        int shared = a.Count(b.Contains);
        return Math.Max((double)shared / (a.Count + b.Count - shared), (double)shared / Math.Max(1, Math.Min(a.Count, b.Count)));
    }

    private static HashSet<ulong> Shingles(Document document)
    {
        ulong[] words = MinHashSigner.WordHashes(document);
        var shingles = new HashSet<ulong>();
        for (int i = 0; i + 5 <= words.Length; i++)
        {
            shingles.Add(MinHashSigner.SequenceHash(words.AsSpan(i, 5)));
        }

        return shingles;
    }
}
