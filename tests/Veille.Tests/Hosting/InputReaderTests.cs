using System.Text;
using Veille.Hosting.Ingest;
using Veille.Pipeline;

namespace Veille.Tests.Hosting;

public sealed class InputReaderTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("veille-input-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Read_Folder_IsRecursiveAndReportsBadFilesWithReasons()
    {
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "a.txt"), "Un article.");
        File.WriteAllText(Path.Combine(folder, "sub", "b.md"), "Un autre article.");
        File.WriteAllBytes(Path.Combine(folder, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(folder, "image.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]);
        File.WriteAllText(Path.Combine(folder, "large.txt"), new string('a', 2048));
        File.WriteAllText(Path.Combine(folder, "page.pdf"), "%PDF");

        var items = InputReader.Read([folder], new IngestOptions(MaxDocumentBytes: 1024)).ToList();

        Assert.Equal(["Un article.", "Un autre article."], items.Where(item => item.Text is not null).Select(item => item.Text));
        Assert.StartsWith(ErrorCodes.InputEmpty, Reason(items, "empty.txt"), StringComparison.Ordinal);
        Assert.StartsWith(ErrorCodes.InputNotText, Reason(items, "image.txt"), StringComparison.Ordinal);
        Assert.StartsWith(ErrorCodes.InputTooLarge, Reason(items, "large.txt"), StringComparison.Ordinal);
        Assert.StartsWith(ErrorCodes.InputUnsupported, Reason(items, "page.pdf"), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingPath_IsReportedNotThrown()
    {
        InputItem item = Assert.Single(InputReader.Read([Path.Combine(folder, "nope")], IngestOptions.Default));
        Assert.StartsWith(ErrorCodes.InputNotFound, item.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Windows1252File_IsDecodedWithAWarning()
    {
        File.WriteAllBytes(Path.Combine(folder, "latin.txt"), [.. "D"u8, 0xE9, .. "p"u8, 0xEA, .. "che"u8]);
        InputItem item = Assert.Single(InputReader.Read([folder], IngestOptions.Default));
        Assert.Equal("Dépêche", item.Text);
        Assert.StartsWith(ErrorCodes.InputEncodingGuessed, item.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonLines_KeepsMetadataAndReportsBrokenLines()
    {
        string path = Path.Combine(folder, "articles.jsonl");
        File.WriteAllText(path, string.Join('\n',
            """{"id": "a-1", "text": "Premier article.", "title": "Titre", "url": "https://example.org/a", "published": "2024-04-25", "source": "Exemple", "language": "fr"}""",
            """{"id": 123456789012345678901234567890, "text": "Deuxième article."}""",
            """{"text": broken""",
            """{"title": "no text"}""",
            "",
            """["not", "an", "object"]""",
            """{"text": "Date illisible.", "published": "vendredi"}"""), new UTF8Encoding(true));

        var items = InputReader.Read([path], IngestOptions.Default).ToList();

        InputItem first = items[0];
        Assert.Equal(("a-1", "Titre", "https://example.org/a", "Exemple", "fr"), (first.Source.ExternalId, first.Source.Title, first.Source.Url, first.Source.Source, first.Source.LanguageHint));
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 0, 0, 0, TimeSpan.Zero), first.Source.Published);
        Assert.Equal("123456789012345678901234567890", items[1].Source.ExternalId);
        Assert.StartsWith(ErrorCodes.InputMalformed, items[2].Rejection, StringComparison.Ordinal);
        Assert.EndsWith(":3", items[2].Input, StringComparison.Ordinal);
        Assert.Contains("missing \"text\"", items[3].Rejection, StringComparison.Ordinal);
        Assert.Contains("JSON object", items[4].Rejection, StringComparison.Ordinal);
        Assert.Null(items[5].Source.Published);
        Assert.Contains("vendredi", items[5].Warning, StringComparison.Ordinal);
        Assert.Equal(6, items.Count);
    }

    [Fact]
    public void Read_JsonLines_SkipsAnOverlongLineAndReadsTheNext()
    {
        string path = Path.Combine(folder, "big.jsonl");
        File.WriteAllText(path, $"{{\"text\": \"{new string('x', 5000)}\"}}\n{{\"text\": \"ok\"}}\n");
        var items = InputReader.Read([path], new IngestOptions(MaxDocumentBytes: 1000)).ToList();
        Assert.StartsWith(ErrorCodes.InputTooLarge, items[0].Rejection, StringComparison.Ordinal);
        Assert.Equal("ok", items[1].Text);
    }

    [Fact]
    public void Read_JsonLines_RejectsInvalidUtf8AndLoneSurrogatesLineByLine()
    {
        string path = Path.Combine(folder, "bad.jsonl");
        File.WriteAllBytes(path, [.. "{\"text\": \"caf"u8, 0xE9, .. "\"}\n"u8, .. "{\"text\": \"a \\ud800 b\"}\n"u8, .. "{\"text\": \"ok\"}\n"u8]);
        var items = InputReader.Read([path], IngestOptions.Default).ToList();
        Assert.Contains("UTF-8", items[0].Rejection, StringComparison.Ordinal);
        Assert.StartsWith(ErrorCodes.InputMalformed, items[1].Rejection, StringComparison.Ordinal);
        Assert.Equal("ok", items[2].Text);
    }

    [Theory]
    [InlineData("2024-04-25", true)]
    [InlineData("2024-04-25T10:30:00Z", true)]
    [InlineData("2024-04-25T10:30:00+02:00", true)]
    [InlineData("12:30", false)]
    [InlineData("04/05/2024", false)]
    [InlineData("May 2024", false)]
    public void ParseDate_AcceptsOnlyIso8601(string text, bool accepted)
    {
        Assert.Equal(accepted, InputReader.ParseDate(text) is not null);
    }

    [Fact]
    public void Read_HtmlPage_ExtractsTheArticleAndItsMetadata()
    {
        string html = """
            <html lang="fr"><head><title>Retrait du Niger - Exemple</title>
            <meta property="og:site_name" content="Exemple"><meta property="article:published_time" content="2024-04-25T08:00:00Z">
            <script>alert(1)</script></head>
            <body><nav><a href="/">Accueil</a> <a href="/monde">Monde</a></nav>
            <article><h1>Retrait du Niger</h1>
            <p>Les États-Unis ont accepté de retirer leurs troupes du Niger, a rapporté le Washington Post vendredi soir.</p>
            <p>Les responsables commenceront bientôt à planifier le retrait, en visant une sortie ordonnée et responsable.</p>
            <img src="x" onerror="alert(2)"></article>
            <footer>© 2024 Exemple. Tous droits réservés.</footer></body></html>
            """;
        File.WriteAllText(Path.Combine(folder, "page.html"), html);
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(Path.Combine(folder, "page2.html.gz")), System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(html.Replace("Retrait du Niger</h1>", "Retrait du Niger, suite</h1>", StringComparison.Ordinal)));
        }

        File.WriteAllBytes(Path.Combine(folder, "broken.html.gz"), [0x1F, 0x8B, 0x08, 0x00, 0x01]);

        var items = InputReader.Read([folder], IngestOptions.Default).ToList();

        InputItem page = items.Single(item => item.Input.EndsWith("page.html", StringComparison.Ordinal));
        Assert.Contains("Les États-Unis ont accepté de retirer leurs troupes du Niger", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Accueil", page.Text, StringComparison.Ordinal);
        Assert.Equal(("Exemple", "fr"), (page.Source.Source, page.Source.LanguageHint));
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 8, 0, 0, TimeSpan.Zero), page.Source.Published);
        Assert.Contains("Les responsables commenceront", items.Single(item => item.Input.EndsWith("page2.html.gz", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        Assert.NotNull(items.Single(item => item.Input.EndsWith("broken.html.gz", StringComparison.Ordinal)).Rejection);
    }

    private static string? Reason(List<InputItem> items, string file) =>
        items.Single(item => item.Input.EndsWith(file, StringComparison.Ordinal)).Rejection;
}
