namespace Veille.Corpus.Dedup;

/// <summary>Settings of <see cref="DuplicateDetector"/>; validated by <see cref="Validate"/>.</summary>
/// <param name="ShingleLength">Words per shingle (5: long enough that two independent articles rarely share one).</param>
/// <param name="Bands">LSH bands; <paramref name="Bands"/> × <paramref name="RowsPerBand"/> MinHash values are kept per document.</param>
/// <param name="RowsPerBand">MinHash values per band (2 with 63 bands: a pair at Jaccard 0.3 is a candidate with probability 0.997).</param>
/// <param name="Threshold">Minimum estimated Jaccard similarity for a near-duplicate, in (0, 1].</param>
/// <param name="ContainmentThreshold">A pair below <paramref name="Threshold"/> is still a near-duplicate when this share of the smaller text's shingles is in the larger (a copy with boilerplate added or a paragraph cut)...</param>
/// <param name="MinimumJaccard">...provided its estimated Jaccard similarity reaches this floor.</param>
/// <param name="MinimumWords">Documents with fewer content words are only checked for exact copies.</param>
/// <param name="Seed">Seed of the MinHash permutations (fixed: signatures must stay comparable across runs).</param>
public sealed record DuplicateDetectorOptions(
    int ShingleLength = 5,
    int Bands = 63,
    int RowsPerBand = 2,
    double Threshold = 0.5,
    double ContainmentThreshold = 0.8,
    double MinimumJaccard = 0.3,
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
        if (ShingleLength < 1 || Bands < 1 || RowsPerBand < 1 || Threshold <= 0 || Threshold > 1 || MinimumWords < 0 || ContainmentThreshold <= 0 || ContainmentThreshold > 1 || MinimumJaccard <= 0 || MinimumJaccard > Threshold)
        {
            throw new ArgumentOutOfRangeException(nameof(DuplicateDetectorOptions), $"Invalid duplicate detector options: {this}.");
        }

        return this;
    }
}
