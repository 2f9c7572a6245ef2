using System.Collections.Immutable;

namespace Veille.Model;

/// <summary>
/// An article and every annotation layer on it. Layers are written once, by the stage that produces them
/// (a second write throws); after that the document is safe to read from any thread.
/// </summary>
public sealed class Document
{
    private string? text;
    private OffsetMap? offsetMap;
    private string? title;
    private ImmutableArray<RemovedLine> removedLines = [];
    private Language language = Language.Undetermined;
    private ImmutableArray<Token> tokens = [];
    private ImmutableArray<Sentence> sentences = [];
    private ImmutableArray<Mention> mentions = [];
    private ImmutableArray<DocumentEntity> entities = [];
    private ImmutableArray<Quote> quotes = [];
    private ImmutableArray<DateMention> dates = [];
    private PublicationDate publication = PublicationDate.Unknown;
    private ImmutableArray<Figure> figures = [];

    /// <summary>Creates a document from raw text; its id is the hash of the normalised content.</summary>
    public Document(string rawText, SourceInfo? source = null)
        : this(DocumentId.FromContent(rawText), rawText, source)
    {
    }

    /// <summary>Creates a document with a known id (when loading from a store).</summary>
    public Document(DocumentId id, string rawText, SourceInfo? source = null)
    {
        ArgumentNullException.ThrowIfNull(rawText);
        Id = id;
        RawText = rawText;
        Source = source ?? SourceInfo.Empty;
    }

    public DocumentId Id { get; }

    public SourceInfo Source { get; }

    /// <summary>The text as it was read, after decoding.</summary>
    public string RawText { get; }

    /// <summary>The layers present on this document.</summary>
    public Layers Layers { get; private set; }

    /// <summary>The cleaned text (offsets of every layer point into it); the raw text until cleaning ran.</summary>
    public string Text => text ?? RawText;

    /// <summary>Maps <see cref="Text"/> offsets back to <see cref="RawText"/>.</summary>
    public OffsetMap OffsetMap => offsetMap ?? OffsetMap.Identity(RawText.Length);

    /// <summary>The title: from input metadata, else detected by cleaning, else null.</summary>
    public string? Title => Source.Title ?? title;

    /// <summary>The title detected in the text by cleaning (null when none).</summary>
    public string? DetectedTitle => title;

    /// <summary>Lines removed from the raw text by cleaning, in raw order.</summary>
    public ImmutableArray<RemovedLine> RemovedLines => removedLines;

    public Language Language => language;

    public ImmutableArray<Token> Tokens => tokens;

    public ImmutableArray<Sentence> Sentences => sentences;

    /// <summary>Entity mentions in text order.</summary>
    public ImmutableArray<Mention> Mentions => mentions;

    /// <summary>Entities of this document; <see cref="Mention.Entity"/> indexes into it.</summary>
    public ImmutableArray<DocumentEntity> Entities => entities;

    public ImmutableArray<Quote> Quotes => quotes;

    /// <summary>Temporal expressions in text order.</summary>
    public ImmutableArray<DateMention> Dates => dates;

    /// <summary>The publication date: from metadata, inferred by the dates stage, or unknown (never the ingest time).</summary>
    public PublicationDate Publication =>
        Source.Published is { } published ? new PublicationDate(published, PublicationSource.Metadata, 1) : publication;

    public ImmutableArray<Figure> Figures => figures;

    public bool Has(Layers layers) => (Layers & layers) == layers;

    public ReadOnlySpan<char> TextOf(Token token) => Text.AsSpan(token.Span.Start, token.Span.Length);

    public ReadOnlySpan<char> TextOf(TextSpan span) => Text.AsSpan(span.Start, span.Length);

    public void SetText(string cleanedText, OffsetMap map, string? detectedTitle, ImmutableArray<RemovedLine> removed)
    {
        ArgumentNullException.ThrowIfNull(cleanedText);
        ArgumentNullException.ThrowIfNull(map);
        if (map.TextLength != cleanedText.Length || map.RawLength != RawText.Length)
        {
            throw new ArgumentException("The offset map does not match the texts.", nameof(map));
        }

        Claim(Layers.Text);
        text = cleanedText;
        offsetMap = map;
        title = detectedTitle;
        removedLines = removed.IsDefault ? [] : removed;
    }

    public void SetLanguage(Language value)
    {
        Claim(Layers.Language);
        language = value;
    }

    public void SetTokens(ImmutableArray<Token> value)
    {
        Claim(Layers.Tokens);
        tokens = value;
    }

    public void SetSentences(ImmutableArray<Sentence> value)
    {
        Claim(Layers.Sentences);
        sentences = value;
    }

    public void SetMentions(ImmutableArray<Mention> mentionValues, ImmutableArray<DocumentEntity> entityValues)
    {
        Claim(Layers.Mentions);
        mentions = mentionValues;
        entities = entityValues;
    }

    public void SetQuotes(ImmutableArray<Quote> value)
    {
        Claim(Layers.Quotes);
        quotes = value;
    }

    /// <summary>Sets the temporal expressions and, when the input gave none, the inferred publication date.</summary>
    public void SetDates(ImmutableArray<DateMention> value, PublicationDate inferredPublication)
    {
        Claim(Layers.Dates);
        dates = value;
        publication = inferredPublication;
    }

    public void SetFigures(ImmutableArray<Figure> value)
    {
        Claim(Layers.Figures);
        figures = value;
    }

    private void Claim(Layers layer)
    {
        if ((Layers & layer) != 0)
        {
            throw new InvalidOperationException($"Layer {layer} of document {Id} was already written; each layer is written once, by the stage that produces it.");
        }

        Layers |= layer;
    }
}
