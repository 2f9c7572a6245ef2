using System.Buffers;
using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Tokenization;

/// <summary>
/// Groups tokens into sentences: a line break always ends one; ". ! ? …" end one unless a lowercase word or a
/// comma-like mark follows; closing quotes and brackets stay with the sentence they close. Thread-safe.
/// </summary>
public static class SentenceSplitter
{
    private static readonly SearchValues<char> Terminals = SearchValues.Create(".!?…‼⁇⁈⁉");
    private static readonly SearchValues<char> Closers = SearchValues.Create("»”’)]}›");
    private static readonly SearchValues<char> AmbiguousQuotes = SearchValues.Create("\"'");
    private static readonly SearchValues<char> Continuers = SearchValues.Create(",;:");
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u0085\u2028\u2029");

    /// <summary>
    /// Splits <paramref name="tokens"/> (as produced by <see cref="TokenScanner.Scan"/> on <paramref name="text"/>) into
    /// sentences that partition them in order; empty when there are no tokens.
    /// </summary>
    public static ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (tokens.IsDefaultOrEmpty)
        {
            return [];
        }

        // Invariant: sentences are contiguous token ranges; [start, i] is the open sentence and i only grows.
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        int start = 0;
        int i = 0;
        while (i < tokens.Length)
        {
            int end = i + 1;
            if (end < tokens.Length && !LineBreakBetween(text, tokens[i], tokens[end]))
            {
                if (IsTerminal(text, tokens[i]))
                {
                    end = AbsorbClosers(text, tokens, end);
                    if (end < tokens.Length && !LineBreakBetween(text, tokens[end - 1], tokens[end]) && Continues(text, tokens[end]))
                    {
                        i = end;
                        continue;
                    }
                }
                else if (!EndsAfterAbbreviation(text, tokens[i], tokens[end]))
                {
                    i = end;
                    continue;
                }
            }

            sentences.Add(new Sentence(new TokenRange(start, end), new TextSpan(tokens[start].Span.Start, tokens[end - 1].Span.End)));
            start = end;
            i = end;
        }

        return sentences.DrainToImmutable();
    }

    private static ReadOnlySpan<char> TextOf(string text, Token token) => text.AsSpan(token.Span.Start, token.Span.Length);

    private static bool LineBreakBetween(string text, Token before, Token after) =>
        text.AsSpan(before.Span.End, after.Span.Start - before.Span.End).ContainsAny(LineBreaks);

    private static bool IsTerminal(string text, Token token) =>
        token.Kind == TokenKind.Punctuation && TextOf(text, token).IndexOfAnyExcept(Terminals) < 0;

    /// <summary>Index after the closing quotes, brackets and further terminal marks that follow a terminal mark on the same line.</summary>
    private static int AbsorbClosers(string text, ImmutableArray<Token> tokens, int end)
    {
        while (end < tokens.Length && !LineBreakBetween(text, tokens[end - 1], tokens[end]) && tokens[end].Kind == TokenKind.Punctuation)
        {
            ReadOnlySpan<char> token = TextOf(text, tokens[end]);
            bool closes = token.Length == 1
                && (Closers.Contains(token[0]) || (AmbiguousQuotes.Contains(token[0]) && !tokens[end - 1].SpaceAfter));
            if (!closes && token.IndexOfAnyExcept(Terminals) >= 0)
            {
                break;
            }

            end++;
        }

        return end;
    }

    /// <summary>True when <paramref name="next"/> continues the sentence after a terminal mark: a lowercase word or ", ; :".</summary>
    private static bool Continues(string text, Token next)
    {
        char first = text[next.Span.Start];
        return char.IsLower(first) || Continuers.Contains(first);
    }

    /// <summary>True after an abbreviation flagged as a possible sentence end ("etc.") followed by a capitalised word.</summary>
    private static bool EndsAfterAbbreviation(string text, Token token, Token next)
    {
        ReadOnlySpan<char> word = TextOf(text, token);
        return token.Kind == TokenKind.Word && word.Length > 1 && word[^1] == '.'
            && AbbreviationTable.Default.TryGet(word, out AbbreviationUse use)
            && (use & AbbreviationUse.MayEndSentence) != 0
            && char.IsUpper(text[next.Span.Start]);
    }
}
