using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Tests.Stages.Tokenization;

/// <summary>Checks shared by unit and property tests.</summary>
internal static class TokenizationInvariants
{
    public static void AssertTokens(string text, ImmutableArray<Token> tokens)
    {
        int offset = 0;
        foreach (Token token in tokens)
        {
            Assert.False(token.Span.IsEmpty, $"Empty token at {token.Span}.");
            Assert.True(token.Span.Start >= offset, $"Token {token.Span} overlaps or precedes the previous one.");
            Assert.True(token.Span.End <= text.Length, $"Token {token.Span} ends after the text.");
            offset = token.Span.End;
        }
    }

    public static void AssertPartition(ImmutableArray<Token> tokens, ImmutableArray<Sentence> sentences)
    {
        int next = 0;
        foreach (Sentence sentence in sentences)
        {
            Assert.Equal(next, sentence.Tokens.Start);
            Assert.True(sentence.Tokens.Length > 0, "Empty sentence.");
            Assert.Equal(tokens[sentence.Tokens.Start].Span.Start, sentence.Span.Start);
            Assert.Equal(tokens[sentence.Tokens.End - 1].Span.End, sentence.Span.End);
            next = sentence.Tokens.End;
        }

        Assert.Equal(tokens.Length, next);
    }
}
