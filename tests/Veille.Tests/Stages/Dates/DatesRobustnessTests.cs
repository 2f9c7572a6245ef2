using Veille.Model;
using static Veille.Tests.Stages.Dates.DatesTestDocuments;

namespace Veille.Tests.Stages.Dates;

public sealed class DatesRobustnessTests
{
    private static readonly string[] Pieces =
    [
        "May", "mai", "le", "la", "1er", "23", "avril", "2024", "-", "10-20", "3/4", "14h30", "7pm", "vendredi", "prochain",
        "dernier", "il", "y", "a", "deux", "jours", "ago", "last", "next", "week", "de", "$", "€", "3bn", "millions", "plus",
        "than", "more", "entre", "et", "à", "h", "30", ",", ".", "l'", "année", "un", "millier", "des", "the", "1990s",
        "quarter", "third", "été", "ce", "jour", "25", "Jan", "12:34:20", "-1", "1 000", "1.000", "3,5", "%", "é", "\u00A0", "\n",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Stages_NeverThrow_AndKeepSpansOrderedInsideTheText(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 200; round++)
        {
            int count = random.Next(0, 14);
            var parts = new List<string>();
            for (int k = 0; k < count; k++)
            {
                parts.Add(Pieces[random.Next(Pieces.Length)]);
            }

            string text = string.Join(random.Next(3) == 0 ? "" : " ", parts);
            foreach (string language in (string[])["fr", "en", "de"])
            {
                foreach (DateTimeOffset? published in (DateTimeOffset?[])[null, Day(2024, 4, 25)])
                {
                    Document document = Dated(text, language, published);
                    new Veille.Stages.Figures.FiguresStage().Process(document, Veille.Pipeline.StageContext.Default);
                    int previous = 0;
                    foreach (DateMention date in document.Dates)
                    {
                        Assert.InRange(date.Span.End, date.Span.Start + 1, text.Length);
                        Assert.True(date.Span.Start >= previous, text);
                        previous = date.Span.End;
                        Assert.True(published is not null || date.Anchor != DateAnchor.Publication, text);
                    }

                    previous = 0;
                    foreach (Figure figure in document.Figures)
                    {
                        Assert.InRange(figure.Span.End, figure.Span.Start + 1, text.Length);
                        Assert.True(figure.Span.Start >= previous, text);
                        previous = figure.Span.End;
                    }
                }
            }
        }
    }
}
