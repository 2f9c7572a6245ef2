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
