using System.Collections.Frozen;
using System.Reflection;
using Veille.Stages.Entities.Geo;

namespace Veille.Stages.Entities.Linking;

/// <summary>
/// Word lists of the linker read from Resources/entities (roles.*.txt, particles.txt); immutable and thread-safe.
/// Triggers and honorifics are keyed by folded form (case, accents and dots ignored); function words and particles by
/// lowercase form with ’ read as ', because folding would confuse French "à" with English "a".
/// </summary>
internal sealed class LinkingLexicon
{
    private const string Prefix = "Veille.Resources.entities.";

    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> triggers;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> determiners;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> linking;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> boundaries;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> honorifics;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> joinParticles;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> particles;

    public LinkingLexicon(IReadOnlyDictionary<string, IEnumerable<string>> sections)
    {
        triggers = Set(sections, "trigger", folded: true);
        determiners = Set(sections, "determiner", folded: false);
        linking = Set(sections, "linking", folded: false);
        boundaries = Set(sections, "boundary", folded: false);
        honorifics = Set(sections, "honorific", folded: true);
        joinParticles = Set(sections, "join", folded: true);
        particles = Set(sections, "particle", folded: false);
    }

    /// <summary>The lists of every embedded roles.*.txt and particles.txt, merged (the linker is language-independent).</summary>
    public static LinkingLexicon Default { get; } = LoadEmbedded();

    public bool IsTrigger(ReadOnlySpan<char> word) => ContainsFolded(triggers, word);

    public bool IsDeterminer(ReadOnlySpan<char> word) => ContainsLower(determiners, word);

    public bool IsLinking(ReadOnlySpan<char> word) => ContainsLower(linking, word);

    public bool IsBoundary(ReadOnlySpan<char> word) => ContainsLower(boundaries, word);

    public bool IsHonorific(ReadOnlySpan<char> word) => ContainsFolded(honorifics, word);

    public bool IsJoinParticle(ReadOnlySpan<char> word) => ContainsFolded(joinParticles, word);

    public bool IsParticle(ReadOnlySpan<char> word) => ContainsLower(particles, word);

    /// <summary>Parses "[section]" headers and entries; '#' starts a comment line.</summary>
    public static Dictionary<string, List<string>> ParseSections(IEnumerable<string> lines, Dictionary<string, List<string>>? into = null)
    {
        into ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                string name = line[1..^1];
                if (!into.TryGetValue(name, out current))
                {
                    current = [];
                    into.Add(name, current);
                }

                continue;
            }

            (current ?? throw new FormatException($"Entry '{line}' before any [section].")).Add(line);
        }

        return into;
    }

    private static bool ContainsFolded(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> word)
    {
        Span<char> key = stackalloc char[NameFolding.MaxKeyLength];
        int length = NameFolding.Compact(word, key);
        return length > 0 && set.Contains(key[..length]);
    }

    private static bool ContainsLower(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> set, ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 32)
        {
            return false;
        }

        Span<char> key = stackalloc char[word.Length];
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            key[i] = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
        }

        return set.Contains(key);
    }

    private static string Lower(string entry) => entry.Replace('\u2019', '\'').ToLowerInvariant();

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(IReadOnlyDictionary<string, IEnumerable<string>> sections, string name, bool folded)
    {
        IEnumerable<string> entries = sections.TryGetValue(name, out IEnumerable<string>? list) ? list : [];
        return entries.Select(entry => folded ? NameFolding.Compact(entry) : Lower(entry)).Where(key => key.Length > 0)
            .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static LinkingLexicon LoadEmbedded()
    {
        Assembly assembly = typeof(LinkingLexicon).Assembly;
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            string normalized = name.Replace('/', '.').Replace('\\', '.');
            if (!normalized.StartsWith(Prefix, StringComparison.Ordinal) || !normalized.EndsWith(".txt", StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var lines = new List<string>();
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }

            ParseSections(lines, sections);
        }

        if (!sections.ContainsKey("trigger"))
        {
            throw new InvalidOperationException("Embedded resources Resources/entities/roles.*.txt are missing.");
        }

        return new LinkingLexicon(sections.ToDictionary(pair => pair.Key, pair => (IEnumerable<string>)pair.Value, StringComparer.Ordinal));
    }
}
