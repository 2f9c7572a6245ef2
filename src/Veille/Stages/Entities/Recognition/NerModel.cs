using System.IO.Compression;
using System.Text;

namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// A trained tagger: hashed emission weights (int16, one row of <see cref="NerTagSet.Count"/> per bucket, times
/// <see cref="Scale"/>), BIO transition scores and the lexicon its features were trained with. Immutable after loading.
/// </summary>
internal sealed class NerModel
{
    private const string Magic = "veille-ner-1";

    public NerModel(string language, int bits, short[] weights, float scale, float[] transitions, NerLexicon lexicon)
    {
        Language = language;
        Bits = bits;
        Weights = weights;
        Scale = scale;
        Transitions = transitions;
        Lexicon = lexicon;
    }

    public string Language { get; }

    /// <summary>log2 of the number of feature buckets.</summary>
    public int Bits { get; }

    public short[] Weights { get; }

    public float Scale { get; }

    /// <summary>(1 + <see cref="NerTagSet.Count"/>) × <see cref="NerTagSet.Count"/> scores; row 0 is the sentence start, row p + 1 follows tag p.</summary>
    public float[] Transitions { get; }

    public NerLexicon Lexicon { get; }

    public static NerModel Quantize(string language, int bits, float[] weights, float[] transitions, NerLexicon lexicon)
    {
        float max = 0;
        foreach (float weight in weights)
        {
            max = Math.Max(max, Math.Abs(weight));
        }

        float scale = max == 0 ? 1 : max / short.MaxValue;
        var quantized = new short[weights.Length];
        for (int i = 0; i < weights.Length; i++)
        {
            quantized[i] = (short)Math.Round(weights[i] / scale);
        }

        return new NerModel(language, bits, quantized, scale, transitions, lexicon);
    }

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.SmallestSize);
        using var writer = new BinaryWriter(gzip, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(Language);
        writer.Write(Bits);
        writer.Write(Scale);
        writer.Write(Transitions.Length);
        foreach (float transition in Transitions)
        {
            writer.Write(transition);
        }

        Lexicon.Write(writer);
        writer.Write(Weights.Length);
        var bytes = new byte[Weights.Length * sizeof(short)];
        Buffer.BlockCopy(Weights, 0, bytes, 0, bytes.Length);
        writer.Write(bytes);
    }

    public static NerModel Load(Stream stream)
    {
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var buffered = new BufferedStream(gzip, 1 << 16);
        using var reader = new BinaryReader(buffered, Encoding.UTF8);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a Veille named-entity model.");
        }

        string language = reader.ReadString();
        int bits = reader.ReadInt32();
        float scale = reader.ReadSingle();
        var transitions = new float[reader.ReadInt32()];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = reader.ReadSingle();
        }

        NerLexicon lexicon = NerLexicon.Read(reader);
        var weights = new short[reader.ReadInt32()];
        byte[] bytes = reader.ReadBytes(weights.Length * sizeof(short));
        Buffer.BlockCopy(bytes, 0, weights, 0, bytes.Length);
        return new NerModel(language, bits, weights, scale, transitions, lexicon);
    }

    public static NerModel Load(string path)
    {
        using var file = File.OpenRead(path);
        return Load(file);
    }
}

/// <summary>
/// First-order Viterbi over BIO tags with ill-formed transitions (O → I-X, B-X → I-Y) forbidden, so every output
/// is well-formed BIO.
/// </summary>
internal static class BioViterbi
{
    /// <summary>Best tag sequence for <paramref name="emissions"/> (n × Count) into <paramref name="tags"/>; <paramref name="back"/> is scratch of n × Count.</summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<int> tags, Span<float> scores, Span<int> back)
    {
        // Invariants: emissions and scores hold n * Count values, transitions (1 + Count) * Count, tags n.
        const int T = NerTagSet.Count;
        if (n == 0)
        {
            return;
        }

        for (int t = 0; t < T; t++)
        {
            scores[t] = NerTagSet.IsAllowed(-1, t) ? emissions[t] + transitions[t] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            int row = i * T, previousRow = row - T;
            for (int t = 0; t < T; t++)
            {
                float best = float.NegativeInfinity;
                int bestPrevious = 0;
                for (int p = 0; p < T; p++)
                {
                    if (!NerTagSet.IsAllowed(p, t))
                    {
                        continue;
                    }

                    float score = scores[previousRow + p] + transitions[((p + 1) * T) + t];
                    if (score > best)
                    {
                        best = score;
                        bestPrevious = p;
                    }
                }

                scores[row + t] = best + emissions[row + t];
                back[row + t] = bestPrevious;
            }
        }

        int last = (n - 1) * T;
        int bestTag = 0;
        for (int t = 1; t < T; t++)
        {
            if (scores[last + t] > scores[last + bestTag])
            {
                bestTag = t;
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            tags[i] = bestTag;
            bestTag = back[(i * T) + bestTag];
        }
    }
}
