using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Tests.Corpus.Dedup;

public sealed class DuplicateDetectorTests
{
    [Fact]
    public void MinHash_EstimatesJaccard()
    {
        // Two sequences of 400 distinct words sharing their first 300: with 5-word shingles, 296 of 396 + 396 - 296 = 496 shingles are shared.
        ulong[] left = [.. Enumerable.Range(0, 400).Select(i => (ulong)i * 7919)];
        ulong[] right = [.. Enumerable.Range(0, 300).Select(i => (ulong)i * 7919), .. Enumerable.Range(1000, 100).Select(i => (ulong)i * 7919)];
        var signer = new MinHashSigner(126, 5, 1);

        double estimate = MinHashSigner.Estimate(signer.Sign(left), signer.Sign(right));

        Assert.InRange(estimate, (296.0 / 496) - 0.12, (296.0 / 496) + 0.12);
        Assert.Equal(1, MinHashSigner.Estimate(signer.Sign(left), signer.Sign(left)));
    }

    [Fact]
    public void Lsh_SameBandKeysForEqualSignatures_DifferentPerBand()
    {
        uint[] signature = [.. Enumerable.Range(0, 6).Select(i => (uint)(i % 3))];

        Assert.Equal(MinHashSigner.BandKey(signature, 0, 3), MinHashSigner.BandKey([.. signature], 0, 3));
        Assert.NotEqual(MinHashSigner.BandKey(signature, 0, 3), MinHashSigner.BandKey(signature, 1, 3));
    }

    [Fact]
    public void Detector_LinksExactCopyToEarliest()
    {
        var detector = new DuplicateDetector();
        Document original = StoryTestDocuments.Sample1;
        Document copy = StoryTestDocuments.Annotate("  " + TestDocuments.Sample1.ToUpperInvariant());

        Assert.Null(detector.Add(original.Id, original));
        DuplicateLink? link = detector.Add(copy.Id, copy);

        Assert.NotNull(link);
        Assert.Equal(DuplicateReason.Exact, link!.Reason);
        Assert.Equal("exact", link.ReasonName);
        Assert.Equal(original.Id, link.Canonical);
        Assert.Equal(1, link.Similarity);
    }

    [Fact]
    public void Detector_FindsLightRewrite_AndChainsToCanonical()
    {
        var detector = new DuplicateDetector();
        string[] paragraphs = TestDocuments.Sample1.Split("\n\n");
        Document original = StoryTestDocuments.Sample1;
        Document rewrite = StoryTestDocuments.Annotate("Niger : Washington retire ses troupes\n\n" + string.Join("\n\n", paragraphs.Skip(1).SkipLast(1)) + "\n\nSuivez-nous sur les réseaux sociaux.");
        Document rewriteOfRewrite = StoryTestDocuments.Annotate("Publicité\n\n" + rewrite.RawText);

        detector.Add(original.Id, original);
        DuplicateLink? first = detector.Add(rewrite.Id, rewrite);
        DuplicateLink? second = detector.Add(rewriteOfRewrite.Id, rewriteOfRewrite);

        Assert.Equal(DuplicateReason.NearDuplicate, first?.Reason);
        Assert.Equal(original.Id, first!.Canonical);
        Assert.Equal(original.Id, second?.Canonical);
        Assert.Equal(original.Id, detector.CanonicalOf(rewriteOfRewrite.Id));
    }

    [Fact]
    public void Detector_KeepsArticlesOfOneStoryApart()
    {
        var detector = new DuplicateDetector();
        Document first = StoryTestDocuments.Sample1;
        Document second = StoryTestDocuments.Sample2;

        Assert.Null(detector.Add(first.Id, first));
        Assert.Null(detector.Add(second.Id, second));
        Assert.True(detector.Estimate(first, second) < 0.1);
    }

    [Fact]
    public void Detector_IsSymmetric_InEitherOrder()
    {
        Document original = StoryTestDocuments.Sample1;
        Document rewrite = StoryTestDocuments.Annotate(TestDocuments.Sample1 + "\n\nAbonnez-vous à notre lettre d'information quotidienne.");

        var forward = new DuplicateDetector();
        forward.Add(original.Id, original);
        DuplicateLink? forwardLink = forward.Add(rewrite.Id, rewrite);
        var backward = new DuplicateDetector();
        backward.Add(rewrite.Id, rewrite);
        DuplicateLink? backwardLink = backward.Add(original.Id, original);

        Assert.NotNull(forwardLink);
        Assert.NotNull(backwardLink);
        Assert.Equal(forwardLink!.Similarity, backwardLink!.Similarity);
        Assert.Equal(rewrite.Id, backwardLink.Canonical);
    }

    [Fact]
    public void Detector_IgnoresRepeatedId_AndShortTextsExceptExact()
    {
        var detector = new DuplicateDetector();
        Document shortText = StoryTestDocuments.Annotate("Brève : le match est reporté.");
        Document shortOther = StoryTestDocuments.Annotate("Brève : le match est reporté à dimanche.");

        Assert.Null(detector.Add(shortText.Id, shortText));
        Assert.Null(detector.Add(shortText.Id, shortText));
        Assert.Null(detector.Add(shortOther.Id, shortOther));
        Assert.Equal(2, detector.Count);
    }
}
