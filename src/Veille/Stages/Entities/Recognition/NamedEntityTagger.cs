using System.Collections.Immutable;
using Veille.Model;

namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Finds PER, ORG, LOC and MISC mentions with the averaged-perceptron model of the document's language (French or
/// English; the English model serves other languages). Thread-safe; models load lazily, once, on first use.
/// </summary>
public sealed class NamedEntityTagger
{
    /// <summary>Languages with a shipped model; the first one is not the fallback, <see cref="FallbackLanguage"/> is.</summary>
    public static readonly ImmutableArray<string> Languages = ["fr", "en"];

    /// <summary>The model used for languages without their own.</summary>
    public const string FallbackLanguage = "en";

    private readonly Lazy<NerModel>[] models;
    private readonly ThreadLocal<NerDecoder?[]> decoders;

    private NamedEntityTagger(Func<string, NerModel> load)
    {
        models = new Lazy<NerModel>[Languages.Length];
        for (int i = 0; i < Languages.Length; i++)
        {
            string language = Languages[i];
            models[i] = new Lazy<NerModel>(() => load(language), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        decoders = new ThreadLocal<NerDecoder?[]>(() => new NerDecoder?[Languages.Length]);
    }

    /// <summary>The tagger with the models embedded in Veille.Core (Resources/ner/ner-{language}.model.gz).</summary>
    public static NamedEntityTagger Default { get; } = new(LoadEmbedded);

    /// <summary>A tagger that uses the model file <paramref name="modelFile"/> for every language (to evaluate a freshly trained model).</summary>
    public static NamedEntityTagger FromFile(string modelFile)
    {
        ArgumentNullException.ThrowIfNull(modelFile);
        var model = new Lazy<NerModel>(() => NerModel.Load(modelFile));
        return new NamedEntityTagger(_ => model.Value);
    }

    /// <summary>Mentions of <paramref name="document"/> in token order; requires its tokens and sentences, and reads its language.</summary>
    public IReadOnlyList<RecognizedMention> Tag(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
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
        int slot = Languages.IndexOf(language ?? FallbackLanguage);
        if (slot < 0)
        {
            slot = Languages.IndexOf(FallbackLanguage);
        }

        NerDecoder?[] perThread = decoders.Value!;
        return perThread[slot] ??= new NerDecoder(models[slot].Value);
    }

    private static NerModel LoadEmbedded(string language)
    {
        string fileName = $"ner-{language}.model.gz";
        using Stream stream = NerLexicon.OpenResource(fileName)
            ?? throw new InvalidOperationException($"Embedded resource Veille.Resources.ner.{fileName} is missing; train it with 'veille train ner'.");
        return NerModel.Load(stream);
    }
}
