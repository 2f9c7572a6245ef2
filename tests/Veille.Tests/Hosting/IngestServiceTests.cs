using Veille.Hosting;
using Veille.Hosting.Ingest;
using Veille.Model;
using Veille.Storage;

namespace Veille.Tests.Hosting;

public sealed class IngestServiceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("veille-ingest-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Ingest_SamplesTwice_StoresTwoDocuments()
    {
        using VeilleHost host = VeilleHost.Open(folder);
        IngestReport first = host.CreateIngestService().Ingest([Repository.PathOf("samples")]);
        IngestReport second = host.CreateIngestService().Ingest([Repository.PathOf("samples")]);
        Assert.Equal((2, 0), (first.Stored, first.Duplicates));
        Assert.Equal((0, 2), (second.Stored, second.Duplicates));
        Assert.Equal(2, host.Store.Count());
        Assert.Equal(2, host.Index.Count());
    }

    [Fact]
    public void Ingest_AfterACrashBetweenStoreAndIndex_RepairsTheIndex()
    {
        using (VeilleHost host = VeilleHost.Open(folder))
        {
            // What a crash after the SQLite commit and before the Lucene commit leaves behind.
            var document = new Document(TestDocuments.Sample2, new SourceInfo(Path: "crashed.txt"));
            host.Pipeline.Process(document);
            host.Store.Save([new StoredDocument(document, LayerCodec.Encode(document, host.Pipeline.ProducerOf), DateTimeOffset.UtcNow)]);
            Assert.Equal(0, host.Index.Count());
        }

        using (VeilleHost host = VeilleHost.Open(folder))
        {
            IngestReport report = host.CreateIngestService().Ingest([Repository.PathOf("samples")]);
            Assert.Equal(1, report.Repaired);
            Assert.Equal((1, 1), (report.Stored, report.Duplicates));
            Assert.Equal(2, host.Index.Count());
            Assert.Empty(host.Store.Unindexed());
            Assert.Equal(host.Store.All().Select(stored => stored.Document.Id.Value).Order(StringComparer.Ordinal), host.Index.AllIds().Select(id => id.Value).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Ingest_JsonLines_KeepsTheExternalIdAndMetadata()
    {
        string path = Path.Combine(folder, "in.jsonl");
        File.WriteAllText(path, """{"id": "ext-42", "text": "Les États-Unis quittent le Niger. Les troupes partent.", "title": "Départ", "published": "2024-04-25T10:00:00Z", "source": "Exemple"}""" + "\n");
        using VeilleHost host = VeilleHost.Open(Path.Combine(folder, "data"), forWriting: true);
        host.CreateIngestService().Ingest([path]);
        DocumentId id = host.Store.FindByExternalId("ext-42") ?? throw new InvalidOperationException("not stored");
        Document document = host.Store.Load(id)!.Document;
        Assert.Equal(("Départ", "Exemple"), (document.Title, document.Source.Source));
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 10, 0, 0, TimeSpan.Zero), document.Publication.Value);
        Assert.Equal(PublicationSource.Metadata, document.Publication.Source);
    }

    [Fact]
    public void Ingest_NearCopiesInTheFirstBatch_StoresTheirDuplicateLinksAndOneStory()
    {
        string article = TestDocuments.Sample1;
        string path = Path.Combine(folder, "copies.jsonl");
        File.WriteAllLines(path, [
            System.Text.Json.JsonSerializer.Serialize(new { id = "a", text = article }),
            System.Text.Json.JsonSerializer.Serialize(new { id = "b", text = "Partager sur Facebook\n" + article }),
        ]);
        using VeilleHost host = VeilleHost.Open(Path.Combine(folder, "data"), forWriting: true);
        host.CreateIngestService().Ingest([path]);
        DocumentId original = host.Store.FindByExternalId("a")!.Value;
        DocumentId copy = host.Store.FindByExternalId("b")!.Value;
        var link = Assert.Single(host.Stories.DuplicatesOf([original, copy]));
        Assert.Equal((copy, original), (link.Duplicate, link.Canonical));
        Assert.Equal(host.Stories.StoryOf(original), host.Stories.StoryOf(copy));
    }

    [Fact]
    public void Ingest_AfterTheIndexFolderWasLost_ReindexesEverything()
    {
        using (VeilleHost host = VeilleHost.Open(folder))
        {
            host.CreateIngestService().Ingest([Repository.PathOf("samples")]);
        }

        Directory.Delete(Path.Combine(folder, "index"), recursive: true);
        using (VeilleHost host = VeilleHost.Open(folder))
        {
            IngestReport report = host.CreateIngestService().Ingest([Repository.PathOf("samples")]);
            Assert.Equal(2, report.Repaired);
            Assert.Equal(2, host.Index.Count());
        }
    }

    [Fact]
    public void CreateIngestService_RefusesASecondWriterOnTheSameFolder()
    {
        using VeilleHost first = VeilleHost.Open(folder, forWriting: true);
        Assert.Throws<StoreException>(() => VeilleHost.Open(folder, forWriting: true));
    }
}
