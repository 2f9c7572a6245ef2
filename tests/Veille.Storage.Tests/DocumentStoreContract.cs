using Veille.Model;

namespace Veille.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> must have. A subclass per implementation supplies a fresh, empty store
/// location per test and can open it again (to test reopening).
/// </summary>
public abstract class DocumentStoreContract : IDisposable
{
    private readonly List<IDocumentStore> opened = [];

    /// <summary>Opens (or reopens) the store of this test.</summary>
    protected abstract IDocumentStore OpenStore();

    /// <summary>Makes the store of this test look as if a newer version had migrated it.</summary>
    protected abstract void SimulateNewerSchema();

    /// <summary>Deletes the store of this test.</summary>
    protected abstract void DeleteStore();

    public void Dispose()
    {
        foreach (IDocumentStore store in opened)
        {
            store.Dispose();
        }

        DeleteStore();
        GC.SuppressFinalize(this);
    }

    private IDocumentStore Open()
    {
        IDocumentStore store = OpenStore();
        opened.Add(store);
        return store;
    }

    [Fact]
    public void Store_SaveThenLoad_RoundTripsMetadataTextsAndLayers()
    {
        IDocumentStore store = Open();
        Document original = TestDocuments.Annotated();
        StoredDocument stored = TestDocuments.Stored(original);

        store.Save([stored]);
        StoredDocument? loaded = store.Load(original.Id);

        Assert.NotNull(loaded);
        Document document = loaded.Document;
        Assert.Equal(original.Id, document.Id);
        Assert.Equal(original.Source, document.Source);
        Assert.Equal(original.RawText, document.RawText);
        Assert.Equal(original.Text, document.Text);
        Assert.Equal(original.Title, document.Title);
        Assert.Equal(original.DetectedTitle, document.DetectedTitle);
        Assert.Equal(original.Layers, document.Layers);
        Assert.Equal(original.Language, document.Language);
        Assert.Equal(original.Tokens.ToArray(), document.Tokens.ToArray());
        Assert.Equal(original.Sentences.ToArray(), document.Sentences.ToArray());
        Assert.Equal(original.RemovedLines.ToArray(), document.RemovedLines.ToArray());
        Assert.Equal(original.OffsetMap.Runs.ToArray(), document.OffsetMap.Runs.ToArray());
        Assert.Equal(stored.Layers, loaded.Layers);
        Assert.Equal(TestDocuments.IngestedUtc, loaded.IngestedUtc);
    }

    [Fact]
    public void Store_KeepsLayersOfNewerVersions()
    {
        IDocumentStore store = Open();
        Document original = TestDocuments.Plain("Un texte.");
        var layers = new List<StoredLayer>(LayerCodec.Encode(original, TestDocuments.ProducerOf)) { new("holograms", "future", 7, "{}") };

        store.Save([new StoredDocument(original, layers, TestDocuments.IngestedUtc)]);
        StoredDocument loaded = store.Load(original.Id)!;

        Assert.Contains(loaded.Layers, l => l.Layer == "holograms" && l.Version == 7);
        Assert.Equal(Layers.Text | Layers.Language, loaded.Document.Layers);
    }

    [Fact]
    public void Store_DocumentWithoutLayersOrMetadata_RoundTrips()
    {
        IDocumentStore store = Open();
        var original = new Document("Juste du texte brut.");

        store.Save([new StoredDocument(original, [], TestDocuments.IngestedUtc)]);
        StoredDocument loaded = store.Load(original.Id)!;

        Assert.Equal(SourceInfo.Empty, loaded.Document.Source);
        Assert.Equal(Layers.None, loaded.Document.Layers);
        Assert.Empty(loaded.Layers);
        Assert.Equal(original.RawText, loaded.Document.Text);
    }

    [Fact]
    public void Store_Save_IsIdempotentAndReturnsOnlyNewIds()
    {
        IDocumentStore store = Open();
        StoredDocument first = TestDocuments.Stored(TestDocuments.Plain("Premier article."));
        StoredDocument second = TestDocuments.Stored(TestDocuments.Plain("Second article."));

        IReadOnlyList<DocumentId> saved = store.Save([first, first]);
        IReadOnlyList<DocumentId> again = store.Save([first, second]);

        Assert.Equal([first.Document.Id], saved);
        Assert.Equal([second.Document.Id], again);
        Assert.Equal(2, store.Count());
        Assert.True(store.Contains(first.Document.Id));
        Assert.False(store.Contains(new DocumentId("0000000000000000")));
        Assert.Null(store.Load(new DocumentId("0000000000000000")));
    }

    [Fact]
    public void Store_FindByExternalId()
    {
        IDocumentStore store = Open();
        Document document = TestDocuments.Plain("Un article.", source: new SourceInfo(ExternalId: "jsonl-42"));
        store.Save([TestDocuments.Stored(document)]);

        Assert.Equal(document.Id, store.FindByExternalId("jsonl-42"));
        Assert.Null(store.FindByExternalId("jsonl-43"));
    }

    [Fact]
    public void Store_IngestLog_NewestFirst()
    {
        IDocumentStore store = Open();
        var at = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        store.LogIngest(new IngestLogEntry("a.txt", "stored", null, "0123456789abcdef", at));
        store.LogIngest(new IngestLogEntry("b.txt", "skipped", "VE0203: empty", null, at.AddSeconds(1)));
        store.LogIngest(new IngestLogEntry("c.txt", "duplicate", "same content as a.txt", "0123456789abcdef", at.AddSeconds(2)));

        IReadOnlyList<IngestLogEntry> log = store.IngestLog(2);

        Assert.Equal(2, log.Count);
        Assert.Equal(new IngestLogEntry("c.txt", "duplicate", "same content as a.txt", "0123456789abcdef", at.AddSeconds(2)), log[0]);
        Assert.Equal(new IngestLogEntry("b.txt", "skipped", "VE0203: empty", null, at.AddSeconds(1)), log[1]);
    }

    [Fact]
    public void Store_Unindexed_UntilMarkedIndexed()
    {
        IDocumentStore store = Open();
        StoredDocument[] documents = [.. Enumerable.Range(0, 3).Select(i => TestDocuments.Stored(TestDocuments.Plain($"Article {i}.")))];
        store.Save(documents);

        Assert.Equal(documents.Select(d => d.Document.Id), store.Unindexed());

        store.MarkIndexed([documents[0].Document.Id, documents[2].Document.Id]);

        Assert.Equal([documents[1].Document.Id], store.Unindexed());
    }

    [Fact]
    public void Store_All_StreamsInIngestOrder()
    {
        IDocumentStore store = Open();
        // Ids are content hashes, so ingest order is deliberately not id order.
        StoredDocument[] documents = [.. Enumerable.Range(0, 20).Select(i => TestDocuments.Stored(TestDocuments.Plain($"Article numéro {i}.")))];
        store.Save(documents[..7]);
        store.Save(documents[7..]);

        List<StoredDocument> all = [.. store.All()];

        Assert.Equal(documents.Select(d => d.Document.Id), all.Select(d => d.Document.Id));
        Assert.All(all, d => Assert.Equal(Layers.Text | Layers.Language, d.Document.Layers));
    }

    [Fact]
    public void Store_Statistics_CountsByLanguageAndSource()
    {
        IDocumentStore store = Open();
        store.Save([
            TestDocuments.Stored(TestDocuments.Plain("Un article.", "fr", new SourceInfo(Source: "rfi"))),
            TestDocuments.Stored(TestDocuments.Plain("Un autre article.", "fr", new SourceInfo(Source: "actuniger"))),
            TestDocuments.Stored(TestDocuments.Plain("An article.", "en", new SourceInfo(Source: "rfi"))),
            new StoredDocument(new Document("Sans langue."), [], TestDocuments.IngestedUtc),
        ]);

        StoreStatistics statistics = store.Statistics();

        Assert.Equal(4, statistics.Documents);
        Assert.Equal(2, statistics.ByLanguage["fr"]);
        Assert.Equal(1, statistics.ByLanguage["en"]);
        Assert.Equal(1, statistics.ByLanguage[Language.UndeterminedTag]);
        Assert.Equal(2, statistics.BySource["rfi"]);
        Assert.Equal(1, statistics.BySource["actuniger"]);
        long characters = "Un article.".Length + "Un autre article.".Length + "An article.".Length + "Sans langue.".Length;
        Assert.Equal(characters, statistics.RawCharacters);
        Assert.Equal(characters, statistics.TextCharacters);
        Assert.True(statistics.StoreBytes > 0);
    }

    [Fact]
    public void Store_Reopen_KeepsDocumentsAndAppliesMigrationsOnce()
    {
        Document document = TestDocuments.Annotated();
        using (IDocumentStore store = OpenStore())
        {
            store.Save([TestDocuments.Stored(document)]);
        }

        using (IDocumentStore reopened = OpenStore())
        {
            Assert.Equal(1, reopened.Count());
            Assert.Equal(document.Tokens.ToArray(), reopened.Load(document.Id)!.Document.Tokens.ToArray());
            reopened.Save([TestDocuments.Stored(TestDocuments.Plain("Encore un."))]);
        }

        using IDocumentStore third = OpenStore();
        Assert.Equal(2, third.Count());
    }

    [Fact]
    public void Store_NewerSchema_RefusesToOpenWithClearMessage()
    {
        using (IDocumentStore store = OpenStore())
        {
            store.Save([TestDocuments.Stored(TestDocuments.Plain("Un article."))]);
        }

        SimulateNewerSchema();

        StoreException exception = Assert.Throws<StoreException>(() => Open());
        Assert.Contains("newer", exception.Message, StringComparison.Ordinal);
        Assert.Equal(Veille.Pipeline.ErrorCodes.StoreFailure, exception.Code);
    }

    [Fact]
    public void Store_ReadersDoNotWaitForWriters()
    {
        IDocumentStore store = Open();
        store.Save([.. Enumerable.Range(0, 50).Select(i => TestDocuments.Stored(TestDocuments.Plain($"Lecture {i}.")))]);

        Parallel.Invoke(
            () => store.Save([.. Enumerable.Range(0, 500).Select(i => TestDocuments.Stored(TestDocuments.Plain($"Écriture {i}.")))]),
            () =>
            {
                for (int i = 0; i < 20; i++)
                {
                    Assert.True(store.Count() >= 50);
                    Assert.Equal(50, store.All().Take(50).Count());
                }
            });

        Assert.Equal(550, store.Count());
    }
}
