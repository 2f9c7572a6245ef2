using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Tokenization;

/// <summary>PLACEHOLDER splitter: a sentence ends at a token ending with '.', '!' or '?' (issue 2 replaces it).</summary>
public static class SentenceSplitter
{
    public static ImmutableArray<Sentence> Split(string text, ImmutableArray<Token> tokens)
    {
        var sentences = ImmutableArray.CreateBuilder<Sentence>();
        int start = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            char last = text[tokens[i].Span.End - 1];
            if (last is '.' or '!' or '?' || i == tokens.Length - 1)
            {
                sentences.Add(new Sentence(new TokenRange(start, i + 1), new TextSpan(tokens[start].Span.Start, tokens[i].Span.End)));
                start = i + 1;
            }
        }

        return sentences.ToImmutable();
    }
}
