using Veille.Model;

namespace Veille.Storage;

/// <summary>
/// Durable home of documents and their layers (the single source of truth; search indexes derive from it).
/// Implementations are safe for one writer and many readers.
/// </summary>
public interface IDocumentStore : IDisposable
{
    /// <summary>True when a document with this id is stored.</summary>
    bool Contains(DocumentId id);

    /// <summary>Stores documents with their layers in one transaction; documents already stored are left unchanged.</summary>
    /// <returns>The ids that were new.</returns>
    IReadOnlyList<DocumentId> Save(IReadOnlyList<StoredDocument> documents);

    /// <summary>Loads one document, or null when absent.</summary>
    StoredDocument? Load(DocumentId id);

    /// <summary>Finds a document by its external id (from the input), or null.</summary>
    DocumentId? FindByExternalId(string externalId);

    /// <summary>All documents in ingest order, streamed.</summary>
    IEnumerable<StoredDocument> All();

    /// <summary>Number of stored documents.</summary>
    long Count();

    /// <summary>Ids of documents not yet confirmed in the search index (after a crash between store and index commits).</summary>
    IReadOnlyList<DocumentId> Unindexed();

    /// <summary>Marks documents as present in the committed search index.</summary>
    void MarkIndexed(IReadOnlyCollection<DocumentId> ids);

    /// <summary>Appends to the ingest log: what happened to one input item and why.</summary>
    void LogIngest(IngestLogEntry entry);

    /// <summary>The most recent ingest log entries, newest first.</summary>
    IReadOnlyList<IngestLogEntry> IngestLog(int limit);

    /// <summary>Corpus statistics for <c>veille stats</c>.</summary>
    StoreStatistics Statistics();
}

/// <summary>A document as stored: its metadata, texts and serialised layers.</summary>
/// <param name="Document">The document with its layers.</param>
/// <param name="Layers">Each layer's payload with the stage name and version that produced it.</param>
/// <param name="IngestedUtc">When it was stored.</param>
public sealed record StoredDocument(Document Document, IReadOnlyList<StoredLayer> Layers, DateTimeOffset IngestedUtc);

/// <summary>One serialised layer of a document, tagged with the stage that produced it.</summary>
/// <param name="Layer">Layer name ("text", "tokens", …).</param>
/// <param name="Stage">Producing stage name.</param>
/// <param name="Version">Producing stage version.</param>
/// <param name="Payload">JSON payload.</param>
public sealed record StoredLayer(string Layer, string Stage, int Version, string Payload);

/// <summary>One line of the ingest log.</summary>
/// <param name="Input">The file, URL or file:line the item came from.</param>
/// <param name="Status">"stored", "duplicate", "skipped" or "warning".</param>
/// <param name="Reason">Why, with an error code, for anything but "stored".</param>
/// <param name="DocumentId">The document, when one was made.</param>
/// <param name="AtUtc">When.</param>
public sealed record IngestLogEntry(string Input, string Status, string? Reason, string? DocumentId, DateTimeOffset AtUtc);

/// <summary>Counts for <c>veille stats</c>.</summary>
public sealed record StoreStatistics(
    long Documents,
    IReadOnlyDictionary<string, long> ByLanguage,
    IReadOnlyDictionary<string, long> BySource,
    long RawCharacters,
    long TextCharacters,
    long StoreBytes);
