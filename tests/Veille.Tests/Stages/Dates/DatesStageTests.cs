using Veille.Model;
using Veille.Stages.Dates;
using static Veille.Tests.Stages.Dates.DatesTestDocuments;

namespace Veille.Tests.Stages.Dates;

public sealed class DatesStageTests
{
    [Fact]
    public void Sample2_InfersPublicationDateFromCeJour()
    {
        Document document = Dated(TestDocuments.Sample2, "fr");
        Assert.Equal(PublicationSource.Inferred, document.Publication.Source);
        Assert.Equal(Day(2024, 4, 25), document.Publication.Value);
        Assert.InRange(document.Publication.Confidence, 0.5, 0.95);
    }

    [Theory]
    [InlineData("le 16 mars dernier", "2024-03-16")]
    [InlineData("le 23 avril 2024", "2024-04-23")]
    [InlineData("la semaine prochaine", "2024-W18")]
    [InlineData("2012", "2012")]
    [InlineData("dans les prochains mois", "FUTURE_REF")]
    [InlineData("25 avril", "2024-04-25")]
    public void Sample2_ResolvesAgainstInferredDate(string text, string value)
    {
        Document document = Dated(TestDocuments.Sample2, "fr");
        Assert.Contains($"{text}={value}", Describe(document));
    }

    [Fact]
    public void Sample1_WithoutPublicationDate_LeavesRelativeDatesUnresolved()
    {
        Document document = Dated(TestDocuments.Sample1, "fr");
        Assert.Equal(PublicationSource.Unknown, document.Publication.Source);
        Assert.Null(document.Publication.Value);
        DateMention friday = Assert.Single(document.Dates, date => document.TextOf(date.Span) is "vendredi");
        Assert.Null(friday.Value);
        Assert.Equal(DateAnchor.None, friday.Anchor);
        Assert.Contains("bientôt=FUTURE_REF", Describe(document));
        Assert.Contains("2023=2023", Describe(document));
    }

    [Fact]
    public void Metadata_PublicationDateIsUsedAndNotOverwritten()
    {
        Document document = Dated("Il est arrivé vendredi, hier et il y a deux jours.", "fr", Day(2024, 4, 25));
        Assert.Equal(PublicationSource.Metadata, document.Publication.Source);
        Assert.Equal(["vendredi=2024-04-19", "hier=2024-04-24", "il y a deux jours=2024-04-23"], Describe(document));
    }

    [Theory]
    [InlineData("Il part pendant trois ans.", "trois ans=P3Y")]
    [InlineData("La réunion a lieu chaque lundi.", "chaque lundi=XXXX-WXX-1")]
    [InlineData("Ils se voient tous les jours.", "tous les jours=P1D")]
    [InlineData("Il viendra le mois prochain.", "le mois prochain=2024-05")]
    [InlineData("Il est venu l'année dernière.", "l'année dernière=2023")]
    [InlineData("Rendez-vous le 3 mai à 14 h 30.", "le 3 mai à 14 h 30=2024-05-03T14:30")]
    [InlineData("Rendez-vous à 14 h 30.", "14 h 30=2024-04-25T14:30")]
    [InlineData("Ceci s'est passé dans les années 1990.", "les années 1990=199X")]
    [InlineData("Il a été élu le 10/11/2020.", "10/11/2020=2020-11-10")]
    [InlineData("Il reviendra demain matin.", "demain matin=2024-04-26TMO")]
    [InlineData("Cela arrivera bientôt.", "bientôt=FUTURE_REF")]
    [InlineData("Elle est partie en septembre dernier.", "septembre dernier=2023-09")]
    public void French_Expressions(string text, string expected)
    {
        Assert.Contains(expected, Describe(Dated(text, "fr", Day(2024, 4, 25))));
    }

    [Theory]
    [InlineData("He arrived last Tuesday.", "last Tuesday=2024-04-23")]
    [InlineData("They will meet next month.", "next month=2024-05")]
    [InlineData("It happened two days ago.", "two days ago=2024-04-23")]
    [InlineData("The talks began on April 23, 2024.", "April 23, 2024=2024-04-23")]
    [InlineData("He served for three years.", "three years=P3Y")]
    [InlineData("The board meets every Monday.", "every Monday=XXXX-WXX-1")]
    [InlineData("Prices rose recently.", "recently=PAST_REF")]
    [InlineData("We are now ready.", "now=PRESENT_REF")]
    [InlineData("The summit took place yesterday.", "yesterday=2024-04-24")]
    [InlineData("The 1990s were calm.", "The 1990s=199X")]
    [InlineData("The vote is at 3 p.m. today.", "today=2024-04-25")]
    [InlineData("It was a three-year plan.", "three-year=P3Y")]
    public void English_Expressions(string text, string expected)
    {
        Assert.Contains(expected, Describe(Dated(text, "en", Day(2024, 4, 25))));
    }

    [Theory]
    [InlineData("Il arrivera vendredi.", "vendredi=2024-04-26")]
    [InlineData("Il est arrivé vendredi.", "vendredi=2024-04-19")]
    [InlineData("He will arrive on Friday.", "Friday=2024-04-26")]
    [InlineData("He arrived on Friday.", "Friday=2024-04-19")]
    public void BareWeekday_FollowsTheTense(string text, string expected)
    {
        Assert.Contains(expected, Describe(Dated(text, text.StartsWith("Il", StringComparison.Ordinal) ? "fr" : "en", Day(2024, 4, 25))));
    }

    [Fact]
    public void English_WithoutReference_IsUnresolvedButExplicitDatesResolve()
    {
        List<string> described = Describe(Dated("On March 5, 2021 and last Tuesday.", "en"));
        Assert.Equal(["March 5, 2021=2021-03-05", "last Tuesday=?"], described);
    }

    [Fact]
    public void Timeline_SortsResolvedDatesWithTheirSentences()
    {
        Document document = Dated("Le 23 avril 2024, il a parlé. L'accord date de 2012. Il part demain.", "fr");
        IReadOnlyList<TimelineEntry> timeline = Timeline.Of(document);
        Assert.Equal(["2012", "2024-04-23"], timeline.Select(entry => entry.Value));
        Assert.Equal("L'accord date de 2012.", document.TextOf(timeline[0].Sentence).ToString());
    }

    [Theory]
    [InlineData("PARIS, 25 avril 2024 (AFP) - Les discussions ont commencé hier.", "2024-04-25", "hier=2024-04-24")]
    [InlineData("Today, April 25, the talks resume; they began yesterday, as planned on April 2, 2024.", "2024-04-25", "yesterday=2024-04-24")]
    public void PublicationDate_InferredFromDatelineOrCue(string text, string date, string expected)
    {
        Document document = Dated(text, text.StartsWith("PARIS", StringComparison.Ordinal) ? "fr" : "en");
        Assert.Equal(PublicationSource.Inferred, document.Publication.Source);
        Assert.Equal(date, document.Publication.Value!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(expected, Describe(document));
    }

    [Theory]
    [InlineData("Élections du 9 juin 2024\nLe vote a eu lieu hier.")]
    [InlineData("Le 23 avril 2024, il a parlé. Il part demain.")]
    [InlineData("Today, April 25, the talks resume. They began yesterday.")]
    public void PublicationDate_NotGuessed(string text)
    {
        Document document = Dated(text, "fr");
        Assert.Equal(PublicationDate.Unknown, document.Publication);
    }

    [Fact]
    public void Stage_DeclaresItsContract()
    {
        var stage = new DatesStage();
        Assert.Equal("dates", stage.Info.Name);
        Assert.Equal(Layers.Text | Layers.Language | Layers.Tokens | Layers.Sentences, stage.Info.Requires);
        Assert.Equal(Layers.Dates, stage.Info.Produces);
    }
}
