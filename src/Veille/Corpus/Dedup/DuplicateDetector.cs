using Veille.Model;

namespace Veille.Corpus.Dedup;

/// <summary>
/// Finds exact copies and near-duplicates (syndicated copies, light rewrites) incrementally, in arrival order.
/// Requires tokens; keeps per document only its MinHash signature and LSH band keys (bounded memory).
/// Algorithm: MinHash over 5-word shingles of folded words, LSH banding for candidates, Jaccard estimate to confirm. Thread-safe.
/// </summary>
public sealed class DuplicateDetector
{
    private readonly DuplicateDetectorOptions options;
    private readonly MinHashSigner signer;
    private readonly List<Entry> entries = [];
    private readonly Dictionary<DocumentId, int> indexById = [];
    private readonly Dictionary<ulong, int> exactKeys = [];
    // LSH buckets as linked lists threaded through one int array: bucketHeads maps a band key to the newest entry in that bucket,
    // bucketNext[entry * bands + band] to the previous entry with the same key (-1 ends). About 30 bytes per band per document.
    private readonly Dictionary<ulong, int> bucketHeads = [];
    private int[] bucketNext = new int[1024];
    private readonly Lock gate = new();

    /// <summary>Creates an empty detector.</summary>
    public DuplicateDetector(DuplicateDetectorOptions? options = null)
    {
        this.options = (options ?? DuplicateDetectorOptions.Default).Validate();
        signer = new MinHashSigner(this.options.SignatureLength, this.options.ShingleLength, this.options.Seed);
    }

    /// <summary>Documents added so far.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>
    /// Adds a document (in arrival order) and returns its link to the canonical document it duplicates, or null when it is new.
    /// A document id seen before returns null and changes nothing.
    /// </summary>
    public DuplicateLink? Add(DocumentId id, Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        ulong[] words = MinHashSigner.WordHashes(document);
        ulong exactKey = MinHashSigner.SequenceHash(words);
        uint[] signature = signer.Sign(words);
        var bandKeys = new ulong[options.Bands];
        for (int band = 0; band < bandKeys.Length; band++)
        {
            bandKeys[band] = MinHashSigner.BandKey(signature, band, options.RowsPerBand);
        }

        lock (gate)
        {
            if (indexById.ContainsKey(id))
            {
                return null;
            }

            int index = entries.Count;
            DuplicateLink? link = null;
            int canonical = -1;
            if (words.Length > 0 && exactKeys.TryGetValue(exactKey, out int exact))
            {
                canonical = entries[exact].Canonical;
                link = new DuplicateLink(id, entries[canonical].Id, 1, DuplicateReason.Exact);
            }
            else if (words.Length >= options.MinimumWords)
            {
                (int best, double similarity) = BestCandidate(signature, bandKeys, Shingles(words.Length));
                if (best >= 0)
                {
                    canonical = entries[best].Canonical;
                    link = new DuplicateLink(id, entries[canonical].Id, similarity, DuplicateReason.NearDuplicate);
                }
            }

            entries.Add(new Entry(id, signature, canonical >= 0 ? canonical : index, Shingles(words.Length)));
            indexById.Add(id, index);
            if (words.Length > 0)
            {
                exactKeys.TryAdd(exactKey, index);
            }

            if (words.Length >= options.MinimumWords)
            {
                int bands = options.Bands;
                if (bucketNext.Length < (index + 1) * bands)
                {
                    Array.Resize(ref bucketNext, Math.Max((index + 1) * bands, bucketNext.Length * 2));
                }

                for (int band = 0; band < bands; band++)
                {
                    bucketNext[(index * bands) + band] = bucketHeads.TryGetValue(bandKeys[band], out int previous) ? previous : -1;
                    bucketHeads[bandKeys[band]] = index;
                }
            }

            return link;
        }
    }

    /// <summary>The canonical document of <paramref name="id"/> (itself when it is not a duplicate), or null when never added.</summary>
    public DocumentId? CanonicalOf(DocumentId id)
    {
        lock (gate)
        {
            return indexById.TryGetValue(id, out int index) ? entries[entries[index].Canonical].Id : null;
        }
    }

    /// <summary>The estimated Jaccard similarity of two documents' shingle sets (for tests and diagnostics).</summary>
    public double Estimate(Document left, Document right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return MinHashSigner.Estimate(signer.Sign(MinHashSigner.WordHashes(left)), signer.Sign(MinHashSigner.WordHashes(right)));
    }

    private int Shingles(int words) => Math.Max(1, words - options.ShingleLength + 1);

    // Containment of the smaller set in the larger, from the Jaccard estimate J and the set sizes: |A ∩ B| = J (|A| + |B|) / (1 + J).
    private static double Containment(double jaccard, int left, int right) =>
        Math.Min(1, jaccard * (left + right) / (1 + jaccard) / Math.Min(left, right));

    private bool IsNearDuplicate(double jaccard, int left, int right) =>
        jaccard >= options.Threshold || (jaccard >= options.MinimumJaccard && Containment(jaccard, left, right) >= options.ContainmentThreshold);

    private (int Best, double Similarity) BestCandidate(uint[] signature, ulong[] bandKeys, int shingles)
    {
        int best = -1;
        double bestSimilarity = 0;
        var seen = new HashSet<int>();
        for (int band = 0; band < bandKeys.Length; band++)
        {
            if (!bucketHeads.TryGetValue(bandKeys[band], out int head))
            {
                continue;
            }

            for (int candidate = head; candidate >= 0; candidate = bucketNext[(candidate * options.Bands) + band])
            {
                if (!seen.Add(candidate))
                {
                    continue;
                }

                double similarity = MinHashSigner.Estimate(signature, entries[candidate].Signature);
                // Ties go to the earlier document, so the canonical is the earliest copy.
                if (IsNearDuplicate(similarity, shingles, entries[candidate].Shingles) && (similarity > bestSimilarity || (similarity == bestSimilarity && candidate < best)))
                {
                    best = candidate;
                    bestSimilarity = similarity;
                }
            }
        }

        return (best, bestSimilarity);
    }

    private sealed record Entry(DocumentId Id, uint[] Signature, int Canonical, int Shingles);
}
