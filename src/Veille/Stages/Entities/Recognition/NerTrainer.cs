namespace Veille.Stages.Entities.Recognition;

/// <summary>
/// Averaged structured perceptron over BIO tags (Collins 2002): Viterbi decoding, updates on the emission rows of
/// wrongly tagged tokens and on wrong transitions, weights averaged over every step, sentence order shuffled with a
/// fixed seed each epoch, so training is reproducible.
/// </summary>
public static class NerTrainer
{
    private const int T = NerTagSet.Count;

    /// <summary>Feature bucket count is 2^<see cref="DefaultBits"/>.</summary>
    public const int DefaultBits = 20;

    internal static NerModel Train(string language, IReadOnlyList<NerSentence> sentences, NerLexicon lexicon, int epochs, int seed, TextWriter log, int bits = DefaultBits)
    {
        if (bits == DefaultBits && Environment.GetEnvironmentVariable("VEILLE_NER_BITS") is { } configured)
        {
            bits = int.Parse(configured, System.Globalization.CultureInfo.InvariantCulture);
        }

        var extractor = new NerFeatureExtractor(lexicon, bits);
        int F = NerFeatureExtractor.FeaturesPerToken;
        var features = new int[sentences.Count][];
        var gold = new int[sentences.Count][];
        int longest = 1;
        for (int s = 0; s < sentences.Count; s++)
        {
            NerSentence sentence = sentences[s];
            int n = sentence.Tokens.Length;
            longest = Math.Max(longest, n);
            var (text, starts, ends) = Join(sentence.Tokens);
            features[s] = new int[n * F];
            extractor.Extract(text, starts, ends, features[s]);
            gold[s] = new int[n];
            for (int i = 0; i < n; i++)
            {
                gold[s][i] = NerTagSet.IndexOf(sentence.Tags[i]);
            }
        }

        var weights = new float[(1 << bits) * T];
        var totals = new float[weights.Length];
        var transitions = new float[(T + 1) * T];
        var transitionTotals = new float[transitions.Length];
        var emissions = new float[longest * T];
        var scores = new float[longest * T];
        var back = new int[longest * T];
        var predicted = new int[longest];
        var order = new int[sentences.Count];
        for (int s = 0; s < order.Length; s++)
        {
            order[s] = s;
        }

        var random = new Random(seed);
        float step = 1;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0, tokens = 0;
            foreach (int s in order)
            {
                int[] sentenceFeatures = features[s];
                int[] sentenceGold = gold[s];
                int n = sentenceGold.Length;
                for (int i = 0; i < n; i++)
                {
                    for (int t = 0; t < T; t++)
                    {
                        float sum = 0;
                        for (int f = 0; f < F; f++)
                        {
                            sum += weights[(sentenceFeatures[(i * F) + f] * T) + t];
                        }

                        emissions[(i * T) + t] = sum;
                    }
                }

                BioViterbi.Decode(emissions, transitions, n, predicted, scores, back);
                for (int i = 0; i < n; i++)
                {
                    int want = sentenceGold[i], got = predicted[i];
                    if (want != got)
                    {
                        errors++;
                        for (int f = 0; f < F; f++)
                        {
                            int row = sentenceFeatures[(i * F) + f] * T;
                            weights[row + want] += 1;
                            totals[row + want] += step;
                            weights[row + got] -= 1;
                            totals[row + got] -= step;
                        }
                    }

                    int wantPrevious = i == 0 ? 0 : sentenceGold[i - 1] + 1;
                    int gotPrevious = i == 0 ? 0 : predicted[i - 1] + 1;
                    if (want != got || wantPrevious != gotPrevious)
                    {
                        transitions[(wantPrevious * T) + want] += 1;
                        transitionTotals[(wantPrevious * T) + want] += step;
                        transitions[(gotPrevious * T) + got] -= 1;
                        transitionTotals[(gotPrevious * T) + got] -= step;
                    }
                }

                tokens += n;
                step++;
            }

            log.WriteLine($"epoch {epoch + 1}/{epochs}: {errors} token errors of {tokens} ({100.0 * errors / Math.Max(1, tokens):F2}%)");
        }

        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] -= totals[i] / step;
        }

        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] -= transitionTotals[i] / step;
        }

        return NerModel.Quantize(language, bits, weights, transitions, lexicon);
    }

    /// <summary>Joins tokens with single spaces, returning the text and each token's offsets.</summary>
    internal static (string Text, int[] Starts, int[] Ends) Join(IReadOnlyList<string> tokens)
    {
        var starts = new int[tokens.Count];
        var ends = new int[tokens.Count];
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            starts[i] = builder.Length;
            builder.Append(tokens[i]);
            ends[i] = builder.Length;
        }

        return (builder.ToString(), starts, ends);
    }
}
