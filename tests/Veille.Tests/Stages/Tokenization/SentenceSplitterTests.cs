using System.Collections.Immutable;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Tokenization;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Il part. Elle reste! Pourquoi? Ainsi… Fin", "Il part.|Elle reste!|Pourquoi?|Ainsi…|Fin")]
    [InlineData("Il part... Elle reste", "Il part...|Elle reste")]
    [InlineData("Il hésita… puis partit.", "Il hésita… puis partit.")]
    public void SentenceSplitter_EndsSentencesAtFinalMarks(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("Un titre\nUne phrase. Une autre", "Un titre|Une phrase.|Une autre")]
    [InlineData("Premier\n\nSecond", "Premier|Second")]
    [InlineData("Voir M.\nSuite", "Voir M.|Suite")]
    public void SentenceSplitter_EndsSentencesAtLineBreaks(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("M. Dupont est là. Kurt M. Campbell aussi.", "M. Dupont est là.|Kurt M. Campbell aussi.")]
    [InlineData("Mr. Smith and Dr. Who in the U.S. army.", "Mr. Smith and Dr. Who in the U.S. army.")]
    [InlineData("Il a 3,5 ans. Oui.", "Il a 3,5 ans.|Oui.")]
    [InlineData("En 52 av. J.-C. César vint.", "En 52 av. J.-C. César vint.")]
    [InlineData("Des pommes, etc. Le lendemain.", "Des pommes, etc.|Le lendemain.")]
    [InlineData("Des pommes, etc. et des poires.", "Des pommes, etc. et des poires.")]
    public void SentenceSplitter_DoesNotEndAfterAbbreviationsInitialsOrDecimals(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("« Nous partirons. » Puis il partit.", "« Nous partirons. »|Puis il partit.")]
    [InlineData("Une présence « illégale ». Ensuite.", "Une présence « illégale ».|Ensuite.")]
    [InlineData("He said \"yes.\" Then he left.", "He said \"yes.\"|Then he left.")]
    [InlineData("(C'est fini.) Oui.", "(C'est fini.)|Oui.")]
    [InlineData("He left. \"Why?\" she asked.", "He left.|\"Why?\" she asked.")]
    public void SentenceSplitter_KeepsClosingQuotesAndBracketsWithTheSentence(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("« Pourquoi ? » demanda-t-il.", "« Pourquoi ? » demanda-t-il.")]
    [InlineData("« Non ! », a-t-elle dit.", "« Non ! », a-t-elle dit.")]
    public void SentenceSplitter_ContinuesAfterQuotedQuestionBeforeLowercase(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void SentenceSplitter_PartitionsTokensInOrder()
    {
        const string text = "Un. Deux ! « Trois ? »\nQuatre";
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        ImmutableArray<Sentence> sentences = SentenceSplitter.Split(text, tokens);
        TokenizationInvariants.AssertPartition(tokens, sentences);
        Assert.Equal(4, sentences.Length);
    }

    [Fact]
    public void SentenceSplitter_ReturnsNoSentencesWithoutTokens() =>
        Assert.Empty(SentenceSplitter.Split("  ", []));

    private static string Render(string text)
    {
        ImmutableArray<Sentence> sentences = SentenceSplitter.Split(text, TokenScanner.Scan(text));
        return string.Join('|', sentences.Select(sentence => text[sentence.Span.Start..sentence.Span.End]));
    }
}
