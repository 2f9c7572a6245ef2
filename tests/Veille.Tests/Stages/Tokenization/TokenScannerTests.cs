using System.Collections.Immutable;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Tokenization;

public sealed class TokenScannerTests
{
    [Theory]
    [InlineData("l’accord", "l’|accord")]
    [InlineData("l'accord", "l'|accord")]
    [InlineData("L’Afrique D'ailleurs", "L’|Afrique|D'|ailleurs")]
    [InlineData("jusqu’à lorsqu'il puisqu’on", "jusqu’|à|lorsqu'|il|puisqu’|on")]
    [InlineData("qu’il n'a s’est c'est j'ai m'a t'as d’État", "qu’|il|n'|a|s’|est|c'|est|j'|ai|m'|a|t'|as|d’|État")]
    public void TokenScanner_SplitsFrenchElisionsWithTheirApostrophe(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("aujourd'hui", "aujourd'hui")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("presqu’île", "presqu’île")]
    [InlineData("prud'hommes", "prud'hommes")]
    [InlineData("d’aujourd’hui", "d’|aujourd’hui")]
    public void TokenScanner_KeepsLexicalApostrophesInsideWords(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("don't", "do|n't")]
    [InlineData("can’t", "ca|n’t")]
    [InlineData("it's John's", "it|'s|John|'s")]
    [InlineData("they're we've you'll he'd I'm", "they|'re|we|'ve|you|'ll|he|'d|I|'m")]
    [InlineData("DON'T", "DO|N'T")]
    [InlineData("the students' union", "the|students|'|union")]
    public void TokenScanner_SplitsEnglishClitics(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void TokenScanner_MakesGuillemetsTokensAndLeavesNoBreakSpacesInGaps()
    {
        const string text = "«\u00A0illégale\u202F»\u00A0!";
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        Assert.Equal("«|illégale|»|!", Render(text));
        Assert.Equal([TokenKind.Punctuation, TokenKind.Word, TokenKind.Punctuation, TokenKind.Punctuation], tokens.Select(token => token.Kind));
        Assert.True(tokens[0].SpaceAfter);
        Assert.True(tokens[1].SpaceAfter);
        Assert.False(tokens[3].SpaceAfter);
    }

    [Theory]
    [InlineData("1 000 soldats", "1 000|soldats")]
    [InlineData("1\u00A0000\u202F000 euros", "1\u00A0000\u202F000|euros")]
    [InlineData("1.000 1,000 3,5 110", "1.000|1,000|3,5|110")]
    [InlineData("en 2023 1 000 soldats", "en|2023|1 000|soldats")]
    [InlineData("12 34 et 1 0000", "12|34|et|1|0000")]
    [InlineData("50% et 3,5 %", "50|%|et|3,5|%")]
    [InlineData("14:30 25/04/2024 303-832-8160 -5", "14:30|25/04/2024|303-832-8160|-|5")]
    [InlineData("2023-2024 en 2023. 1971-72", "2023-2024|en|2023|.|1971-72")]
    public void TokenScanner_KeepsGroupedNumbersWhole(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("1er")]
    [InlineData("2e")]
    [InlineData("3ème")]
    [InlineData("21st")]
    [InlineData("2nd")]
    [InlineData("1 000")]
    [InlineData("3,5")]
    public void TokenScanner_MarksNumbersAndOrdinalsAsNumbers(string text)
    {
        Token token = Assert.Single(TokenScanner.Scan(text));
        Assert.Equal(TokenKind.Number, token.Kind);
    }

    [Theory]
    [InlineData("M. Dupont", "M.|Dupont")]
    [InlineData("MM. Dr. Pr. St. Mr. Mrs. Ms.", "MM.|Dr.|Pr.|St.|Mr.|Mrs.|Ms.")]
    [InlineData("U.S. U.K. e.g. i.e. Ph.D.", "U.S.|U.K.|e.g.|i.e.|Ph.D.")]
    [InlineData("52 av. J.-C.", "52|av.|J.-C.")]
    [InlineData("n° 5 No. 5 Jan. Feb.", "n°|5|No.|5|Jan.|Feb.")]
    [InlineData("Kurt M. Campbell", "Kurt|M.|Campbell")]
    [InlineData("etc.", "etc.")]
    [InlineData("etc...", "etc|...")]
    [InlineData("He said No.", "He|said|No|.")]
    [InlineData("la fin.", "la|fin|.")]
    [InlineData("Ils étaient sept. Il est.", "Ils|étaient|sept|.|Il|est|.")]
    public void TokenScanner_KeepsAbbreviationDots(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("États-Unis", "États-Unis")]
    [InlineData("major-général", "major-général")]
    [InlineData("COVID-19", "COVID-19")]
    [InlineData("a-t-il", "a|-t-il")]
    [InlineData("dit-elle", "dit|-elle")]
    [InlineData("est-ce", "est|-ce")]
    [InlineData("add-on", "add-on")]
    [InlineData("rendez-vous peut-être", "rendez-vous|peut-être")]
    public void TokenScanner_KeepsHyphenatedWordsAndSplitsInvertedPronouns(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Theory]
    [InlineData("Voir https://example.com/a?b=1.", "https://example.com/a?b=1", TokenKind.Url)]
    [InlineData("(http://fr.wikipedia.org/wiki/Niger_(pays))", "http://fr.wikipedia.org/wiki/Niger_(pays)", TokenKind.Url)]
    [InlineData("sur www.lemonde.fr, hier", "www.lemonde.fr", TokenKind.Url)]
    [InlineData("sur lemonde.fr.", "lemonde.fr", TokenKind.Url)]
    [InlineData("« https://x.org »", "https://x.org", TokenKind.Url)]
    [InlineData("voir rapport-2024.pdf.", "rapport-2024.pdf", TokenKind.Word)]
    [InlineData("Écrire à jean.dupont@example.org.", "jean.dupont@example.org", TokenKind.Email)]
    public void TokenScanner_KeepsUrlsAndEmailsWholeWithoutTrailingPunctuation(string text, string expected, TokenKind kind)
    {
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        Assert.Contains(tokens, token => token.Kind == kind && text[token.Span.Start..token.Span.End] == expected);
    }

    [Theory]
    [InlineData("Fin... Et ?! Non…", "Fin|...|Et|?!|Non|…")]
    [InlineData("(a) [b] {c}", "(|a|)|[|b|]|{|c|}")]
    [InlineData("€5 #tag @nom", "€|5|#|tag|@|nom")]
    [InlineData("a -- b *** ==== c", "a|--|b|***|====|c")]
    [InlineData("super :) et :-( ou (voir:)", "super|:)|et|:-(|ou|(|voir|:|)")]
    public void TokenScanner_SplitsPunctuationAndSymbols(string text, string expected) =>
        Assert.Equal(expected, Render(text));

    [Fact]
    public void TokenScanner_KeepsSurrogatePairsAndEmojiSequencesWhole()
    {
        const string text = "ok 👍🏽 𝐀𝐁 👩‍💻 🇫🇷";
        Assert.Equal("ok|👍🏽|𝐀𝐁|👩‍💻|🇫🇷", Render(text));
        Assert.Equal(text, TokenText.Rebuild(text, TokenScanner.Scan(text)));
    }

    [Fact]
    public void TokenScanner_ReturnsNoTokensForWhitespace()
    {
        Assert.Empty(TokenScanner.Scan(""));
        Assert.Empty(TokenScanner.Scan(" \n\u00A0\t"));
    }

    [Fact]
    public void TokenScanner_SetsSpaceAfterFromTheFollowingCharacter()
    {
        ImmutableArray<Token> tokens = TokenScanner.Scan("a, b\nc");
        Assert.Equal([false, true, true, false], tokens.Select(token => token.SpaceAfter));
    }

    [Fact]
    public void AbbreviationTable_LoadsBothEmbeddedLanguages()
    {
        Assert.True(AbbreviationTable.Default.Count > 100);
        Assert.True(AbbreviationTable.Default.TryGet("Mme.", out _));
        Assert.True(AbbreviationTable.Default.TryGet("Mrs.", out _));
        Assert.True(AbbreviationTable.Default.TryGet("Etc.", out AbbreviationUse use));
        Assert.Equal(AbbreviationUse.MayEndSentence, use);
        Assert.False(AbbreviationTable.Default.TryGet("m.", out _));
    }

    [Theory]
    [InlineData("ab.")]
    [InlineData("abc.")]
    [InlineData("abc.d")]
    [InlineData("a.")]
    [InlineData("x@a")]
    [InlineData("l'a")]
    [InlineData("1 000 ")]
    [InlineData("www.")]
    [InlineData("aé-")]
    public void TokenScanner_StaysLinearOnLongRepetitiveInput(string unit)
    {
        string text = string.Concat(Enumerable.Repeat(unit, 200_000 / unit.Length));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        SentenceSplitter.Split(text, tokens);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"{stopwatch.Elapsed} for 200k characters of '{unit}'.");
        Assert.Equal(text, TokenText.Rebuild(text, tokens));
    }

    internal static string Render(string text) =>
        string.Join('|', TokenScanner.Scan(text).Select(token => text[token.Span.Start..token.Span.End]));
}
