using Veille.Html.Evaluation;
using Veille.Tests;

namespace Veille.Html.Tests;

public sealed class ExtractionEvaluatorTests
{
    [Fact]
    public void Score_MatchesWhiteSpaceNormalisedSegments()
    {
        var page = new ExtractionCase("u", "f", "<p/>", ["the  main\ntext", "missing"], ["Impressum", "absent"]);

        SegmentCounts counts = ExtractionEvaluator.Score("Title\n\nthe main   text here. Impressum", page);

        Assert.Equal(new SegmentCounts(TruePositives: 1, FalseNegatives: 1, FalsePositives: 1, TrueNegatives: 1), counts);
        Assert.Equal(0.5, counts.F1, 6);
    }

    [Fact]
    public void Evaluate_FailedPage_CountsAsNothingFound()
    {
        ExtractionCase[] cases = [new("a", "a.html", "<p>x</p>", ["x"], ["y"]), new("b", "b.html", null, ["z"], [])];

        ExtractionScore score = ExtractionEvaluator.Evaluate("test", cases, (html, url) => url == "a" ? "x" : throw new InvalidOperationException(), threads: 2);

        Assert.Equal(new SegmentCounts(1, 1, 0, 1), score.Counts);
        Assert.Equal(2, score.Pages);
    }

    [SharedDataFact]
    public void ExtractionDev_Slice_BeatsFloorAndRunsSmartReader()
    {
        string folder = Path.Combine(SharedData.Directory!, "extraction-dev");
        IReadOnlyList<ExtractionCase> cases = ExtractionDataSet.Load(folder, limit: 60);

        ExtractionScore veille = ExtractionEvaluator.Evaluate("veille", cases, (html, url) => HtmlExtractor.Extract(html, url).Text, Environment.ProcessorCount);
        ExtractionScore smartReader = ExtractionEvaluator.Evaluate("smartreader", cases, SmartReaderBaseline.Extract, Environment.ProcessorCount);

        Assert.Equal(0, veille.Failed);
        Assert.True(veille.Counts.F1 >= 0.85, $"Veille F1 {veille.Counts.F1:F3} on the first 60 pages");
        Assert.True(smartReader.Counts.F1 > 0.5, $"SmartReader F1 {smartReader.Counts.F1:F3}");
    }
}
