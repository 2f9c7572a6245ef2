using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Veille.Corpus.Entities;
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
    public static string Serialize(Document document, bool indented = false, StoryId? story = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions with { Indented = indented }))
        {
            Write(writer, document, story);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes one document object; <paramref name="story"/> is its story, when known.</summary>
    public static void Write(Utf8JsonWriter writer, Document document, StoryId? story = null)
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

        PublicationDate publication = document.Publication;
        if (publication.Value is { } published)
        {
            writer.WriteString("published", FormatUtc(published));
        }
        else
        {
            writer.WriteNull("published");
        }

        writer.WriteString("published_source", publication.Source.ToString().ToLowerInvariant());
        writer.WriteNumber("published_confidence", Math.Round(publication.Confidence, 3));
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
        WriteEntities(writer, document);
        WriteQuotes(writer, document);
        WriteDates(writer, document);
        WriteFigures(writer, document);
        writer.WriteString("story", story?.Value);
        writer.WriteEndObject();
    }

    /// <summary>ISO-8601 UTC with seconds ("2024-04-25T00:00:00Z").</summary>
    public static string FormatUtc(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Export names of entity kinds: PER, ORG, LOC, MISC.</summary>
    public static string KindName(EntityKind kind) => kind switch
    {
        EntityKind.Person => "PER",
        EntityKind.Organization => "ORG",
        EntityKind.Location => "LOC",
        _ => "MISC",
    };

    private static void WriteEntities(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray("entities");
        foreach (Mention mention in document.Mentions)
        {
            DocumentEntity? entity = mention.Entity >= 0 && mention.Entity < document.Entities.Length ? document.Entities[mention.Entity] : null;
            writer.WriteStartObject();
            writer.WriteString("text", document.TextOf(mention.Span));
            writer.WriteString("type", KindName(mention.Kind));
            writer.WriteNumber("start", mention.Span.Start);
            writer.WriteNumber("end", mention.Span.End);
            writer.WriteString("entity_id", entity?.Id.Value);
            writer.WriteString("canonical", entity?.Canonical);
            writer.WriteString("role", mention.Role ?? entity?.Role);
            if (entity?.Place is { } place)
            {
                writer.WriteNumber("lat", place.Latitude);
                writer.WriteNumber("lon", place.Longitude);
                writer.WriteString("country", place.CountryCode);
                writer.WriteString("place_kind", place.PlaceKind);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteQuotes(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray("quotes");
        foreach (Quote quote in document.Quotes)
        {
            DocumentEntity? speaker = EntityRollup.SpeakerOf(document, quote);
            writer.WriteStartObject();
            writer.WriteString("text", document.TextOf(quote.Content));
            writer.WriteNumber("start", quote.Content.Start);
            writer.WriteNumber("end", quote.Content.End);
            writer.WriteString("kind", quote.Kind.ToString().ToLowerInvariant());
            writer.WriteString("speaker", quote.Speaker is { } span ? document.TextOf(span).ToString() : null);
            writer.WriteString("speaker_entity_id", speaker?.Id.Value);
            writer.WriteString("speaker_canonical", speaker?.Canonical);
            writer.WriteString("cue", quote.Cue is { } cue ? document.TextOf(cue).ToString() : null);
            writer.WriteString("conduit", quote.Conduit is { } conduit ? document.TextOf(conduit).ToString() : null);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteDates(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray("dates");
        foreach (DateMention date in document.Dates)
        {
            writer.WriteStartObject();
            writer.WriteString("text", document.TextOf(date.Span));
            writer.WriteNumber("start", date.Span.Start);
            writer.WriteNumber("end", date.Span.End);
            writer.WriteString("type", date.Type.ToString().ToUpperInvariant());
            writer.WriteString("value", date.Value);
            writer.WriteBoolean("resolved", date.IsResolved);
            writer.WriteString("anchor", date.Anchor.ToString().ToLowerInvariant());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteFigures(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray("figures");
        foreach (Figure figure in document.Figures)
        {
            writer.WriteStartObject();
            writer.WriteString("text", document.TextOf(figure.Span));
            writer.WriteNumber("start", figure.Span.Start);
            writer.WriteNumber("end", figure.Span.End);
            writer.WriteNumber("value", figure.Value);
            if (figure.ValueMax is { } max)
            {
                writer.WriteNumber("value_max", max);
            }

            writer.WriteString("unit", figure.Unit);
            writer.WriteString("currency", figure.Currency);
            writer.WriteString("qualifier", figure.Qualifier);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
