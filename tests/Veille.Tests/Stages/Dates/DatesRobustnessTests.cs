using Veille.Model;
using Veille.Pipeline;

namespace Veille.Tests.Stages.Dates;

public sealed class DatesRobustnessTests
{
    [Theory]
    [InlineData("Il y a 99999999999 jours, rien ne se passait.")]
    [InlineData("Il y a 3000000 jours, rien ne se passait.")]
    [InlineData("Il y a 900000 ans, la région était une mer.")]
    [InlineData("Dans 50000 trimestres, peut-être.")]
    public void DatesStage_HugeQuantities_LeaveTheExpressionUnresolvedInsteadOfThrowing(string text)
    {
        var document = new Document(text, new SourceInfo(Published: new DateTimeOffset(2024, 4, 25, 0, 0, 0, TimeSpan.Zero)));
        StageCatalog.CreateDefault().Process(document);
        Assert.All(document.Dates, date => Assert.True(date.Value is null || date.Value[0] != '-', date.Value));
    }
}
