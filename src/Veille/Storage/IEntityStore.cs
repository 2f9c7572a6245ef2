using Veille.Corpus.Entities;
using Veille.Model;

namespace Veille.Storage;

/// <summary>The corpus-level index of entities and quotes, derived from stored mention and quote layers.</summary>
public interface IEntityStore
{
    /// <summary>The most mentioned entities, optionally of one kind and in documents of one language.</summary>
    IReadOnlyList<EntitySummary> TopEntities(EntityKind? kind = null, string? language = null, int limit = 20);

    /// <summary>Finds an entity by id, canonical name or alias (case-insensitive); null when none matches.</summary>
    EntityDetail? FindEntity(string nameOrId, int documentLimit = 50);

    /// <summary>Quotes, newest documents first, optionally only those whose speaker is this entity.</summary>
    IReadOnlyList<QuoteRecord> Quotes(EntityId? speaker = null, IReadOnlyCollection<DocumentId>? documents = null, int limit = 100);
}

/// <summary>An entity with its corpus counts.</summary>
/// <param name="Entity">Id, canonical name, kind, place.</param>
/// <param name="Mentions">Mentions across the corpus.</param>
/// <param name="Documents">Documents that mention it.</param>
public sealed record EntitySummary(DocumentEntity Entity, long Mentions, long Documents);

/// <summary>Everything known about one entity.</summary>
/// <param name="Summary">Counts.</param>
/// <param name="Aliases">Surface forms, most frequent first.</param>
/// <param name="Roles">Roles given in the texts, most frequent first.</param>
/// <param name="Documents">Documents mentioning it, most recent ingest first.</param>
/// <param name="CoMentioned">Entities mentioned in the same documents, with the number of shared documents.</param>
public sealed record EntityDetail(
    EntitySummary Summary,
    IReadOnlyList<(string Alias, long Count)> Aliases,
    IReadOnlyList<(string Role, long Count)> Roles,
    IReadOnlyList<DocumentId> Documents,
    IReadOnlyList<(EntitySummary Entity, long SharedDocuments)> CoMentioned);
