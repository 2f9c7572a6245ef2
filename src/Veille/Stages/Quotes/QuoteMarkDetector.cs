using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Quotes;

/// <summary>A span of text between quotation marks, found before any attribution.</summary>
/// <param name="Open">Token index of the opening mark.</param>
/// <param name="Close">Token index of the closing mark, or -1 when the quote runs on into the next paragraph.</param>
/// <param name="Content">The characters between the marks, whitespace trimmed.</param>
/// <param name="ContentTokens">The tokens between the marks.</param>
/// <param name="ContinuesPrevious">True when this piece reopens a quote left open at the end of the previous paragraph.</param>
internal readonly record struct MarkedQuote(int Open, int Close, TextSpan Content, TokenRange ContentTokens, bool ContinuesPrevious)
{
    public bool ContinuesNext => Close < 0;
}

/// <summary>
/// Pairs quotation marks token by token, paragraph by paragraph: « » ‹ › “ ” „ “ and straight quotes, mixed pairs
/// (« … ") and one level of nesting. A quote never crosses a line break; a quote left open at the end of a paragraph
/// continues when the next paragraph opens with a mark, else its opening mark is ignored.
/// </summary>
internal static class QuoteMarkDetector
{
    private enum Family : byte
    {
        None,
        Guillemet,
        Curly,
        Straight,
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
        Family openFamily = Family.None;
        int nested = 0;
        bool continuing = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            if (i > 0 && open >= 0 && HasLineBreak(text, tokens[i - 1].Span.End, tokens[i].Span.Start))
            {
                // Paragraph end inside a quote: it continues only when the next paragraph opens with a mark.
                bool reopens = IsMark(document, tokens[i], out char next) && ClassifyRole(text, tokens[i], next) != Role.Close;
                if (reopens)
                {
                    AddQuote(quotes, tokens, open, -1, i, continuing);
                }

                open = -1;
                nested = 0;
                continuing = reopens;
            }

            if (!IsMark(document, tokens[i], out char mark))
            {
                continue;
            }

            Family family = FamilyOf(mark);
            Role role = ClassifyRole(text, tokens[i], mark);
            if (mark == '\u201C' && open >= 0 && openFamily == Family.Curly
                && (text[tokens[open].Span.Start] == '\u201E' || (IsRightFlanking(text, tokens[i]) && !IsLeftFlanking(text, tokens[i]))))
            {
                // „ … “ (German), or a sloppy “ … “.
                role = Role.Close;
            }

            if (open < 0)
            {
                if (role is Role.Open or Role.Either)
                {
                    open = i;
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

            if (role == Role.Open || (role == Role.Either && family == Family.Straight && openFamily != Family.Straight && IsLeftFlanking(text, tokens[i])))
            {
                if (family == openFamily && role == Role.Open)
                {
                    // The same opening mark again: the first one was stray.
                    open = i;
                    continuing = false;
                    nested = 0;
                }
                else
                {
                    nested++;
                }

                continue;
            }

            if (nested > 0 && family != openFamily)
            {
                nested--;
                continue;
            }

            AddQuote(quotes, tokens, open, i, i, continuing);
            open = -1;
            nested = 0;
            continuing = false;
        }

        return quotes;
    }

    private static void AddQuote(List<MarkedQuote> quotes, ImmutableArray<Token> tokens, int open, int close, int end, bool continuing)
    {
        if (end <= open + 1)
        {
            return;
        }

        var content = new TextSpan(tokens[open + 1].Span.Start, tokens[end - 1].Span.End);
        quotes.Add(new MarkedQuote(open, close, content, new TokenRange(open + 1, end), continuing));
    }

    private static bool IsMark(Document document, Token token, out char mark)
    {
        mark = '\0';
        if (token.Span.Length != 1 || token.Kind is TokenKind.Word or TokenKind.Number)
        {
            return false;
        }

        mark = document.Text[token.Span.Start];
        return FamilyOf(mark) != Family.None;
    }

    private static Family FamilyOf(char mark) => mark switch
    {
        '«' or '»' or '‹' or '›' => Family.Guillemet,
        '\u201C' or '\u201D' or '\u201E' => Family.Curly,
        '"' => Family.Straight,
        _ => Family.None,
    };

    private static Role ClassifyRole(string text, Token token, char mark)
    {
        switch (mark)
        {
            case '«' or '\u201E':
                return Role.Open;
            case '»':
                return Role.Close;
            case '‹':
                return Role.Open;
            case '›':
                return Role.Close;
            case '\u201C':
                return Role.Open;
            case '\u201D':
                return IsLeftFlanking(text, token) && !IsRightFlanking(text, token) ? Role.Either : Role.Close;
            default:
                bool left = IsLeftFlanking(text, token);
                bool right = IsRightFlanking(text, token);
                return left == right ? Role.Either : left ? Role.Open : Role.Close;
        }
    }

    /// <summary>Space or an opening bracket before, a word after: the position of an opening mark.</summary>
    private static bool IsLeftFlanking(string text, Token token)
    {
        int before = token.Span.Start - 1;
        int after = token.Span.End;
        bool spaceBefore = before < 0 || char.IsWhiteSpace(text[before]) || text[before] is '(' or '[' or '—' or '–';
        bool wordAfter = after < text.Length && !char.IsWhiteSpace(text[after]) && !char.IsPunctuation(text[after]);
        return spaceBefore && (wordAfter || (after < text.Length && text[after] is '\u00A0' or '\u202F'));
    }

    /// <summary>A word or punctuation before, space or punctuation after: the position of a closing mark.</summary>
    private static bool IsRightFlanking(string text, Token token)
    {
        int before = token.Span.Start - 1;
        int after = token.Span.End;
        bool wordBefore = before >= 0 && !char.IsWhiteSpace(text[before]);
        bool spaceAfter = after >= text.Length || char.IsWhiteSpace(text[after]) || char.IsPunctuation(text[after]);
        return wordBefore && spaceAfter;
    }

    private static bool HasLineBreak(string text, int from, int to) => text.AsSpan(from, to - from).Contains('\n');
}
