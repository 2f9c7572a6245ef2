using System.Text;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Cleaning;

namespace Veille.Tests.Stages.Cleaning;

public sealed class CleaningStageTests
{
    private static Document Clean(string raw, StageContext? context = null, SourceInfo? source = null)
    {
        var document = new Document(raw, source);
        new CleaningStage().Process(document, context ?? StageContext.Default);
        return document;
    }

    [Fact]
    public void Cleaning_Sample1_DetectsTitleAndRemovesFiveDebrisLines()
    {
        Document document = Clean(TestDocuments.Sample1);
        Assert.Equal("Les États-Unis acceptent de retirer leurs forces du Niger", document.Title);
        Assert.Equal(["0", "236", "LEAVE A REPLY", "Please enter your comment!", "Please enter your name here"], document.RemovedLines.Select(line => line.Text));
        foreach (RemovedLine line in document.RemovedLines)
        {
            Assert.DoesNotContain("\n" + line.Text + "\n", "\n" + document.Text + "\n", StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cleaning_Sample2_HasNoTitleAndRemovesNothing()
    {
        Document document = Clean(TestDocuments.Sample2);
        Assert.Null(document.Title);
        Assert.Empty(document.RemovedLines);
    }

    [Theory]
    [InlineData("000_c2b475aff80ba1f6.txt")]
    [InlineData("002_077823ae67d334e0.txt")]
    public void Cleaning_Samples_KeepEverySentence(string file)
    {
        string raw = File.ReadAllText(Repository.PathOf("samples", file));
        Document document = Clean(raw);
        string normalizedText = Collapse(document.Text);
        foreach (string line in raw.Split('\n'))
        {
            string content = Collapse(line);
            if (content.Length > 40)
            {
                Assert.Contains(content, normalizedText, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Cleaning_OffsetMap_PointsEachCharacterBackToTheSameRawCharacter()
    {
        string raw = "Titre court\r\n\r\n  0  \n\nPremière  phrase\u00A0« ici ».\t Deuxième.\n\n\n236";
        Document document = Clean(raw);
        for (int i = 0; i < document.Text.Length; i++)
        {
            char c = document.Text[i];
            char source = raw[document.OffsetMap.ToRaw(i)];
            Assert.True(c == source || (char.IsWhiteSpace(c) && char.IsWhiteSpace(source)), $"offset {i}: '{c}' maps to '{source}'");
        }
    }

    [Fact]
    public void Cleaning_ComposesDecomposedAccentsToNfc()
    {
        string raw = "Les E\u0301tats-Unis ont accepte\u0301 de partir, selon le journal du matin.";
        Document document = Clean(raw);
        Assert.Equal("Les États-Unis ont accepté de partir, selon le journal du matin.", document.Text);
        Assert.True(document.Text.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(raw.IndexOf("t", 5, StringComparison.Ordinal), document.OffsetMap.ToRaw(document.Text.IndexOf("t", 5, StringComparison.Ordinal)));
    }

    [Fact]
    public void Cleaning_CollapsesWhitespaceAndKeepsNoBreakSpaceBeforeFrenchPunctuation()
    {
        Document document = Clean("Il a dit  \t «\u00A0oui\u00A0» et   puis : rien.");
        Assert.Equal("Il a dit «\u00A0oui\u00A0» et puis : rien.", document.Text);
    }

    [Fact]
    public void Cleaning_RemovesControlCharactersAndBom()
    {
        Document document = Clean("\uFEFFUne phrase\u0000 avec un NUL et un trait\u00AD d'union conditionnel.");
        Assert.Equal("Une phrase avec un NUL et un trait d'union conditionnel.", document.Text);
    }

    [Fact]
    public void Cleaning_RemovesLinesRepeatedAcrossDocumentsOfTheSameSource()
    {
        var counter = new RepeatedLineCounter(minimumDocuments: 3);
        for (int i = 0; i < 3; i++)
        {
            counter.Add("lemonde", $"Article numéro {i} sur un sujet.\nAbonnez-vous au Monde Premium dès 1 euro");
        }

        var context = new StageContext { RepeatedLines = counter };
        Document document = Clean("Un article sur un autre sujet, assez long pour compter.\nAbonnez-vous au Monde Premium dès 1 euro", context, new SourceInfo(Source: "lemonde"));
        Assert.Equal("Un article sur un autre sujet, assez long pour compter.", document.Text);
        Assert.Equal("repeated-in-source", Assert.Single(document.RemovedLines).Reason);

        Document other = Clean("Un article.\nAbonnez-vous au Monde Premium dès 1 euro", context, new SourceInfo(Source: "liberation"));
        Assert.Empty(other.RemovedLines);
    }

    [Theory]
    [InlineData("Lire aussi : La junte nigérienne dénonce l'accord")]
    [InlineData("Read more: Niger junta ends the accord")]
    [InlineData("We use cookies to improve your experience on our site. By continuing you accept them.")]
    [InlineData("Abonnez-vous à notre newsletter")]
    [InlineData("1,2k partages")]
    [InlineData("Share on Facebook")]
    public void Cleaning_RemovesBoilerplatePatternsAnywhere(string boilerplate)
    {
        Document document = Clean($"Premier paragraphe de l'article, qui dit quelque chose.\n\n{boilerplate}\n\nDernier paragraphe de l'article, qui conclut.");
        Assert.Equal("Premier paragraphe de l'article, qui dit quelque chose.\n\nDernier paragraphe de l'article, qui conclut.", document.Text);
        Assert.StartsWith("pattern:", Assert.Single(document.RemovedLines).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaning_KeepsNumbersInsideTheArticle()
    {
        Document document = Clean("Un titre sans point\n\nUn paragraphe.\n\n2024\n\nUn autre paragraphe.");
        Assert.Contains("\n2024\n", document.Text, StringComparison.Ordinal);
        Assert.Empty(document.RemovedLines);
    }

    [Theory]
    [InlineData("Une seule ligne sans point final")]
    [InlineData("Une première ligne qui finit par un point.\nLa suite.")]
    [InlineData("")]
    public void Cleaning_NoTitle_WhenTheFirstLineIsNotOne(string raw)
    {
        Assert.Null(Clean(raw).Title);
    }

    [Fact]
    public void Cleaning_EmptyAndWhitespaceOnlyText_GivesEmptyText()
    {
        Assert.Equal("", Clean("  \n\t\n ").Text);
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\u00A0', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}
