using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Corpus.Clustering;

/// <summary>What <see cref="StoryTracker.Add(Document)"/> decided for one document.</summary>
/// <param name="Duplicate">Its duplicate link, or null when it is not a copy.</param>
/// <param name="Assignment">Its story.</param>
public sealed record TrackedDocument(DuplicateLink? Duplicate, StoryAssignment Assignment);

/// <summary>
/// Duplicate detection then story clustering, for documents arriving in time order: the composition ingest uses.
/// Duplicates join the story of their canonical document. Thread-safe (calls are serialised per component).
/// </summary>
public sealed class StoryTracker
{
    private readonly Lock gate = new();

    /// <summary>Creates a tracker with fresh state.</summary>
    public StoryTracker(StoryClusteringOptions? clustering = null, DuplicateDetectorOptions? duplicates = null)
    {
        Duplicates = new DuplicateDetector(duplicates);
        Clusterer = new StoryClusterer(clustering);
    }

    /// <summary>The duplicate detector.</summary>
    public DuplicateDetector Duplicates { get; }

    /// <summary>The story clusterer.</summary>
    public StoryClusterer Clusterer { get; }

    /// <summary>Adds a document under <paramref name="id"/> (usually <see cref="Document.Id"/>).</summary>
    public TrackedDocument Add(DocumentId id, Document document)
    {
        lock (gate)
        {
            DuplicateLink? duplicate = Duplicates.Add(id, document);
            return new TrackedDocument(duplicate, Clusterer.Add(id, document, duplicate));
        }
    }

    /// <summary>Adds a document under its own id.</summary>
    public TrackedDocument Add(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Add(document.Id, document);
    }
}
