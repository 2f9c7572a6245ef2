using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Finds PER, ORG, LOC and MISC mentions with an averaged-perceptron model: Resources/ner/ner-{language}.model.gz
/// when one is embedded, else the shared model ner.model.gz (trained on French and English, used for every
/// Latin-script language). Thread-safe; each model loads lazily, once, on first use.
/// </summary>
public sealed class NamedEntityTagger
{
    /// <summary>Languages that may have their own model; any other language uses the shared model (slot <see cref="SharedSlot"/>).</summary>
    public static readonly ImmutableArray<string> Languages = ["fr", "en"];

    private static readonly int SharedSlot = Languages.Length;

    private readonly Lazy<NerModel>[] models;
    private readonly ThreadLocal<NerDecoder?[]> decoders;

    private NamedEntityTagger(Func<string?, NerModel> load)
    {
        models = new Lazy<NerModel>[Languages.Length + 1];
        for (int i = 0; i <= Languages.Length; i++)
        {
            string? language = i < Languages.Length ? Languages[i] : null;
            models[i] = new Lazy<NerModel>(() => load(language), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        decoders = new ThreadLocal<NerDecoder?[]>(() => new NerDecoder?[Languages.Length + 1]);
    }

    /// <summary>The tagger with the models embedded in Veille.Core (Resources/ner/).</summary>
    public static NamedEntityTagger Default { get; } = new(LoadEmbedded);

    /// <summary>A tagger that uses the model file <paramref name="modelFile"/> for every language (to evaluate a freshly trained model).</summary>
    public static NamedEntityTagger FromFile(string modelFile)
    {
        ArgumentNullException.ThrowIfNull(modelFile);
        var model = new Lazy<NerModel>(() => NerModel.Load(modelFile));
        return new NamedEntityTagger(_ => model.Value);
    }

    /// <summary>Mentions of <paramref name="document"/> in token order; reads its language; throws when its tokens or sentences are missing.</summary>
    public IReadOnlyList<RecognizedMention> Tag(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (!document.Has(Layers.Tokens | Layers.Sentences))
        {
            throw new InvalidOperationException($"Named-entity tagging of document {document.Id} needs its Tokens and Sentences layers (run tokenization first).");
        }

        NerDecoder decoder = DecoderFor(document.Language.Tag);
        ImmutableArray<Token> tokens = document.Tokens;
        string text = document.Text;
        var mentions = new List<RecognizedMention>();
        int longest = 0;
        foreach (Sentence sentence in document.Sentences)
        {
            longest = Math.Max(longest, sentence.Tokens.Length);
        }

        var starts = new int[longest];
        var ends = new int[longest];
        var tags = new int[longest];
        foreach (Sentence sentence in document.Sentences)
        {
            int first = sentence.Tokens.Start, n = sentence.Tokens.Length;
            for (int i = 0; i < n; i++)
            {
                Token token = tokens[first + i];
                starts[i] = token.Span.Start;
                ends[i] = token.Span.End;
            }

            decoder.Tag(text, starts.AsSpan(0, n), ends.AsSpan(0, n), tags.AsSpan(0, n));
            AddMentions(decoder.Emissions, tags.AsSpan(0, n), first, mentions);
        }

        return mentions;
    }

    /// <summary>BIO tags ("O", "B-PER"…) for an already tokenised sentence; <paramref name="language"/> picks the model.</summary>
    public string[] TagTokens(IReadOnlyList<string> tokens, string language)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var (text, starts, ends) = NerTrainer.Join(tokens);
        var tags = new int[tokens.Count];
        DecoderFor(language).Tag(text, starts, ends, tags);
        var names = new string[tags.Length];
        for (int i = 0; i < tags.Length; i++)
        {
            names[i] = NerTagSet.NameOf(tags[i]);
        }

        return names;
    }

    private static void AddMentions(ReadOnlySpan<float> emissions, ReadOnlySpan<int> tags, int offset, List<RecognizedMention> mentions)
    {
        int i = 0;
        while (i < tags.Length)
        {
            if (tags[i] == NerTagSet.Outside)
            {
                i++;
                continue;
            }

            int start = i;
            i++;
            while (i < tags.Length && NerTagSet.IsInside(tags[i]))
            {
                i++;
            }

            float confidence = 0;
            for (int k = start; k < i; k++)
            {
                confidence += Probability(emissions.Slice(k * NerTagSet.Count, NerTagSet.Count), tags[k]);
            }

            var kind = (EntityKind)NerTagSet.TypeOf(tags[start]);
            mentions.Add(new RecognizedMention(new TokenRange(offset + start, offset + i), kind, confidence / (i - start)));
        }
    }

    // Softmax of the token's emission scores at its tag: a ranking score in [0, 1], not a calibrated probability.
    private static float Probability(ReadOnlySpan<float> scores, int tag)
    {
        float max = float.NegativeInfinity;
        foreach (float score in scores)
        {
            max = Math.Max(max, score);
        }

        float sum = 0;
        foreach (float score in scores)
        {
            sum += MathF.Exp(score - max);
        }

        return MathF.Exp(scores[tag] - max) / sum;
    }

    private NerDecoder DecoderFor(string? language)
    {
        int slot = language is null ? -1 : Languages.IndexOf(language);
        if (slot < 0)
        {
            slot = SharedSlot;
        }

        NerDecoder?[] perThread = decoders.Value!;
        return perThread[slot] ??= new NerDecoder(models[slot].Value);
    }

    private static NerModel LoadEmbedded(string? language)
    {
        if (language is not null)
        {
            using Stream? own = NerLexicon.OpenResource($"ner-{language}.model.gz");
            if (own is not null)
            {
                return NerModel.Load(own);
            }
        }

        // Languages without their own model share one; loading it once per slot would double the memory.
        return SharedModel.Value;
    }

    private static readonly Lazy<NerModel> SharedModel = new(() =>
    {
        using Stream stream = NerLexicon.OpenResource("ner.model.gz")
            ?? throw new InvalidOperationException("Embedded resource Veille.Resources.ner.ner.model.gz is missing; train it with 'veille train ner'.");
        return NerModel.Load(stream);
    });
}
