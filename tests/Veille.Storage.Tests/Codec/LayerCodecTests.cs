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

public sealed class LayerCodecAnalysisLayerTests
{
    [Fact]
    public void LayerCodec_RoundTripsMentionsQuotesDatesAndFigures()
    {
        const string text = "« Nous partons », a déclaré Pat Ryder à Niamey le 23 avril 2024 : plus de 1 000 soldats.";
        var original = new Document(text);
        original.SetText(text, OffsetMap.Identity(text.Length), null, []);
        original.SetMentions(
            [new Mention(new TextSpan(28, 37), new TokenRange(6, 8), EntityKind.Person, 0.9f, 0, "porte-parole"), new Mention(new TextSpan(40, 46), new TokenRange(9, 10), EntityKind.Location, 0.8f, 1)],
            [new DocumentEntity(new EntityId("per:pat-ryder"), "Pat Ryder", EntityKind.Person, "porte-parole"), new DocumentEntity(new EntityId("loc:niamey"), "Niamey", EntityKind.Location, null, new GeoPlace("2440485", 13.5, 2.1, "NE", "capital"))]);
        original.SetQuotes([new Quote(new TextSpan(2, 14), QuoteKind.Direct, new TextSpan(19, 27), new TextSpan(28, 37), 0, null), new Quote(new TextSpan(1, 2), QuoteKind.Scare)]);
        original.SetDates([new DateMention(new TextSpan(47, 63), TemporalType.Date, "2024-04-23", DateAnchor.Explicit), new DateMention(new TextSpan(0, 1), TemporalType.Date, null, DateAnchor.None)], new PublicationDate(new DateTimeOffset(2024, 4, 25, 0, 0, 0, TimeSpan.Zero), PublicationSource.Inferred, 0.8));
        original.SetFigures([new Figure(new TextSpan(66, 87), 1000m, null, "soldats", null, "more-than"), new Figure(new TextSpan(0, 1), 110_000_000m, 120_000_000m, null, "USD", null)]);

        var copy = new Document(original.Id, original.RawText, original.Source);
        LayerCodec.Decode(copy, LayerCodec.Encode(original, _ => null));

        Assert.Equal(original.Layers, copy.Layers);
        Assert.Equal(original.Mentions.ToArray(), copy.Mentions.ToArray());
        Assert.Equal(original.Entities.ToArray(), copy.Entities.ToArray());
        Assert.Equal(original.Quotes.ToArray(), copy.Quotes.ToArray());
        Assert.Equal(original.Dates.ToArray(), copy.Dates.ToArray());
        Assert.Equal(original.Publication, copy.Publication);
        Assert.Equal(original.Figures.ToArray(), copy.Figures.ToArray());
    }
}
