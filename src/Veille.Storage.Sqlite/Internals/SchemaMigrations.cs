using System.Globalization;
using Microsoft.Data.Sqlite;
using Veille.Storage;

namespace Veille.Storage.Sqlite.Internals;

/// <summary>The ordered schema scripts; a store records each applied version in <c>schema_migrations</c>.</summary>
internal static class SchemaMigrations
{
    // Append only: a released script never changes, a schema change is a new entry. Layers are JSON payloads,
    // so a new annotation layer needs no entry here.
    private static readonly (int Version, string Name, string Script)[] Scripts =
    [
        (1, "initial", """
            CREATE TABLE documents (
                id TEXT PRIMARY KEY,
                seq INTEGER NOT NULL UNIQUE,
                external_id TEXT,
                source TEXT,
                url TEXT,
                path TEXT,
                title TEXT,
                author TEXT,
                language_hint TEXT,
                language TEXT,
                language_confidence REAL,
                published TEXT,
                raw_text TEXT NOT NULL,
                text_length INTEGER NOT NULL,
                ingested_at TEXT NOT NULL,
                indexed INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_documents_external_id ON documents(external_id);
            CREATE INDEX ix_documents_source ON documents(source);
            CREATE INDEX ix_documents_language ON documents(language);
            CREATE INDEX ix_documents_published ON documents(published);
            CREATE INDEX ix_documents_unindexed ON documents(seq) WHERE indexed = 0;

            CREATE TABLE layers (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                layer TEXT NOT NULL,
                stage TEXT NOT NULL,
                version INTEGER NOT NULL,
                payload TEXT NOT NULL,
                PRIMARY KEY (document_id, layer)
            );

            CREATE TABLE ingest_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                input TEXT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT,
                document_id TEXT,
                at TEXT NOT NULL
            );
            """),
        (2, "entities-and-quotes", """
            CREATE TABLE entities (
                id TEXT PRIMARY KEY,
                canonical TEXT NOT NULL,
                kind INTEGER NOT NULL,
                mentions INTEGER NOT NULL,
                documents INTEGER NOT NULL,
                role TEXT,
                gazetteer_id TEXT,
                lat REAL,
                lon REAL,
                country TEXT,
                place_kind TEXT
            );
            CREATE INDEX ix_entities_kind_mentions ON entities(kind, mentions DESC);
            CREATE INDEX ix_entities_canonical ON entities(canonical COLLATE NOCASE);

            CREATE TABLE entity_aliases (
                entity_id TEXT NOT NULL,
                alias TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (entity_id, alias)
            );
            CREATE INDEX ix_entity_aliases_alias ON entity_aliases(alias COLLATE NOCASE);

            CREATE TABLE entity_roles (
                entity_id TEXT NOT NULL,
                role TEXT NOT NULL,
                count INTEGER NOT NULL,
                PRIMARY KEY (entity_id, role)
            );

            CREATE TABLE entity_documents (
                entity_id TEXT NOT NULL,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                mentions INTEGER NOT NULL,
                PRIMARY KEY (entity_id, document_id)
            );
            CREATE INDEX ix_entity_documents_document ON entity_documents(document_id);

            CREATE TABLE quotes (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                idx INTEGER NOT NULL,
                kind INTEGER NOT NULL,
                text TEXT NOT NULL,
                speaker TEXT,
                speaker_entity_id TEXT,
                cue TEXT,
                conduit TEXT,
                PRIMARY KEY (document_id, idx)
            );
            CREATE INDEX ix_quotes_speaker ON quotes(speaker_entity_id);
            """),
        (3, "stories", """
            CREATE TABLE story_members (
                document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                story_id TEXT NOT NULL
            );
            CREATE INDEX ix_story_members_story ON story_members(story_id);

            CREATE TABLE duplicates (
                document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
                canonical_id TEXT NOT NULL,
                similarity REAL NOT NULL,
                reason INTEGER NOT NULL
            );
            """),
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int Latest => Scripts[^1].Version;

    /// <summary>Applies the missing scripts in one transaction; refuses a store whose schema is newer than <see cref="Latest"/>.</summary>
    public static void Apply(SqliteConnection connection, string databasePath)
    {
        using SqliteTransaction transaction = connection.BeginTransaction();
        Execute(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at TEXT NOT NULL
            );
            """);
        int current = CurrentVersion(connection, transaction);
        if (current > Latest)
        {
            throw new StoreException(
                $"The store {databasePath} has schema version {current}, newer than the version {Latest} this build of Veille knows. " +
                "Open it with a newer Veille, or use another data folder.");
        }

        foreach ((int version, string name, string script) in Scripts)
        {
            if (version <= current)
            {
                continue;
            }

            Execute(connection, transaction, script);
            using SqliteCommand record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_migrations(version, name, applied_at) VALUES ($version, $name, $at)";
            record.Parameters.AddWithValue("$version", version);
            record.Parameters.AddWithValue("$name", name);
            record.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The highest applied version, 0 for a new store.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
