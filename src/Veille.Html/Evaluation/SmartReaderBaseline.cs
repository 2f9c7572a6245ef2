using SmartReader;

namespace Veille.Html.Evaluation;

/// <summary>SmartReader (a C# port of Mozilla Readability) as the side-by-side baseline of <c>veille eval extraction</c>; not used by extraction itself.</summary>
public static class SmartReaderBaseline
{
    /// <summary>The article text SmartReader finds in <paramref name="html"/>; empty when it finds none.</summary>
    public static string Extract(string html, string url)
    {
        // The two-string constructor takes the HTML; Reader.ParseArticle(string, string) would download the URL instead.
        Article article = new Reader(url, html).GetArticle();
        return article.TextContent ?? string.Empty;
    }
}
