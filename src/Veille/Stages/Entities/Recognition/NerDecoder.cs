namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Tags sentences with one <see cref="NerModel"/>: features, int16 emission sums, Viterbi. Not thread-safe (it owns
/// scratch buffers that grow to the longest sentence); allocation-free per sentence once warmed up.
/// </summary>
internal sealed class NerDecoder
{
    private const int T = NerTagSet.Count;

    private readonly NerModel model;
    private readonly NerFeatureExtractor extractor;
    private int[] buckets = new int[64 * NerFeatureExtractor.FeaturesPerToken];
    private float[] emissions = new float[64 * T];
    private float[] scores = new float[64 * T];
    private int[] back = new int[64 * T];
    private int[] sums = new int[T];

    public NerDecoder(NerModel model)
    {
        this.model = model;
        extractor = new NerFeatureExtractor(model.Lexicon, model.Bits);
    }

    /// <summary>Emission scores of the last sentence tagged: n × <see cref="NerTagSet.Count"/>.</summary>
    public ReadOnlySpan<float> Emissions => emissions;

    /// <summary>Tags the tokens [starts[i], ends[i]) of <paramref name="text"/> into <paramref name="tags"/> (tag indices).</summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags) =>
        Tag(text, starts, ends, tags, default);

    /// <summary>Tags with constraints: when <paramref name="allowed"/> is not empty, token i may only take tags whose bit is set in allowed[i].</summary>
    public void Tag(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, Span<int> tags, ReadOnlySpan<int> allowed)
    {
        // Invariants: starts, ends and tags have the sentence's length n; buffers hold n rows after Grow.
        int n = starts.Length;
        Grow(n);
        extractor.Extract(text, starts, ends, buckets);
        short[] weights = model.Weights;
        float scale = model.Scale;
        for (int i = 0; i < n; i++)
        {
            Array.Clear(sums);
            int featureRow = i * NerFeatureExtractor.FeaturesPerToken;
            for (int f = 0; f < NerFeatureExtractor.FeaturesPerToken; f++)
            {
                int offset = buckets[featureRow + f] * T;
                for (int t = 0; t < T; t++)
                {
                    sums[t] += weights[offset + t];
                }
            }

            for (int t = 0; t < T; t++)
            {
                emissions[(i * T) + t] = allowed.IsEmpty || (allowed[i] & (1 << t)) != 0 ? sums[t] * scale : -1e9f;
            }
        }

        BioViterbi.Decode(emissions, model.Transitions, n, tags, scores, back);
    }

    private void Grow(int n)
    {
        if (emissions.Length >= n * T)
        {
            return;
        }

        int size = Math.Max(n, emissions.Length / T * 2);
        buckets = new int[size * NerFeatureExtractor.FeaturesPerToken];
        emissions = new float[size * T];
        scores = new float[size * T];
        back = new int[size * T];
    }
}
