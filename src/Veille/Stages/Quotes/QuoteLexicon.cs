using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Stages.Quotes;

/// <summary>How a reporting cue may introduce a quotation.</summary>
internal enum CueClass : byte
{
    /// <summary>A reporting verb: before, after or inverted around the quote ("said", "a déclaré").</summary>
    Verb,

    /// <summary>A verb of belief or finding that reports only with a complement clause ("believes that", "estime que").</summary>
    That,

    /// <summary>A preposition introducing the source: "selon X", "according to X".</summary>
    Source,
}

/// <summary>Word classes of the quote stage's word lists (a word may belong to several).</summary>
[Flags]
internal enum WordClass
{
    None = 0,
    Definite = 1 << 0,
    Indefinite = 1 << 1,
    Pronoun = 1 << 2,
    PluralPronoun = 1 << 3,
    Complementizer = 1 << 4,
    Auxiliary = 1 << 5,
    Clitic = 1 << 6,
    Adverb = 1 << 7,
    Boundary = 1 << 8,
    Relative = 1 << 9,
    Link = 1 << 10,
    ConduitTo = 1 << 11,
    ConduitOn = 1 << 12,
    ConduitIn = 1 << 13,
    Interview = 1 << 14,
    ConduitWith = 1 << 15,
    Outlet = 1 << 16,
    Person = 1 << 17,
    Time = 1 << 18,
    ClauseStart = 1 << 19,
    Coordination = 1 << 20,
}

/// <summary>
/// Reporting cues and word classes loaded from Resources/quotes/{cues,words}.{fr,en}.txt; immutable and thread-safe.
/// Lookups are case-insensitive and treat the typographic apostrophe as "'".
/// </summary>
internal sealed class QuoteLexicon
{
    private const int MaxWordLength = 64;

    private readonly FrozenDictionary<string, CueEntry[]> cues;
    private readonly FrozenDictionary<string, CueEntry[]>.AlternateLookup<ReadOnlySpan<char>> cueLookup;
    private readonly FrozenDictionary<string, WordClass> words;
    private readonly FrozenDictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> wordLookup;
    private readonly FrozenSet<string> capitalisedOutlets;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> capitalisedOutletLookup;

    private QuoteLexicon(
        Dictionary<string, List<CueEntry>> cueEntries,
        Dictionary<string, WordClass> wordEntries,
        HashSet<string> outlets,
        ImmutableArray<ImmutableArray<string>> synonyms,
        bool allowsBareComplement)
    {
        AllowsBareComplement = allowsBareComplement;
        cues = cueEntries.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(entry => entry.Rest.Length).ToArray(),
            StringComparer.OrdinalIgnoreCase);
        cueLookup = cues.GetAlternateLookup<ReadOnlySpan<char>>();
        words = wordEntries.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        capitalisedOutlets = outlets.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        capitalisedOutletLookup = capitalisedOutlets.GetAlternateLookup<ReadOnlySpan<char>>();
        Synonyms = synonyms;
    }

    /// <summary>French and English lists merged, for documents whose language is unknown.</summary>
    public static QuoteLexicon Any { get; } = LoadEmbedded("fr", "en");

    public static QuoteLexicon French { get; } = LoadEmbedded("fr");

    public static QuoteLexicon English { get; } = LoadEmbedded("en");

    /// <summary>True when a reported clause may follow its verb without a complementizer ("he said the plan …"), as in English.</summary>
    public bool AllowsBareComplement { get; }

    /// <summary>Groups of role words that name the same function ("porte-parole", "secrétaire de presse"), lowercase.</summary>
    public ImmutableArray<ImmutableArray<string>> Synonyms { get; }

    public int CueCount => cues.Count;

    public static QuoteLexicon For(Language language) =>
        language.Tag.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? French
        : language.Tag.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English
        : Any;

    /// <summary>The longest cue starting at token <paramref name="index"/>: its length in tokens (0 when none) and class.</summary>
    public int MatchCue(Document document, int index, out CueClass cueClass)
    {
        cueClass = CueClass.Verb;
        ImmutableArray<Token> tokens = document.Tokens;
        if (!TryNormalize(document.TextOf(tokens[index]), stackalloc char[MaxWordLength], out ReadOnlySpan<char> key)
            || !cueLookup.TryGetValue(key, out CueEntry[]? entries))
        {
            return 0;
        }

        Span<char> buffer = stackalloc char[MaxWordLength];
        foreach (CueEntry entry in entries)
        {
            if (index + entry.Rest.Length >= tokens.Length)
            {
                continue;
            }

            bool matches = true;
            for (int k = 0; k < entry.Rest.Length && matches; k++)
            {
                matches = TryNormalize(document.TextOf(tokens[index + 1 + k]), buffer, out ReadOnlySpan<char> next)
                    && next.Equals(entry.Rest[k], StringComparison.OrdinalIgnoreCase);
            }

            if (matches)
            {
                cueClass = entry.Class;
                return entry.Rest.Length + 1;
            }
        }

        return 0;
    }

    /// <summary>The classes of the word at token <paramref name="index"/>.</summary>
    public WordClass ClassOf(Document document, int index)
    {
        ReadOnlySpan<char> text = document.TextOf(document.Tokens[index]);
        if (!TryNormalize(text, stackalloc char[MaxWordLength], out ReadOnlySpan<char> key) || !wordLookup.TryGetValue(key, out WordClass found))
        {
            return WordClass.None;
        }

        // A capitalised outlet name ("Post", "AP") is not the common word written in lowercase.
        if ((found & WordClass.Outlet) != 0 && char.IsLower(text[0]) && capitalisedOutletLookup.Contains(key))
        {
            found &= ~WordClass.Outlet;
        }

        return found;
    }

    public bool Is(Document document, int index, WordClass wordClass) => (ClassOf(document, index) & wordClass) != 0;

    internal static QuoteLexicon Parse(IEnumerable<(string Source, string Content)> cueFiles, IEnumerable<(string Source, string Content)> wordFiles)
    {
        var cueEntries = new Dictionary<string, List<CueEntry>>(StringComparer.OrdinalIgnoreCase);
        foreach ((string source, string content) in cueFiles)
        {
            foreach ((int lineNumber, string form, string? tag) in Lines(content))
            {
                CueClass cueClass = tag switch
                {
                    null or "verb" => CueClass.Verb,
                    "that" => CueClass.That,
                    "source" => CueClass.Source,
                    _ => throw new FormatException($"{source}:{lineNumber}: unknown cue class '{tag}'."),
                };
                string[] parts = Split(form);
                if (parts.Length == 0)
                {
                    continue;
                }

                if (!cueEntries.TryGetValue(parts[0], out List<CueEntry>? list))
                {
                    cueEntries[parts[0]] = list = [];
                }

                list.Add(new CueEntry(parts[1..], cueClass));
            }
        }

        var wordEntries = new Dictionary<string, WordClass>(StringComparer.OrdinalIgnoreCase);
        var outlets = new HashSet<string>(StringComparer.Ordinal);
        var lowercaseOutlets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var synonyms = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        bool allowsBareComplement = false;
        foreach ((string source, string content) in wordFiles)
        {
            foreach ((int lineNumber, string name, string? word) in Lines(content))
            {
                if (word is null)
                {
                    throw new FormatException($"{source}:{lineNumber}: expected 'class<TAB>word'.");
                }

                if (name == "setting")
                {
                    allowsBareComplement |= word == "bare-complement";
                    continue;
                }

                if (name == "synonym")
                {
                    synonyms.Add([.. word.Split('|').Select(part => Normalize(part.Trim()).ToLowerInvariant())]);
                    continue;
                }

                WordClass wordClass = ParseClass(name) ?? throw new FormatException($"{source}:{lineNumber}: unknown word class '{name}'.");
                string key = Normalize(word);
                wordEntries[key] = wordEntries.GetValueOrDefault(key) | wordClass;
                if (wordClass == WordClass.Outlet)
                {
                    (char.IsUpper(key[0]) ? outlets : lowercaseOutlets).Add(key);
                }
            }
        }

        outlets.RemoveWhere(lowercaseOutlets.Contains);
        return new QuoteLexicon(cueEntries, wordEntries, outlets, synonyms.ToImmutable(), allowsBareComplement);
    }

    /// <summary>Tokenizes a multiword form the way the text is tokenized ("d'après" is "d'" + "après").</summary>
    private static string[] Split(string form)
    {
        ImmutableArray<Token> tokens = TokenScanner.Scan(form);
        var parts = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            parts[i] = Normalize(form.Substring(tokens[i].Span.Start, tokens[i].Span.Length));
        }

        return parts;
    }

    private static WordClass? ParseClass(string name) => name switch
    {
        "definite" => WordClass.Definite,
        "indefinite" => WordClass.Indefinite,
        "pronoun" => WordClass.Pronoun,
        "plural-pronoun" => WordClass.PluralPronoun,
        "complementizer" => WordClass.Complementizer,
        "auxiliary" => WordClass.Auxiliary,
        "clitic" => WordClass.Clitic,
        "adverb" => WordClass.Adverb,
        "boundary" => WordClass.Boundary,
        "relative" => WordClass.Relative,
        "link" => WordClass.Link,
        "conduit-to" => WordClass.ConduitTo,
        "conduit-on" => WordClass.ConduitOn,
        "conduit-in" => WordClass.ConduitIn,
        "interview" => WordClass.Interview,
        "conduit-with" => WordClass.ConduitWith,
        "outlet" => WordClass.Outlet,
        "person" => WordClass.Person,
        "time" => WordClass.Time,
        "clause-start" => WordClass.ClauseStart,
        "coordination" => WordClass.Coordination,
        _ => null,
    };

    private static IEnumerable<(int LineNumber, string First, string? Second)> Lines(string content)
    {
        int lineNumber = 0;
        foreach (string raw in content.Split('\n'))
        {
            lineNumber++;
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            yield return tab < 0 ? (lineNumber, line.Trim(), null) : (lineNumber, line[..tab].Trim(), line[(tab + 1)..].Trim());
        }
    }

    private static string Normalize(string text) => text.Replace('\u2019', '\'');

    private static bool TryNormalize(ReadOnlySpan<char> text, Span<char> buffer, out ReadOnlySpan<char> key)
    {
        if (text.Length > buffer.Length)
        {
            key = default;
            return false;
        }

        if (!text.Contains('\u2019'))
        {
            key = text;
            return true;
        }

        text.CopyTo(buffer);
        Span<char> copy = buffer[..text.Length];
        copy.Replace('\u2019', '\'');
        key = copy;
        return true;
    }

    private static QuoteLexicon LoadEmbedded(params string[] languages)
    {
        var cueFiles = new List<(string, string)>();
        var wordFiles = new List<(string, string)>();
        foreach (string language in languages)
        {
            cueFiles.Add(ReadResource($"cues.{language}.txt"));
            wordFiles.Add(ReadResource($"words.{language}.txt"));
        }

        return Parse(cueFiles, wordFiles);
    }

    private static (string Name, string Content) ReadResource(string fileName)
    {
        Assembly assembly = typeof(QuoteLexicon).Assembly;
        string wanted = $"Veille.Resources.quotes.{fileName}";
        string name = Array.Find(
            assembly.GetManifestResourceNames(),
            n => string.Equals(n.Replace('/', '.').Replace('\\', '.'), wanted, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded resource {wanted} is missing.");
        using Stream stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return (name, reader.ReadToEnd());
    }

    private sealed record CueEntry(string[] Rest, CueClass Class);
}
