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

    [Fact]
    public void EntityIndex_AggregatesMentionsAliasesRolesAndQuotesAcrossDocuments()
    {
        IDocumentStore store = Open();
        var entities = (IEntityStore)store;
        store.Save([TestDocuments.Stored(WithEntities("Kurt Campbell a parlé à Niamey. « Nous partons », a dit Kurt M. Campbell.", "secrétaire d'État adjoint", ("Kurt Campbell", 0), ("Niamey", 1), ("Kurt M. Campbell", 0)))]);
        store.Save([TestDocuments.Stored(WithEntities("Kurt Campbell est allé à Niamey hier, pour la deuxième fois.", null, ("Kurt Campbell", 0), ("Niamey", 1)))]);

        EntitySummary top = entities.TopEntities(limit: 1).Single();
        Assert.Equal(("per:kurt-campbell", 3L, 2L), (top.Entity.Id.Value, top.Mentions, top.Documents));
        Assert.Equal("loc:niamey", Assert.Single(entities.TopEntities(EntityKind.Location)).Entity.Id.Value);
        Assert.Equal("NE", entities.TopEntities(EntityKind.Location)[0].Entity.Place?.CountryCode);
        Assert.Empty(entities.TopEntities(language: "en"));

        EntityDetail detail = entities.FindEntity("kurt m. campbell") ?? throw new InvalidOperationException("alias not found");
        Assert.Equal("Kurt Campbell", detail.Summary.Entity.Canonical);
        Assert.Equal([("Kurt Campbell", 2L), ("Kurt M. Campbell", 1L)], detail.Aliases);
        Assert.Equal([("secrétaire d'État adjoint", 2L)], detail.Roles);
        Assert.Equal(2, detail.Documents.Count);
        Assert.Equal(("loc:niamey", 2L), (detail.CoMentioned.Single().Entity.Entity.Id.Value, detail.CoMentioned.Single().SharedDocuments));
        Assert.Null(entities.FindEntity("Pat Ryder"));

        Corpus.Entities.QuoteRecord quote = Assert.Single(entities.Quotes(new EntityId("per:kurt-campbell")));
        Assert.Equal(("Nous partons", "Kurt Campbell"), (quote.Text, quote.SpeakerEntity?.Canonical));
    }

    [Fact]
    public void StoryStore_RecordsMovesAndListsStoriesAndDuplicates()
    {
        IDocumentStore store = Open();
        var stories = (IStoryStore)store;
        Document first = TestDocuments.Annotated("Le Niger et les États-Unis. Un accord.");
        Document second = TestDocuments.Annotated("Les États-Unis quittent le Niger. Un autre accord.");
        Document copy = TestDocuments.Annotated("Le Niger et les États-Unis. Un accord. Lire aussi.");
        store.Save([TestDocuments.Stored(first), TestDocuments.Stored(second), TestDocuments.Stored(copy)]);
        var a = new StoryId("s-a");
        var b = new StoryId("s-b");

        stories.SaveStories(
            new Dictionary<DocumentId, StoryId> { [first.Id] = a, [second.Id] = b, [copy.Id] = a, [new DocumentId("not-stored")] = b },
            [new Corpus.Dedup.DuplicateLink(copy.Id, first.Id, 0.93, Corpus.Dedup.DuplicateReason.NearDuplicate)]);
        Assert.Equal([first.Id, copy.Id], stories.StoryMembers(a));
        Assert.Equal(a, stories.StoryOf(copy.Id));
        Assert.Equal(3, stories.StoryAssignments().Count);
        Assert.Equal([a, b], stories.Stories().Select(story => story.Id));

        stories.SaveStories(new Dictionary<DocumentId, StoryId> { [second.Id] = a }, []);
        StoryListing merged = Assert.Single(stories.Stories());
        Assert.Equal((a, 3), (merged.Id, merged.Members));
        Assert.Equal(["fr"], merged.Languages);
        Corpus.Dedup.DuplicateLink link = Assert.Single(stories.DuplicatesOf([first.Id, copy.Id]));
        Assert.Equal((copy.Id, first.Id, Corpus.Dedup.DuplicateReason.NearDuplicate), (link.Duplicate, link.Canonical, link.Reason));
        Assert.Empty(stories.Stories(language: "en"));
    }

    private static Document WithEntities(string text, string? role, params (string Surface, int Entity)[] mentions)
    {
        var document = new Document(text);
        document.SetText(text, OffsetMap.Identity(text.Length), null, []);
        document.SetLanguage(new Language("fr", 1));
        var list = new List<Mention>();
        int from = 0;
        foreach ((string surface, int entity) in mentions)
        {
            int start = text.IndexOf(surface, from, StringComparison.Ordinal);
            from = start + surface.Length;
            list.Add(new Mention(new TextSpan(start, from), new TokenRange(0, 1), entity == 0 ? EntityKind.Person : EntityKind.Location, 0.9f, entity, entity == 0 ? role : null));
        }

        document.SetMentions(
            [.. list],
            [new DocumentEntity(new EntityId("per:kurt-campbell"), "Kurt Campbell", EntityKind.Person, role), new DocumentEntity(new EntityId("loc:niamey"), "Niamey", EntityKind.Location, null, new GeoPlace("2440485", 13.51, 2.11, "NE", "capital"))]);
        int open = text.IndexOf('«', StringComparison.Ordinal);
        document.SetQuotes(open < 0 ? [] : [new Quote(new TextSpan(open + 2, text.IndexOf('»', StringComparison.Ordinal) - 1), QuoteKind.Direct, null, null, list.Count - 1)]);
        return document;
    }
}
