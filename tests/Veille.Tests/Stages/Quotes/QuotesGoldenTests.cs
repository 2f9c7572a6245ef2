using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Quotes;

namespace Veille.Tests.Stages.Quotes;

/// <summary>
/// Runs every tests/golden/quotes/*.md: the input is annotated text (mentions as [surface](KIND=Canonical|role), the
/// language from the file-name prefix), the expectation one line per quote. UPDATE_GOLDEN=1 rewrites it.
/// </summary>
public sealed class QuotesGoldenTests
{
    public static IEnumerable<object[]> Files() => GoldenFile.Cases("quotes");

    [Theory]
    [MemberData(nameof(Files))]
    public void Golden_MatchesExpectedQuotes(string fileName)
    {
        GoldenFile golden = GoldenFile.Load("quotes", fileName);
        string language = fileName[..2];
        Document document = QuoteTestDocuments.FromAnnotated(golden.Input, language);
        new QuotesStage().Process(document, StageContext.Default);
        golden.Verify(QuoteTestDocuments.Render(document));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Golden_WithoutMentions_FindsTheSameQuotesAndSpeakerPhrases(string fileName)
    {
        GoldenFile golden = GoldenFile.Load("quotes", fileName);
        Document tagged = QuoteTestDocuments.FromAnnotated(golden.Input, fileName[..2]);
        Document plain = QuoteTestDocuments.Build(tagged.Text, fileName[..2]);
        new QuotesStage().Process(tagged, StageContext.Default);
        new QuotesStage().Process(plain, StageContext.Default);
        Assert.Equal(tagged.Quotes.Select(q => (q.Content, q.Kind, q.Cue, q.Speaker, q.Conduit)), plain.Quotes.Select(q => (q.Content, q.Kind, q.Cue, q.Speaker, q.Conduit)));
        Assert.All(plain.Quotes, quote => Assert.Equal(-1, quote.SpeakerMention));
    }
}
