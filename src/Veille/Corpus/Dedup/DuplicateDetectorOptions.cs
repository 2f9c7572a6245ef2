namespace Veille.Corpus.Dedup;

/// <summary>Settings of <see cref="DuplicateDetector"/>; validated by <see cref="Validate"/>.</summary>
/// <param name="ShingleLength">Words per shingle (5: long enough that two independent articles rarely share one).</param>
/// <param name="Bands">LSH bands; <paramref name="Bands"/> × <paramref name="RowsPerBand"/> MinHash values are kept per document.</param>
/// <param name="RowsPerBand">MinHash values per band (3 with 42 bands: a pair at Jaccard 0.5 is a candidate with probability 0.996).</param>
/// <param name="Threshold">Minimum estimated Jaccard similarity for a near-duplicate, in (0, 1].</param>
/// <param name="MinimumWords">Documents with fewer content words are only checked for exact copies.</param>
/// <param name="Seed">Seed of the MinHash permutations (fixed: signatures must stay comparable across runs).</param>
public sealed record DuplicateDetectorOptions(
    int ShingleLength = 5,
    int Bands = 42,
    int RowsPerBand = 3,
    double Threshold = 0.5,
    int MinimumWords = 20,
    int Seed = 20240425)
{
    /// <summary>The defaults.</summary>
    public static DuplicateDetectorOptions Default { get; } = new();

    /// <summary>MinHash values per document.</summary>
    public int SignatureLength => Bands * RowsPerBand;

    /// <summary>Throws when a setting is out of range.</summary>
    public DuplicateDetectorOptions Validate()
    {
        if (ShingleLength < 1 || Bands < 1 || RowsPerBand < 1 || Threshold <= 0 || Threshold > 1 || MinimumWords < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DuplicateDetectorOptions), $"Invalid duplicate detector options: {this}.");
        }

        return this;
    }
}
