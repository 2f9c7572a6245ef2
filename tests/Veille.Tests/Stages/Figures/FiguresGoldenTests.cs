using System.Globalization;
using System.Text;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Figures;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Figures;

/// <summary>
/// Golden examples in tests/golden/figures: the file name ends with the language ("-fr.md"). Expected: the text with
/// each figure as [text](value[..max] [currency] [unit] [qualifier]).
/// </summary>
public sealed class FiguresGoldenTests
{
    public static IEnumerable<object[]> Cases => GoldenFile.Cases("figures");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Figures_MatchGoldenFile(string name)
    {
        GoldenFile golden = GoldenFile.Load("figures", name);
        Document document = TestDocuments.Cleaned(golden.Input, name[^5..^3]);
        new TokenizationStage().Process(document, StageContext.Default);
        new FiguresStage().Process(document, StageContext.Default);
        golden.Verify(Render(document));
    }

    internal static string Render(Document document)
    {
        var builder = new StringBuilder();
        int at = 0;
        foreach (Figure figure in document.Figures)
        {
            builder.Append(document.Text, at, figure.Span.Start - at);
            builder.Append('[').Append(document.TextOf(figure.Span)).Append("](").Append(figure.Value.ToString(CultureInfo.InvariantCulture));
            if (figure.ValueMax is { } max)
            {
                builder.Append("..").Append(max.ToString(CultureInfo.InvariantCulture));
            }

            foreach (string? part in (string?[])[figure.Currency, figure.Unit is null ? null : "unit=" + figure.Unit, figure.Qualifier])
            {
                if (part is not null)
                {
                    builder.Append(' ').Append(part);
                }
            }

            builder.Append(')');
            at = figure.Span.End;
        }

        builder.Append(document.Text, at, document.Text.Length - at);
        return builder.ToString().TrimEnd();
    }
}
