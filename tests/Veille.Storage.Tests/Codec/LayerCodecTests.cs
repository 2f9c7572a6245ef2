using Veille.Model;

namespace Veille.Storage.Tests.Codec;

public sealed class LayerCodecTests
{
    [Fact]
    public void LayerCodec_RoundTripsEveryLayer()
    {
        Document original = TestDocuments.Annotated();
        IReadOnlyList<StoredLayer> layers = LayerCodec.Encode(original, TestDocuments.ProducerOf);

        var copy = new Document(original.Id, original.RawText, original.Source);
        LayerCodec.Decode(copy, layers);

        Assert.Equal(original.Layers, copy.Layers);
        Assert.Equal(original.Text, copy.Text);
        Assert.Equal(original.OffsetMap.Runs.ToArray(), copy.OffsetMap.Runs.ToArray());
        Assert.Equal(original.OffsetMap.TextLength, copy.OffsetMap.TextLength);
        Assert.Equal(original.OffsetMap.RawLength, copy.OffsetMap.RawLength);
        Assert.Equal(original.DetectedTitle, copy.DetectedTitle);
        Assert.Equal(original.RemovedLines.ToArray(), copy.RemovedLines.ToArray());
        Assert.Equal(original.Language, copy.Language);
        Assert.Equal(original.Tokens.ToArray(), copy.Tokens.ToArray());
        Assert.Equal(original.Sentences.ToArray(), copy.Sentences.ToArray());
    }

    [Fact]
    public void LayerCodec_TagsLayersWithTheirProducer()
    {
        IReadOnlyList<StoredLayer> layers = LayerCodec.Encode(TestDocuments.Annotated(), TestDocuments.ProducerOf);

        Assert.Equal(["text", "language", "tokens", "sentences"], layers.Select(l => l.Layer));
        Assert.Equal(("cleaning", 2), (layers[0].Stage, layers[0].Version));
        Assert.Equal(("tokenization", 3), (layers[3].Stage, layers[3].Version));
    }

    [Fact]
    public void LayerCodec_EncodesOnlyPresentLayers_AndUnknownProducerAsVersionZero()
    {
        var document = new Document("Bonjour.");
        document.SetLanguage(new Language("fr", 0.5));

        StoredLayer layer = Assert.Single(LayerCodec.Encode(document, _ => null));

        Assert.Equal(("language", LayerCodec.UnknownStage, 0), (layer.Layer, layer.Stage, layer.Version));
        Assert.Equal("""{"tag":"fr","confidence":0.5}""", layer.Payload);
    }

    [Fact]
    public void LayerCodec_TokensAreCompactFlatArrays()
    {
        var document = new Document("Le Niger");
        document.SetTokens([new Token(new TextSpan(0, 2), TokenKind.Word, true), new Token(new TextSpan(3, 8), TokenKind.Word, false)]);

        StoredLayer layer = Assert.Single(LayerCodec.Encode(document, _ => null));

        Assert.Equal("[0,2,0,1,3,8,0,0]", layer.Payload);
    }

    [Fact]
    public void LayerCodec_IgnoresUnknownLayersOnDecode()
    {
        var document = new Document("Bonjour.");
        LayerCodec.Decode(document, [new StoredLayer("holograms", "future-stage", 9, """{"x":[1,2,3]}"""), new StoredLayer("language", "language-id", 1, """{"tag":"fr","confidence":1}""")]);

        Assert.Equal(Layers.Language, document.Layers);
    }

    [Fact]
    public void LayerCodec_MalformedPayload_ThrowsFormatExceptionNamingTheLayer()
    {
        var document = new Document("Bonjour.");

        FormatException exception = Assert.Throws<FormatException>(() => LayerCodec.Decode(document, [new StoredLayer("tokens", "tokenization", 1, "[1,2,3]")]));

        Assert.Contains("tokens", exception.Message, StringComparison.Ordinal);
    }
}
