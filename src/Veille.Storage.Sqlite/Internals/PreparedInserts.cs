using Microsoft.Data.Sqlite;
using Veille.Model;

namespace Veille.Storage.Sqlite.Internals;

/// <summary>One prepared insert-or-ignore of a document row, reused for every document of a batch.</summary>
internal sealed class DocumentInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter[] parameters;

    public DocumentInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO documents(id, seq, external_id, source, url, path, title, author, language_hint,
                language, language_confidence, published, raw_text, text_length, ingested_at, indexed)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, 0)
            ON CONFLICT(id) DO NOTHING
            """;
        parameters = new SqliteParameter[15];
        for (int i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.Parameters.Add("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), SqliteType.Text);
        }

        command.Prepare();
    }

    /// <summary>Inserts the document unless its id is stored; true when inserted.</summary>
    public bool Execute(StoredDocument stored, long seq)
    {
        Document document = stored.Document;
        SourceInfo source = document.Source;
        bool hasLanguage = document.Has(Layers.Language);
        parameters[0].Value = document.Id.Value;
        parameters[1].Value = seq;
        parameters[2].Value = Nullable(source.ExternalId);
        parameters[3].Value = Nullable(source.Source);
        parameters[4].Value = Nullable(source.Url);
        parameters[5].Value = Nullable(source.Path);
        parameters[6].Value = Nullable(source.Title);
        parameters[7].Value = Nullable(source.Author);
        parameters[8].Value = Nullable(source.LanguageHint);
        parameters[9].Value = hasLanguage ? document.Language.Tag : DBNull.Value;
        parameters[10].Value = hasLanguage ? document.Language.Confidence : DBNull.Value;
        parameters[11].Value = source.Published is { } published ? UtcText.Write(published) : DBNull.Value;
        parameters[12].Value = document.RawText;
        parameters[13].Value = document.Text.Length;
        parameters[14].Value = UtcText.Write(stored.IngestedUtc);
        return command.ExecuteNonQuery() == 1;
    }

    public void Dispose() => command.Dispose();

    private static object Nullable(string? value) => (object?)value ?? DBNull.Value;
}

/// <summary>One prepared insert of a layer row, reused for every layer of a batch.</summary>
internal sealed class LayerInsert : IDisposable
{
    private readonly SqliteCommand command;
    private readonly SqliteParameter documentId;
    private readonly SqliteParameter layer;
    private readonly SqliteParameter stage;
    private readonly SqliteParameter version;
    private readonly SqliteParameter payload;

    public LayerInsert(SqliteConnection connection, SqliteTransaction transaction)
    {
        command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO layers(document_id, layer, stage, version, payload) VALUES ($documentId, $layer, $stage, $version, $payload)
            ON CONFLICT(document_id, layer) DO NOTHING
            """;
        documentId = command.Parameters.Add("$documentId", SqliteType.Text);
        layer = command.Parameters.Add("$layer", SqliteType.Text);
        stage = command.Parameters.Add("$stage", SqliteType.Text);
        version = command.Parameters.Add("$version", SqliteType.Integer);
        payload = command.Parameters.Add("$payload", SqliteType.Text);
        command.Prepare();
    }

    public void Execute(DocumentId id, StoredLayer stored)
    {
        documentId.Value = id.Value;
        layer.Value = stored.Layer;
        stage.Value = stored.Stage;
        version.Value = stored.Version;
        payload.Value = stored.Payload;
        command.ExecuteNonQuery();
    }

    public void Dispose() => command.Dispose();
}
