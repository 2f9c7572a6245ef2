using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Veille.Html.Internals;

namespace Veille.Html;

/// <summary>Extracts the main text and the metadata of an HTML page: boilerplate removal, then readability-like scoring of candidate containers by text and link density (see docs/extraction.md).</summary>
/// <remarks>Pure and thread-safe: no IO, no shared mutable state; one call parses one page.</remarks>
public static class HtmlExtractor
{
    /// <summary>Longest input read, in characters (about 8 MB of text); the rest of a longer page is ignored.</summary>
    public const int MaxHtmlChars = 8 * 1024 * 1024;

    /// <summary>Deepest nesting of non-void elements read from the source; markup from the tag that goes deeper onwards is ignored (parsing cost grows with the square of nesting).</summary>
    public const int MaxNesting = 1000;

    /// <summary>Deepest element nesting examined; content nested deeper is ignored, so hostile pages cannot exhaust the stack.</summary>
    public const int MaxDepth = 200;

    /// <summary>Extracts the main content and metadata of <paramref name="html"/>; never throws for malformed HTML.</summary>
    /// <param name="html">The page's HTML, already decoded.</param>
    /// <param name="url">The page's URL, used to resolve the canonical link and as a last source of the publication date; may be null.</param>
    public static ExtractedPage Extract(string html, string? url = null)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (string.IsNullOrWhiteSpace(html))
        {
            return ExtractedPage.Empty;
        }

        if (html.Length > MaxHtmlChars)
        {
            html = html[..MaxHtmlChars];
        }

        html = NestingGuard.Limit(html, MaxNesting);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false, IsNotConsumingCharacterReferences = false });
        using IHtmlDocument document = parser.ParseDocument(html);
        ExtractedPage metadata = MetadataReader.Read(document, url);
        string text = ContentExtractor.Extract(document);
        return metadata with { Text = text };
    }
}
