using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Entities;
using Veille.Stages.Entities.Recognition;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class NamedEntityTaggerTests
{
    [Fact]
    public void Tag_FindsPeopleAndPlacesInFrench()
    {
        Document document = Tokenized("Le secrétaire d'État adjoint Kurt Campbell a rencontré le Premier ministre Ali Lamine Zeine à Niamey.", "fr");

        Assert.Equal(["PER Kurt Campbell", "PER Ali Lamine Zeine", "LOC Niamey"], Describe(document, NamedEntityTagger.Default.Tag(document)));
    }

    [Fact]
    public void Tag_FindsPeopleAndPlacesInEnglish()
    {
        Document document = Tokenized("Secretary of State Antony Blinken met officials in Paris.", "en");

        Assert.Equal(["PER Antony Blinken", "LOC Paris"], Describe(document, NamedEntityTagger.Default.Tag(document)));
    }

    [Fact]
    public void Tag_UsesTheSharedModelForOtherLanguages()
    {
        Document document = Tokenized("Angela Merkel besuchte Paris.", "de");

        Assert.Contains("PER Angela Merkel", Describe(document, NamedEntityTagger.Default.Tag(document)));
    }

    [Fact]
    public void Tag_ConfidenceIsAProbability()
    {
        Document document = Tokenized("Kurt Campbell est arrivé à Niamey.", "fr");

        Assert.All(NamedEntityTagger.Default.Tag(document), mention => Assert.InRange(mention.Confidence, 0f, 1f));
    }

    [Fact]
    public void Tag_EmptyDocumentHasNoMentions()
    {
        Assert.Empty(NamedEntityTagger.Default.Tag(Tokenized("", "fr")));
    }

    [Fact]
    public void Tag_RequiresTokensAndSentences()
    {
        Assert.Throws<InvalidOperationException>(() => NamedEntityTagger.Default.Tag(TestDocuments.Cleaned("Kurt Campbell", "fr")));
    }

    [Fact]
    public void TagTokens_ReturnsOneTagPerToken()
    {
        string[] tags = NamedEntityTagger.Default.TagTokens(["Emmanuel", "Macron", "à", "Berlin"], "fr");

        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC"], tags);
    }

    [Fact]
    public void Tag_IsThreadSafe()
    {
        Document document = Tokenized("Le secrétaire d'État adjoint Kurt Campbell a rencontré le Premier ministre Ali Lamine Zeine à Niamey.", "fr");
        string[] expected = Describe(document, NamedEntityTagger.Default.Tag(document));

        Parallel.For(0, 64, _ => Assert.Equal(expected, Describe(document, NamedEntityTagger.Default.Tag(document))));
    }

    [Fact]
    public void Issue_MiddleInitialIsNotAFrenchTitle()
    {
        Document document = Tokenized("Le secrétaire d’État adjoint Kurt M. Campbell se rendra à Niamey dans les prochains mois.", "fr");

        Assert.Contains("PER Kurt M. Campbell", Describe(document, NamedEntityTagger.Default.Tag(document)));
    }

    [Fact]
    public void Issue_CompassPointJoinsItsPlace()
    {
        Document document = Tokenized("Les États-Unis vont maintenir leur partenariat avec l'Afrique de l'Ouest et les pays du Sahel.", "fr");

        Assert.Contains("LOC Afrique de l'Ouest", Describe(document, NamedEntityTagger.Default.Tag(document)));
    }

    [Fact]
    public void Issue_NoPersonAfterADefiniteArticle()
    {
        Document document = Tokenized("Le ministère enverra une petite délégation du Pentagone et du Commandement américain.", "fr");

        Assert.DoesNotContain("PER Pentagone", Describe(document, NamedEntityTagger.Default.Tag(document)));
    }

    [Fact]
    public void Tag_SurnameAloneAfterTheFullName_IsTheSamePerson()
    {
        Document document = Tokenized("Le général Pat Ryder a indiqué que les discussions ont commencé. Le retrait ne signifie pas la fin de la mission, a déclaré Ryder.", "fr");

        Assert.Equal(["PER Pat Ryder", "PER Ryder"], Describe(document, NamedEntityTagger.Default.Tag(document)).Where(text => text.StartsWith("PER", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tag_PlaceHeadInLowercaseJoinsTheName()
    {
        Document document = Tokenized("Le navire a traversé la mer Noire avant de rejoindre le golfe de Guinée.", "fr");

        string[] found = Describe(document, NamedEntityTagger.Default.Tag(document));

        Assert.Contains("LOC golfe de Guinée", found);
    }

    private static Document Tokenized(string text, string language)
    {
        Document document = TestDocuments.Cleaned(text, language);
        new TokenizationStage().Process(document, StageContext.Default);
        return document;
    }

    private static string[] Describe(Document document, IReadOnlyList<RecognizedMention> mentions) =>
        mentions.Select(mention =>
        {
            Token first = document.Tokens[mention.Tokens.Start];
            Token last = document.Tokens[mention.Tokens.End - 1];
            string type = mention.Kind switch
            {
                EntityKind.Person => "PER",
                EntityKind.Organization => "ORG",
                EntityKind.Location => "LOC",
                _ => "MISC",
            };
            return $"{type} {document.Text[first.Span.Start..last.Span.End]}";
        }).ToArray();
}
