using System.Collections.Immutable;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Tokenization;

public sealed class TokenTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("  L’État, c'est «\u00A0moi\u00A0» !\n\nDon't.  ")]
    [InlineData("1 000 soldats\ta-t-il https://x.org/a.")]
    public void TokenText_RebuildsTheTextExactly(string text) =>
        Assert.Equal(text, TokenText.Rebuild(text, TokenScanner.Scan(text)));

    [Fact]
    public void TokenText_RejectsGapsThatAreNotWhitespace()
    {
        ImmutableArray<Token> tokens = [new Token(new TextSpan(0, 1), TokenKind.Word, false)];
        Assert.Throws<ArgumentException>(() => TokenText.Rebuild("ab", tokens));
    }

    [Fact]
    public void TokenText_RejectsAWrongSpaceAfterFlag()
    {
        ImmutableArray<Token> tokens = [new Token(new TextSpan(0, 1), TokenKind.Word, false), new Token(new TextSpan(2, 3), TokenKind.Word, false)];
        Assert.Throws<ArgumentException>(() => TokenText.Rebuild("a b", tokens));
    }
}
