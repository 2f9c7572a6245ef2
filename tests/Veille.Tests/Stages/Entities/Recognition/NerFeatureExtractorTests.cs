using FsCheck.Xunit;
using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class NerFeatureExtractorTests
{
    private const int Bits = 16;

    private static readonly NerLexicon Lexicon = CreateLexicon();

    [Fact]
    public void Extract_DependsOnTokensNotOnOffsets()
    {
        int[] first = Extract("Kurt Campbell à Niamey", [0, 5, 14, 16], [4, 13, 15, 22]);
        int[] second = Extract("  Kurt   Campbell  à Niamey", [2, 9, 19, 21], [6, 17, 20, 27]);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Extract_LexiconMatchChangesFeatures()
    {
        int[] known = Extract("à Niamey", [0, 2], [1, 8]);
        int[] unknown = Extract("à Niameq", [0, 2], [1, 8]);

        int lexiconFeature = NerFeatureExtractor.FeaturesPerToken + 23;
        Assert.NotEqual(known[lexiconFeature], unknown[lexiconFeature]);
    }

    [Fact]
    public void Extract_CaseChangesShapeButNotWord()
    {
        int[] lower = Extract("paris", [0], [5]);
        int[] upper = Extract("Paris", [0], [5]);

        Assert.Equal(lower[1], upper[1]);
        Assert.NotEqual(lower[6], upper[6]);
    }

    [Property(MaxTest = 300)]
    public bool Extract_BucketsStayInRange(string[]? words)
    {
        string[] tokens = Array.FindAll(words ?? [], word => !string.IsNullOrEmpty(word));
        var (text, starts, ends) = NerTrainer.Join(tokens);
        int[] buckets = Extract(text, starts, ends);
        return Array.TrueForAll(buckets, bucket => bucket >= 0 && bucket < 1 << Bits);
    }

    private static int[] Extract(string text, int[] starts, int[] ends)
    {
        var buckets = new int[starts.Length * NerFeatureExtractor.FeaturesPerToken];
        new NerFeatureExtractor(Lexicon, Bits).Extract(text, starts, ends, buckets);
        return buckets;
    }

    private static NerLexicon CreateLexicon()
    {
        var lexicon = new NerLexicon();
        lexicon.Add("Niamey", LexiconCategory.City);
        lexicon.Add("New York", LexiconCategory.City);
        return lexicon;
    }
}
