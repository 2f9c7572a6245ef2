using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Storage;

/// <summary>Durable story membership and duplicate links (the clusterer's decisions), queried by hosts.</summary>
public interface IStoryStore
{
    /// <summary>Every stored document's story.</summary>
    IReadOnlyDictionary<DocumentId, StoryId> StoryAssignments();

    /// <summary>Records (or moves, after a merge) documents' stories and new duplicate links, in one transaction.</summary>
    void SaveStories(IReadOnlyDictionary<DocumentId, StoryId> assignments, IReadOnlyList<DuplicateLink> duplicates);

    /// <summary>The story of a document, or null.</summary>
    StoryId? StoryOf(DocumentId document);

    /// <summary>Stories, biggest then most recently ingested first, optionally only those with a member in this language.</summary>
    IReadOnlyList<StoryListing> Stories(string? language = null, int limit = 20);

    /// <summary>A story's members in ingest order (empty when the story is unknown).</summary>
    IReadOnlyList<DocumentId> StoryMembers(StoryId story);

    /// <summary>The duplicate links whose duplicate is one of <paramref name="documents"/>.</summary>
    IReadOnlyList<DuplicateLink> DuplicatesOf(IReadOnlyCollection<DocumentId> documents);
}

/// <summary>A story in a listing.</summary>
/// <param name="Id">The story id.</param>
/// <param name="Members">Member documents, duplicates included.</param>
/// <param name="Languages">Languages of the members.</param>
public sealed record StoryListing(StoryId Id, int Members, IReadOnlyList<string> Languages);
