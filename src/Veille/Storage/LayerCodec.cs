using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Veille.Model;
using Veille.Pipeline;

namespace Veille.Storage;

/// <summary>
/// Serialises a document's layers to compact JSON payloads and back, so stores persist layers generically
/// (one payload per layer, tagged with the producing stage) and a new layer needs no schema migration.
/// Stateless and thread-safe.
/// </summary>
public static class LayerCodec
{
    /// <summary>Layer name of <see cref="Layers.Text"/>.</summary>
    public const string TextLayer = "text";

    /// <summary>Layer name of <see cref="Layers.Language"/>.</summary>
    public const string LanguageLayer = "language";

    /// <summary>Layer name of <see cref="Layers.Tokens"/>.</summary>
    public const string TokensLayer = "tokens";

    /// <summary>Layer name of <see cref="Layers.Sentences"/>.</summary>
    public const string SentencesLayer = "sentences";

    /// <summary>Layer name of <see cref="Layers.Mentions"/> (mentions and the document's entities).</summary>
    public const string MentionsLayer = "mentions";

    /// <summary>Layer name of <see cref="Layers.Quotes"/>.</summary>
    public const string QuotesLayer = "quotes";

    /// <summary>Layer name of <see cref="Layers.Dates"/> (temporal expressions and the inferred publication date).</summary>
    public const string DatesLayer = "dates";

    /// <summary>Layer name of <see cref="Layers.Figures"/>.</summary>
    public const string FiguresLayer = "figures";

    /// <summary>Stage name recorded when <c>producerOf</c> does not know the producer of a layer.</summary>
    public const string UnknownStage = "unknown";

    /// <summary>Encodes every present layer the codec knows; <paramref name="producerOf"/> names the stage that wrote each (null: recorded as <see cref="UnknownStage"/> version 0).</summary>
    public static IReadOnlyList<StoredLayer> Encode(Document document, Func<Layers, StageInfo?> producerOf)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(producerOf);
        var layers = new List<StoredLayer>(4);
        if (document.Has(Layers.Text))
        {
            layers.Add(Stored(TextLayer, producerOf(Layers.Text), WriteText, document));
        }

        if (document.Has(Layers.Language))
        {
            layers.Add(Stored(LanguageLayer, producerOf(Layers.Language), WriteLanguage, document));
        }

        if (document.Has(Layers.Tokens))
        {
            layers.Add(Stored(TokensLayer, producerOf(Layers.Tokens), WriteTokens, document));
        }

        if (document.Has(Layers.Sentences))
        {
            layers.Add(Stored(SentencesLayer, producerOf(Layers.Sentences), WriteSentences, document));
        }

        if (document.Has(Layers.Mentions))
        {
            layers.Add(Stored(MentionsLayer, producerOf(Layers.Mentions), WriteMentions, document));
        }

        if (document.Has(Layers.Quotes))
        {
            layers.Add(Stored(QuotesLayer, producerOf(Layers.Quotes), WriteQuotes, document));
        }

        if (document.Has(Layers.Dates))
        {
            layers.Add(Stored(DatesLayer, producerOf(Layers.Dates), WriteDates, document));
        }

        if (document.Has(Layers.Figures))
        {
            layers.Add(Stored(FiguresLayer, producerOf(Layers.Figures), WriteFigures, document));
        }

        return layers;
    }

    /// <summary>Sets the stored layers back on a document created from the raw text; layer names this version does not know are ignored.</summary>
    /// <exception cref="FormatException">A known layer's payload is malformed.</exception>
    public static void Decode(Document document, IEnumerable<StoredLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layers);
        foreach (StoredLayer layer in layers)
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(layer.Payload);
                JsonElement root = json.RootElement;
                switch (layer.Layer)
                {
                    case TextLayer: ReadText(document, root); break;
                    case LanguageLayer: ReadLanguage(document, root); break;
                    case TokensLayer: ReadTokens(document, root); break;
                    case SentencesLayer: ReadSentences(document, root); break;
                    case MentionsLayer: ReadMentions(document, root); break;
                    case QuotesLayer: ReadQuotes(document, root); break;
                    case DatesLayer: ReadDates(document, root); break;
                    case FiguresLayer: ReadFigures(document, root); break;
                    default: break; // Written by a newer version; kept in the store, not loaded.
                }
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException)
            {
                throw new FormatException($"Layer '{layer.Layer}' of document {document.Id} has a malformed payload: {exception.Message}", exception);
            }
        }
    }

    private static StoredLayer Stored(string name, StageInfo? producer, Action<Utf8JsonWriter, Document> write, Document document)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, document);
        }

        return new StoredLayer(name, producer?.Name ?? UnknownStage, producer?.Version ?? 0, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    // text: {"text":…,"length":[text,raw],"runs":[textStart,rawStart,length,…],"title":…,"removed":[[start,end,text,reason],…]}
    private static void WriteText(Utf8JsonWriter writer, Document document)
    {
        OffsetMap map = document.OffsetMap;
        writer.WriteStartObject();
        writer.WriteString("text", document.Text);
        writer.WriteStartArray("length");
        writer.WriteNumberValue(map.TextLength);
        writer.WriteNumberValue(map.RawLength);
        writer.WriteEndArray();
        writer.WriteStartArray("runs");
        foreach (OffsetMap.Run run in map.Runs)
        {
            writer.WriteNumberValue(run.TextStart);
            writer.WriteNumberValue(run.RawStart);
            writer.WriteNumberValue(run.Length);
        }

        writer.WriteEndArray();
        if (document.DetectedTitle is { } title)
        {
            writer.WriteString("title", title);
        }

        writer.WriteStartArray("removed");
        foreach (RemovedLine line in document.RemovedLines)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(line.RawSpan.Start);
            writer.WriteNumberValue(line.RawSpan.End);
            writer.WriteStringValue(line.Text);
            writer.WriteStringValue(line.Reason);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void ReadText(Document document, JsonElement root)
    {
        string text = root.GetProperty("text").GetString() ?? throw new JsonException("text is null");
        JsonElement length = root.GetProperty("length");
        int[] runs = ReadInts(root.GetProperty("runs"), 3);
        var runList = new OffsetMap.Run[runs.Length / 3];
        for (int i = 0; i < runList.Length; i++)
        {
            runList[i] = new OffsetMap.Run(runs[3 * i], runs[(3 * i) + 1], runs[(3 * i) + 2]);
        }

        string? title = root.TryGetProperty("title", out JsonElement titleElement) ? titleElement.GetString() : null;
        var removed = ImmutableArray.CreateBuilder<RemovedLine>();
        foreach (JsonElement line in root.GetProperty("removed").EnumerateArray())
        {
            removed.Add(new RemovedLine(
                new TextSpan(line[0].GetInt32(), line[1].GetInt32()),
                line[2].GetString() ?? string.Empty,
                line[3].GetString() ?? string.Empty));
        }

        OffsetMap map = OffsetMap.FromRuns(runList, length[0].GetInt32(), length[1].GetInt32());
        document.SetText(text, map, title, removed.ToImmutable());
    }

    // language: {"tag":"fr","confidence":0.98}
    private static void WriteLanguage(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartObject();
        writer.WriteString("tag", document.Language.Tag);
        writer.WriteNumber("confidence", document.Language.Confidence);
        writer.WriteEndObject();
    }

    private static void ReadLanguage(Document document, JsonElement root) =>
        document.SetLanguage(new Language(
            root.GetProperty("tag").GetString() ?? Language.UndeterminedTag,
            root.GetProperty("confidence").GetDouble()));

    // tokens: [start,end,kind,spaceAfter,…] flattened, spaceAfter as 0/1.
    private static void WriteTokens(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray();
        foreach (Token token in document.Tokens)
        {
            writer.WriteNumberValue(token.Span.Start);
            writer.WriteNumberValue(token.Span.End);
            writer.WriteNumberValue((int)token.Kind);
            writer.WriteNumberValue(token.SpaceAfter ? 1 : 0);
        }

        writer.WriteEndArray();
    }

    private static void ReadTokens(Document document, JsonElement root)
    {
        int[] values = ReadInts(root, 4);
        var tokens = ImmutableArray.CreateBuilder<Token>(values.Length / 4);
        for (int i = 0; i < values.Length; i += 4)
        {
            tokens.Add(new Token(new TextSpan(values[i], values[i + 1]), (TokenKind)values[i + 2], values[i + 3] != 0));
        }

        document.SetTokens(tokens.MoveToImmutable());
    }

    // sentences: [tokenStart,tokenEnd,spanStart,spanEnd,…] flattened.
    private static void WriteSentences(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray();
        foreach (Sentence sentence in document.Sentences)
        {
            writer.WriteNumberValue(sentence.Tokens.Start);
            writer.WriteNumberValue(sentence.Tokens.End);
            writer.WriteNumberValue(sentence.Span.Start);
            writer.WriteNumberValue(sentence.Span.End);
        }

        writer.WriteEndArray();
    }

    private static void ReadSentences(Document document, JsonElement root)
    {
        int[] values = ReadInts(root, 4);
        var sentences = ImmutableArray.CreateBuilder<Sentence>(values.Length / 4);
        for (int i = 0; i < values.Length; i += 4)
        {
            sentences.Add(new Sentence(new TokenRange(values[i], values[i + 1]), new TextSpan(values[i + 2], values[i + 3])));
        }

        document.SetSentences(sentences.MoveToImmutable());
    }

    // mentions: {"mentions":[{"s","e","ts","te","k","c","x","r"}…],"entities":[{"id","name","k","r","geo":{…}}…]}
    private static void WriteMentions(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("mentions");
        foreach (Mention mention in document.Mentions)
        {
            writer.WriteStartObject();
            writer.WriteNumber("s", mention.Span.Start);
            writer.WriteNumber("e", mention.Span.End);
            writer.WriteNumber("ts", mention.Tokens.Start);
            writer.WriteNumber("te", mention.Tokens.End);
            writer.WriteNumber("k", (int)mention.Kind);
            writer.WriteNumber("c", Math.Round(mention.Confidence, 4));
            writer.WriteNumber("x", mention.Entity);
            if (mention.Role is { } role)
            {
                writer.WriteString("r", role);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("entities");
        foreach (DocumentEntity entity in document.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("id", entity.Id.Value);
            writer.WriteString("name", entity.Canonical);
            writer.WriteNumber("k", (int)entity.Kind);
            if (entity.Role is { } role)
            {
                writer.WriteString("r", role);
            }

            if (entity.Place is { } place)
            {
                writer.WriteStartObject("geo");
                writer.WriteString("id", place.GazetteerId);
                writer.WriteNumber("lat", place.Latitude);
                writer.WriteNumber("lon", place.Longitude);
                writer.WriteString("cc", place.CountryCode);
                writer.WriteString("kind", place.PlaceKind);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void ReadMentions(Document document, JsonElement root)
    {
        var mentions = ImmutableArray.CreateBuilder<Mention>();
        foreach (JsonElement item in root.GetProperty("mentions").EnumerateArray())
        {
            mentions.Add(new Mention(
                new TextSpan(item.GetProperty("s").GetInt32(), item.GetProperty("e").GetInt32()),
                new TokenRange(item.GetProperty("ts").GetInt32(), item.GetProperty("te").GetInt32()),
                (EntityKind)item.GetProperty("k").GetInt32(),
                item.GetProperty("c").GetSingle(),
                item.GetProperty("x").GetInt32(),
                OptionalString(item, "r")));
        }

        var entities = ImmutableArray.CreateBuilder<DocumentEntity>();
        foreach (JsonElement item in root.GetProperty("entities").EnumerateArray())
        {
            GeoPlace? place = item.TryGetProperty("geo", out JsonElement geo)
                ? new GeoPlace(geo.GetProperty("id").GetString()!, geo.GetProperty("lat").GetDouble(), geo.GetProperty("lon").GetDouble(), OptionalString(geo, "cc"), geo.GetProperty("kind").GetString()!)
                : null;
            entities.Add(new DocumentEntity(
                new EntityId(item.GetProperty("id").GetString()!),
                item.GetProperty("name").GetString()!,
                (EntityKind)item.GetProperty("k").GetInt32(),
                OptionalString(item, "r"),
                place));
        }

        document.SetMentions(mentions.ToImmutable(), entities.ToImmutable());
    }

    // quotes: [{"s","e","k","cue":[s,e],"spk":[s,e],"m","via":[s,e]}…]
    private static void WriteQuotes(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray();
        foreach (Quote quote in document.Quotes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("s", quote.Content.Start);
            writer.WriteNumber("e", quote.Content.End);
            writer.WriteNumber("k", (int)quote.Kind);
            WriteSpan(writer, "cue", quote.Cue);
            WriteSpan(writer, "spk", quote.Speaker);
            writer.WriteNumber("m", quote.SpeakerMention);
            WriteSpan(writer, "via", quote.Conduit);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void ReadQuotes(Document document, JsonElement root)
    {
        var quotes = ImmutableArray.CreateBuilder<Quote>();
        foreach (JsonElement item in root.EnumerateArray())
        {
            quotes.Add(new Quote(
                new TextSpan(item.GetProperty("s").GetInt32(), item.GetProperty("e").GetInt32()),
                (QuoteKind)item.GetProperty("k").GetInt32(),
                ReadSpan(item, "cue"),
                ReadSpan(item, "spk"),
                item.GetProperty("m").GetInt32(),
                ReadSpan(item, "via")));
        }

        document.SetQuotes(quotes.ToImmutable());
    }

    // dates: {"dates":[{"s","e","t","v","a"}…],"published":{"v","src","c"}}
    private static void WriteDates(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("dates");
        foreach (DateMention date in document.Dates)
        {
            writer.WriteStartObject();
            writer.WriteNumber("s", date.Span.Start);
            writer.WriteNumber("e", date.Span.End);
            writer.WriteNumber("t", (int)date.Type);
            writer.WriteString("v", date.Value);
            writer.WriteNumber("a", (int)date.Anchor);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        PublicationDate inferred = document.Source.Published is null ? document.Publication : PublicationDate.Unknown;
        writer.WriteStartObject("published");
        if (inferred.Value is { } value)
        {
            writer.WriteString("v", value);
        }

        writer.WriteNumber("src", (int)inferred.Source);
        writer.WriteNumber("c", inferred.Confidence);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void ReadDates(Document document, JsonElement root)
    {
        var dates = ImmutableArray.CreateBuilder<DateMention>();
        foreach (JsonElement item in root.GetProperty("dates").EnumerateArray())
        {
            dates.Add(new DateMention(
                new TextSpan(item.GetProperty("s").GetInt32(), item.GetProperty("e").GetInt32()),
                (TemporalType)item.GetProperty("t").GetInt32(),
                OptionalString(item, "v"),
                (DateAnchor)item.GetProperty("a").GetInt32()));
        }

        JsonElement published = root.GetProperty("published");
        DateTimeOffset? value = published.TryGetProperty("v", out JsonElement v) ? v.GetDateTimeOffset() : null;
        document.SetDates(dates.ToImmutable(), new PublicationDate(value, (PublicationSource)published.GetProperty("src").GetInt32(), published.GetProperty("c").GetDouble()));
    }

    // figures: [{"s","e","v","max","u","cur","q"}…]
    private static void WriteFigures(Utf8JsonWriter writer, Document document)
    {
        writer.WriteStartArray();
        foreach (Figure figure in document.Figures)
        {
            writer.WriteStartObject();
            writer.WriteNumber("s", figure.Span.Start);
            writer.WriteNumber("e", figure.Span.End);
            writer.WriteNumber("v", figure.Value);
            if (figure.ValueMax is { } max)
            {
                writer.WriteNumber("max", max);
            }

            writer.WriteString("u", figure.Unit);
            writer.WriteString("cur", figure.Currency);
            writer.WriteString("q", figure.Qualifier);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void ReadFigures(Document document, JsonElement root)
    {
        var figures = ImmutableArray.CreateBuilder<Figure>();
        foreach (JsonElement item in root.EnumerateArray())
        {
            figures.Add(new Figure(
                new TextSpan(item.GetProperty("s").GetInt32(), item.GetProperty("e").GetInt32()),
                item.GetProperty("v").GetDecimal(),
                item.TryGetProperty("max", out JsonElement max) ? max.GetDecimal() : null,
                OptionalString(item, "u"),
                OptionalString(item, "cur"),
                OptionalString(item, "q")));
        }

        document.SetFigures(figures.ToImmutable());
    }

    private static void WriteSpan(Utf8JsonWriter writer, string name, TextSpan? span)
    {
        if (span is { } value)
        {
            writer.WriteStartArray(name);
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }

    private static TextSpan? ReadSpan(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement span) ? new TextSpan(span[0].GetInt32(), span[1].GetInt32()) : null;

    private static string? OptionalString(JsonElement item, string name) =>
        item.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int[] ReadInts(JsonElement array, int groupSize)
    {
        int length = array.GetArrayLength();
        if (length % groupSize != 0)
        {
            throw new JsonException($"expected groups of {groupSize} numbers, got {length} numbers");
        }

        var values = new int[length];
        int i = 0;
        foreach (JsonElement element in array.EnumerateArray())
        {
            values[i++] = element.GetInt32();
        }

        return values;
    }
}
