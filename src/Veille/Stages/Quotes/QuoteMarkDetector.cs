using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Quotes;

/// <summary>A span of text between quotation marks, found before any attribution.</summary>
/// <param name="Open">Token index of the opening mark (its first token: '' is two tokens).</param>
/// <param name="Close">Token index of the closing mark, or -1 when the quote runs on into the next paragraph.</param>
/// <param name="AfterClose">Token index just after the closing mark, or -1.</param>
/// <param name="Content">The characters between the marks, whitespace trimmed.</param>
/// <param name="ContentTokens">The tokens between the marks.</param>
/// <param name="ContinuesPrevious">True when this piece reopens a quote left open at the end of the previous paragraph.</param>
internal readonly record struct MarkedQuote(int Open, int Close, int AfterClose, TextSpan Content, TokenRange ContentTokens, bool ContinuesPrevious)
{
    public bool ContinuesNext => Close < 0;
}

/// <summary>
/// Pairs quotation marks token by token, paragraph by paragraph: « » ‹ › “ ” „ “ ‘ ’, straight quotes and doubled
/// apostrophes (''…''), mixed pairs (« … ") and one level of nesting. A quote never crosses a line break; a quote left
/// open at the end of a paragraph continues when the next paragraph opens with a mark, else its opening mark is ignored.
/// </summary>
internal static class QuoteMarkDetector
{
    private enum Family : byte
    {
        None,
        Guillemet,
        Curly,
        Straight,
        Single,
    }

    private enum Role : byte
    {
        None,
        Open,
        Close,
        Either,
    }

    public static List<MarkedQuote> Detect(Document document)
    {
        // Invariants: tokens are ordered and disjoint; a result's Open < Close (when closed) and pieces come in text order.
        ImmutableArray<Token> tokens = document.Tokens;
        string text = document.Text;
        var quotes = new List<MarkedQuote>();
        int open = -1;
        int openEnd = -1;
        Family openFamily = Family.None;
        int nested = 0;
        bool continuing = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i > 0 && open >= 0 && HasLineBreak(text, tokens[i - 1].Span.End, tokens[i].Span.Start))
            {
                // Paragraph end inside a quote: it continues only when the next paragraph opens with a mark.
                bool reopens = MarkAt(document, i, out char next, out int nextEnd) != Family.None
                    && ClassifyRole(text, tokens[i].Span.Start, tokens[nextEnd - 1].Span.End, next) != Role.Close;
                if (reopens)
                {
                    AddQuote(quotes, tokens, open, openEnd, -1, -1, i, continuing);
                }

                open = -1;
                nested = 0;
                continuing = reopens;
            }

            Family family = MarkAt(document, i, out char mark, out int markEnd);
            if (family == Family.None)
            {
                continue;
            }

            int markStart = i;
            i = markEnd - 1;
            int startOffset = tokens[markStart].Span.Start;
            int endOffset = tokens[markEnd - 1].Span.End;
            Role role = ClassifyRole(text, startOffset, endOffset, mark);
            if (family == Family.Single && !(open < 0 ? mark == '\u2018' : openFamily == Family.Single))
            {
                // Single quotes only count as the outer quote (headlines); inside another quote they are ignored.
                continue;
            }

            if (mark == '\u201C' && open >= 0 && openFamily == Family.Curly
                && (text[tokens[open].Span.Start] == '\u201E' || (IsRightFlanking(text, startOffset, endOffset) && !IsLeftFlanking(text, startOffset, endOffset))))
            {
                // „ … “ (German), or a sloppy “ … “.
                role = Role.Close;
            }

            if (open < 0)
            {
                if (role is Role.Open or Role.Either)
                {
                    open = markStart;
                    openEnd = markEnd;
                    openFamily = family;
                    nested = 0;
                }
                else
                {
                    continuing = false;
                }

                continue;
            }

            if (role == Role.Open && family != openFamily)
            {
                nested++;
                continue;
            }

            if (role == Role.Open || (role == Role.Either && family == Family.Straight && openFamily != Family.Straight && IsLeftFlanking(text, startOffset, endOffset)))
            {
                // « Le mot « souveraineté » … »: a quote inside the quote.
                nested++;
                continue;
            }

            if (nested > 0 && (family != openFamily || role == Role.Close))
            {
                nested--;
                continue;
            }

            AddQuote(quotes, tokens, open, openEnd, markStart, markEnd, markStart, continuing);
            open = -1;
            nested = 0;
            continuing = false;
        }

        return quotes;
    }

    private static void AddQuote(List<MarkedQuote> quotes, ImmutableArray<Token> tokens, int open, int openEnd, int close, int afterClose, int end, bool continuing)
    {
        if (end <= openEnd)
        {
            return;
        }

        var content = new TextSpan(tokens[openEnd].Span.Start, tokens[end - 1].Span.End);
        quotes.Add(new MarkedQuote(open, close, afterClose, content, new TokenRange(openEnd, end), continuing));
    }

    /// <summary>The family of the quotation mark starting at token <paramref name="index"/>, its character and the token after it.</summary>
    private static Family MarkAt(Document document, int index, out char mark, out int end)
    {
        ImmutableArray<Token> tokens = document.Tokens;
        Token token = tokens[index];
        end = index + 1;
        mark = '\0';
        if (token.Span.Length != 1 || token.Kind is TokenKind.Word or TokenKind.Number)
        {
            return Family.None;
        }

        mark = document.Text[token.Span.Start];
        if (mark == '\'')
        {
            // '' typed for a double quote (two apostrophe tokens with nothing between).
            if (index + 1 < tokens.Length && tokens[index + 1].Span.Start == token.Span.End && tokens[index + 1].Span.Length == 1
                && document.Text[tokens[index + 1].Span.Start] == '\'')
            {
                end = index + 2;
                mark = '"';
                return Family.Straight;
            }

            return Family.None;
        }

        return FamilyOf(mark);
    }

    private static Family FamilyOf(char mark) => mark switch
    {
        '«' or '»' or '‹' or '›' => Family.Guillemet,
        '\u201C' or '\u201D' or '\u201E' => Family.Curly,
        '"' => Family.Straight,
        '\u2018' or '\u2019' => Family.Single,
        _ => Family.None,
    };

    private static Role ClassifyRole(string text, int start, int end, char mark)
    {
        switch (mark)
        {
            case '«' or '\u201E' or '‹' or '\u201C' or '\u2018':
                return Role.Open;
            case '»' or '›':
                return Role.Close;
            case '\u2019':
                return IsRightFlanking(text, start, end) ? Role.Close : Role.None;
            case '\u201D':
                return IsLeftFlanking(text, start, end) && !IsRightFlanking(text, start, end) ? Role.Either : Role.Close;
            default:
                bool left = IsLeftFlanking(text, start, end);
                bool right = IsRightFlanking(text, start, end);
                return left == right ? Role.Either : left ? Role.Open : Role.Close;
        }
    }

    /// <summary>Space or an opening bracket before, a word after: the position of an opening mark.</summary>
    private static bool IsLeftFlanking(string text, int start, int end)
    {
        int before = start - 1;
        bool spaceBefore = before < 0 || char.IsWhiteSpace(text[before]) || text[before] is '(' or '[' or '—' or '–';
        bool wordAfter = end < text.Length && !char.IsWhiteSpace(text[end]) && !char.IsPunctuation(text[end]);
        return spaceBefore && (wordAfter || (end < text.Length && text[end] is '\u00A0' or '\u202F'));
    }

    /// <summary>A word or punctuation before, space or punctuation after: the position of a closing mark.</summary>
    private static bool IsRightFlanking(string text, int start, int end)
    {
        int before = start - 1;
        bool wordBefore = before >= 0 && !char.IsWhiteSpace(text[before]);
        bool spaceAfter = end >= text.Length || char.IsWhiteSpace(text[end]) || char.IsPunctuation(text[end]);
        return wordBefore && spaceAfter;
    }

    private static bool HasLineBreak(string text, int from, int to) => text.AsSpan(from, to - from).Contains('\n');
}
