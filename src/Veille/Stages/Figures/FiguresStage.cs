using System.Collections.Immutable;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Dates;

namespace Veille.Stages.Figures;

/// <summary>
/// Requires text, language and tokens; produces the figures layer: numbers in digits and words, with qualifier
/// ("plus de"), range, percent, currency (ISO 4217) and counted noun. Algorithm: rule-based reading over the word
/// lists in Resources/figures with the language's digit conventions. One instance serves all threads.
/// </summary>
public sealed class FiguresStage : IDocumentStage
{
    /// <inheritdoc />
    public StageInfo Info { get; } = new("figures", 1, Layers.Text | Layers.Language | Layers.Tokens, Layers.Figures);

    /// <inheritdoc />
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetFigures(Analyze(document.Text, document.Tokens, document.Language.Tag));
    }

    /// <summary>The figures of <paramref name="text"/> in text order.</summary>
    internal static ImmutableArray<Figure> Analyze(string text, IReadOnlyList<Token> tokens, string? language)
    {
        List<FigureMatch> matches = Recognize(new WordSequence(text, tokens), language);
        var builder = ImmutableArray.CreateBuilder<Figure>(matches.Count);
        foreach (FigureMatch match in matches)
        {
            builder.Add(match.Figure);
        }

        return builder.MoveToImmutable();
    }

    internal static List<FigureMatch> Recognize(WordSequence words, string? language)
    {
        IReadOnlyList<FigureRecognizer> recognizers = FigureRecognizer.For(language);
        List<FigureMatch> matches = recognizers[0].Recognize(words);
        for (int r = 1; r < recognizers.Count; r++)
        {
            foreach (FigureMatch match in recognizers[r].Recognize(words))
            {
                bool overlaps = false;
                foreach (FigureMatch kept in matches)
                {
                    overlaps |= kept.Figure.Span.Overlaps(match.Figure.Span);
                }

                if (!overlaps)
                {
                    matches.Add(match);
                }
            }

            matches.Sort((a, b) => a.Figure.Span.Start.CompareTo(b.Figure.Span.Start));
        }

        return matches;
    }
}
