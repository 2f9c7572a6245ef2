using Veille.Model;

namespace Veille.Storage;

/// <summary>A full-text index over stored documents; derived data, rebuilt from the store when needed.</summary>
public interface ISearchIndex : IDisposable
{
    /// <summary>Adds or replaces documents (keyed by id, so a document is never indexed twice). Not visible until <see cref="Commit"/>.</summary>
    void Index(IReadOnlyList<Document> documents);

    /// <summary>Makes indexed documents durable and searchable.</summary>
    void Commit();

    /// <summary>Runs a query with filters; results best first.</summary>
    SearchResult Search(SearchQuery query);

    /// <summary>Number of documents in the committed index.</summary>
    long Count();

    /// <summary>Ids of every committed document (for consistency checks).</summary>
    IReadOnlyCollection<DocumentId> AllIds();
}

/// <summary>A search: query text in the usual syntax (terms, "phrases", AND/OR/NOT, field:value) and filters.</summary>
/// <param name="Text">The query.</param>
/// <param name="Language">Only documents in this language.</param>
/// <param name="Source">Only documents from this source.</param>
/// <param name="From">Published on or after (UTC; the publication date from metadata or inferred from the text).</param>
/// <param name="To">Published before (UTC, exclusive).</param>
/// <param name="Limit">Maximum hits returned (1-1000).</param>
/// <param name="Entities">Only documents mentioning every one of these entities.</param>
/// <param name="Speaker">Only documents quoting this entity.</param>
public sealed record SearchQuery(
    string Text,
    string? Language = null,
    string? Source = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = 10,
    IReadOnlyList<EntityId>? Entities = null,
    EntityId? Speaker = null);

/// <summary>Search results: total matches and the best hits.</summary>
public sealed record SearchResult(long Total, IReadOnlyList<SearchHit> Hits);

/// <summary>One hit with a snippet; <paramref name="Highlights"/> are spans of the snippet that match query terms.</summary>
public sealed record SearchHit(DocumentId Id, double Score, string? Title, string Snippet, IReadOnlyList<TextSpan> Highlights);
