using Veille.Stages.Dates.Evaluation;

namespace Veille.Tests.Stages.Dates;

public sealed class EvaluationTests
{
    private static string Shared(params string[] parts) => Path.Combine([SharedData.Directory!, .. parts]);

    [Fact]
    public void TimeMLDocument_StripsTagsAndKeepsTimexSpans()
    {
        const string xml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-20\" functionInDocument=\"CREATION_TIME\">Jan. 20</TIMEX3></DCT>"
            + "<TEXT>He left <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-01-19\">yesterday</TIMEX3> &amp; <EVENT eid=\"e1\">came</EVENT> back.</TEXT></TimeML>";
        TimeMLDocument document = TimeMLDocument.Parse(xml);
        Assert.Equal("He left yesterday & came back.", document.Text);
        Assert.Equal(new DateTimeOffset(1998, 1, 20, 0, 0, 0, TimeSpan.Zero), document.CreationTime);
        (Model.TextSpan span, string value) = Assert.Single(document.Timexes);
        Assert.Equal("yesterday", document.Text[span.Start..span.End]);
        Assert.Equal("1998-01-19", value);
    }

    [Fact]
    public void SkipList_EveryRuleHasAReason()
    {
        Assert.NotEmpty(RecognizersSpecRunner.SkipList);
        Assert.All(RecognizersSpecRunner.SkipList, rule => Assert.False(string.IsNullOrWhiteSpace(rule.Reason)));
    }

    [SharedDataFact]
    public void TimeML_French_ValueF1AboveFloor()
    {
        TimexReport report = TimexEvaluator.Evaluate(Shared("timeml-fr-ftib-dev"), "fr");
        Assert.True(report.Documents >= 50);
        Assert.True(report.Relaxed.F1 >= 0.85, $"relaxed F1 {report.Relaxed.F1:F3}");
        Assert.True(report.Value.F1 >= 0.76, $"value F1 {report.Value.F1:F3}");
    }

    [SharedDataFact]
    public void TimeML_English_ValueF1AboveFloor()
    {
        TimexReport report = TimexEvaluator.Evaluate(Shared("timeml-en-tbaq"), "en");
        Assert.True(report.Documents >= 250);
        Assert.True(report.Relaxed.F1 >= 0.88, $"relaxed F1 {report.Relaxed.F1:F3}");
        Assert.True(report.Value.F1 >= 0.74, $"value F1 {report.Value.F1:F3}");
    }

    [SharedDataFact]
    public void RecognizersSpecs_PassRateAboveFloor()
    {
        RecognizersReport report = RecognizersSpecRunner.Run(Shared("recognizers-specs"));
        Assert.Equal(86 - 2, report.Files.Count);
        Assert.True(report.PassRate >= 0.23, $"pass rate {report.PassRate:P1}");
        foreach (RecognizersFileResult file in report.Files)
        {
            // Skipped cases are never silent: each carries a reason of the skip list.
            Assert.Equal(file.Skipped, file.SkipReasons.Values.Sum());
        }
    }
}
