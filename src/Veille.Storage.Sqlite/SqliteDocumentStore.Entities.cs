using System.Globalization;
using Microsoft.Data.Sqlite;
using Veille.Corpus.Entities;
using Veille.Model;

namespace Veille.Storage.Sqlite;

/// <summary>The corpus entity and quote index, kept in the same database and updated in the same transaction as documents.</summary>
public sealed partial class SqliteDocumentStore
{
    private const string EntityColumns = "e.id, e.canonical, e.kind, e.role, e.gazetteer_id, e.lat, e.lon, e.country, e.place_kind, e.mentions, e.documents";

    /// <inheritdoc />
    public IReadOnlyList<EntitySummary> TopEntities(EntityKind? kind = null, string? language = null, int limit = 20)
    {
        using SqliteConnection connection = OpenReader();
        string sql = language is null
            ? $"SELECT {EntityColumns} FROM entities e WHERE ($kind IS NULL OR e.kind = $kind) ORDER BY e.mentions DESC, e.documents DESC, e.id LIMIT $limit"
            : $"""
                SELECT {EntityColumns.Replace("e.mentions, e.documents", "SUM(ed.mentions), COUNT(*)", StringComparison.Ordinal)}
                FROM entities e JOIN entity_documents ed ON ed.entity_id = e.id JOIN documents d ON d.id = ed.document_id
                WHERE ($kind IS NULL OR e.kind = $kind) AND d.language = $language
                GROUP BY e.id ORDER BY 10 DESC, 11 DESC, e.id LIMIT $limit
                """;
        using SqliteCommand command = Command(connection, sql);
        command.Parameters.AddWithValue("$kind", kind is null ? DBNull.Value : (int)kind);
        command.Parameters.AddWithValue("$language", (object?)language ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        return ReadSummaries(command);
    }

    /// <inheritdoc />
    public EntityDetail? FindEntity(string nameOrId, int documentLimit = 50)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        using SqliteConnection connection = OpenReader();
        using SqliteCommand find = Command(connection, $"""
            SELECT {EntityColumns} FROM entities e
            WHERE e.id = $name
               OR e.canonical = $name COLLATE NOCASE
               OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias = $name COLLATE NOCASE)
            ORDER BY (e.id = $name) DESC, (e.canonical = $name COLLATE NOCASE) DESC, e.mentions DESC
            LIMIT 1
            """);
        find.Parameters.AddWithValue("$name", nameOrId.Trim());
        EntitySummary? summary = ReadSummaries(find).FirstOrDefault();
        if (summary is null)
        {
            return null;
        }

        string id = summary.Entity.Id.Value;
        var aliases = Pairs(connection, "SELECT alias, count FROM entity_aliases WHERE entity_id = $id ORDER BY count DESC, alias", id);
        var roles = Pairs(connection, "SELECT role, count FROM entity_roles WHERE entity_id = $id ORDER BY count DESC, role", id);
        var documents = new List<DocumentId>();
        using (SqliteCommand command = Command(connection, "SELECT ed.document_id FROM entity_documents ed JOIN documents d ON d.id = ed.document_id WHERE ed.entity_id = $id ORDER BY d.seq DESC LIMIT $limit"))
        {
            command.Parameters.AddWithValue("$id", id);
            command.Parameters.AddWithValue("$limit", documentLimit);
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                documents.Add(new DocumentId(reader.GetString(0)));
            }
        }

        var coMentioned = new List<(EntitySummary, long)>();
        using (SqliteCommand command = Command(connection, $"""
            SELECT {EntityColumns}, COUNT(*) AS shared
            FROM entity_documents mine JOIN entity_documents other ON other.document_id = mine.document_id AND other.entity_id <> mine.entity_id
            JOIN entities e ON e.id = other.entity_id
            WHERE mine.entity_id = $id
            GROUP BY e.id ORDER BY shared DESC, e.mentions DESC, e.id LIMIT 20
            """))
        {
            command.Parameters.AddWithValue("$id", id);
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                coMentioned.Add((ReadSummary(reader), reader.GetInt64(11)));
            }
        }

        return new EntityDetail(summary, aliases, roles, documents, coMentioned);
    }

    /// <inheritdoc />
    public IReadOnlyList<QuoteRecord> Quotes(EntityId? speaker = null, IReadOnlyCollection<DocumentId>? documents = null, int limit = 100)
    {
        using SqliteConnection connection = OpenReader();
        string documentFilter = documents is null ? "" : $" AND q.document_id IN ({string.Join(',', documents.Select((_, i) => $"$d{i}"))})";
        using SqliteCommand command = Command(connection, $"""
            SELECT q.document_id, q.idx, q.kind, q.text, q.speaker, q.cue, q.conduit, {EntityColumns}
            FROM quotes q JOIN documents d ON d.id = q.document_id LEFT JOIN entities e ON e.id = q.speaker_entity_id
            WHERE ($speaker IS NULL OR q.speaker_entity_id = $speaker){documentFilter}
            ORDER BY d.seq DESC, q.idx LIMIT $limit
            """);
        command.Parameters.AddWithValue("$speaker", (object?)speaker?.Value ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        int index = 0;
        foreach (DocumentId id in documents ?? [])
        {
            command.Parameters.AddWithValue($"$d{index++}", id.Value);
        }

        var quotes = new List<QuoteRecord>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            DocumentEntity? entity = reader.IsDBNull(7) ? null : ReadEntity(reader, 7);
            quotes.Add(new QuoteRecord(
                new DocumentId(reader.GetString(0)),
                reader.GetInt32(1),
                (QuoteKind)reader.GetInt32(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                entity,
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return quotes;
    }

    private static List<EntitySummary> ReadSummaries(SqliteCommand command)
    {
        var summaries = new List<EntitySummary>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            summaries.Add(ReadSummary(reader));
        }

        return summaries;
    }

    private static EntitySummary ReadSummary(SqliteDataReader reader) =>
        new(ReadEntity(reader, 0), reader.GetInt64(9), reader.GetInt64(10));

    private static DocumentEntity ReadEntity(SqliteDataReader reader, int offset)
    {
        GeoPlace? place = reader.IsDBNull(offset + 4)
            ? null
            : new GeoPlace(
                reader.GetString(offset + 4),
                reader.GetDouble(offset + 5),
                reader.GetDouble(offset + 6),
                reader.IsDBNull(offset + 7) ? null : reader.GetString(offset + 7),
                reader.IsDBNull(offset + 8) ? "place" : reader.GetString(offset + 8));
        return new DocumentEntity(
            new EntityId(reader.GetString(offset)),
            reader.GetString(offset + 1),
            (EntityKind)reader.GetInt32(offset + 2),
            reader.IsDBNull(offset + 3) ? null : reader.GetString(offset + 3),
            place);
    }

    private List<(string, long)> Pairs(SqliteConnection connection, string sql, string id)
    {
        using SqliteCommand command = Command(connection, sql);
        command.Parameters.AddWithValue("$id", id);
        var pairs = new List<(string, long)>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            pairs.Add((reader.GetString(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }

        return pairs;
    }
}
