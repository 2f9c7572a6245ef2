using System.Text;

namespace Veille.Html.Tests;

public sealed class HtmlExtractorTests
{
    private const string Article = """
        <!DOCTYPE html>
        <html lang="de-de">
        <head>
          <title>Der Stadtrat beschließt den Haushalt | Lokalblatt</title>
          <meta property="og:site_name" content="Lokalblatt">
          <meta name="author" content="Erika Mustermann">
          <meta property="article:published_time" content="2024-04-25T08:30:00+02:00">
          <link rel="canonical" href="/politik/haushalt">
          <style>p { color: red } .secret { content: "STYLE TEXT" }</style>
          <script>document.write("SCRIPT TEXT");</script>
        </head>
        <body>
          <header><a href="/">Lokalblatt</a><nav><ul><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
          <div id="cookie-banner"><p>Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten. Akzeptieren?</p><button>OK</button></div>
          <main>
            <article class="article">
              <h1>Der Stadtrat beschließt den Haushalt</h1>
              <div class="share-bar"><a href="#">Teilen auf Facebook</a> <a href="#">Twittern</a></div>
              <p>Der Stadtrat hat am Donnerstag nach langer Debatte den Haushalt für das kommende Jahr beschlossen, mit knapper Mehrheit.</p>
              <p>Die Opposition kritisierte vor allem die Ausgaben für den Straßenbau, die Verwaltung verteidigte sie als notwendig.</p>
              <h2>Was sich ändert</h2>
              <p>Die Gebühren für Kindergärten steigen, die Grundsteuer bleibt gleich, und die Bibliothek erhält mehr Geld für Bücher.</p>
              <!-- COMMENT TEXT -->
            </article>
            <div class="related-articles"><h3>Mehr zum Thema</h3><ul><li><a href="/a">Stadtrat streitet über Parkplätze</a></li><li><a href="/b">Neue Buslinie im Norden</a></li></ul></div>
          </main>
          <footer><p>Impressum · Datenschutz · © Lokalblatt 2024</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Extract_KeepsParagraphsAndHeadings_SeparatedByBlankLines()
    {
        ExtractedPage page = HtmlExtractor.Extract(Article, "https://lokalblatt.example/politik/2024/04/25/haushalt");

        string[] paragraphs = page.Text.Split("\n\n");
        Assert.Contains("Der Stadtrat hat am Donnerstag nach langer Debatte den Haushalt für das kommende Jahr beschlossen, mit knapper Mehrheit.", paragraphs);
        Assert.Contains("Was sich ändert", paragraphs);
        Assert.Contains("Die Gebühren für Kindergärten steigen, die Grundsteuer bleibt gleich, und die Bibliothek erhält mehr Geld für Bücher.", paragraphs);
    }

    [Fact]
    public void Extract_RemovesNavigationFooterCookieBannerShareBarAndRelatedLinks()
    {
        string text = HtmlExtractor.Extract(Article).Text;

        Assert.DoesNotContain("Sport", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Impressum", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cookies", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Teilen auf Facebook", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Neue Buslinie", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_NeverEmitsScriptStyleOrComments()
    {
        string text = HtmlExtractor.Extract(Article).Text;

        Assert.DoesNotContain("SCRIPT TEXT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("STYLE TEXT", text, StringComparison.Ordinal);
        Assert.DoesNotContain("COMMENT TEXT", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ReadsMetadataWithSources()
    {
        ExtractedPage page = HtmlExtractor.Extract(Article, "https://lokalblatt.example/politik/haushalt?ref=home");

        Assert.Equal(("Der Stadtrat beschließt den Haushalt", "title"), (page.Title, page.TitleSource));
        Assert.Equal(new DateTimeOffset(2024, 4, 25, 8, 30, 0, TimeSpan.FromHours(2)), page.Published);
        Assert.Equal("meta:article:published_time", page.PublishedSource);
        Assert.Equal(("Erika Mustermann", "meta:author"), (page.Author, page.AuthorSource));
        Assert.Equal(("Lokalblatt", "og:site_name"), (page.SiteName, page.SiteNameSource));
        Assert.Equal(("https://lokalblatt.example/politik/haushalt", "link[rel=canonical]"), (page.CanonicalUrl, page.CanonicalUrlSource));
        Assert.Equal(("de-DE", "html[lang]"), (page.LanguageHint, page.LanguageHintSource));
    }

    [Fact]
    public void Extract_PrefersJsonLd_ForDateAuthorAndHeadline()
    {
        const string html = """
            <html><head><title>Ignored - Site</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Floods in the valley",
              "datePublished":"2023-11-02T10:00:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chen"}],"publisher":{"name":"Valley News"}}]}</script>
            </head><body><p>Rain fell for three days, and the river rose over its banks in the lower town, flooding cellars and roads.</p></body></html>
            """;

        ExtractedPage page = HtmlExtractor.Extract(html);

        Assert.Equal(("Floods in the valley", "json-ld:headline"), (page.Title, page.TitleSource));
        Assert.Equal((new DateTimeOffset(2023, 11, 2, 10, 0, 0, TimeSpan.Zero), "json-ld:datePublished"), (page.Published, page.PublishedSource));
        Assert.Equal(("Ann Lee, Bo Chen", "json-ld:author"), (page.Author, page.AuthorSource));
        Assert.Equal(("Valley News", "json-ld:publisher"), (page.SiteName, page.SiteNameSource));
    }

    [Fact]
    public void Extract_FallsBackToTimeElementThenUrlForDate()
    {
        const string body = "<p>A paragraph long enough to be kept as the main content of this small page, with a comma.</p>";
        ExtractedPage withTime = HtmlExtractor.Extract($"<html><body><time datetime=\"2021-03-04\">4 March</time>{body}</body></html>");
        ExtractedPage withUrl = HtmlExtractor.Extract($"<html><body>{body}</body></html>", "https://example.org/news/2020/12/31/story.html");

        Assert.Equal((new DateTimeOffset(2021, 3, 4, 0, 0, 0, TimeSpan.Zero), "time[datetime]"), (withTime.Published, withTime.PublishedSource));
        Assert.Equal((new DateTimeOffset(2020, 12, 31, 0, 0, 0, TimeSpan.Zero), "url"), (withUrl.Published, withUrl.PublishedSource));
    }

    [Fact]
    public void Extract_AuthorLinkInMenu_IsIgnored()
    {
        const string html = """
            <html><body><nav><a rel="author" href="/team">Our team</a></nav>
            <p>Some text that is long enough to be the main content, with a comma, and more words.</p>
            <p>By <a rel="author" href="/jane">Jane Roe</a></p></body></html>
            """;

        ExtractedPage page = HtmlExtractor.Extract(html);

        Assert.Equal(("Jane Roe", "rel=author"), (page.Author, page.AuthorSource));
    }

    [Fact]
    public void Extract_MalformedHtml_KeepsText()
    {
        const string html = "<html><body><div><p>Unclosed paragraph with enough words to count, and a comma<p>Second <b>bold <i>nested</b> text</i> paragraph, also long enough to count.<div></span></table>";

        string text = HtmlExtractor.Extract(html).Text;

        Assert.Contains("Unclosed paragraph with enough words to count, and a comma", text, StringComparison.Ordinal);
        Assert.Contains("Second bold nested text paragraph", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_DeepNesting_DoesNotCrash()
    {
        var html = new StringBuilder("<html><body>");
        html.Append("<p>A first paragraph at the top, long enough to count as content, with a comma.</p>");
        html.Insert(html.Length, "<div>", 50_000);
        html.Append("deep text");
        html.Insert(html.Length, "</div>", 50_000);
        html.Append("</body></html>");

        ExtractedPage page = HtmlExtractor.Extract(html.ToString());

        Assert.Contains("A first paragraph at the top", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_HiddenElements_AreRemoved()
    {
        const string html = """
            <html><body><div style="display: none"><p>Hidden teaser text that is long enough to be a paragraph, with a comma.</p></div>
            <div hidden><p>Another hidden paragraph that is long enough to count as content, with commas, too.</p></div>
            <p>The visible paragraph is long enough to count as content, with a comma, and it stays.</p></body></html>
            """;

        string text = HtmlExtractor.Extract(html).Text;

        Assert.Equal("The visible paragraph is long enough to count as content, with a comma, and it stays.", text);
    }

    [Fact]
    public void Extract_UnclosedHeaderOrAudio_DoesNotSwallowTheArticle()
    {
        const string paragraphs = "<p>First paragraph of the story, long enough to be content, with a comma.</p><p>Second paragraph of the story, also long enough, with a comma.</p>";
        string unclosedHeader = $"<html><body><header role='banner'><a href='/'>Home</a><article><h1>Title</h1>{paragraphs}</article></body></html>";
        string unclosedAudio = $"<html><body><div class='entry'><audio controls><source src='a.m4a'>{paragraphs}</div></body></html>";

        Assert.Contains("Second paragraph of the story", HtmlExtractor.Extract(unclosedHeader).Text, StringComparison.Ordinal);
        Assert.Contains("Second paragraph of the story", HtmlExtractor.Extract(unclosedAudio).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TrailingShortLabels_AreTrimmed()
    {
        const string html = """
            <html><body><div><p>The story's only paragraph is long enough to count as content, with a comma.</p>
            <p>Related posts</p><p>Source:</p></div></body></html>
            """;

        Assert.Equal("The story's only paragraph is long enough to count as content, with a comma.", HtmlExtractor.Extract(html).Text);
    }

    [Fact]
    public void Extract_EmptyOrTextOnlyInput_ReturnsWithoutThrowing()
    {
        Assert.Equal(string.Empty, HtmlExtractor.Extract("   ").Text);
        Assert.Equal("Just some plain text, no markup at all, but long enough to be content.", HtmlExtractor.Extract("Just some plain text, no markup at all, but long enough to be content.").Text);
    }

    [Fact]
    public void StripSite_RemovesKnownOrShortSuffix()
    {
        Assert.Equal("Headline of the day", Internals.MetadataReader.StripSite("Headline of the day | Site", "Site"));
        Assert.Equal("Headline of the day", Internals.MetadataReader.StripSite("Site - Headline of the day", "Site"));
        Assert.Equal("A long headline about something", Internals.MetadataReader.StripSite("A long headline about something - Example News", null));
    }
}
