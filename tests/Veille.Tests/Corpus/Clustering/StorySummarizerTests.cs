using Veille.Corpus.Clustering;
using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Tests.Corpus.Clustering;

public sealed class StorySummarizerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Samples_HeadlineIsFirstTitle_SummaryHasTwoToFourSentences()
    {
        Document first = StoryTestDocuments.Sample1;
        Document second = StoryTestDocuments.Sample2;

        StorySummary summary = StorySummarizer.Summarize([first, second]);

        Assert.Equal("Les États-Unis acceptent de retirer leurs forces du Niger", summary.Headline);
        Assert.False(summary.HeadlineGenerated);
        Assert.Equal("fr", summary.Language);
        Assert.InRange(summary.Summary.Length, 2, 4);
        Assert.Equal(summary.Summary.Length, summary.Summary.Select(s => s.Text).Distinct().Count());
        Assert.Equal(2, summary.Members.Length);
        foreach (SummarySentence sentence in summary.Summary)
        {
            output.WriteLine(FormattableString.Invariant($"{sentence.Score:F3} {sentence.Document}: {sentence.Text}"));
        }
    }

    [Fact]
    public void Duplicates_CountOnce()
    {
        Document first = StoryTestDocuments.Sample1;
        Document copy = StoryTestDocuments.Annotate(TestDocuments.Sample1 + "\nPublicité");
        var link = new DuplicateLink(copy.Id, first.Id, 0.95, DuplicateReason.NearDuplicate);

        StorySummary summary = StorySummarizer.Summarize([first, copy], duplicates: [link]);

        Assert.All(summary.Summary, sentence => Assert.Equal(first.Id, sentence.Document));
        Assert.Equal(first.Id, summary.Members[1].DuplicateOf);
    }

    [Fact]
    public void NoTitle_GeneratesHeadline()
    {
        Document document = StoryTestDocuments.Annotate("Le gouvernement a annoncé mardi un plan de soutien aux agriculteurs touchés par la sécheresse. Les aides seront versées dès le mois prochain, a précisé le ministre. Les syndicats agricoles jugent le montant insuffisant et appellent à manifester.");

        StorySummary summary = StorySummarizer.Summarize([document]);

        Assert.True(summary.HeadlineGenerated || summary.Headline.Length > 0);
        Assert.NotEmpty(summary.Headline);
    }
}
