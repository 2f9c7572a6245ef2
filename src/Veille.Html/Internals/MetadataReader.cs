using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Veille.Html.Internals;

/// <summary>Reads title, publication date, author, site name, canonical URL and language from the head, JSON-LD and a few body elements; each value with its source.</summary>
internal static partial class MetadataReader
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

    private static readonly string[] DateMetaNames =
    [
        "article:published_time", "og:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
        "dc.date.issued", "dc.date", "dcterms.created", "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "published_time", "cxenseparse:recs:publishtime",
    ];

    private static readonly string[] AuthorMetaNames = ["author", "article:author", "byl", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "citation_author"];

    [GeneratedRegex(@"/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[-_])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    /// <summary>Reads the metadata of <paramref name="document"/>; the returned page has empty text.</summary>
    public static ExtractedPage Read(IDocument document, string? url)
    {
        Dictionary<string, string> meta = ReadMeta(document);
        JsonLdFacts jsonLd = ReadJsonLd(document);

        (string? siteName, string? siteNameSource) = First(
            (Meta(meta, "og:site_name"), "og:site_name"),
            (jsonLd.Publisher, "json-ld:publisher"),
            (Meta(meta, "application-name"), "meta:application-name"));

        (string? title, string? titleSource) = ReadTitle(document, meta, jsonLd, siteName);
        (DateTimeOffset? published, string? publishedSource) = ReadPublished(document, meta, jsonLd, url);
        (string? author, string? authorSource) = ReadAuthor(document, meta, jsonLd);
        (string? canonical, string? canonicalSource) = ReadCanonical(document, meta, url);
        (string? language, string? languageSource) = First(
            (Language(document.DocumentElement?.GetAttribute("lang")), "html[lang]"),
            (Language(Meta(meta, "content-language")?.Split(',')[0]), "meta:content-language"),
            (Language(Meta(meta, "og:locale")), "og:locale"));

        return new ExtractedPage(string.Empty, title, titleSource, published, publishedSource, author, authorSource, siteName, siteNameSource, canonical, canonicalSource, language, languageSource);
    }

    private static Dictionary<string, string> ReadMeta(IDocument document)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (IElement element in document.QuerySelectorAll("meta"))
        {
            string? key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop") ?? element.GetAttribute("http-equiv");
            string? content = element.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
            {
                meta.TryAdd(key.Trim(), Clean(content));
            }
        }

        return meta;
    }

    private static string? Meta(Dictionary<string, string> meta, string key) => meta.TryGetValue(key, out string? value) && value.Length > 0 ? value : null;

    private static (string? Value, string? Source) First(params (string? Value, string Source)[] options)
    {
        foreach ((string? value, string source) in options)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                return (value, source);
            }
        }

        return (null, null);
    }

    private static string Clean(string text) => Spaces().Replace(text, " ").Trim();

    private static (string?, string?) ReadTitle(IDocument document, Dictionary<string, string> meta, JsonLdFacts jsonLd, string? siteName)
    {
        string? ogTitle = Meta(meta, "og:title");
        if (ogTitle is not null)
        {
            return (StripSite(ogTitle, siteName), "og:title");
        }

        if (jsonLd.Headline is not null)
        {
            return (jsonLd.Headline, "json-ld:headline");
        }

        string? title = document.Head?.QuerySelector("title")?.TextContent is { } raw ? Clean(raw) : null;
        string? h1 = document.QuerySelector("h1")?.TextContent is { } heading ? Clean(heading) : null;
        if (!string.IsNullOrEmpty(title))
        {
            if (!string.IsNullOrEmpty(h1) && title.Contains(h1, StringComparison.OrdinalIgnoreCase))
            {
                return (h1, "title");
            }

            return (StripSite(title, siteName), "title");
        }

        return string.IsNullOrEmpty(h1) ? (null, null) : (h1, "h1");
    }

    /// <summary>Removes a site-name prefix or suffix ("Headline | Site"): the named site when known, else the shorter end part.</summary>
    internal static string StripSite(string title, string? siteName)
    {
        foreach (string separator in TitleSeparators)
        {
            int last = title.LastIndexOf(separator, StringComparison.Ordinal);
            int first = title.IndexOf(separator, StringComparison.Ordinal);
            if (last < 0)
            {
                continue;
            }

            string head = title[..last].Trim();
            string tail = title[(last + separator.Length)..].Trim();
            string lead = title[..first].Trim();
            string rest = title[(first + separator.Length)..].Trim();
            if (siteName is not null)
            {
                if (tail.Equals(siteName, StringComparison.OrdinalIgnoreCase))
                {
                    return head;
                }

                if (lead.Equals(siteName, StringComparison.OrdinalIgnoreCase))
                {
                    return rest;
                }
            }

            // Without a known site name, a short last part is the site.
            if (tail.Length > 0 && tail.Length * 2 < head.Length && tail.Split(' ').Length <= 4)
            {
                return head;
            }
        }

        return title;
    }

    private static (DateTimeOffset?, string?) ReadPublished(IDocument document, Dictionary<string, string> meta, JsonLdFacts jsonLd, string? url)
    {
        if (ParseDate(jsonLd.DatePublished) is { } fromJsonLd)
        {
            return (fromJsonLd, "json-ld:datePublished");
        }

        foreach (string name in DateMetaNames)
        {
            if (ParseDate(Meta(meta, name)) is { } fromMeta)
            {
                return (fromMeta, "meta:" + name);
            }
        }

        foreach (IElement time in document.QuerySelectorAll("time[datetime]"))
        {
            if (ParseDate(time.GetAttribute("datetime")) is { } fromTime)
            {
                return (fromTime, "time[datetime]");
            }
        }

        if (url is not null && UrlDate().Match(url) is { Success: true } match)
        {
            int year = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            int month = int.Parse(match.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            int day = int.Parse(match.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
            if (day <= DateTime.DaysInMonth(year, month))
            {
                return (new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero), "url");
            }
        }

        return (null, null);
    }

    /// <summary>Parses an ISO-8601-like date; a value without offset is read as UTC; null for anything else or outside 1990–2100.</summary>
    internal static DateTimeOffset? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (!char.IsAsciiDigit(text[0]))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out DateTimeOffset value)
            && value.Year is >= 1990 and <= 2100)
        {
            return value;
        }

        return null;
    }

    private static (string?, string?) ReadAuthor(IDocument document, Dictionary<string, string> meta, JsonLdFacts jsonLd)
    {
        if (jsonLd.Authors.Count > 0)
        {
            return (string.Join(", ", jsonLd.Authors), "json-ld:author");
        }

        foreach (string name in AuthorMetaNames)
        {
            string? value = Meta(meta, name);
            if (value is not null && !value.Contains("://", StringComparison.Ordinal) && !value.StartsWith('@'))
            {
                return (value, "meta:" + name);
            }
        }

        foreach (IElement link in document.QuerySelectorAll("a[rel~=author], link[rel~=author]"))
        {
            if (link.Closest("nav, header, footer, aside, menu, [role=navigation]") is not null)
            {
                continue;
            }

            string text = Clean(link.TextContent);
            if (text.Length is > 1 and <= 80)
            {
                return (text, "rel=author");
            }
        }

        return (null, null);
    }

    private static (string?, string?) ReadCanonical(IDocument document, Dictionary<string, string> meta, string? url)
    {
        string? href = document.QuerySelector("link[rel~=canonical]")?.GetAttribute("href");
        if (Absolute(href, url) is { } canonical)
        {
            return (canonical, "link[rel=canonical]");
        }

        return Absolute(Meta(meta, "og:url"), url) is { } ogUrl ? (ogUrl, "og:url") : (null, null);
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out Uri? absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
        {
            return absolute.AbsoluteUri;
        }

        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? root) && Uri.TryCreate(root, href, out Uri? resolved))
        {
            return resolved.AbsoluteUri;
        }

        return null;
    }

    private static string? Language(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        tag = tag.Trim().Replace('_', '-');
        int dash = tag.IndexOf('-');
        string primary = (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
        if (primary.Length is < 2 or > 3 || !primary.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        return dash < 0 ? primary : primary + "-" + tag[(dash + 1)..].ToUpperInvariant();
    }

    private sealed class JsonLdFacts
    {
        public string? Headline;
        public string? DatePublished;
        public string? Publisher;
        public List<string> Authors { get; } = [];
    }

    private static JsonLdFacts ReadJsonLd(IDocument document)
    {
        var facts = new JsonLdFacts();
        foreach (IElement script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Collect(json.RootElement, facts, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other sources still apply.
            }
        }

        return facts;
    }

    private static void Collect(JsonElement element, JsonLdFacts facts, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                Collect(item, facts, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("@graph", out JsonElement graph))
        {
            Collect(graph, facts, depth + 1);
        }

        facts.DatePublished ??= StringOf(element, "datePublished") ?? StringOf(element, "dateCreated");
        facts.Headline ??= StringOf(element, "headline") is { } headline ? Clean(headline) : null;
        if (facts.Publisher is null && element.TryGetProperty("publisher", out JsonElement publisher))
        {
            facts.Publisher = publisher.ValueKind == JsonValueKind.String ? publisher.GetString() : StringOf(publisher, "name");
        }

        if (facts.Authors.Count == 0 && element.TryGetProperty("author", out JsonElement author))
        {
            AddAuthors(author, facts.Authors);
        }
    }

    private static void AddAuthors(JsonElement author, List<string> authors)
    {
        switch (author.ValueKind)
        {
            case JsonValueKind.String when author.GetString() is { Length: > 0 } name && !name.Contains("://", StringComparison.Ordinal):
                authors.Add(Clean(name));
                break;
            case JsonValueKind.Object when StringOf(author, "name") is { Length: > 0 } name:
                authors.Add(Clean(name));
                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in author.EnumerateArray())
                {
                    if (authors.Count < 10)
                    {
                        AddAuthors(item, authors);
                    }
                }

                break;
        }
    }

    private static string? StringOf(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
