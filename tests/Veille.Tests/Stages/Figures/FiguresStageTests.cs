using Veille.Model;
using Veille.Stages.Figures;
using static Veille.Tests.Stages.Dates.DatesTestDocuments;

namespace Veille.Tests.Stages.Figures;

public sealed class FiguresStageTests
{
    private static Figure Find(Document document, string text) =>
        Assert.Single(document.Figures, figure => document.TextOf(figure.Span).ToString() == text);

    [Fact]
    public void Sample2_Figures()
    {
        Document document = Figured(TestDocuments.Sample1 + "\n" + TestDocuments.Sample2, "fr");
        Figure soldiers = Find(document, "plus de 1 000 soldats");
        Assert.Equal(new Figure(soldiers.Span, 1000, null, "soldats", null, "more-than"), soldiers);
        Figure dollars = Find(document, "110 millions de dollars");
        Assert.Equal(110_000_000m, dollars.Value);
        Assert.Equal("USD", dollars.Currency);
        Figure thousand = Find(document, "un millier des soldats");
        Assert.Equal(1000m, thousand.Value);
        Assert.Equal("about", thousand.Qualifier);
        Assert.DoesNotContain(document.Figures, figure => figure.Value is 2024 or 23 or 2012);
    }

    [Theory]
    [InlineData("fr", "Il y a 1 000 soldats.", "1 000 soldats", 1000, null, "soldats", null, null)]
    [InlineData("fr", "Il y a 1.000 hommes.", "1.000 hommes", 1000, null, "hommes", null, null)]
    [InlineData("fr", "Une hausse de 3,5 % cette année.", "3,5 %", 3.5, null, "%", null, null)]
    [InlineData("fr", "Un budget de 3 milliards d'euros.", "3 milliards d'euros", 3000000000, null, null, "EUR", null)]
    [InlineData("fr", "Ils étaient deux.", "deux", 2, null, null, null, null)]
    [InlineData("fr", "Il y avait entre 10 et 20 blessés.", "entre 10 et 20 blessés", 10, 20.0, "blessés", null, null)]
    [InlineData("fr", "Environ 300 personnes.", "Environ 300 personnes", 300, null, "personnes", null, "about")]
    [InlineData("fr", "Au moins vingt-deux morts.", "Au moins vingt-deux morts", 22, null, "morts", null, "at-least")]
    [InlineData("en", "More than 1,000 troops left.", "More than 1,000 troops", 1000, null, "troops", null, "more-than")]
    [InlineData("en", "A €3bn plan.", "€3bn", 3000000000, null, null, "EUR", null)]
    [InlineData("en", "It costs $5 million.", "$5 million", 5000000, null, null, "USD", null)]
    [InlineData("en", "About 40 percent agreed.", "About 40 percent", 40, null, "%", null, "about")]
    [InlineData("en", "At least two hundred people.", "At least two hundred people", 200, null, "people", null, "at-least")]
    [InlineData("en", "Between 10-20 cars.", "10-20 cars", 10, 20.0, "cars", null, null)]
    public void Recognises(string language, string text, string span, double value, double? max, string? unit, string? currency, string? qualifier)
    {
        Document document = Figured(text, language);
        Figure figure = Find(document, span);
        Assert.Equal((decimal)value, figure.Value);
        Assert.Equal(max is null ? null : (decimal?)(decimal)max.Value, figure.ValueMax);
        Assert.Equal(unit, figure.Unit);
        Assert.Equal(currency, figure.Currency);
        Assert.Equal(qualifier, figure.Qualifier);
    }

    [Fact]
    public void Stage_DeclaresItsContract()
    {
        var stage = new FiguresStage();
        Assert.Equal("figures", stage.Info.Name);
        Assert.Equal(Layers.Text | Layers.Language | Layers.Tokens, stage.Info.Requires);
        Assert.Equal(Layers.Figures, stage.Info.Produces);
    }
}
