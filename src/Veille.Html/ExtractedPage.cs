namespace Veille.Html;

/// <summary>The main content and metadata of one HTML page; every metadata field may be unknown (null), and each has a companion <c>…Source</c> naming where it was read (for example <c>"json-ld:datePublished"</c>).</summary>
/// <param name="Text">The main content: paragraphs and headings, separated by blank lines (<c>"\n\n"</c>); empty when none was found.</param>
/// <param name="Title">The article title.</param>
/// <param name="TitleSource">Where <paramref name="Title"/> came from: <c>og:title</c>, <c>json-ld:headline</c>, <c>title</c> (site suffix removed) or <c>h1</c>.</param>
/// <param name="Published">Publication time; UTC offset as given, or UTC when the page gives none.</param>
/// <param name="PublishedSource">Where <paramref name="Published"/> came from: <c>json-ld:datePublished</c>, <c>meta:NAME</c>, <c>time[datetime]</c> or <c>url</c>.</param>
/// <param name="Author">Author name(s), comma-separated when several.</param>
/// <param name="AuthorSource">Where <paramref name="Author"/> came from: <c>json-ld:author</c>, <c>meta:NAME</c> or <c>rel=author</c>.</param>
/// <param name="SiteName">The outlet's name.</param>
/// <param name="SiteNameSource">Where <paramref name="SiteName"/> came from: <c>og:site_name</c>, <c>json-ld:publisher</c> or <c>meta:application-name</c>.</param>
/// <param name="CanonicalUrl">The absolute canonical URL.</param>
/// <param name="CanonicalUrlSource">Where <paramref name="CanonicalUrl"/> came from: <c>link[rel=canonical]</c> or <c>og:url</c>.</param>
/// <param name="LanguageHint">A BCP-47-like language tag declared by the page (<c>de</c>, <c>fr-FR</c>); a hint, not a detection.</param>
/// <param name="LanguageHintSource">Where <paramref name="LanguageHint"/> came from: <c>html[lang]</c>, <c>meta:content-language</c> or <c>og:locale</c>.</param>
public sealed record ExtractedPage(
    string Text,
    string? Title = null,
    string? TitleSource = null,
    DateTimeOffset? Published = null,
    string? PublishedSource = null,
    string? Author = null,
    string? AuthorSource = null,
    string? SiteName = null,
    string? SiteNameSource = null,
    string? CanonicalUrl = null,
    string? CanonicalUrlSource = null,
    string? LanguageHint = null,
    string? LanguageHintSource = null)
{
    /// <summary>A page with no content and no metadata.</summary>
    public static ExtractedPage Empty { get; } = new(string.Empty);
}
