using System.Globalization;
using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Corpus.Clustering;

/// <summary>
/// Turns a document into weighted features with language-independent keys: stemmed words (French mapped to English through
/// <see cref="StoryLexicon"/>), entity ids, figures and resolved dates. Keeps the corpus vocabulary and its document
/// frequencies, updated incrementally. Not thread-safe (the clusterer locks).
/// </summary>
internal sealed class StoryFeatures
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> idLookup;
    private readonly List<int> documentFrequency = [];

    // ln(df + 0.5) per feature, refreshed when its frequency changes, so idf = ln(N + prior + 1) - logFrequency[key] needs no logarithm.
    private readonly List<double> logFrequency = [];
    private double logDocuments;
    private readonly StoryClusteringOptions options;
    private readonly StoryLexicon lexicon;

    public StoryFeatures(StoryClusteringOptions options, StoryLexicon lexicon)
    {
        this.options = options;
        this.lexicon = lexicon;
        logDocuments = Math.Log(options.PriorDocuments + 1.0);
        idLookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Documents counted in the document frequencies.</summary>
    public int DocumentCount { get; private set; }

    /// <summary>Distinct features seen.</summary>
    public int VocabularySize => ids.Count;

    /// <summary>Counts the raw occurrences of every feature of a document (weights applied), without touching frequencies.</summary>
    public Dictionary<int, double> Count(Document document)
    {
        Dictionary<int, double> counts = Count(document, new TokenRange(0, document.Tokens.Length));
        bool french = IsFrench(document);
        Span<char> buffer = stackalloc char[64];
        if (document.Title is { Length: > 0 } title && options.TitleWeight > 0)
        {
            foreach (Range range in WordRanges(title))
            {
                AddWord(title.AsSpan(range), french, buffer, counts, options.TitleWeight);
            }
        }

        foreach (Mention mention in document.Mentions)
        {
            if (mention.Entity >= 0 && mention.Entity < document.Entities.Length)
            {
                Add(counts, "e:" + document.Entities[mention.Entity].Id.Value, options.EntityWeight);
            }
        }

        foreach (Figure figure in document.Figures)
        {
            Add(counts, "#" + figure.Value.ToString("G29", CultureInfo.InvariantCulture), options.FigureWeight);
        }

        foreach (DateMention date in document.Dates)
        {
            if (date.Type == TemporalType.Date && date.Value is { Length: 10 } value)
            {
                Add(counts, "d:" + value, options.DateWeight);
            }
        }

        return counts;
    }

    /// <summary>Counts the word and number features of a range of tokens (a sentence), without titles, entities or dates.</summary>
    public Dictionary<int, double> Count(Document document, TokenRange range)
    {
        var counts = new Dictionary<int, double>();
        bool french = IsFrench(document);
        Span<char> buffer = stackalloc char[64];
        // Without the mentions layer, capitalised words inside a sentence stand in for names: they tell apart look-alike stories.
        bool guessNames = !document.Has(Layers.Mentions) && options.NameWeight != 1;
        int sentence = 0;
        for (int i = range.Start; i < range.End; i++)
        {
            Token token = document.Tokens[i];
            bool sentenceStart = false;
            while (sentence < document.Sentences.Length && document.Sentences[sentence].Tokens.End <= i)
            {
                sentence++;
            }

            if (sentence < document.Sentences.Length && document.Sentences[sentence].Tokens.Start == i)
            {
                sentenceStart = true;
            }

            if (token.Kind == TokenKind.Word)
            {
                ReadOnlySpan<char> word = document.TextOf(token);
                double weight = guessNames && !sentenceStart && IsCapitalised(word) ? options.NameWeight : 1;
                AddWord(word, french, buffer, counts, weight);
            }
            else if (token.Kind == TokenKind.Number && !document.Has(Layers.Figures))
            {
                AddNumber(document.TextOf(token), counts);
            }
        }

        return counts;
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) =>
        word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[^1]);

    private static bool IsFrench(Document document) => document.Language.Tag.StartsWith("fr", StringComparison.Ordinal);

    /// <summary>Adds one document's distinct features to the document frequencies.</summary>
    public void Observe(Dictionary<int, double> counts)
    {
        DocumentCount++;
        logDocuments = Math.Log(DocumentCount + options.PriorDocuments + 1.0);
        foreach (int key in counts.Keys)
        {
            documentFrequency[key]++;
            logFrequency[key] = Math.Log(documentFrequency[key] + 0.5);
        }
    }

    /// <summary>Smoothed inverse document frequency of a feature, from the frequencies observed so far.</summary>
    /// <remarks>
    /// <see cref="StoryClusteringOptions.PriorDocuments"/> background documents without the feature are assumed, so that at the start
    /// of a stream (when the corpus so far is one story) the story's own words are not weighed down as if they were function words.
    /// </remarks>
    public double InverseFrequency(int key) => logDocuments - logFrequency[key];

    /// <summary>Squared inverse document frequency (the weight of a shared feature in a dot product).</summary>
    public double SquaredInverseFrequency(int key)
    {
        double idf = InverseFrequency(key);
        return idf * idf;
    }

    /// <summary>
    /// The top <see cref="StoryClusteringOptions.QueryTerms"/> features by (1 + ln tf) · idf (ties by key), with their sublinear
    /// term frequencies L2-normalised: weights stay free of idf, which is applied at comparison time with the frequencies of then.
    /// </summary>
    public SparseVector Select(Dictionary<int, double> counts)
    {
        var weighted = new List<(int Key, double Frequency, double Weight)>(counts.Count);
        foreach ((int key, double count) in counts)
        {
            double frequency = 1 + Math.Log(count);
            weighted.Add((key, frequency, frequency * InverseFrequency(key)));
        }

        weighted.Sort(static (a, b) => b.Weight != a.Weight ? b.Weight.CompareTo(a.Weight) : a.Key.CompareTo(b.Key));
        int kept = Math.Min(options.QueryTerms, weighted.Count);
        double norm = 0;
        for (int i = 0; i < kept; i++)
        {
            norm += weighted[i].Frequency * weighted[i].Frequency;
        }

        norm = Math.Sqrt(norm);
        var keys = new int[kept];
        var weights = new float[kept];
        for (int i = 0; i < kept; i++)
        {
            keys[i] = weighted[i].Key;
            weights[i] = (float)(weighted[i].Frequency / norm);
        }

        return new SparseVector(keys, weights);
    }

    /// <summary>The key of a feature id (for headlines and diagnostics).</summary>
    public string KeyOf(int id) => keysById[id];

    private readonly List<string> keysById = [];

    private void AddWord(ReadOnlySpan<char> word, bool french, Span<char> buffer, Dictionary<int, double> counts, double weight)
    {
        if (word.Length < 3 || word.Length > buffer.Length)
        {
            return;
        }

        ReadOnlySpan<char> folded = WordFolder.Fold(word, buffer);
        int apostrophe = folded.IndexOf('\'');
        if (apostrophe is > 0 and <= 2)
        {
            folded = folded[(apostrophe + 1)..];
        }

        if (folded.Length < 3 || lexicon.Stopwords.Contains(folded) || !char.IsLetter(folded[0]))
        {
            if (IsUnitedStates(word))
            {
                Add(counts, Stem("united-states"), weight);
            }

            return;
        }

        if (IsUnitedStates(word))
        {
            folded = "united-states";
        }
        else if (french)
        {
            if (lexicon.FrenchToEnglish.TryGetValue(folded, out string? english)
                || (folded.Length > 3 && folded[^1] is 's' or 'x' && lexicon.FrenchToEnglish.TryGetValue(folded[..^1], out english)))
            {
                folded = english;
            }
        }

        Add(counts, Stem(folded), weight);
    }

    private static bool IsUnitedStates(ReadOnlySpan<char> word) =>
        word is "US" or "U.S." or "USA" or "U.S.A." or "U.S";

    private ReadOnlySpan<char> Stem(ReadOnlySpan<char> word)
    {
        if (word.Length > 3 && word[^1] == 's' && word[^2] != 's')
        {
            word = word[..^1];
        }

        return word.Length > options.StemLength ? word[..options.StemLength] : word;
    }

    private void AddNumber(ReadOnlySpan<char> number, Dictionary<int, double> counts)
    {
        Span<char> digits = stackalloc char[Math.Min(number.Length, 32) + 1];
        digits[0] = '#';
        int length = 1;
        foreach (char c in number)
        {
            if (char.IsAsciiDigit(c) && length < digits.Length)
            {
                digits[length++] = c;
            }
        }

        // One-digit numbers ("2 July", "3 people") are too common to tell stories apart.
        if (length >= 3)
        {
            Add(counts, digits[..length], options.FigureWeight);
        }
    }

    private void Add(Dictionary<int, double> counts, ReadOnlySpan<char> key, double weight)
    {
        if (weight <= 0)
        {
            return;
        }

        if (!idLookup.TryGetValue(key, out int id))
        {
            string text = key.ToString();
            id = ids.Count;
            ids.Add(text, id);
            keysById.Add(text);
            documentFrequency.Add(0);
            logFrequency.Add(Math.Log(0.5));
        }

        counts[id] = counts.GetValueOrDefault(id) + weight;
    }

    private static IEnumerable<Range> WordRanges(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || ((text[i] is '-' or '.') && start >= 0));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                int end = i;
                while (end > start && text[end - 1] is '-' or '.')
                {
                    end--;
                }

                yield return new Range(start, end);
                start = -1;
            }
        }
    }
}

/// <summary>A document's selected features and their normalised sublinear term frequencies, in decreasing tf-idf order.</summary>
internal readonly record struct SparseVector(int[] Keys, float[] Weights)
{
    public int Count => Keys.Length;
}
