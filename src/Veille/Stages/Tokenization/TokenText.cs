using System.Collections.Immutable;
using System.Text;
using Veille.Model;

namespace Veille.Stages.Tokenization;

/// <summary>Rebuilds a text from its tokens, proving the tokenization is lossless.</summary>
public static class TokenText
{
    /// <summary>
    /// Concatenates the token texts and the whitespace gaps between them; the result equals <paramref name="text"/>
    /// exactly when the tokens are ordered, disjoint, non-empty, separated only by whitespace and flagged correctly.
    /// </summary>
    /// <exception cref="ArgumentException">A token is empty, out of order, outside the text, or a gap holds a non-whitespace character or contradicts <see cref="Token.SpaceAfter"/>.</exception>
    public static string Rebuild(string text, ImmutableArray<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        int offset = 0;
        foreach (Token token in tokens)
        {
            if (token.Span.IsEmpty || token.Span.Start < offset || token.Span.End > text.Length)
            {
                throw new ArgumentException($"Token {token.Span} is empty, out of order or outside the text.", nameof(tokens));
            }

            AppendGap(builder, text, offset, token.Span.Start);
            builder.Append(text, token.Span.Start, token.Span.Length);
            offset = token.Span.End;
            bool spaceFollows = offset < text.Length && char.IsWhiteSpace(text[offset]);
            if (token.SpaceAfter != spaceFollows)
            {
                throw new ArgumentException($"Token {token.Span} has SpaceAfter={token.SpaceAfter} but the text disagrees.", nameof(tokens));
            }
        }

        AppendGap(builder, text, offset, text.Length);
        return builder.ToString();
    }

    private static void AppendGap(StringBuilder builder, string text, int start, int end)
    {
        ReadOnlySpan<char> gap = text.AsSpan(start, end - start);
        foreach (char c in gap)
        {
            if (!char.IsWhiteSpace(c))
            {
                throw new ArgumentException($"Non-whitespace U+{(int)c:X4} between tokens at [{start}, {end}).", nameof(text));
            }
        }

        builder.Append(gap);
    }
}
