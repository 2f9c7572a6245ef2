using Microsoft.Data.Sqlite;
using Veille.Model;

namespace Veille.Storage.Sqlite.Internals;

/// <summary>Rebuilds stored documents from rows of documents left-joined with their layers, grouped by document.</summary>
internal static class DocumentReader
{
    // Column order of SqliteDocumentStore.DocumentColumns followed by layer, stage, version, payload.
    private const int LayerColumn = 11;

    public static IEnumerable<StoredDocument> ReadAll(SqliteDataReader reader)
    {
        bool hasRow = reader.Read();
        while (hasRow)
        {
            string id = reader.GetString(0);
            string rawText = reader.GetString(9);
            var source = new SourceInfo(
                ExternalId: String(reader, 1),
                Source: String(reader, 2),
                Url: String(reader, 3),
                Path: String(reader, 4),
                Title: String(reader, 5),
                Published: String(reader, 8) is { } published ? UtcText.Read(published) : null,
                LanguageHint: String(reader, 7),
                Author: String(reader, 6));
            DateTimeOffset ingested = UtcText.Read(reader.GetString(10));
            var layers = new List<StoredLayer>(4);
            do
            {
                if (!reader.IsDBNull(LayerColumn))
                {
                    layers.Add(new StoredLayer(
                        reader.GetString(LayerColumn),
                        reader.GetString(LayerColumn + 1),
                        reader.GetInt32(LayerColumn + 2),
                        reader.GetString(LayerColumn + 3)));
                }

                hasRow = reader.Read();
            }
            while (hasRow && reader.GetString(0) == id);

            var document = new Document(new DocumentId(id), rawText, source);
            LayerCodec.Decode(document, layers);
            yield return new StoredDocument(document, layers, ingested);
        }
    }

    private static string? String(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
