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
        Assert.Equal(new TokenizationScore(1, 0, 6, 6, 6), score);
        Assert.Equal(1.0, score.F1);
    }

    [Fact]
    public void TokenizationEvaluator_SkipsSentencesWhoseFormsDoNotSpellTheText()
    {
        const string conllu = "# text = a b\n1\tc\t_\t_\t_\t_\t0\troot\t_\t_\n\n";
        Assert.Equal(new TokenizationScore(0, 1, 0, 0, 0), TokenizationEvaluator.Evaluate(new StringReader(conllu)));
    }

    [Theory]
    [InlineData("ud-fr-gsd/fr_gsd-ud-dev.conllu", 0.99)]
    [InlineData("ud-fr-gsd/fr_gsd-ud-test.conllu", 0.99)]
    [InlineData("ud-en-ewt/en_ewt-ud-dev.conllu", 0.97)]
    [InlineData("ud-en-ewt/en_ewt-ud-test.conllu", 0.97)]
    public void TokenizationEvaluator_ScoresUniversalDependenciesAboveFloor(string file, double floor)
    {
        string path = Path.Combine("/work/shared/data", file);
        if (!File.Exists(path))
        {
            output.WriteLine($"{path} not found; skipped.");
            return;
        }

        using StreamReader reader = File.OpenText(path);
        TokenizationScore score = TokenizationEvaluator.Evaluate(reader);
        output.WriteLine(FormattableString.Invariant($"{file}: {score} P={score.Precision:F4} R={score.Recall:F4} F1={score.F1:F4}"));
        Assert.True(score.F1 >= floor, FormattableString.Invariant($"F1 {score.F1:F4} below {floor}"));
    }
}
