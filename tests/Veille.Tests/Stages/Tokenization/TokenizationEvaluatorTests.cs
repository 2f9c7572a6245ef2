using Veille.Stages.Tokenization;
using Xunit.Abstractions;

namespace Veille.Tests.Stages.Tokenization;

public sealed class TokenizationEvaluatorTests(ITestOutputHelper output)
{
    [Fact]
    public void TokenizationEvaluator_CountsMultiwordTokensAsTheirWordsWhenTheySpellThem()
    {
        const string conllu = """
            # text = They didn't go du.
            1	They	they	PRON	_	_	0	root	_	_
            2-3	didn't	_	_	_	_	_	_	_	_
            2	did	do	AUX	_	_	0	root	_	_
            3	n't	not	PART	_	_	0	root	_	_
            4	go	go	VERB	_	_	0	root	_	_
            5-6	du	_	_	_	_	_	_	_	SpaceAfter=No
            5	de	de	ADP	_	_	0	root	_	_
            6	le	le	DET	_	_	0	root	_	_
            7	.	.	PUNCT	_	_	0	root	_	_

            """;
        TokenizationScore score = TokenizationEvaluator.Evaluate(new StringReader(conllu));
        Assert.Equal(new BoundaryScore(6, 6, 6), score.Tokens);
        Assert.Equal(1, score.Sentences);
        Assert.Equal(1.0, score.Tokens.F1);
    }

    [Fact]
    public void TokenizationEvaluator_SkipsSentencesWhoseFormsDoNotSpellTheText()
    {
        const string conllu = "# text = a b\n1\tc\t_\t_\t_\t_\t0\troot\t_\t_\n\n";
        TokenizationScore score = TokenizationEvaluator.Evaluate(new StringReader(conllu));
        Assert.Equal((0, 1), (score.Sentences, score.Skipped));
        Assert.Equal(default, score.Tokens);
    }

    [Fact]
    public void TokenizationEvaluator_ScoresSentenceEndsInsideChunks()
    {
        const string conllu = "# text = Il part.\n1\tIl\t_\n2\tpart\t_\n3\t.\t_\n\n# text = M. Dupont reste.\n1\tM.\t_\n2\tDupont\t_\n3\treste\t_\n4\t.\t_\n\n";
        TokenizationScore score = TokenizationEvaluator.Evaluate(new StringReader(conllu));
        Assert.Equal(new BoundaryScore(1, 1, 1), score.SentenceEnds);
    }

    [SharedDataTheory]
    [InlineData("ud-fr-gsd/fr_gsd-ud-dev.conllu", 0.99)]
    [InlineData("ud-fr-gsd/fr_gsd-ud-test.conllu", 0.99)]
    [InlineData("ud-en-ewt/en_ewt-ud-dev.conllu", 0.97)]
    [InlineData("ud-en-ewt/en_ewt-ud-test.conllu", 0.97)]
    public void TokenizationEvaluator_ScoresUniversalDependenciesAboveFloor(string file, double floor)
    {
        string path = Path.Combine(SharedData.Directory!, file);

        using StreamReader reader = File.OpenText(path);
        TokenizationScore score = TokenizationEvaluator.Evaluate(reader);
        output.WriteLine(FormattableString.Invariant(
            $"{file}: {score.Sentences} sentences ({score.Skipped} skipped); tokens P={score.Tokens.Precision:F4} R={score.Tokens.Recall:F4} F1={score.Tokens.F1:F4}; sentence ends P={score.SentenceEnds.Precision:F4} R={score.SentenceEnds.Recall:F4} F1={score.SentenceEnds.F1:F4}"));
        Assert.True(score.Tokens.F1 >= floor, FormattableString.Invariant($"Token F1 {score.Tokens.F1:F4} below {floor}"));
    }
}
