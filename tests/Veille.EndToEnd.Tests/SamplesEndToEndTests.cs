using System.Text.Json;

namespace Veille.EndToEnd.Tests;

/// <summary>The foundation checks of issue 2, through the real command line, on samples/.</summary>
public sealed class SamplesEndToEndTests : IClassFixture<SamplesEndToEndTests.IngestedSamples>
{
    private readonly IngestedSamples samples;

    public SamplesEndToEndTests(IngestedSamples samples) => this.samples = samples;

    [Fact]
    public void Ingest_Samples_StoresTwoDocumentsThenNothingOnASecondRun()
    {
        JsonElement first = samples.FirstIngest;
        Assert.Equal(2, first.GetProperty("stored").GetInt32());
        CommandResult again = VeilleProcess.Run("ingest", "samples", "--data", samples.Data, "--json");
        Assert.Equal(0, again.ExitCode);
        using JsonDocument second = JsonDocument.Parse(again.Output);
        Assert.Equal(0, second.RootElement.GetProperty("stored").GetInt32());
        Assert.Equal(2, second.RootElement.GetProperty("duplicates").GetInt32());
        using JsonDocument stats = JsonDocument.Parse(VeilleProcess.Run("stats", "--data", samples.Data, "--json").Output);
        Assert.Equal(2, stats.RootElement.GetProperty("documents").GetInt32());
        Assert.Equal(2, stats.RootElement.GetProperty("indexed_documents").GetInt32());
    }

    [Fact]
    public void Show_FirstSample_HasFrenchTitleAndRemovedDebris()
    {
        JsonElement document = samples.Document("000_c2b475aff80ba1f6.txt");
        Assert.Equal("fr", document.GetProperty("language").GetString());
        Assert.Equal("Les États-Unis acceptent de retirer leurs forces du Niger", document.GetProperty("title").GetString());
        string[] removed = [.. document.GetProperty("removed_lines").EnumerateArray().Select(line => line.GetProperty("text").GetString()!)];
        Assert.Equal(["0", "236", "LEAVE A REPLY", "Please enter your comment!", "Please enter your name here"], removed);
        string text = document.GetProperty("text").GetString()!;
        Assert.DoesNotContain("LEAVE A REPLY", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n236\n", text, StringComparison.Ordinal);
        Assert.Contains("a rapporté le Washington Post.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_SecondSample_IsFrenchWithoutTitle()
    {
        JsonElement document = samples.Document("002_077823ae67d334e0.txt");
        Assert.Equal("fr", document.GetProperty("language").GetString());
        Assert.Equal(JsonValueKind.Null, document.GetProperty("title").ValueKind);
        Assert.Empty(document.GetProperty("removed_lines").EnumerateArray());
        Assert.True(document.GetProperty("sentences").GetArrayLength() >= 10);
    }

    [Theory]
    [InlineData("Niamey")]
    [InlineData("retrait des troupes")]
    [InlineData("Etats-Unis")]
    public void Search_FindsBothSamples(string query)
    {
        CommandResult result = VeilleProcess.Run("search", query, "--data", samples.Data, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        using JsonDocument json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt32());
        Assert.All(json.RootElement.GetProperty("hits").EnumerateArray(), hit => Assert.NotEmpty(hit.GetProperty("highlights").EnumerateArray()));
    }

    [Fact]
    public void Search_LanguageFilter_Excludes()
    {
        using JsonDocument json = JsonDocument.Parse(VeilleProcess.Run("search", "Niamey", "--lang", "en", "--data", samples.Data, "--json").Output);
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void Search_InvalidQuery_GivesAnErrorWithCodeAndExit2()
    {
        CommandResult result = VeilleProcess.Run("search", "\"unclosed AND (", "--data", samples.Data);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("VE0303", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_UnknownId_FailsWithACode()
    {
        CommandResult result = VeilleProcess.Run("show", "nope", "--data", samples.Data);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("VE0301", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Csv_HasAHeaderAndOneRowADocument()
    {
        string path = Path.Combine(samples.Data, "documents.csv");
        CommandResult result = VeilleProcess.Run("export", "documents", "--format", "csv", "--out", path, "--data", samples.Data);
        Assert.True(result.ExitCode == 0, result.ToString());
        string csv = File.ReadAllText(path);
        Assert.StartsWith("id,external_id,source,url,title,language", csv, StringComparison.Ordinal);
        Assert.Contains("\"Les États-Unis acceptent de retirer leurs forces du Niger\n\nLes États-Unis ont accepté vendredi", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Jsonl_MatchesSnapshot()
    {
        string actual = samples.ExportLines.Replace(samples.Data, "DATA", StringComparison.Ordinal);
        string snapshot = Path.Combine(VeilleProcess.RepositoryRoot, "tests", "golden", "end-to-end", "samples.export.jsonl");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshot)!);
            File.WriteAllText(snapshot, actual);
        }

        Assert.Equal(File.ReadAllText(snapshot), actual);
    }

    [Fact]
    public void Annotate_LanguageOnly_WritesOneObjectADocument()
    {
        string output = Path.Combine(samples.Data, "annotated.jsonl");
        CommandResult result = VeilleProcess.Run("annotate", "--in", "samples", "--out", output, "--lang-only");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] lines = File.ReadAllLines(output);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Equal("fr", JsonDocument.Parse(line).RootElement.GetProperty("language").GetString()));
        Assert.Contains("docs/s", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Niamey", "NE")]
    [InlineData("Etats-Unis", "US")]
    [InlineData("USA", "US")]
    public void Entity_PlaceVariants_AreOneGeocodedEntityAcrossBothArticles(string name, string country)
    {
        CommandResult result = VeilleProcess.Run("entity", name, "--data", samples.Data, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement entity = JsonDocument.Parse(result.Output).RootElement.GetProperty("entity");
        Assert.Equal(country, entity.GetProperty("country").GetString());
        Assert.Equal(2, entity.GetProperty("documents").GetInt32());
    }

    [Fact]
    public void Quotes_BySpeaker_ListsPatRydersQuotes()
    {
        CommandResult result = VeilleProcess.Run("quotes", "--speaker", "Pat Ryder", "--data", samples.Data, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        string[] texts = [.. JsonDocument.Parse(result.Output).RootElement.EnumerateArray().Select(quote => quote.GetProperty("text").GetString()!)];
        Assert.Contains("Nous continuons de prendre la menace terroriste au sérieux", texts);
        Assert.Contains("des discussions ont commencé entre les États-Unis et le Niger pour le retrait ordonné des forces américaines du pays", texts);
    }

    [Fact]
    public void Search_PersonFilter_KeepsOnlyDocumentsMentioningThePerson()
    {
        using JsonDocument json = JsonDocument.Parse(VeilleProcess.Run("search", "Niamey", "--person", "Pat Ryder", "--data", samples.Data, "--json").Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public void Timeline_SecondSample_ResolvesDatesAgainstTheInferredPublicationDate()
    {
        string id = samples.Document("002_077823ae67d334e0.txt").GetProperty("id").GetString()!;
        CommandResult result = VeilleProcess.Run("timeline", id, "--data", samples.Data, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        JsonElement timeline = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(("2024-04-25T00:00:00Z", "inferred"), (timeline.GetProperty("published").GetString(), timeline.GetProperty("published_source").GetString()));
        var values = timeline.GetProperty("events").EnumerateArray().ToDictionary(entry => entry.GetProperty("text").GetString()!, entry => entry.GetProperty("value").GetString());
        Assert.Equal("2024-03-16", values["le 16 mars dernier"]);
        Assert.Equal("2024-04-23", values["le 23 avril 2024"]);
        Assert.Equal("2024-W18", values["la semaine prochaine"]);
        Assert.Equal("2012", values["2012"]);
    }

    [Fact]
    public void Export_FirstSample_LeavesVendrediUnresolvedAndReadsFigures()
    {
        JsonElement document = samples.Document("000_c2b475aff80ba1f6.txt");
        Assert.Equal("unknown", document.GetProperty("published_source").GetString());
        JsonElement vendredi = document.GetProperty("dates").EnumerateArray().Single(date => date.GetProperty("text").GetString() == "vendredi");
        Assert.False(vendredi.GetProperty("resolved").GetBoolean());
        JsonElement soldiers = document.GetProperty("figures").EnumerateArray().Single(figure => figure.GetProperty("text").GetString() == "plus de 1 000 soldats");
        Assert.Equal((1000m, "soldats", "more-than"), (soldiers.GetProperty("value").GetDecimal(), soldiers.GetProperty("unit").GetString(), soldiers.GetProperty("qualifier").GetString()));
        JsonElement dollars = document.GetProperty("figures").EnumerateArray().Single(figure => figure.GetProperty("currency").GetString() == "USD");
        Assert.Equal(110_000_000m, dollars.GetProperty("value").GetDecimal());
    }

    [Fact]
    public void Stories_Samples_FormOneStoryWithTheFirstTitleTimelineAndQuotes()
    {
        CommandResult list = VeilleProcess.Run("stories", "--data", samples.Data, "--json");
        Assert.True(list.ExitCode == 0, list.ToString());
        JsonElement story = Assert.Single(JsonDocument.Parse(list.Output).RootElement.EnumerateArray());
        Assert.Equal(2, story.GetProperty("size").GetInt32());
        Assert.Equal("Les États-Unis acceptent de retirer leurs forces du Niger", story.GetProperty("headline").GetString());

        CommandResult show = VeilleProcess.Run("story", story.GetProperty("id").GetString()!, "--data", samples.Data, "--json");
        Assert.True(show.ExitCode == 0, show.ToString());
        JsonElement page = JsonDocument.Parse(show.Output).RootElement;
        string[] timeline = [.. page.GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("value").GetString()!)];
        Assert.Subset(timeline.ToHashSet(), new HashSet<string> { "2012", "2023", "2024-03-16", "2024-04-23", "2024-04-25", "2024-W18" });
        JsonElement ryder = page.GetProperty("quotes").EnumerateArray().Single(group => group.GetProperty("speaker").GetString() == "Pat Ryder");
        Assert.True(ryder.GetProperty("quotes").GetArrayLength() >= 3);
        Assert.Contains(page.GetProperty("top_entities").EnumerateArray(), entity => entity.GetProperty("name").GetString() == "Pat Ryder");
        Assert.All(samples.Documents, document => Assert.Equal(story.GetProperty("id").GetString(), document.GetProperty("story").GetString()));
    }

    /// <summary>Ingests samples/ once into a temporary data folder shared by the tests of the class.</summary>
    public sealed class IngestedSamples : IDisposable
    {
        public IngestedSamples()
        {
            Data = Directory.CreateTempSubdirectory("veille-e2e-").FullName;
            CommandResult ingest = VeilleProcess.Run("ingest", "samples", "--data", Data, "--json");
            if (ingest.ExitCode != 0)
            {
                throw new InvalidOperationException(ingest.ToString());
            }

            FirstIngest = JsonDocument.Parse(ingest.Output).RootElement.Clone();
            CommandResult export = VeilleProcess.Run("export", "documents", "--format", "jsonl", "--data", Data);
            ExportLines = export.Output;
            Documents = [.. export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
        }

        public string Data { get; }

        public JsonElement FirstIngest { get; }

        public string ExportLines { get; }

        public IReadOnlyList<JsonElement> Documents { get; }

        public JsonElement Document(string file) =>
            Documents.Single(document => document.GetProperty("path").GetString()!.EndsWith(file, StringComparison.Ordinal));

        public void Dispose() => Directory.Delete(Data, recursive: true);
    }
}
