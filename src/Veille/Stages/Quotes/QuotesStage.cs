using System.Collections.Immutable;
using Veille.Model;
using Veille.Pipeline;

namespace Veille.Stages.Quotes;

/// <summary>
/// Requires text, tokens, sentences and mentions (an empty mention layer is fine); produces direct, indirect and scare quotes.
/// Algorithm: quotation marks are paired (<see cref="QuoteMarkDetector"/>), cues from data files attach speakers, conduits and
/// reported speech (<see cref="QuoteAttributor"/>), then speaker phrases resolve to mentions (<see cref="SpeakerResolver"/>).
/// </summary>
public sealed class QuotesStage : IDocumentStage
{
    /// <summary>The stage contract; thread-safe, one instance serves every document.</summary>
    public StageInfo Info { get; } = new("quotes", 1, Layers.Text | Layers.Tokens | Layers.Sentences | Layers.Mentions, Layers.Quotes);

    /// <summary>Finds the quotes of <paramref name="document"/> and writes its quote layer; the language (when present) picks the cue lists.</summary>
    public void Process(Document document, StageContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetQuotes(Find(document));
    }

    /// <summary>The quotes of a document that has tokens and sentences, in text order, without writing them.</summary>
    public static ImmutableArray<Quote> Find(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Tokens.IsDefaultOrEmpty)
        {
            return [];
        }

        QuoteLexicon lexicon = QuoteLexicon.For(document.Language);
        List<MarkedQuote> marked = QuoteMarkDetector.Detect(document);
        List<Attribution> attributions = QuoteAttributor.Attribute(document, lexicon, marked);
        return new SpeakerResolver(document, lexicon).Resolve(attributions);
    }
}
