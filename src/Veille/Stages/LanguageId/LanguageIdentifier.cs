using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Veille.Model;

namespace Veille.Stages.LanguageId;

/// <summary>
/// Identifies the language of a text with a character 1-4-gram and word naive Bayes model, restricted to the
/// languages written in the text's dominant script. Immutable and thread-safe.
/// </summary>
public sealed class LanguageIdentifier
{
    /// <summary>Longer texts are judged on their first this many characters.</summary>
    public const int MaximumSampleLength = 2000;

    /// <summary>Texts with fewer letters are "und".</summary>
    public const int MinimumLetters = 3;

    // Naive Bayes over overlapping n-grams counts each character about five times; dividing the log-likelihood
    // by this temperature turns the scores into calibrated confidences (measured on cross-validation, docs/langid.md).
    private const double Temperature = 24.0;

    // Characters scanned between checks for an early decision, and the scaled log-likelihood margin (about
    // 1 - 1e-6 confidence) that ends the scan before the end of the sample.
    private const int ChunkLength = 256;
    private const double DecisiveMargin = 14.0;

    // Features present in at least this many languages get a dense row, added with SIMD instead of one posting at a time.
    private const int DenseThreshold = FeatureSlot.MaximumCount + 1;

    // The csproj names resources "Veille.Resources.<folder>/<file>" with the OS separator; compare with separators as dots.
    private const string ModelResourceName = "Veille.Resources.langid.model.bin.gz";

    private static readonly Lazy<LanguageIdentifier> DefaultInstance = new(LoadEmbedded);

    private readonly string[] tags;
    private readonly uint[] scriptMasks;
    private readonly float[] floors;
    private readonly int rowLength;
    private readonly NgramTable features;
    private readonly float[] denseWeights;
    private readonly ushort[] postings;

    internal LanguageIdentifier(LanguageModel model)
    {
        tags = model.Tags;
        scriptMasks = model.ScriptMasks;
        floors = model.Floors;
        rowLength = (tags.Length + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;
        int featureCount = model.Grams.Length;
        var hashes = new ulong[featureCount];
        var slots = new FeatureSlot[featureCount];
        var dense = new List<float>();
        var sparse = new List<ushort>();
        for (int i = 0; i < featureCount; i++)
        {
            hashes[i] = NgramScanner.Hash(model.Grams[i], model.Orders[i]);
            int start = model.PostingStarts[i];
            int count = model.PostingStarts[i + 1] - start;
            if (count >= DenseThreshold)
            {
                slots[i] = new FeatureSlot(dense.Count, 0, model.Orders[i]);
                int row = dense.Count;
                dense.AddRange(new float[rowLength]);
                for (int posting = start; posting < start + count; posting++)
                {
                    dense[row + model.PostingLanguages[posting]] = model.PostingWeights[posting] / LanguageModel.WeightScale;
                }
            }
            else
            {
                // Most features occur in one language: that posting lives in the table entry itself, saving a memory access.
                if (count == 1)
                {
                    slots[i] = new FeatureSlot(PackPosting(model, start), 1, model.Orders[i]);
                    continue;
                }

                slots[i] = new FeatureSlot(sparse.Count, count, model.Orders[i]);
                for (int posting = start; posting < start + count; posting++)
                {
                    sparse.Add(PackPosting(model, posting));
                }
            }
        }

        features = new NgramTable(hashes, slots);
        denseWeights = [.. dense];
        postings = [.. sparse];
        Languages = Array.AsReadOnly(tags);
    }

    /// <summary>The identifier built from the model embedded in this assembly (79 languages), loaded on first use.</summary>
    public static LanguageIdentifier Default => DefaultInstance.Value;

    /// <summary>The language tags the model knows, ISO 639-1 where one exists.</summary>
    public IReadOnlyList<string> Languages { get; }

    /// <summary>Loads an identifier from a model file written by <see cref="LanguageModelTrainer"/>.</summary>
    public static LanguageIdentifier Load(Stream modelFile) => new(LanguageModel.Read(modelFile));

    /// <summary>The most likely language of <paramref name="text"/> with its confidence (0-1), or "und" below <paramref name="minimumConfidence"/> or with too few letters.</summary>
    public Language Identify(ReadOnlySpan<char> text, double minimumConfidence = 0.5)
    {
        Span<double> posteriors = stackalloc double[tags.Length];
        if (!Score(text, posteriors))
        {
            return Language.Undetermined;
        }

        int best = 0;
        for (int language = 1; language < posteriors.Length; language++)
        {
            if (posteriors[language] > posteriors[best])
            {
                best = language;
            }
        }

        double confidence = posteriors[best];
        return confidence >= minimumConfidence ? new Language(tags[best], confidence) : Language.Undetermined;
    }

    /// <summary>The <paramref name="count"/> most likely languages, best first, with confidences summing to at most 1; empty when the text has too few letters.</summary>
    public IReadOnlyList<Language> Rank(ReadOnlySpan<char> text, int count = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        double[] posteriors = new double[tags.Length];
        if (!Score(text, posteriors))
        {
            return [];
        }

        int[] order = new int[tags.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Ties are broken by language number, so the ranking is deterministic.
        Array.Sort(order, (x, y) => posteriors[x] != posteriors[y] ? posteriors[y].CompareTo(posteriors[x]) : x.CompareTo(y));
        var ranked = new List<Language>(Math.Min(count, order.Length));
        for (int i = 0; i < order.Length && ranked.Count < count && posteriors[order[i]] > 0; i++)
        {
            ranked.Add(new Language(tags[order[i]], posteriors[order[i]]));
        }

        return ranked;
    }

    /// <summary>Fills the posterior of each language; false when the text gives no evidence.</summary>
    private bool Score(ReadOnlySpan<char> text, Span<double> posteriors)
    {
        // Invariant: posteriors.Length == tags.Length; on true they are >= 0 and sum to 1 over the script's candidates.
        posteriors.Clear();
        ReadOnlySpan<char> sample = text.Length > MaximumSampleLength ? text[..MaximumSampleLength] : text;
        Span<char> normalized = stackalloc char[MaximumSampleLength + 2];
        Span<int> scriptCounts = stackalloc int[ScriptClassifier.Count];
        int length = NgramScanner.Normalize(sample, normalized, scriptCounts);

        int letters = 0;
        int dominant = 0;
        for (int script = 0; script < scriptCounts.Length; script++)
        {
            letters += scriptCounts[script];
            if (scriptCounts[script] > scriptCounts[dominant])
            {
                dominant = script;
            }
        }

        if (letters < MinimumLetters || dominant == (int)Script.Other)
        {
            return false;
        }

        Span<float> gains = stackalloc float[rowLength];
        Span<int> orderCounts = stackalloc int[NgramScanner.OrderSlots];
        gains.Clear();
        orderCounts.Clear();
        var sink = new ScoringSink(this, gains, orderCounts);
        uint scriptBit = 1u << dominant;

        // Scanning chunk by chunk, each cut at a space so that no feature spans two chunks, gives the same features
        // as one scan; it stops early once the leader is decided, which makes long clear documents cheap.
        int position = 0;
        while (position < length - 1)
        {
            int end = Math.Min(position + ChunkLength, length - 1);
            while (normalized[end] != ' ')
            {
                end++;
            }

            NgramScanner.Scan(normalized[position..(end + 1)], ref sink);
            position = end;
            if (position < length - 1 && ScaledLogLikelihoods(gains, orderCounts, scriptBit, posteriors) >= DecisiveMargin)
            {
                break;
            }
        }

        if (double.IsNaN(ScaledLogLikelihoods(gains, orderCounts, scriptBit, posteriors)))
        {
            return false;
        }

        double best = double.NegativeInfinity;
        foreach (double value in posteriors)
        {
            best = Math.Max(best, value);
        }

        double sum = 0;
        for (int language = 0; language < posteriors.Length; language++)
        {
            posteriors[language] = double.IsNegativeInfinity(posteriors[language]) ? 0 : Math.Exp(posteriors[language] - best);
            sum += posteriors[language];
        }

        for (int language = 0; language < posteriors.Length; language++)
        {
            posteriors[language] /= sum;
        }

        return true;
    }

    /// <summary>Writes each candidate's log-likelihood divided by the temperature (-infinity for non-candidates) and returns the margin of the best over the second, NaN without candidates.</summary>
    private double ScaledLogLikelihoods(ReadOnlySpan<float> gains, ReadOnlySpan<int> orderCounts, uint scriptBit, Span<double> scaled)
    {
        double best = double.NegativeInfinity;
        double second = double.NegativeInfinity;
        for (int language = 0; language < tags.Length; language++)
        {
            if ((scriptMasks[language] & scriptBit) == 0)
            {
                scaled[language] = double.NegativeInfinity;
                continue;
            }

            double score = gains[language];
            for (int order = 1; order < NgramScanner.OrderSlots; order++)
            {
                // An order without features in the model can have an infinite floor; 0 * infinity would be NaN.
                if (orderCounts[order] != 0)
                {
                    score += orderCounts[order] * (double)floors[(language * NgramScanner.OrderSlots) + order];
                }
            }

            score /= Temperature;
            scaled[language] = score;
            if (score > best)
            {
                second = best;
                best = score;
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return double.IsNegativeInfinity(best) ? double.NaN : best - second;
    }

    /// <summary>A sparse posting as language * 256 + quantised weight.</summary>
    private static ushort PackPosting(LanguageModel model, int posting) =>
        (ushort)((model.PostingLanguages[posting] << 8) | model.PostingWeights[posting]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddPosting(Span<float> gains, int posting) =>
        gains[posting >> 8] += (posting & 0xFF) * (1f / LanguageModel.WeightScale);

    private static LanguageIdentifier LoadEmbedded()
    {
        System.Reflection.Assembly assembly = typeof(LanguageIdentifier).Assembly;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (name.Replace('/', '.').Replace('\\', '.') == ModelResourceName)
            {
                using Stream stream = assembly.GetManifestResourceStream(name)!;
                return Load(stream);
            }
        }

        throw new InvalidOperationException($"Embedded language model '{ModelResourceName}' is missing from the Veille assembly.");
    }

    private ref struct ScoringSink(LanguageIdentifier identifier, Span<float> gains, Span<int> orderCounts) : INgramSink
    {
        private readonly Span<float> gains = gains;
        private readonly Span<int> orderCounts = orderCounts;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Add(ReadOnlySpan<char> gram, int order, ulong hash)
        {
            // Invariant: gains.Length == rowLength, a multiple of the vector width, so the unchecked vector loop stays inside both spans.
            if (!identifier.features.TryGet(hash, out FeatureSlot slot))
            {
                return;
            }

            orderCounts[slot.Order]++;
            if (slot.Count == 0)
            {
                ref float row = ref MemoryMarshal.GetReference(identifier.denseWeights.AsSpan(slot.Start, identifier.rowLength));
                ref float sums = ref MemoryMarshal.GetReference(gains);
                for (nuint i = 0; i < (nuint)identifier.rowLength; i += (nuint)Vector<float>.Count)
                {
                    (Vector.LoadUnsafe(ref sums, i) + Vector.LoadUnsafe(ref row, i)).StoreUnsafe(ref sums, i);
                }

                return;
            }

            if (slot.Count == 1)
            {
                AddPosting(gains, slot.Start);
                return;
            }

            int end = slot.Start + slot.Count;
            for (int posting = slot.Start; posting < end; posting++)
            {
                AddPosting(gains, identifier.postings[posting]);
            }
        }
    }
}
