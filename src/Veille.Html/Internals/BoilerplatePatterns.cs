using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Veille.Html.Internals;

/// <summary>Class and id patterns that mark boilerplate or content containers (adapted from Mozilla Readability's lists, plus cookie and consent banners).</summary>
internal static partial class BoilerplatePatterns
{
    /// <summary>Class or id of an element that is almost never main content.</summary>
    [GeneratedRegex(@"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cookie|consent|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|newsletter|share|sharing|navigation|navbar|topbar|subnav|skip-link|print-only|modal|overlay", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Unlikely();

    /// <summary>Class or id of an overlay or widget that no content class rescues: cookie and consent banners, paywalls, share bars.</summary>
    [GeneratedRegex(@"cookie|consent|gdpr|paywall|signwall|popup|modal|newsletter|share|sharing|social|breadcrumb|skip-link|related|comment|subscri|signup|author-?bio|about-?the-?author|recommend|rating|copyright|disclaimer|donat|feedback|advert|byline|entry-meta|post-meta|article-meta", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex AlwaysBoilerplate();

    /// <summary>Class or id that rescues an <see cref="Unlikely"/> match.</summary>
    [GeneratedRegex(@"and|article|body|column|content|main|shadow|entry|story|post", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex MaybeCandidate();

    /// <summary>Class or id that lowers a container's score.</summary>
    [GeneratedRegex(@"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|byline|author|date|caption|social|navigation|cookie|consent|newsletter", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Negative();

    /// <summary>Class or id that raises a container's score.</summary>
    [GeneratedRegex(@"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|beitrag|artikel|inhalt", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Positive();

    /// <summary>The class and id of <paramref name="element"/>, space-joined; empty when it has neither.</summary>
    internal static string ClassAndId(IElement element)
    {
        string? className = element.GetAttribute("class");
        string? id = element.GetAttribute("id");
        return (className, id) switch
        {
            (null, null) => string.Empty,
            (_, null) => className,
            (null, _) => id,
            _ => className + " " + id,
        };
    }

    /// <summary>+25 for a positive class or id, -25 for a negative one, both possible.</summary>
    internal static int ClassWeight(string classAndId)
    {
        if (classAndId.Length == 0)
        {
            return 0;
        }

        int weight = 0;
        if (Negative().IsMatch(classAndId))
        {
            weight -= 25;
        }

        if (Positive().IsMatch(classAndId))
        {
            weight += 25;
        }

        return weight;
    }
}
