using Veille.Model;

namespace Veille.Corpus.Dedup;

/// <summary>Why a document was linked to another.</summary>
public enum DuplicateReason : byte
{
    /// <summary>The same words in the same order (after folding case and accents).</summary>
    Exact,

    /// <summary>A light rewrite: shingle Jaccard estimate at or above <see cref="DuplicateDetectorOptions.Threshold"/>, or a high containment.</summary>
    NearDuplicate,
}

/// <summary>A duplicate document and the canonical (earliest seen) document it copies.</summary>
/// <param name="Duplicate">The later document.</param>
/// <param name="Canonical">The earliest document of its duplicate group (never itself a duplicate).</param>
/// <param name="Similarity">Estimated Jaccard similarity of their word shingles, in [0, 1] (1 for exact copies).</param>
/// <param name="Reason">Exact copy or near-duplicate.</param>
public sealed record DuplicateLink(DocumentId Duplicate, DocumentId Canonical, double Similarity, DuplicateReason Reason)
{
    /// <summary>The reason as written in outputs: "exact" or "near-duplicate".</summary>
    public string ReasonName => Reason == DuplicateReason.Exact ? "exact" : "near-duplicate";
}
