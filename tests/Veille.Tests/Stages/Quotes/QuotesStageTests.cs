using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Quotes;

namespace Veille.Tests.Stages.Quotes;

public sealed class QuotesStageTests
{
    private static Document Run(string text, string language, params ExpectedMention[] mentions)
    {
        Document document = QuoteTestDocuments.Build(text, language, mentions);
        new QuotesStage().Process(document, StageContext.Default);
        return document;
    }

    [Fact]
    public void Info_DeclaresItsContract()
    {
        StageInfo info = new QuotesStage().Info;
        Assert.Equal("quotes", info.Name);
        Assert.Equal(Layers.Text | Layers.Tokens | Layers.Sentences | Layers.Mentions, info.Requires);
        Assert.Equal(Layers.Quotes, info.Produces);
    }

    [Theory]
    [InlineData("« Nous resterons sur place », a déclaré le ministre.")]
    [InlineData("«\u00A0Nous resterons sur place\u00A0», a déclaré le ministre.")]
    [InlineData("“Nous resterons sur place”, a déclaré le ministre.")]
    [InlineData("„Nous resterons sur place“, a déclaré le ministre.")]
    [InlineData("\"Nous resterons sur place\", a déclaré le ministre.")]
    [InlineData("‹ Nous resterons sur place ›, a déclaré le ministre.")]
    [InlineData("« Nous resterons sur place\", a déclaré le ministre.")]
    public void Notations_AllGiveTheSameQuote(string text)
    {
        Document document = Run(text, "fr");
        QuoteView view = QuoteView.Of(document, Assert.Single(document.Quotes));
        Assert.Equal("Nous resterons sur place", view.Text);
        Assert.Equal("direct", view.Kind);
        Assert.Equal("le ministre", view.Speaker);
        Assert.Equal("a déclaré", view.Cue);
    }

    [Fact]
    public void ScareQuote_WithoutCue_IsNotAttributed()
    {
        Document document = Run("Le groupe a joué \"American Pie\" à la fin du concert.", "fr");
        Quote quote = Assert.Single(document.Quotes);
        Assert.Equal(QuoteKind.Scare, quote.Kind);
        Assert.Null(quote.Speaker);
        Assert.Null(quote.Cue);
    }

    [Fact]
    public void ShortQuote_WithCue_IsDirect()
    {
        Document document = Run("« Jamais », a répondu le ministre.", "fr");
        Assert.Equal(QuoteKind.Direct, Assert.Single(document.Quotes).Kind);
    }

    [Fact]
    public void UnclosedQuote_AtParagraphEnd_IsIgnored()
    {
        Document document = Run("Il a dit « bonjour à tous\nLe lendemain, rien.", "fr");
        Assert.DoesNotContain(document.Quotes, quote => quote.Kind == QuoteKind.Direct);
    }

    [Fact]
    public void Pronoun_ResolvesToTheLastPersonSpeaker()
    {
        Document document = Run(
            "« Le calendrier tiendra », a déclaré Jean Dupont. « Nous sommes prêts pour la suite », a-t-il ajouté.",
            "fr",
            new ExpectedMention("Jean Dupont", EntityKind.Person, "Jean Dupont"));
        QuoteView second = QuoteView.Of(document, document.Quotes[1]);
        Assert.Equal("il", second.Speaker);
        Assert.Equal("Jean Dupont", second.SpeakerCanonical);
        Assert.Equal("person:Jean Dupont", second.SpeakerEntityId);
    }

    [Fact]
    public void Description_ResolvesThroughARoleSynonym()
    {
        Document document = Run(
            "Le secrétaire de presse du Pentagone, Pat Ryder, a parlé mardi. Le porte-parole du Pentagone a fait savoir que les troupes resteraient encore deux mois.",
            "fr",
            new ExpectedMention("Pat Ryder", EntityKind.Person, "Pat Ryder", "secrétaire de presse du Pentagone"));
        QuoteView view = QuoteView.Of(document, Assert.Single(document.Quotes));
        Assert.Equal("le porte-parole du Pentagone", view.Speaker, ignoreCase: true);
        Assert.Equal("Pat Ryder", view.SpeakerCanonical);
    }

    [Fact]
    public void IndefiniteDescription_StaysAnonymous()
    {
        Document document = Run(
            "Pat Ryder était présent. « Nous partirons en bon ordre », a déclaré un responsable du Pentagone.",
            "fr",
            new ExpectedMention("Pat Ryder", EntityKind.Person, "Pat Ryder", "porte-parole du Pentagone"),
            new ExpectedMention("Pentagone", EntityKind.Organization, "The Pentagon"));
        QuoteView view = QuoteView.Of(document, Assert.Single(document.Quotes));
        Assert.Equal("un responsable du Pentagone", view.Speaker);
        Assert.Null(view.SpeakerCanonical);
        Assert.Equal("The Pentagon", view.SpeakerOrganization);
    }

    [Fact]
    public void Conduit_IsSeparateFromTheSpeaker()
    {
        Document document = Run("“We are ready for the next phase,” the minister told Reuters in an interview.", "en");
        QuoteView view = QuoteView.Of(document, Assert.Single(document.Quotes));
        Assert.Equal("the minister", view.Speaker);
        Assert.Equal("Reuters", view.Conduit);
    }

    [Fact]
    public void Stage_WithoutTokens_WritesAnEmptyLayer()
    {
        Document document = TestDocuments.Cleaned("", "fr");
        document.SetTokens([]);
        document.SetSentences([]);
        document.SetMentions([], []);
        new QuotesStage().Process(document, StageContext.Default);
        Assert.True(document.Has(Layers.Quotes));
        Assert.Empty(document.Quotes);
    }

    [Fact]
    public void Stage_NeverThrows_OnRandomText()
    {
        var random = new Random(42);
        const string alphabet = "ab cdeé«»“”„\"'‘’‹›,.;:!?-—―\n()X Y Z said a déclaré que selon according to il he";
        for (int round = 0; round < 300; round++)
        {
            char[] chars = new char[random.Next(0, 200)];
            for (int i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string text = new(chars);
            foreach (string language in new[] { "fr", "en", "und" })
            {
                Document document = Run(text, language);
                foreach (Quote quote in document.Quotes)
                {
                    Assert.InRange(quote.Content.End, quote.Content.Start, text.Length);
                    Assert.True(quote.Speaker is null || quote.Speaker.Value.End <= text.Length);
                }
            }
        }
    }

    [Fact]
    public void CueLists_LoadFromDataFiles()
    {
        Assert.True(QuoteLexicon.French.CueCount > 3000);
        Assert.True(QuoteLexicon.English.CueCount > 200);
        Assert.True(QuoteLexicon.English.AllowsBareComplement);
        Assert.False(QuoteLexicon.French.AllowsBareComplement);
    }

    [Fact]
    public void Stage_IsDeterministicUnderAForeignCulture()
    {
        System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
        try
        {
            Document document = Run("“It is INDEED ready,” said İsmail Yılmaz, the İzmir governor.", "en");
            Assert.Equal("İsmail Yılmaz", QuoteView.Of(document, Assert.Single(document.Quotes)).Speaker);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
