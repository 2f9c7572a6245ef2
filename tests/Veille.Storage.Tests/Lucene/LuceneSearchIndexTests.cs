using Veille.Model;
using Veille.Search.Lucene;

namespace Veille.Storage.Tests.Lucene;

public sealed class LuceneSearchIndexTests : IDisposable
{
    private static readonly DateTimeOffset April19 = new(2024, 4, 19, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April25 = new(2024, 4, 25, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder folder = new();
    private readonly Document withdrawal;
    private readonly Document meeting;

    public LuceneSearchIndexTests()
    {
        withdrawal = Sample("000_c2b475aff80ba1f6.txt", new SourceInfo(Source: "rfi", Title: "Les États-Unis acceptent de retirer leurs forces du Niger", Published: April19));
        meeting = Sample("002_077823ae67d334e0.txt", new SourceInfo(Source: "actuniger", Published: April25));
    }

    private string IndexFolder => Path.Combine(folder.Path, "index");

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData("Niamey")]
    [InlineData("retrait des troupes")]
    [InlineData("Etats-Unis")]
    [InlineData("etats unis")]
    [InlineData("\"États-Unis\"")]
    [InlineData("niger AND (retrait OR retirer)")]
    public void Search_FrenchSamples_FindsBoth(string text)
    {
        using LuceneSearchIndex index = Indexed();

        SearchResult result = index.Search(new SearchQuery(text));

        Assert.Equal(2, result.Total);
        Assert.Equal(new HashSet<DocumentId> { withdrawal.Id, meeting.Id }, result.Hits.Select(h => h.Id).ToHashSet());
    }

    [Theory]
    [InlineData("Niamey -Kathleen", 1)]
    [InlineData("Kathleen", 1)]
    [InlineData("Niamey NOT Kathleen", 1)]
    [InlineData("\"troupes américaines\" Kathleen", 1)]
    [InlineData("\"américaines troupes\"", 0)]
    [InlineData("Niamey zzyzx", 0)]
    [InlineData("-Kathleen", 1)]
    [InlineData("title:Niger", 1)]
    [InlineData("source:actuniger", 1)]
    [InlineData("Kathl*", 1)]
    [InlineData("language:fr", 2)]
    public void Search_Syntax(string text, int expected)
    {
        using LuceneSearchIndex index = Indexed();

        Assert.Equal(expected, index.Search(new SearchQuery(text)).Total);
    }

    [Fact]
    public void Search_Filters_LanguageSourceAndDates()
    {
        using LuceneSearchIndex index = Indexed();

        Assert.Equal(0, index.Search(new SearchQuery("Niamey", Language: "en")).Total);
        Assert.Equal(2, index.Search(new SearchQuery("Niamey", Language: "fr")).Total);
        Assert.Equal([meeting.Id], index.Search(new SearchQuery("Niamey", Source: "actuniger")).Hits.Select(h => h.Id));
        Assert.Equal([withdrawal.Id], index.Search(new SearchQuery("Niamey", From: April19.AddDays(-1), To: April19.AddDays(1))).Hits.Select(h => h.Id));
        Assert.Equal([meeting.Id], index.Search(new SearchQuery("Niamey", From: April19.AddDays(1))).Hits.Select(h => h.Id));
        Assert.Equal(0, index.Search(new SearchQuery("Niamey", To: April19)).Total);
    }

    [Fact]
    public void Search_DateFilter_ExcludesUndatedDocuments_OnlyWhenGiven()
    {
        using var index = new LuceneSearchIndex(IndexFolder);
        index.Index([TestDocuments.Plain("Une dépêche sans date de Niamey.")]);
        index.Commit();

        Assert.Equal(1, index.Search(new SearchQuery("Niamey")).Total);
        Assert.Equal(0, index.Search(new SearchQuery("Niamey", From: DateTimeOffset.UnixEpoch)).Total);
    }

    [Fact]
    public void Search_Snippet_HighlightsMatchedWords()
    {
        using LuceneSearchIndex index = Indexed();

        SearchResult result = index.Search(new SearchQuery("Niamey"));

        Assert.All(result.Hits, hit =>
        {
            Assert.InRange(hit.Snippet.Length, 1, 210);
            Assert.NotEmpty(hit.Highlights);
            Assert.All(hit.Highlights, span => Assert.Equal("Niamey", hit.Snippet[span.Start..span.End]));
        });
        Assert.Equal("Les États-Unis acceptent de retirer leurs forces du Niger", result.Hits.Single(h => h.Id == withdrawal.Id).Title);
    }

    [Fact]
    public void Search_Snippet_HighlightsStemmedAndFoldedForms()
    {
        using LuceneSearchIndex index = Indexed();

        SearchHit hit = index.Search(new SearchQuery("retrait troupe etats")).Hits.Single(h => h.Id == withdrawal.Id);

        string[] highlighted = [.. hit.Highlights.Select(span => hit.Snippet[span.Start..span.End]).Distinct()];
        Assert.Contains("troupes", highlighted);
        Assert.Contains("États", highlighted);
    }

    [Fact]
    public void Search_Snippet_HandlesTypographicApostrophes()
    {
        using var index = new LuceneSearchIndex(IndexFolder);
        index.Index([TestDocuments.Plain("Le ministre a dénoncé l’accord militaire et l'accord commercial.")]);
        index.Commit();

        SearchHit hit = Assert.Single(index.Search(new SearchQuery("accord")).Hits);

        Assert.Equal(["accord", "accord"], hit.Highlights.Select(span => hit.Snippet[span.Start..span.End]));
    }

    [Fact]
    public void Search_EnglishAnalysis_StemsAndDropsPossessives()
    {
        using var index = new LuceneSearchIndex(IndexFolder);
        index.Index([TestDocuments.Plain("Niger’s junta ordered the withdrawal of American troops.", "en")]);
        index.Commit();

        Assert.Equal(1, index.Search(new SearchQuery("niger troop withdrawals")).Total);
        Assert.Equal(1, index.Search(new SearchQuery("Niamey OR troops", Language: "en")).Total);
    }

    [Fact]
    public void Index_SameDocumentTwice_CountsOnce()
    {
        using LuceneSearchIndex index = Indexed();
        index.Index([withdrawal]);
        index.Commit();

        Assert.Equal(2, index.Count());
        Assert.Equal(new HashSet<DocumentId> { withdrawal.Id, meeting.Id }, index.AllIds().ToHashSet());
    }

    [Fact]
    public void Index_NotSearchableUntilCommit()
    {
        using var index = new LuceneSearchIndex(IndexFolder);
        index.Index([withdrawal]);

        Assert.Equal(0, index.Count());
        index.Commit();
        Assert.Equal(1, index.Count());
    }

    [Fact]
    public void Index_ReopensAfterDispose()
    {
        using (Indexed())
        {
        }

        using var reopened = new LuceneSearchIndex(IndexFolder);
        Assert.Equal(2, reopened.Count());
        Assert.Equal(2, reopened.Search(new SearchQuery("Niamey")).Total);
    }

    [Fact]
    public void Index_OpensWithStaleWriteLock()
    {
        using (Indexed())
        {
        }

        // What a killed process leaves: the lock file, with no process holding its OS lock.
        File.WriteAllText(Path.Combine(IndexFolder, "write.lock"), string.Empty);

        using var reopened = new LuceneSearchIndex(IndexFolder);
        reopened.Index([TestDocuments.Plain("Un nouvel article de Niamey.")]);
        reopened.Commit();
        Assert.Equal(3, reopened.Count());
    }

    [Theory]
    [InlineData("\"Niamey")]
    [InlineData("Niamey AND")]
    [InlineData("(Niamey")]
    [InlineData("*amey")]
    public void Search_InvalidQuery_ThrowsClearError(string text)
    {
        using LuceneSearchIndex index = Indexed();

        InvalidSearchQueryException exception = Assert.Throws<InvalidSearchQueryException>(() => index.Search(new SearchQuery(text)));

        Assert.StartsWith("VE0303: invalid query", exception.Message, StringComparison.Ordinal);
        Assert.Equal(text, exception.Query);
    }

    [Fact]
    public void Search_UnderForeignCulture_IsUnchanged()
    {
        using LuceneSearchIndex index = Indexed();
        System.Globalization.CultureInfo culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal(2, index.Search(new SearchQuery("NIAMEY", From: April19.AddDays(-1))).Total);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Search_EmptyQuery_ListsFilteredDocuments()
    {
        using LuceneSearchIndex index = Indexed();

        Assert.Equal(1, index.Search(new SearchQuery("", Source: "rfi")).Total);
    }

    private LuceneSearchIndex Indexed()
    {
        var index = new LuceneSearchIndex(IndexFolder);
        index.Index([withdrawal, meeting]);
        index.Commit();
        return index;
    }

    [Fact]
    public void Search_EntityAndSpeakerFilters()
    {
        const string text = "« Nous partons », a dit Pat Ryder à Niamey.";
        var document = new Document(text, new SourceInfo(Source: "test"));
        document.SetText(text, OffsetMap.Identity(text.Length), null, []);
        document.SetLanguage(new Language("fr", 1));
        document.SetMentions(
            [new Mention(new TextSpan(24, 33), new TokenRange(0, 1), EntityKind.Person, 1, 0), new Mention(new TextSpan(36, 42), new TokenRange(1, 2), EntityKind.Location, 1, 1)],
            [new DocumentEntity(new EntityId("per:pat-ryder"), "Pat Ryder", EntityKind.Person), new DocumentEntity(new EntityId("loc:niamey"), "Niamey", EntityKind.Location)]);
        document.SetQuotes([new Quote(new TextSpan(2, 14), QuoteKind.Direct, null, new TextSpan(24, 33), 0)]);
        using var index = new LuceneSearchIndex(IndexFolder);
        index.Index([withdrawal, meeting, document]);
        index.Commit();

        Assert.Equal(1, index.Search(new SearchQuery("Niamey", Entities: [new EntityId("per:pat-ryder")])).Total);
        Assert.Equal(1, index.Search(new SearchQuery("", Entities: [new EntityId("per:pat-ryder"), new EntityId("loc:niamey")])).Total);
        Assert.Equal(0, index.Search(new SearchQuery("", Entities: [new EntityId("per:kurt-campbell")])).Total);
        Assert.Equal(1, index.Search(new SearchQuery("partons", Speaker: new EntityId("per:pat-ryder"))).Total);
        Assert.Equal(0, index.Search(new SearchQuery("partons", Speaker: new EntityId("loc:niamey"))).Total);
    }

    private static Document Sample(string name, SourceInfo source)
    {
        string raw = File.ReadAllText(Path.Combine(SamplesFolder(), name));
        return TestDocuments.Plain(raw, "fr", source);
    }

    private static string SamplesFolder()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "samples");
            if (File.Exists(Path.Combine(candidate, "000_c2b475aff80ba1f6.txt")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/ not found above " + AppContext.BaseDirectory);
    }
}

public sealed class LuceneSearchIndexLimitTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Index_AnOversizedSource_IsIndexedWithoutTheSourceField()
    {
        const string text = "Un article sur Niamey.";
        var document = new Document(text, new SourceInfo(Source: new string('s', 40_000)));
        document.SetText(text, OffsetMap.Identity(text.Length), null, []);
        document.SetLanguage(new Language("fr", 1));
        using var index = new LuceneSearchIndex(Path.Combine(folder.Path, "index"));
        index.Index([document]);
        index.Commit();
        Assert.Equal(1, index.Search(new SearchQuery("Niamey")).Total);
    }
}
