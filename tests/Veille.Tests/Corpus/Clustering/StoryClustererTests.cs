using Veille.Corpus.Clustering;
using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Tests.Corpus.Clustering;

public sealed class StoryClustererTests
{
    [Fact]
    public void Samples_FormOneStory()
    {
        var tracker = new StoryTracker();
        TrackedDocument first = tracker.Add(StoryTestDocuments.Sample1);
        TrackedDocument second = tracker.Add(StoryTestDocuments.Sample2);

        Assert.True(first.Assignment.IsNewStory);
        Assert.Null(second.Duplicate);
        Assert.Equal(first.Assignment.Story, second.Assignment.Story);
    }

    [Fact]
    public void FrenchAndEnglish_JoinOneStory_UnrelatedStayApart()
    {
        var clusterer = new StoryClusterer();
        Document english = StoryTestDocuments.Annotate(StoryTestDocuments.EnglishNiger);
        Document football = StoryTestDocuments.Annotate(StoryTestDocuments.EnglishFootball);
        Document weather = StoryTestDocuments.Annotate(StoryTestDocuments.FrenchWeather);
        Assert.NotEqual("fr", english.Language.Tag);

        StoryId niger = clusterer.Add(english.Id, english).Story;
        clusterer.Add(football.Id, football);
        Document sample1 = StoryTestDocuments.Sample1;
        Document sample2 = StoryTestDocuments.Sample2;
        clusterer.Add(sample1.Id, sample1);
        clusterer.Add(weather.Id, weather);
        clusterer.Add(sample2.Id, sample2);

        Assert.Equal(niger, clusterer.StoryOf(sample1.Id));
        Assert.Equal(niger, clusterer.StoryOf(sample2.Id));
        Assert.NotEqual(niger, clusterer.StoryOf(football.Id));
        Assert.NotEqual(niger, clusterer.StoryOf(weather.Id));
        Assert.NotEqual(clusterer.StoryOf(football.Id), clusterer.StoryOf(weather.Id));
    }

    [Fact]
    public void Clusterer_IsIndependentOfArrivalOrder_OnSmallSet()
    {
        Document[] documents =
        [
            StoryTestDocuments.Sample1,
            StoryTestDocuments.Sample2,
            StoryTestDocuments.Annotate(StoryTestDocuments.EnglishNiger),
            StoryTestDocuments.Annotate(StoryTestDocuments.EnglishFootball),
            StoryTestDocuments.Annotate(StoryTestDocuments.FrenchWeather),
        ];
        string? reference = null;
        for (int seed = 0; seed < 8; seed++)
        {
            int[] order = [.. Enumerable.Range(0, documents.Length)];
            new Random(seed).Shuffle(order);
            var clusterer = new StoryClusterer();
            foreach (int index in order)
            {
                clusterer.Add(documents[index].Id, documents[index]);
            }

            string partition = Partition(documents, clusterer);
            reference ??= partition;
            Assert.Equal(reference, partition);
        }
    }

    [Fact]
    public void Story_FadesAfterWindow()
    {
        var clusterer = new StoryClusterer(StoryClusteringOptions.Default with { Window = TimeSpan.FromDays(7) });
        var day = new DateTimeOffset(2024, 4, 20, 8, 0, 0, TimeSpan.Zero);
        Document first = StoryTestDocuments.Annotate(TestDocuments.Sample1, new SourceInfo(Published: day));
        Document soon = StoryTestDocuments.Annotate(TestDocuments.Sample2, new SourceInfo(Published: day.AddDays(3)));
        Document late = StoryTestDocuments.Annotate(TestDocuments.Sample2 + "\nMise à jour.", new SourceInfo(Published: day.AddDays(40)));

        StoryId story = clusterer.Add(first.Id, first).Story;
        Assert.Equal(story, clusterer.Add(soon.Id, soon).Story);
        StoryAssignment faded = clusterer.Add(late.Id, late);

        Assert.True(faded.IsNewStory);
        Assert.NotEqual(story, faded.Story);
    }

    [Fact]
    public void Duplicate_JoinsStoryOfCanonical()
    {
        var tracker = new StoryTracker();
        Document original = StoryTestDocuments.Sample1;
        Document copy = StoryTestDocuments.Annotate("Publicité\n" + TestDocuments.Sample1 + "\nAbonnez-vous à notre lettre d'information.");
        tracker.Add(StoryTestDocuments.Annotate(StoryTestDocuments.EnglishFootball));
        TrackedDocument first = tracker.Add(original);
        TrackedDocument second = tracker.Add(copy);

        Assert.NotNull(second.Duplicate);
        Assert.Equal(original.Id, second.Duplicate!.Canonical);
        Assert.Equal(first.Assignment.Story, second.Assignment.Story);
        Assert.Equal(1, second.Assignment.Similarity);
    }

    [Fact]
    public void Options_RejectOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryClusterer(StoryClusteringOptions.Default with { JoinThreshold = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryClusterer(StoryClusteringOptions.Default with { Window = TimeSpan.Zero }));
    }

    private static string Partition(Document[] documents, StoryClusterer clusterer)
    {
        // Canonical form: each document replaced by the index of the first document of its story.
        var first = new Dictionary<StoryId, int>();
        var labels = new List<int>();
        for (int i = 0; i < documents.Length; i++)
        {
            StoryId story = clusterer.StoryOf(documents[i].Id)!.Value;
            labels.Add(first.TryAdd(story, i) ? i : first[story]);
        }

        return string.Join(",", labels);
    }
}
