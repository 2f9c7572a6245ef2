using System.Collections.Immutable;
using Veille.Model;
using Veille.Pipeline;

namespace Veille.Stages.Tokenization;

/// <summary>
/// Requires the cleaned text; produces tokens and sentences. Lossless: the text is rebuilt from token spans and
/// their space-after flags. Algorithm: a rule-based scanner (<see cref="TokenScanner"/>) then a sentence splitter.
/// </summary>
public sealed class TokenizationStage : IDocumentStage
{
    public StageInfo Info { get; } = new("tokenization", 2, Layers.Text, Layers.Tokens | Layers.Sentences);

    public void Process(Document document, StageContext context)
    {
        ImmutableArray<Token> tokens = TokenScanner.Scan(document.Text);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(document.Text, tokens));
    }
}
