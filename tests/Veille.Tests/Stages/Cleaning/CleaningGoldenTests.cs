using System.Text;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Cleaning;

namespace Veille.Tests.Stages.Cleaning;

public sealed class CleaningGoldenTests
{
    public static IEnumerable<object[]> Cases => GoldenFile.Cases("cleaning");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cleaning_MatchesGoldenFile(string name)
    {
        GoldenFile golden = GoldenFile.Load("cleaning", name);
        var document = new Document(golden.Input);
        new CleaningStage().Process(document, StageContext.Default);
        golden.Verify(Render(document));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Cleaning_GoldenInDefaultPipeline_GivesSameText(string name)
    {
        GoldenFile golden = GoldenFile.Load("cleaning", name);
        var alone = new Document(golden.Input);
        new CleaningStage().Process(alone, StageContext.Default);
        var full = new Document(golden.Input);
        StageCatalog.CreateDefault().Process(full);
        Assert.Equal(alone.Text, full.Text);
        Assert.Equal(alone.Title, full.Title);
    }

    /// <summary>Title, removed lines (reason | text), then the cleaned text.</summary>
    internal static string Render(Document document)
    {
        var builder = new StringBuilder();
        builder.Append("title: ").Append(document.Title ?? "(none)").Append('\n');
        foreach (RemovedLine line in document.RemovedLines)
        {
            builder.Append("removed: ").Append(line.Reason).Append(" | ").Append(line.Text).Append('\n');
        }

        builder.Append("---\n").Append(document.Text);
        return builder.ToString();
    }
}
