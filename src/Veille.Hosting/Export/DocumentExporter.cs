using System.Text;
using System.Text.Json;
using Veille.Storage;

namespace Veille.Hosting.Export;

/// <summary>Exports stored documents as JSONL (the export schema, one object a line) or CSV (one row a document).</summary>
public static class DocumentExporter
{
    /// <summary>Export formats accepted by <see cref="Export"/>.</summary>
    public static readonly IReadOnlyList<string> Formats = ["jsonl", "csv"];

    /// <summary>Writes every stored document to <paramref name="output"/>; returns the number written.</summary>
    /// <param name="store">The store to read.</param>
    /// <param name="format">"jsonl" or "csv".</param>
    /// <param name="output">Destination stream (UTF-8).</param>
    /// <param name="byteOrderMark">Writes a UTF-8 BOM first (helps spreadsheets detect the encoding of CSV).</param>
    /// <param name="stories">Where to read each document's story (JSONL only); null leaves <c>story</c> null.</param>
    public static long Export(IDocumentStore store, string format, Stream output, bool byteOrderMark = false, IStoryStore? stories = null)
    {
        if (byteOrderMark)
        {
            output.Write([0xEF, 0xBB, 0xBF]);
        }

        return format switch
        {
            "jsonl" => WriteJsonLines(store, output, stories?.StoryAssignments()),
            "csv" => WriteCsv(store, output),
            _ => throw new ArgumentException($"Unknown format '{format}'; use one of: {string.Join(", ", Formats)}.", nameof(format)),
        };
    }

    private static long WriteJsonLines(IDocumentStore store, Stream output, IReadOnlyDictionary<Model.DocumentId, Model.StoryId>? stories)
    {
        long count = 0;
        foreach (StoredDocument stored in store.All())
        {
            using (var writer = new Utf8JsonWriter(output, DocumentJson.WriterOptions))
            {
                DocumentJson.Write(writer, stored.Document, stories is not null && stories.TryGetValue(stored.Document.Id, out Model.StoryId story) ? story : null);
            }

            output.WriteByte((byte)'\n');
            count++;
        }

        return count;
    }

    private static long WriteCsv(IDocumentStore store, Stream output)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine("id,external_id,source,url,title,language,language_confidence,published,removed_lines,sentences,text");
        long count = 0;
        foreach (StoredDocument stored in store.All())
        {
            Model.Document document = stored.Document;
            string[] fields =
            [
                document.Id.Value,
                document.Source.ExternalId ?? "",
                document.Source.Source ?? "",
                document.Source.Url ?? "",
                document.Title ?? "",
                document.Language.Tag,
                document.Language.Confidence.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture),
                document.Publication.Value is { } published ? DocumentJson.FormatUtc(published) : "",
                document.RemovedLines.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                document.Sentences.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                document.Text,
            ];
            writer.WriteLine(string.Join(',', fields.Select(Csv.Quote)));
            count++;
        }

        return count;
    }
}

/// <summary>RFC 4180 CSV quoting, with protection against spreadsheet formula injection.</summary>
public static class Csv
{
    /// <summary>Quotes a field when needed; a field starting with = + - @ gets a leading apostrophe so spreadsheets do not run it.</summary>
    public static string Quote(string field)
    {
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
