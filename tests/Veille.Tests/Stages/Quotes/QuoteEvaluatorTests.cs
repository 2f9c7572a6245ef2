using Veille.Stages.Quotes;

namespace Veille.Tests.Stages.Quotes;

public sealed class QuoteEvaluatorTests
{
    private const string Text = "“We are ready,” the minister said. Talks will resume in Geneva, officials said.";

    private const string Annotation =
        "T1\tContent 0 15\t“We are ready,”\n" +
        "T2\tSource 16 28\tthe minister\n" +
        "T3\tCue 29 33\tsaid\n" +
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n" +
        "T5\tContent 35 62;62 62\tTalks will resume in Geneva\n" +
        "T6\tSource 64 73\tofficials\n" +
        "E2\tAttribution:T7 Content:T5 Source:T6\n";

    [Fact]
    public void ParseBrat_ReadsContentSourceAndDiscontinuousRanges()
    {
        IReadOnlyList<GoldAttribution> gold = QuoteEvaluator.ParseBrat(Annotation, Text);
        Assert.Equal(2, gold.Count);
        Assert.True(gold[0].IsDirect);
        Assert.False(gold[1].IsDirect);
        Assert.Equal(2, gold[1].Content.Length);
        Assert.Equal("officials", Text[gold[1].Source[0].Start..gold[1].Source[0].End]);
    }

    [Fact]
    public void Evaluate_MatchesBothQuotesAndTheirSpeakers()
    {
        IReadOnlyList<GoldAttribution> gold = QuoteEvaluator.ParseBrat(Annotation, Text);
        QuoteEvaluation evaluation = QuoteEvaluator.Evaluate([("doc", Text, gold)], "en", QuoteEvaluator.DefaultThresholds);
        QuoteScore all = evaluation.All[0];
        Assert.Equal(2, all.Gold);
        Assert.Equal(2, all.Predicted);
        Assert.Equal(1.0, all.F1);
        Assert.Equal(1.0, all.SpeakerAccuracy);
        Assert.Equal(1, evaluation.Direct[0].Gold);
        Assert.Equal(1, evaluation.Indirect[0].Gold);
    }

    [SharedDataFact]
    public void PolNeArDev_DirectQuotesMeetTheTargets()
    {
        string folder = Path.Combine(SharedData.Directory!, "quotes-polnear-en");
        QuoteEvaluation evaluation = QuoteEvaluator.EvaluateBratFolder(folder, "dev");
        Assert.Equal(84, evaluation.Documents);
        Assert.True(evaluation.Direct[0].F1 >= 0.88, $"direct F1 at 30%: {evaluation.Direct[0].F1:F3}");
        Assert.True(evaluation.Direct[1].SpeakerAccuracy >= 0.88, $"direct speaker accuracy at 80%: {evaluation.Direct[1].SpeakerAccuracy:F3}");
    }
}
