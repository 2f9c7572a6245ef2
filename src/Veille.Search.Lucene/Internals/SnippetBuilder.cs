using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Veille.Model;

namespace Veille.Search.Lucene.Internals;

/// <summary>
/// Cuts a fragment of about <see cref="Length"/> characters around the densest region of query-term matches, found by
/// re-analysing the stored text with its language's analyzer, and returns the matches as spans of the fragment.
/// </summary>
internal static class SnippetBuilder
{
    public const int Length = 200;

    private const string Ellipsis = "…";

    // Longest elided French form with its apostrophe: "quoiqu'".
    private const int MaxElisionLength = 7;

    private static readonly System.Buffers.SearchValues<char> Apostrophes = System.Buffers.SearchValues.Create("'\u2019\u02BC\u2018");

    public static (string Snippet, IReadOnlyList<TextSpan> Highlights) Build(
        string text, Analyzer analyzer, string field, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes)
    {
        List<(TextSpan Span, string Term)> matches = Matches(text, analyzer, field, terms, prefixes);
        (int start, int end) = Window(text, matches);
        var snippet = new System.Text.StringBuilder(end - start + 2);
        int shift = -start;
        if (start > 0)
        {
            snippet.Append(Ellipsis);
            shift += Ellipsis.Length;
        }

        foreach (char character in text.AsSpan(start, end - start))
        {
            snippet.Append(char.IsWhiteSpace(character) ? ' ' : character);
        }

        if (end < text.Length)
        {
            snippet.Append(Ellipsis);
        }

        var highlights = new List<TextSpan>();
        foreach ((TextSpan span, _) in matches)
        {
            if (span.Start >= start && span.End <= end)
            {
                highlights.Add(new TextSpan(span.Start + shift, span.End + shift));
            }
        }

        return (snippet.ToString(), highlights);
    }

    private static List<(TextSpan Span, string Term)> Matches(
        string text, Analyzer analyzer, string field, IReadOnlySet<string> terms, IReadOnlyList<string> prefixes)
    {
        var matches = new List<(TextSpan, string)>();
        if (terms.Count == 0 && prefixes.Count == 0)
        {
            return matches;
        }

        using TokenStream stream = analyzer.GetTokenStream(field, text);
        ICharTermAttribute term = stream.AddAttribute<ICharTermAttribute>();
        IOffsetAttribute offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            string value = term.ToString();
            if (terms.Contains(value) || StartsWithAny(value, prefixes))
            {
                matches.Add((new TextSpan(AfterElision(text, offset.StartOffset, offset.EndOffset, value), offset.EndOffset), value));
            }
        }

        stream.End();
        return matches;
    }

    // Picks the window of at most Length characters holding the most distinct matched terms, then the most matches;
    // the earliest wins ties. Matches come in text order.
    private static (int Start, int End) Window(string text, List<(TextSpan Span, string Term)> matches)
    {
        if (text.Length <= Length)
        {
            return (0, text.Length);
        }

        if (matches.Count == 0)
        {
            return (0, BackToSpace(text, Length, 0));
        }

        int bestFirst = 0;
        int bestLast = 0;
        int bestDistinct = 0;
        int bestCount = 0;
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        for (int first = 0; first < matches.Count; first++)
        {
            distinct.Clear();
            int last = first;
            while (last + 1 < matches.Count && matches[last + 1].Span.End - matches[first].Span.Start <= Length)
            {
                last++;
            }

            for (int i = first; i <= last; i++)
            {
                distinct.Add(matches[i].Term);
            }

            if (distinct.Count > bestDistinct || (distinct.Count == bestDistinct && last - first + 1 > bestCount))
            {
                (bestFirst, bestLast, bestDistinct, bestCount) = (first, last, distinct.Count, last - first + 1);
            }
        }

        int regionStart = matches[bestFirst].Span.Start;
        int regionEnd = Math.Min(matches[bestLast].Span.End, regionStart + Length);
        int start = Math.Clamp(regionStart - ((Length - (regionEnd - regionStart)) / 3), 0, text.Length - Length);
        start = ForwardToWordStart(text, start, regionStart);
        int end = Math.Min(text.Length, start + Length);
        return (start, BackToSpace(text, end, regionEnd));
    }

    private static int ForwardToWordStart(string text, int start, int limit)
    {
        if (start == 0 || char.IsWhiteSpace(text[start - 1]))
        {
            return start;
        }

        int next = start;
        while (next < limit && !char.IsWhiteSpace(text[next]))
        {
            next++;
        }

        return next < limit ? next + 1 : start;
    }

    private static int BackToSpace(string text, int end, int limit)
    {
        if (end >= text.Length)
        {
            return text.Length;
        }

        int back = end;
        while (back > limit && !char.IsWhiteSpace(text[back]))
        {
            back--;
        }

        return back > limit ? back : end;
    }

    // An elided article stays inside the token's offsets ("l’accord" gives the term "accord"); highlight the word only.
    private static int AfterElision(string text, int start, int end, string term)
    {
        if (term.Contains('\'', StringComparison.Ordinal))
        {
            return start;
        }

        int apostrophe = text.AsSpan(start, Math.Min(end - start, MaxElisionLength)).IndexOfAny(Apostrophes);
        return apostrophe < 0 ? start : start + apostrophe + 1;
    }

    private static bool StartsWithAny(string value, IReadOnlyList<string> prefixes)
    {
        foreach (string prefix in prefixes)
        {
            if (value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
