using System.Globalization;
using Microsoft.Data.Sqlite;
using Veille.Model;
using Veille.Storage.Sqlite.Internals;

namespace Veille.Storage.Sqlite;

/// <summary>
/// A document store in one SQLite file, <c>veille.db</c>, in a data folder (WAL journal: readers never wait for the writer).
/// Safe for one writer and many readers across threads: writes are serialised by a lock, each read uses its own pooled connection.
/// </summary>
public sealed partial class SqliteDocumentStore : IDocumentStore, IEntityStore
{
    /// <summary>The database file name inside the data folder.</summary>
    public const string FileName = "veille.db";

    private const string DocumentColumns =
        "d.id, d.external_id, d.source, d.url, d.path, d.title, d.author, d.language_hint, d.published, d.raw_text, d.ingested_at";

    private readonly string connectionString;
    private readonly Lock writeLock = new();
    private readonly SqliteConnection writer;
    private bool disposed;

    /// <summary>Opens the store in <paramref name="dataFolder"/>, creating the folder and the database and applying pending schema migrations.</summary>
    /// <exception cref="StoreException">The store's schema is newer than this code, or the file is not a Veille store.</exception>
    public SqliteDocumentStore(string dataFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataFolder);
        Directory.CreateDirectory(dataFolder);
        DatabasePath = Path.GetFullPath(Path.Combine(dataFolder, FileName));
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();

        writer = new SqliteConnection(connectionString);
        try
        {
            writer.Open();
            Execute(writer, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            SchemaMigrations.Apply(writer, DatabasePath);
        }
        catch (SqliteException exception)
        {
            Close();
            throw new StoreException($"Cannot open the store {DatabasePath}: {exception.Message}", exception);
        }
        catch
        {
            Close();
            throw;
        }
    }

    /// <summary>Full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The schema version this code creates and expects.</summary>
    public static int SchemaVersion => SchemaMigrations.Latest;

    /// <inheritdoc />
    public bool Contains(DocumentId id)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT 1 FROM documents WHERE id = $id");
        command.Parameters.AddWithValue("$id", id.Value);
        return command.ExecuteScalar() is not null;
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentId> Save(IReadOnlyList<StoredDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var saved = new List<DocumentId>(documents.Count);
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using SqliteTransaction transaction = writer.BeginTransaction();
            using SqliteCommand nextSeq = Command(writer, "SELECT COALESCE(MAX(seq), 0) FROM documents", transaction);
            long seq = Convert.ToInt64(nextSeq.ExecuteScalar(), CultureInfo.InvariantCulture);
            using var insertDocument = new DocumentInsert(writer, transaction);
            using var insertLayer = new LayerInsert(writer, transaction);
            using var entityIndex = new EntityIndexWriter(writer, transaction);
            foreach (StoredDocument stored in documents)
            {
                if (insertDocument.Execute(stored, seq + 1))
                {
                    seq++;
                    saved.Add(stored.Document.Id);
                    foreach (StoredLayer layer in stored.Layers)
                    {
                        insertLayer.Execute(stored.Document.Id, layer);
                    }

                    entityIndex.Add(stored.Document);
                }
            }

            transaction.Commit();
        }

        return saved;
    }

    /// <inheritdoc />
    public StoredDocument? Load(DocumentId id)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, $"""
            SELECT {DocumentColumns}, l.layer, l.stage, l.version, l.payload
            FROM documents d LEFT JOIN layers l ON l.document_id = d.id
            WHERE d.id = $id
            ORDER BY l.rowid
            """);
        command.Parameters.AddWithValue("$id", id.Value);
        using SqliteDataReader reader = command.ExecuteReader();
        foreach (StoredDocument document in DocumentReader.ReadAll(reader))
        {
            return document;
        }

        return null;
    }

    /// <inheritdoc />
    public DocumentId? FindByExternalId(string externalId)
    {
        ArgumentNullException.ThrowIfNull(externalId);
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT id FROM documents WHERE external_id = $externalId ORDER BY seq LIMIT 1");
        command.Parameters.AddWithValue("$externalId", externalId);
        return command.ExecuteScalar() is string id ? new DocumentId(id) : null;
    }

    /// <inheritdoc />
    public IEnumerable<StoredDocument> All()
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, $"""
            SELECT {DocumentColumns}, l.layer, l.stage, l.version, l.payload
            FROM documents d LEFT JOIN layers l ON l.document_id = d.id
            ORDER BY d.seq, l.rowid
            """);
        using SqliteDataReader reader = command.ExecuteReader();
        foreach (StoredDocument document in DocumentReader.ReadAll(reader))
        {
            yield return document;
        }
    }

    /// <inheritdoc />
    public long Count()
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT COUNT(*) FROM documents");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentId> Unindexed()
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT id FROM documents WHERE indexed = 0 ORDER BY seq");
        using SqliteDataReader reader = command.ExecuteReader();
        var ids = new List<DocumentId>();
        while (reader.Read())
        {
            ids.Add(new DocumentId(reader.GetString(0)));
        }

        return ids;
    }

    /// <inheritdoc />
    public void MarkIndexed(IReadOnlyCollection<DocumentId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using SqliteTransaction transaction = writer.BeginTransaction();
            using SqliteCommand command = Command(writer, "UPDATE documents SET indexed = 1 WHERE id = $id", transaction);
            SqliteParameter id = command.Parameters.Add("$id", SqliteType.Text);
            command.Prepare();
            foreach (DocumentId documentId in ids)
            {
                id.Value = documentId.Value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public void LogIngest(IngestLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using SqliteCommand command = Command(writer, "INSERT INTO ingest_log(input, status, reason, document_id, at) VALUES ($input, $status, $reason, $documentId, $at)");
            command.Parameters.AddWithValue("$input", entry.Input);
            command.Parameters.AddWithValue("$status", entry.Status);
            command.Parameters.AddWithValue("$reason", (object?)entry.Reason ?? DBNull.Value);
            command.Parameters.AddWithValue("$documentId", (object?)entry.DocumentId ?? DBNull.Value);
            command.Parameters.AddWithValue("$at", UtcText.Write(entry.AtUtc));
            command.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<IngestLogEntry> IngestLog(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT input, status, reason, document_id, at FROM ingest_log ORDER BY id DESC LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit);
        using SqliteDataReader reader = command.ExecuteReader();
        var entries = new List<IngestLogEntry>();
        while (reader.Read())
        {
            entries.Add(new IngestLogEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                UtcText.Read(reader.GetString(4))));
        }

        return entries;
    }

    /// <inheritdoc />
    /// <remarks>Characters are counted as SQLite does, in Unicode code points; documents without a language count as "und".</remarks>
    public StoreStatistics Statistics()
    {
        using SqliteConnection connection = OpenReader();
        using SqliteTransaction snapshot = connection.BeginTransaction(deferred: true);
        using SqliteCommand totals = Command(connection, "SELECT COUNT(*), COALESCE(SUM(length(raw_text)), 0), COALESCE(SUM(text_length), 0) FROM documents", snapshot);
        long documents;
        long rawCharacters;
        long textCharacters;
        using (SqliteDataReader reader = totals.ExecuteReader())
        {
            reader.Read();
            documents = reader.GetInt64(0);
            rawCharacters = reader.GetInt64(1);
            textCharacters = reader.GetInt64(2);
        }

        Dictionary<string, long> byLanguage = CountBy(connection, snapshot, $"COALESCE(language, '{Language.UndeterminedTag}')");
        Dictionary<string, long> bySource = CountBy(connection, snapshot, "COALESCE(source, '')");
        long bytes = FileLength(DatabasePath) + FileLength(DatabasePath + "-wal");
        return new StoreStatistics(documents, byLanguage, bySource, rawCharacters, textCharacters, bytes);
    }

    /// <summary>Closes the writer connection and releases pooled connections, so the folder can be moved or deleted.</summary>
    public void Dispose()
    {
        lock (writeLock)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            Close();
        }
    }

    private void Close()
    {
        writer.Dispose();
        SqliteConnection.ClearPool(writer);
    }

    private SqliteConnection OpenReader()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection;
    }

    private static Dictionary<string, long> CountBy(SqliteConnection connection, SqliteTransaction transaction, string key)
    {
        using SqliteCommand command = Command(connection, $"SELECT {key}, COUNT(*) FROM documents GROUP BY 1 ORDER BY 1", transaction);
        using SqliteDataReader reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static long FileLength(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    private static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = Command(connection, sql);
        command.ExecuteNonQuery();
    }
}
