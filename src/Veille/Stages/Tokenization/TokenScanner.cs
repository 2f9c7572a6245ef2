using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Tokenization;

/// <summary>PLACEHOLDER scanner: splits on whitespace (issue 2 replaces it).</summary>
public static class TokenScanner
{
    public static ImmutableArray<Token> Scan(string text)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(new TextSpan(start, i), TokenKind.Word, i < text.Length));
        }

        return tokens.ToImmutable();
    }
}
