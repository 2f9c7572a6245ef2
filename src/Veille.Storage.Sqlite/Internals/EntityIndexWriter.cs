using Microsoft.Data.Sqlite;
using Veille.Corpus.Entities;
using Veille.Model;

namespace Veille.Storage.Sqlite.Internals;

/// <summary>Adds a new document's entities and quotes to the corpus index tables, inside the document's save transaction.</summary>
internal sealed class EntityIndexWriter : IDisposable
{
    private readonly SqliteCommand upsertEntity;
    private readonly SqliteCommand upsertAlias;
    private readonly SqliteCommand upsertRole;
    private readonly SqliteCommand insertDocument;
    private readonly SqliteCommand insertQuote;

    public EntityIndexWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        upsertEntity = Prepare(connection, transaction, """
            INSERT INTO entities(id, canonical, kind, mentions, documents, role, gazetteer_id, lat, lon, country, place_kind)
            VALUES ($id, $canonical, $kind, $mentions, 1, $role, $gazetteer, $lat, $lon, $country, $placeKind)
            ON CONFLICT(id) DO UPDATE SET
                mentions = mentions + excluded.mentions,
                documents = documents + 1,
                role = COALESCE(entities.role, excluded.role),
                gazetteer_id = COALESCE(entities.gazetteer_id, excluded.gazetteer_id),
                lat = COALESCE(entities.lat, excluded.lat),
                lon = COALESCE(entities.lon, excluded.lon),
                country = COALESCE(entities.country, excluded.country),
                place_kind = COALESCE(entities.place_kind, excluded.place_kind)
            """, "$id", "$canonical", "$kind", "$mentions", "$role", "$gazetteer", "$lat", "$lon", "$country", "$placeKind");
        upsertAlias = Prepare(connection, transaction, """
            INSERT INTO entity_aliases(entity_id, alias, count) VALUES ($id, $value, $count)
            ON CONFLICT(entity_id, alias) DO UPDATE SET count = count + excluded.count
            """, "$id", "$value", "$count");
        upsertRole = Prepare(connection, transaction, """
            INSERT INTO entity_roles(entity_id, role, count) VALUES ($id, $value, $count)
            ON CONFLICT(entity_id, role) DO UPDATE SET count = count + excluded.count
            """, "$id", "$value", "$count");
        insertDocument = Prepare(connection, transaction,
            "INSERT OR IGNORE INTO entity_documents(entity_id, document_id, mentions) VALUES ($id, $document, $mentions)",
            "$id", "$document", "$mentions");
        insertQuote = Prepare(connection, transaction, """
            INSERT OR IGNORE INTO quotes(document_id, idx, kind, text, speaker, speaker_entity_id, cue, conduit)
            VALUES ($document, $idx, $kind, $text, $speaker, $speakerEntity, $cue, $conduit)
            """, "$document", "$idx", "$kind", "$text", "$speaker", "$speakerEntity", "$cue", "$conduit");
    }

    /// <summary>Indexes the entities and quotes of a document that was just inserted.</summary>
    public void Add(Document document)
    {
        foreach (EntityContribution contribution in EntityRollup.Of(document))
        {
            DocumentEntity entity = contribution.Entity;
            Set(upsertEntity, entity.Id.Value, entity.Canonical, (int)entity.Kind, contribution.Mentions, entity.Role,
                entity.Place?.GazetteerId, entity.Place?.Latitude, entity.Place?.Longitude, entity.Place?.CountryCode, entity.Place?.PlaceKind);
            upsertEntity.ExecuteNonQuery();
            foreach ((string alias, int count) in contribution.Aliases)
            {
                Set(upsertAlias, entity.Id.Value, alias, count);
                upsertAlias.ExecuteNonQuery();
            }

            foreach ((string role, int count) in contribution.Roles)
            {
                Set(upsertRole, entity.Id.Value, role, count);
                upsertRole.ExecuteNonQuery();
            }

            Set(insertDocument, entity.Id.Value, document.Id.Value, contribution.Mentions);
            insertDocument.ExecuteNonQuery();
        }

        foreach (QuoteRecord quote in EntityRollup.QuotesOf(document))
        {
            Set(insertQuote, document.Id.Value, quote.Index, (int)quote.Kind, quote.Text, quote.Speaker, quote.SpeakerEntity?.Id.Value, quote.Cue, quote.Conduit);
            insertQuote.ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        upsertEntity.Dispose();
        upsertAlias.Dispose();
        upsertRole.Dispose();
        insertDocument.Dispose();
        insertQuote.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (string name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
