namespace Veille.Stages.LanguageId;

/// <summary>Accuracy of one language in an evaluation.</summary>
/// <param name="Language">The true language tag.</param>
/// <param name="Correct">Samples whose top-ranked language was the true one.</param>
/// <param name="Total">Samples of this language.</param>
/// <param name="MostConfusedWith">The wrong answer given most often, or null when there was none.</param>
public sealed record LanguageAccuracy(string Language, int Correct, int Total, string? MostConfusedWith)
{
    /// <summary>Share of correct samples, 0-1.</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;
}

/// <summary>Per-language accuracies of an evaluation, in the order the languages first appear in the data.</summary>
/// <param name="Languages">One entry per true language.</param>
/// <param name="Folds">Number of cross-validation folds, or 0 for an evaluation of a fixed model.</param>
public sealed record LanguageIdEvaluation(IReadOnlyList<LanguageAccuracy> Languages, int Folds)
{
    /// <summary>Unweighted mean of the per-language accuracies, 0-1.</summary>
    public double MeanAccuracy
    {
        get
        {
            double sum = 0;
            foreach (LanguageAccuracy language in Languages)
            {
                sum += language.Accuracy;
            }

            return Languages.Count == 0 ? 0 : sum / Languages.Count;
        }
    }
}

/// <summary>Measures sentence accuracy (top-ranked language, no confidence threshold) of the language identifier.</summary>
public static class LanguageIdEvaluator
{
    /// <summary>Stratified k-fold cross-validation: the i-th sample of each language is tested in fold i mod <paramref name="folds"/>, trained on the others.</summary>
    public static LanguageIdEvaluation CrossValidate(IReadOnlyList<LanguageSample> samples, int folds = 5, LanguageModelTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        int[] foldOf = new int[samples.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < samples.Count; i++)
        {
            seen.TryGetValue(samples[i].Language, out int rank);
            foldOf[i] = rank % folds;
            seen[samples[i].Language] = rank + 1;
        }

        var tally = new Tally();
        for (int fold = 0; fold < folds; fold++)
        {
            var training = new List<LanguageSample>(samples.Count);
            var test = new List<LanguageSample>();
            for (int i = 0; i < samples.Count; i++)
            {
                (foldOf[i] == fold ? test : training).Add(samples[i]);
            }

            tally.Add(LanguageModelTrainer.TrainIdentifier(training, options), test);
        }

        return tally.ToEvaluation(folds);
    }

    /// <summary>Cross-validates on the data folder (see <see cref="LanguageIdData.ReadFolder"/>).</summary>
    public static LanguageIdEvaluation CrossValidateFolder(string dataDirectory, int folds = 5) =>
        CrossValidate(LanguageIdData.ReadFolder(dataDirectory), folds);

    /// <summary>Accuracy of a fixed identifier on <paramref name="samples"/>.</summary>
    public static LanguageIdEvaluation Evaluate(LanguageIdentifier identifier, IEnumerable<LanguageSample> samples)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var tally = new Tally();
        tally.Add(identifier, samples);
        return tally.ToEvaluation(0);
    }

    private sealed class Tally
    {
        private readonly Dictionary<string, (int Correct, int Total, Dictionary<string, int> Confusions)> languages = new(StringComparer.Ordinal);
        private readonly List<string> order = [];

        public void Add(LanguageIdentifier identifier, IEnumerable<LanguageSample> samples)
        {
            foreach (LanguageSample sample in samples)
            {
                if (!languages.TryGetValue(sample.Language, out var entry))
                {
                    entry = (0, 0, new Dictionary<string, int>(StringComparer.Ordinal));
                    order.Add(sample.Language);
                }

                string answer = identifier.Identify(sample.Text, minimumConfidence: 0).Tag;
                if (answer == sample.Language)
                {
                    entry.Correct++;
                }
                else
                {
                    entry.Confusions[answer] = entry.Confusions.GetValueOrDefault(answer) + 1;
                }

                entry.Total++;
                languages[sample.Language] = entry;
            }
        }

        public LanguageIdEvaluation ToEvaluation(int folds)
        {
            var accuracies = new List<LanguageAccuracy>(order.Count);
            foreach (string language in order)
            {
                var (correct, total, confusions) = languages[language];
                string? worst = null;
                foreach (KeyValuePair<string, int> confusion in confusions)
                {
                    if (worst is null || confusion.Value > confusions[worst] || (confusion.Value == confusions[worst] && string.CompareOrdinal(confusion.Key, worst) < 0))
                    {
                        worst = confusion.Key;
                    }
                }

                accuracies.Add(new LanguageAccuracy(language, correct, total, worst));
            }

            return new LanguageIdEvaluation(accuracies, folds);
        }
    }
}
