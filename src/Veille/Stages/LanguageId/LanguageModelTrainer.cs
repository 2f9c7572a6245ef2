using System.Runtime.InteropServices;

namespace Veille.Stages.LanguageId;

/// <summary>Settings of <see cref="LanguageModelTrainer"/>; the defaults built the embedded model.</summary>
/// <param name="MinimumCount">A feature is kept for a language only if it occurs at least this often in its samples.</param>
/// <param name="Smoothing">Additive (Lidstone) smoothing of feature counts.</param>
/// <param name="MinimumScriptShare">A language competes on texts of a script that makes up at least this share (0-1) of its training letters.</param>
public sealed record LanguageModelTrainerOptions(int MinimumCount = 3, double Smoothing = 0.01, double MinimumScriptShare = 0.05)
{
    public static LanguageModelTrainerOptions Default { get; } = new();
}

/// <summary>Builds the character n-gram model from labelled samples; deterministic for a given input order.</summary>
public static class LanguageModelTrainer
{
    /// <summary>Trains on every sample and writes the gzip model file to <paramref name="output"/>.</summary>
    public static void Train(IEnumerable<LanguageSample> samples, Stream output, LanguageModelTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        Build(samples, options ?? LanguageModelTrainerOptions.Default).Write(output);
    }

    /// <summary>Trains on the data folder (see <see cref="LanguageIdData.ReadFolder"/>) and writes the model to <paramref name="outputFile"/>; returns its size in bytes.</summary>
    public static long TrainFolder(string dataDirectory, string outputFile)
    {
        IReadOnlyList<LanguageSample> samples = LanguageIdData.ReadFolder(dataDirectory);
        using (FileStream output = File.Create(outputFile))
        {
            Train(samples, output);
        }

        return new FileInfo(outputFile).Length;
    }

    /// <summary>Trains an identifier in memory, without a model file (for cross-validation).</summary>
    public static LanguageIdentifier TrainIdentifier(IEnumerable<LanguageSample> samples, LanguageModelTrainerOptions? options = null) =>
        new(Build(samples, options ?? LanguageModelTrainerOptions.Default));

    internal static LanguageModel Build(IEnumerable<LanguageSample> samples, LanguageModelTrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var tagIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<Dictionary<string, int>[]>();
        var scriptCounts = new List<long[]>();
        char[] buffer = new char[256];
        int[] sampleScripts = new int[ScriptClassifier.Count];
        foreach (LanguageSample sample in samples)
        {
            if (!tagIndex.TryGetValue(sample.Language, out int language))
            {
                language = tagIndex.Count;
                tagIndex.Add(sample.Language, language);
                var perOrder = new Dictionary<string, int>[NgramScanner.OrderSlots];
                for (int order = 1; order < perOrder.Length; order++)
                {
                    perOrder[order] = new Dictionary<string, int>(StringComparer.Ordinal);
                }

                counts.Add(perOrder);
                scriptCounts.Add(new long[ScriptClassifier.Count]);
            }

            if (buffer.Length < sample.Text.Length + 2)
            {
                buffer = new char[(sample.Text.Length * 2) + 2];
            }

            Array.Clear(sampleScripts);
            int length = NgramScanner.Normalize(sample.Text, buffer, sampleScripts);
            for (int script = 0; script < sampleScripts.Length; script++)
            {
                scriptCounts[language][script] += sampleScripts[script];
            }

            var sink = new CountingSink(counts[language]);
            NgramScanner.Scan(buffer.AsSpan(0, length), ref sink);
        }

        if (tagIndex.Count is 0 or > byte.MaxValue)
        {
            throw new ArgumentException($"Training needs 1-255 languages, got {tagIndex.Count}.", nameof(samples));
        }

        return Assemble([.. tagIndex.Keys], counts, scriptCounts, options);
    }

    private static LanguageModel Assemble(string[] tags, List<Dictionary<string, int>[]> counts, List<long[]> scriptCounts, LanguageModelTrainerOptions options)
    {
        int languageCount = tags.Length;
        double smoothing = options.Smoothing;

        // Vocabulary size per order over all languages, for the smoothing denominator.
        var vocabularies = new HashSet<string>[NgramScanner.OrderSlots];
        var kept = new SortedDictionary<(int Order, string Gram), List<(byte Language, byte Weight)>>(FeatureComparer.Instance);
        for (int order = 1; order < NgramScanner.OrderSlots; order++)
        {
            vocabularies[order] = new HashSet<string>(StringComparer.Ordinal);
            for (int language = 0; language < languageCount; language++)
            {
                vocabularies[order].UnionWith(counts[language][order].Keys);
            }
        }

        var floors = new float[languageCount * NgramScanner.OrderSlots];
        var scriptMasks = new uint[languageCount];
        for (int language = 0; language < languageCount; language++)
        {
            long letters = 0;
            foreach (long count in scriptCounts[language])
            {
                letters += count;
            }

            for (int script = 1; script < ScriptClassifier.Count; script++)
            {
                if (letters > 0 && scriptCounts[language][script] >= options.MinimumScriptShare * letters)
                {
                    scriptMasks[language] |= 1u << script;
                }
            }

            for (int order = 1; order < NgramScanner.OrderSlots; order++)
            {
                long total = 0;
                foreach (KeyValuePair<string, int> entry in counts[language][order])
                {
                    total += entry.Value;
                }

                floors[(language * NgramScanner.OrderSlots) + order] = (float)Math.Log(smoothing / (total + (smoothing * Math.Max(1, vocabularies[order].Count))));
                foreach (KeyValuePair<string, int> entry in counts[language][order])
                {
                    if (entry.Value < options.MinimumCount)
                    {
                        continue;
                    }

                    double gain = Math.Log((entry.Value + smoothing) / smoothing) * LanguageModel.WeightScale;
                    byte weight = (byte)Math.Clamp(Math.Round(gain), 1, byte.MaxValue);
                    if (!kept.TryGetValue((order, entry.Key), out List<(byte, byte)>? postings))
                    {
                        postings = [];
                        kept.Add((order, entry.Key), postings);
                    }

                    postings.Add(((byte)language, weight));
                }
            }
        }

        var grams = new string[kept.Count];
        var orders = new byte[kept.Count];
        var postingStarts = new int[kept.Count + 1];
        var postingLanguages = new List<byte>();
        var postingWeights = new List<byte>();
        int index = 0;
        foreach (KeyValuePair<(int Order, string Gram), List<(byte Language, byte Weight)>> feature in kept)
        {
            grams[index] = feature.Key.Gram;
            orders[index] = (byte)feature.Key.Order;
            foreach ((byte language, byte weight) in feature.Value)
            {
                postingLanguages.Add(language);
                postingWeights.Add(weight);
            }

            postingStarts[++index] = postingLanguages.Count;
        }

        return new LanguageModel(tags, scriptMasks, floors, grams, orders, postingStarts, [.. postingLanguages], [.. postingWeights]);
    }

    private readonly struct CountingSink(Dictionary<string, int>[] counts) : INgramSink
    {
        public void Add(ReadOnlySpan<char> gram, int order, ulong hash)
        {
            Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup = counts[order].GetAlternateLookup<ReadOnlySpan<char>>();
            CollectionsMarshal.GetValueRefOrAddDefault(lookup, gram, out _)++;
        }
    }

    private sealed class FeatureComparer : IComparer<(int Order, string Gram)>
    {
        public static FeatureComparer Instance { get; } = new();

        public int Compare((int Order, string Gram) x, (int Order, string Gram) y)
        {
            int byOrder = x.Order.CompareTo(y.Order);
            return byOrder != 0 ? byOrder : string.CompareOrdinal(x.Gram, y.Gram);
        }
    }
}
