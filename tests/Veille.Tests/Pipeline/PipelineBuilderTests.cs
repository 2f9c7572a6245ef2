using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Cleaning;
using Veille.Stages.LanguageId;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    [Fact]
    public void Build_RejectsAStageWhoseRequirementIsMissing_NamingTheLayerAndItsProducers()
    {
        var builder = new PipelineBuilder().Use(new TokenizationStage());
        PipelineException exception = Assert.Throws<PipelineException>(builder.Build);
        Assert.Equal(ErrorCodes.MissingLayer, exception.Code);
        Assert.Contains("tokenization", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Text", exception.Message, StringComparison.Ordinal);
        Assert.Contains("cleaning", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RejectsAProducerThatComesTooLate()
    {
        var builder = new PipelineBuilder().Use(new LanguageIdStage()).Use(new CleaningStage());
        PipelineException exception = Assert.Throws<PipelineException>(builder.Build);
        Assert.Contains("must come before", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RejectsTwoProducersOfOneLayer()
    {
        var builder = new PipelineBuilder().Use(new CleaningStage()).Use(new FakeStage("other-cleaner", Layers.None, Layers.Text));
        PipelineException exception = Assert.Throws<PipelineException>(builder.Build);
        Assert.Equal(ErrorCodes.LayerProducedTwice, exception.Code);
    }

    [Fact]
    public void Build_RejectsTheSameStageTwice()
    {
        var builder = new PipelineBuilder().Use(new CleaningStage()).Use(new CleaningStage());
        Assert.Equal(ErrorCodes.DuplicateStage, Assert.Throws<PipelineException>(builder.Build).Code);
    }

    [Fact]
    public void Document_RejectsASecondWriteOfALayer()
    {
        Document document = TestDocuments.Cleaned("Un texte.");
        Assert.Throws<InvalidOperationException>(() => document.SetText(document.RawText, OffsetMap.Identity(document.RawText.Length), null, []));
    }

    [Fact]
    public void DefaultPipeline_ProducesTextLanguageTokensAndSentences()
    {
        NewsPipeline pipeline = StageCatalog.CreateDefault();
        var document = new Document(TestDocuments.Sample2);
        pipeline.Process(document);
        Assert.True(document.Has(Layers.Text | Layers.Language | Layers.Tokens | Layers.Sentences | Layers.Mentions | Layers.Quotes));
        Assert.Equal("fr", document.Language.Tag);
        Assert.NotEmpty(document.Sentences);
    }

    [Fact]
    public void DefaultPipeline_IsSafeToShareAcrossThreads()
    {
        NewsPipeline pipeline = StageCatalog.CreateDefault();
        string[] texts = [TestDocuments.Sample1, TestDocuments.Sample2];
        var documents = Enumerable.Range(0, 64).Select(i => new Document(texts[i % 2])).ToArray();
        Parallel.ForEach(documents, document => pipeline.Process(document));
        Assert.All(documents, document => Assert.Equal(documents[documents.ToList().IndexOf(document) % 2].Text, document.Text));
    }

    [Fact]
    public void StageCatalog_Snapshot()
    {
        string snapshot = string.Join("\n", StageCatalog.Names.Select(name =>
        {
            StageInfo info = StageCatalog.Create(name).Info;
            return $"{info.Name} v{info.Version}: requires {info.Requires}; produces {info.Produces}";
        }));
        Assert.Equal(
            """
            cleaning v1: requires None; produces Text
            language-id v2: requires Text; produces Language
            tokenization v2: requires Text; produces Tokens, Sentences
            entities v3: requires Text, Language, Tokens, Sentences; produces Mentions
            dates v1: requires Text, Language, Tokens, Sentences; produces Dates
            figures v1: requires Text, Language, Tokens; produces Figures
            quotes v1: requires Text, Tokens, Sentences, Mentions; produces Quotes
            """.ReplaceLineEndings("\n"),
            snapshot);
    }

    [Fact]
    public void StageCatalog_UnknownName_ListsKnownStages()
    {
        PipelineException exception = Assert.Throws<PipelineException>(() => StageCatalog.Create("stemming"));
        Assert.Contains("language-id", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessAll_ReportsAFailingDocumentAndProcessesTheOthers()
    {
        NewsPipeline pipeline = new PipelineBuilder().Use(new CleaningStage()).Use(new ThrowingStage()).Build();
        Document?[] documents = [new Document("Un texte correct."), new Document("boom"), null, new Document("Un autre texte.")];
        string?[] failures = pipeline.ProcessAll(documents, StageContext.Default, parallelism: 2);
        Assert.Null(failures[0]);
        Assert.StartsWith(ErrorCodes.InputMalformed, failures[1], StringComparison.Ordinal);
        Assert.Contains("InvalidDataException", failures[1], StringComparison.Ordinal);
        Assert.Null(failures[2]);
        Assert.Null(failures[3]);
        Assert.True(documents[3]!.Has(Layers.Text));
    }

    private sealed class ThrowingStage : IDocumentStage
    {
        public StageInfo Info { get; } = new("throwing", 1, Layers.Text, Layers.None);

        public void Process(Document document, StageContext context)
        {
            if (document.Text == "boom")
            {
                throw new InvalidDataException("boom");
            }
        }
    }

    private sealed class FakeStage(string name, Layers requires, Layers produces) : IDocumentStage
    {
        public StageInfo Info { get; } = new(name, 1, requires, produces);

        public void Process(Document document, StageContext context)
        {
        }
    }
}
