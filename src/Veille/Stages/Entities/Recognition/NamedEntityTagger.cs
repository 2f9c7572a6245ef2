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

        ImmutableArray<Token> tokens = document.Tokens;
        var starts = new int[tokens.Length];
        var ends = new int[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            starts[i] = tokens[i].Span.Start;
            ends[i] = tokens[i].Span.End;
        }

        var sentenceEnds = new int[tokens.Length];
        foreach (Sentence sentence in document.Sentences)
        {
            sentenceEnds.AsSpan(sentence.Tokens.Start, sentence.Tokens.Length).Fill(sentence.Tokens.End);
        }

        for (int i = 0; i < sentenceEnds.Length; i++)
        {
            // A token outside every sentence (none in practice) is tagged alone.
            sentenceEnds[i] = sentenceEnds[i] == 0 ? i + 1 : sentenceEnds[i];
        }

        var tags = new int[tokens.Length];
        var emissions = new float[tokens.Length * NerTagSet.Count];
        TagDocument(DecoderFor(document.Language.Tag), document.Text, starts, ends, sentenceEnds, tags, emissions);
        var mentions = new List<RecognizedMention>();
        AddMentions(emissions, tags, sentenceEnds, mentions);
        return mentions;
    }

    /// <summary>BIO tags for the already tokenised sentences of one document, with document-level consistency across them.</summary>
    public string[][] TagDocument(IReadOnlyList<IReadOnlyList<string>> sentences, string language)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var words = new List<string>();
        var sentenceEnds = new List<int>();
        foreach (IReadOnlyList<string> sentence in sentences)
        {
            words.AddRange(sentence);
            for (int i = 0; i < sentence.Count; i++)
            {
                sentenceEnds.Add(words.Count);
            }
        }

        var (text, starts, ends) = NerTrainer.Join(words);
        var tags = new int[words.Count];
        TagDocument(DecoderFor(language), text, starts, ends, sentenceEnds.ToArray(), tags, new float[words.Count * NerTagSet.Count]);
        var result = new string[sentences.Count][];
        int offset = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            result[s] = new string[sentences[s].Count];
            for (int i = 0; i < result[s].Length; i++)
            {
                result[s][i] = NerTagSet.NameOf(tags[offset + i]);
            }

            offset += result[s].Length;
        }

        return result;
    }

    /// <summary>BIO tags ("O", "B-PER"…) for an already tokenised sentence; <paramref name="language"/> picks the model.</summary>
    public string[] TagTokens(IReadOnlyList<string> tokens, string language)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return TagDocument([tokens], language)[0];
    }

    private static void TagDocument(NerDecoder decoder, string text, int[] starts, int[] ends, int[] sentenceEnds, int[] tags, float[] emissions)
    {
        int[]? allowed = null;
        for (int first = 0; first < tags.Length; first = sentenceEnds[first])
        {
            int n = sentenceEnds[first] - first;
            // A person's name does not follow a definite article ("du Pentagone", "the Pentagon") nor "en", "in",
            // "dans", "vers": about 1 % of the entities after one are persons in both evaluation sets, so B-PER is
            // forbidden there.
            bool constrained = false;
            for (int i = first + 1; i < first + n; i++)
            {
                if (PrecedesNoPerson(text.AsSpan(starts[i - 1], ends[i - 1] - starts[i - 1])))
                {
                    allowed ??= new int[tags.Length];
                    if (!constrained)
                    {
                        allowed.AsSpan(first, n).Fill(AllTags);
                        constrained = true;
                    }

                    allowed[i] = AllTags & ~(1 << BeginPerson);
                }
            }

            decoder.Tag(text, starts.AsSpan(first, n), ends.AsSpan(first, n), tags.AsSpan(first, n), constrained ? allowed.AsSpan(first, n) : default);
            decoder.Emissions[..(n * NerTagSet.Count)].CopyTo(emissions.AsSpan(first * NerTagSet.Count));
        }

        NerDocumentConsistency.Apply(text, starts, ends, tags, sentenceEnds);
    }

    private const int AllTags = (1 << NerTagSet.Count) - 1;
    private const int BeginPerson = 1;

    private static bool PrecedesNoPerson(ReadOnlySpan<char> word) =>
        word is "the" or "le" or "la" or "les" or "l'" or "l’" or "du" or "au" or "aux" or "des" or "en" or "in" or "dans" or "vers";

    private static void AddMentions(ReadOnlySpan<float> emissions, ReadOnlySpan<int> tags, ReadOnlySpan<int> sentenceEnds, List<RecognizedMention> mentions)
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
            while (i < sentenceEnds[start] && NerTagSet.IsInside(tags[i]))
            {
                i++;
            }

            float confidence = 0;
            for (int k = start; k < i; k++)
            {
                confidence += Probability(emissions.Slice(k * NerTagSet.Count, NerTagSet.Count), tags[k]);
            }

            var kind = (EntityKind)NerTagSet.TypeOf(tags[start]);
            mentions.Add(new RecognizedMention(new TokenRange(start, i), kind, confidence / (i - start)));
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
