using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Quotes;

namespace Veille.Tests.Stages.Quotes;

/// <summary>The checks of issue 4 on the two sample articles, with the mentions a good tagger gives.</summary>
public sealed class QuotesSampleTests
{
    private const string Official = "un haut responsable du Département d’État";

    internal static Document Sample1()
    {
        Document document = QuoteTestDocuments.Build(
            TestDocuments.Sample1,
            "fr",
            new ExpectedMention("Washington Post", EntityKind.Organization, "The Washington Post"),
            new ExpectedMention("Département d’État", EntityKind.Organization, "United States Department of State"),
            new ExpectedMention("Kurt Campbell", EntityKind.Person, "Kurt Campbell", "secrétaire d’État adjoint"),
            new ExpectedMention("Ali Lamine Zeine", EntityKind.Person, "Ali Lamine Zeine", "Premier ministre nigérien"),
            new ExpectedMention("Niger", EntityKind.Location, "Niger"),
            new ExpectedMention("Niamey", EntityKind.Location, "Niamey"),
            new ExpectedMention("Russie", EntityKind.Location, "Russia"),
            new ExpectedMention("ministère de la Défense", EntityKind.Organization, "United States Department of Defense"));
        new QuotesStage().Process(document, StageContext.Default);
        return document;
    }

    internal static Document Sample2()
    {
        Document document = QuoteTestDocuments.Build(
            TestDocuments.Sample2,
            "fr",
            new ExpectedMention("Kathleen Fitz Gibbon", EntityKind.Person, "Kathleen FitzGibbon", "ambassadrice américaine au Niger"),
            new ExpectedMention("Kenneth Ekman", EntityKind.Person, "Kenneth Ekman", "major-général"),
            new ExpectedMention("Christopher Maier", EntityKind.Person, "Christopher Maier", "secrétaire adjoint à la Défense"),
            new ExpectedMention("Dagvin Anderson", EntityKind.Person, "Dagvin Anderson", "lieutenant-général"),
            new ExpectedMention("Pat Ryder", EntityKind.Person, "Pat Ryder", "secrétaire de presse du Pentagone"),
            new ExpectedMention("Ryder", EntityKind.Person, "Pat Ryder", Occurrence: 2),
            new ExpectedMention("Kurt M. Campbell", EntityKind.Person, "Kurt Campbell", "secrétaire d’État adjoint"),
            new ExpectedMention("Département d'État", EntityKind.Organization, "United States Department of State"),
            new ExpectedMention("Pentagone", EntityKind.Organization, "The Pentagon"),
            new ExpectedMention("Niger", EntityKind.Location, "Niger"),
            new ExpectedMention("Niamey", EntityKind.Location, "Niamey"),
            new ExpectedMention("CNSP", EntityKind.Organization, "CNSP"));
        new QuotesStage().Process(document, StageContext.Default);
        return document;
    }

    [Fact]
    public void Sample1_ThreeDirectQuotesByTheAnonymousOfficial_ThroughTheWashingtonPost()
    {
        Document document = Sample1();
        QuoteView[] direct = [.. document.Quotes.Where(q => q.Kind == QuoteKind.Direct).Select(q => QuoteView.Of(document, q))];
        Assert.Equal(3, direct.Length);
        Assert.StartsWith("Le Premier ministre nous a demandé", direct[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Nous avons convenu", direct[1].Text, StringComparison.Ordinal);
        Assert.StartsWith("Ils ont convenu", direct[2].Text, StringComparison.Ordinal);
        foreach (QuoteView view in direct)
        {
            Assert.Equal(Official, view.Speaker);
            Assert.Null(view.SpeakerEntityId);
            Assert.Equal("United States Department of State", view.SpeakerOrganization);
            Assert.NotNull(view.Conduit);
            Assert.EndsWith("Washington Post", view.Conduit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Sample1_IllegaleIsAScareQuote()
    {
        Document document = Sample1();
        Quote scare = Assert.Single(document.Quotes, q => document.TextOf(q.Content).SequenceEqual("illégale"));
        Assert.Equal(QuoteKind.Scare, scare.Kind);
        Assert.Null(scare.Speaker);
        Assert.Equal(-1, scare.SpeakerMention);
    }

    [Fact]
    public void Sample2_ThreeDirectQuotesByPatRyder()
    {
        Document document = Sample2();
        QuoteView[] direct = [.. document.Quotes.Where(q => q.Kind == QuoteKind.Direct).Select(q => QuoteView.Of(document, q))];
        Assert.Equal(3, direct.Length);
        Assert.StartsWith("des discussions ont commencé", direct[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Nous allons continuer", direct[1].Text, StringComparison.Ordinal);
        Assert.Equal("Nous continuons de prendre la menace terroriste au sérieux", direct[2].Text);
        Assert.All(direct, view => Assert.Equal("Pat Ryder", view.SpeakerCanonical));
        Assert.Equal("il", direct[2].Speaker);
        Assert.Equal("a-t-il déclaré", direct[2].Cue);
    }

    [Fact]
    public void Sample2_ReportedSentenceBeforeADeclareRyder_IsIndirectByPatRyder()
    {
        Document document = Sample2();
        QuoteView reported = Assert.Single(
            document.Quotes.Select(q => QuoteView.Of(document, q)),
            view => view.Text.StartsWith("Le retrait des troupes américaines", StringComparison.Ordinal));
        Assert.Equal("indirect", reported.Kind);
        Assert.Equal("Ryder", reported.Speaker);
        Assert.Equal("Pat Ryder", reported.SpeakerCanonical);
        Assert.Equal("a déclaré", reported.Cue);
        Assert.EndsWith("en Afrique de l’Ouest et au Sahel", reported.Text, StringComparison.Ordinal);
    }
}
