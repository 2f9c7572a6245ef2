using System.Collections.Frozen;

namespace Veille.Html.Internals;

/// <summary>Cuts hostile HTML before parsing: AngleSharp's tree builder is quadratic in nesting depth (50,000 nested &lt;div&gt; take seconds).</summary>
/// <remarks>A tag scanner, not a parser: counts start tags minus end tags, ignoring void elements, elements whose end tag is optional (p, li, td…), comments and script or style text; cuts the input where the count first exceeds the limit.</remarks>
internal static class NestingGuard
{
    private static readonly FrozenSet<string> Uncounted = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p", "li", "td", "th", "tr", "option", "optgroup",
        "dt", "dd", "thead", "tbody", "tfoot", "colgroup", "rt", "rp", "html", "head", "body",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The longest prefix of <paramref name="html"/> whose counted nesting stays within <paramref name="maxDepth"/>; the input itself when it does throughout.</summary>
    public static string Limit(string html, int maxDepth)
    {
        int depth = 0;
        int index = html.IndexOf('<');
        while (index >= 0 && index < html.Length - 1)
        {
            char next = html[index + 1];
            if (next == '!')
            {
                int end = html.AsSpan(index).StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", index + 4, StringComparison.Ordinal) : html.IndexOf('>', index + 2);
                if (end < 0)
                {
                    return html;
                }

                index = html.IndexOf('<', end);
                continue;
            }

            bool closing = next == '/';
            int nameStart = index + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                index = html.IndexOf('<', index + 1);
                continue;
            }

            int close = html.IndexOf('>', nameEnd);
            if (close < 0)
            {
                return html;
            }

            ReadOnlySpan<char> name = html.AsSpan(nameStart, nameEnd - nameStart);
            if (closing)
            {
                if (!IsUncounted(name))
                {
                    depth = Math.Max(0, depth - 1);
                }
            }
            else if (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase))
            {
                // Raw text: skip to the matching end tag so "<" inside code is not read as markup.
                int end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                if (end < 0)
                {
                    return html;
                }

                close = end;
            }
            else if (html[close - 1] != '/' && !IsUncounted(name) && ++depth > maxDepth)
            {
                return html[..index];
            }

            index = html.IndexOf('<', close);
        }

        return html;
    }

    private static bool IsUncounted(ReadOnlySpan<char> name) => Uncounted.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);
}
