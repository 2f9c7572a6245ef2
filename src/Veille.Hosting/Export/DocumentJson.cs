using System.Text.Encodings.Web;
using System.Text.Json;
using Veille.Model;

namespace Veille.Hosting.Export;

/// <summary>
/// Writes a document in the export schema (docs/export-schema.md): metadata, cleaned text, removed lines, sentences,
/// and one array per analysis layer. Offsets are UTF-16 character offsets into <c>text</c>, end exclusive.
/// </summary>
public static class DocumentJson
{
    /// <summary>Options for compact, non-ASCII-preserving output (article text stays readable).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Serialises one document as a single-line JSON object.</summary>
    public static string Serialize(Document document, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions with { Indented = indented }))
        {
            Write(writer, document);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one document object.</summary>
    public static void Write(Utf8JsonWriter writer, Document document)
    {
        SourceInfo source = document.Source;
        writer.WriteStartObject();
        writer.WriteString("id", document.Id.Value);
        writer.WriteString("external_id", source.ExternalId);
        writer.WriteString("source", source.Source);
        writer.WriteString("url", source.Url);
        writer.WriteString("path", source.Path);
        writer.WriteString("title", document.Title);
        writer.WriteString("author", source.Author);
        writer.WriteString("language", document.Has(Layers.Language) ? document.Language.Tag : null);
        if (document.Has(Layers.Language))
        {
            writer.WriteNumber("language_confidence", Math.Round(document.Language.Confidence, 4));
        }
        else
        {
            writer.WriteNull("language_confidence");
        }

        if (source.Published is { } published)
        {
            writer.WriteString("published", published.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("published_source", "metadata");
        }
        else
        {
            writer.WriteNull("published");
            writer.WriteString("published_source", "unknown");
        }

        writer.WriteString("text", document.Text);
        writer.WriteStartArray("removed_lines");
        foreach (RemovedLine line in document.RemovedLines)
        {
            writer.WriteStartObject();
            writer.WriteString("text", line.Text);
            writer.WriteString("reason", line.Reason);
            writer.WriteNumber("raw_start", line.RawSpan.Start);
            writer.WriteNumber("raw_end", line.RawSpan.End);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("sentences");
        foreach (Sentence sentence in document.Sentences)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", sentence.Span.Start);
            writer.WriteNumber("end", sentence.Span.End);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("token_count", document.Tokens.Length);
        foreach (string layer in (string[])["entities", "quotes", "dates", "figures"])
        {
            writer.WriteStartArray(layer);
            writer.WriteEndArray();
        }

        writer.WriteNull("story");
        writer.WriteEndObject();
    }
}
