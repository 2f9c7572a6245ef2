using System.Collections.Frozen;
using System.Reflection;

namespace Veille.Corpus.Clustering;

/// <summary>
/// The bilingual layer of story matching: stopwords of French and English, and a French-to-English lexicon of frequent
/// news words (embedded data files under Resources/stories/). Words are looked up folded (lowercase, no accents). Thread-safe.
/// </summary>
internal sealed class StoryLexicon
{
    private static readonly Lazy<StoryLexicon> Shared = new(Load);

    private StoryLexicon(FrozenSet<string> stopwords, FrozenDictionary<string, string> frenchToEnglish)
    {
        Stopwords = stopwords.GetAlternateLookup<ReadOnlySpan<char>>();
        FrenchToEnglish = frenchToEnglish.GetAlternateLookup<ReadOnlySpan<char>>();
        StopwordCount = stopwords.Count;
        EntryCount = frenchToEnglish.Count;
    }

    /// <summary>The lexicon shipped with Veille.</summary>
    public static StoryLexicon Default => Shared.Value;

    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Stopwords { get; }

    public FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> FrenchToEnglish { get; }

    public int StopwordCount { get; }

    public int EntryCount { get; }

    private static StoryLexicon Load()
    {
        var stopwords = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in ReadLines("stopwords.txt"))
        {
            foreach (string word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                stopwords.Add(word);
            }
        }

        var lexicon = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in ReadLines("lexicon.fr-en.txt"))
        {
            string[] parts = line.Split('\t');
            if (parts.Length == 2)
            {
                lexicon.TryAdd(parts[0].Trim(), parts[1].Trim());
            }
        }

        return new StoryLexicon(stopwords.ToFrozenSet(StringComparer.Ordinal), lexicon.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static IEnumerable<string> ReadLines(string fileName)
    {
        Assembly assembly = typeof(StoryLexicon).Assembly;
        string name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("stories/" + fileName, StringComparison.Ordinal) || n.EndsWith("stories." + fileName, StringComparison.Ordinal));
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
