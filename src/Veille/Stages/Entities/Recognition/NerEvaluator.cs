namespace Veille.Stages.Entities.Recognition;

/// <summary>Entity-level counts and exact-match scores for one type, or for all types together.</summary>
/// <param name="Type">"PER", "ORG", "LOC", "MISC", or "ALL" for the overall row.</param>
/// <param name="Gold">Gold entities.</param>
/// <param name="Predicted">Predicted entities.</param>
/// <param name="Correct">Predicted entities with the same boundaries and type as a gold one.</param>
public readonly record struct NerTypeScore(string Type, int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Scores of a tagging run: the micro-averaged overall row, one row per type present in gold or prediction (sorted by name), and the sentence count.</summary>
public sealed record NerScores(NerTypeScore Overall, IReadOnlyList<NerTypeScore> PerType, int Sentences);

/// <summary>
/// seqeval-style evaluation: spans are decoded from BIO (an I- tag that does not continue its type starts an
/// entity) and a prediction counts only when start, end and type all equal a gold entity's.
/// </summary>
public static class NerEvaluator
{
    /// <summary>Tags the tokens of <paramref name="conllFile"/> with the shipped model of <paramref name="language"/> and scores them against the file's tags.</summary>
    public static NerScores Evaluate(string conllFile, string language) => Evaluate(conllFile, language, NamedEntityTagger.Default);

    /// <summary>Like <see cref="Evaluate(string, string)"/> with a given tagger (a freshly trained model, for instance).</summary>
    public static NerScores Evaluate(string conllFile, string language, NamedEntityTagger tagger, int maxSentences = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        List<NerSentence> sentences = ConllReader.Read(conllFile, out List<int> documentStarts);
        if (sentences.Count > maxSentences)
        {
            sentences.RemoveRange(maxSentences, sentences.Count - maxSentences);
        }

        // Each document is tagged as a whole, as the entity stage tags an article.
        var predicted = new List<string[]>(sentences.Count);
        documentStarts.Add(int.MaxValue);
        for (int d = 0; d + 1 < documentStarts.Count && documentStarts[d] < sentences.Count; d++)
        {
            int first = documentStarts[d], end = Math.Min(documentStarts[d + 1], sentences.Count);
            if (end > first)
            {
                var document = sentences.GetRange(first, end - first).ConvertAll(s => (IReadOnlyList<string>)s.Tokens);
                predicted.AddRange(tagger.TagDocument(document, language));
            }
        }

        return Score(sentences.ConvertAll(s => s.Tags), predicted);
    }

    /// <summary>Scores predicted BIO sequences against gold ones, sentence by sentence (same lengths).</summary>
    public static NerScores Score(IReadOnlyList<string[]> gold, IReadOnlyList<string[]> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException("Gold and predicted sentence counts differ.", nameof(predicted));
        }

        var counts = new SortedDictionary<string, (int Gold, int Predicted, int Correct)>(StringComparer.Ordinal);
        for (int s = 0; s < gold.Count; s++)
        {
            var goldSpans = NerTagSet.Decode(gold[s]);
            var predictedSpans = NerTagSet.Decode(predicted[s]);
            var goldSet = new HashSet<TaggedSpan>(goldSpans);
            foreach (TaggedSpan span in goldSpans)
            {
                counts[span.Type] = Add(counts, span.Type, 1, 0, 0);
            }

            foreach (TaggedSpan span in predictedSpans)
            {
                counts[span.Type] = Add(counts, span.Type, 0, 1, goldSet.Contains(span) ? 1 : 0);
            }
        }

        var perType = new List<NerTypeScore>();
        int totalGold = 0, totalPredicted = 0, totalCorrect = 0;
        foreach (var (type, count) in counts)
        {
            perType.Add(new NerTypeScore(type, count.Gold, count.Predicted, count.Correct));
            totalGold += count.Gold;
            totalPredicted += count.Predicted;
            totalCorrect += count.Correct;
        }

        return new NerScores(new NerTypeScore("ALL", totalGold, totalPredicted, totalCorrect), perType, gold.Count);
    }

    private static (int, int, int) Add(SortedDictionary<string, (int Gold, int Predicted, int Correct)> counts, string type, int gold, int predicted, int correct)
    {
        counts.TryGetValue(type, out var count);
        return (count.Gold + gold, count.Predicted + predicted, count.Correct + correct);
    }
}
