using System.Collections.Frozen;
using System.Reflection;

namespace Veille.Stages.Tokenization;

/// <summary>How an abbreviation behaves beyond keeping its dot.</summary>
[Flags]
internal enum AbbreviationUse : byte
{
    Always = 0,

    /// <summary>An abbreviation only when a number follows ("p. 5").</summary>
    BeforeNumber = 1,

    /// <summary>May end a sentence when the next word is capitalised ("etc.").</summary>
    MayEndSentence = 2,
}

/// <summary>
/// Abbreviations read from the embedded <c>Resources/&lt;lang&gt;/abbreviations.txt</c> files, looked up without
/// allocating; immutable and thread-safe.
/// </summary>
internal sealed class AbbreviationTable
{
    private const string FileName = "abbreviations.txt";

    private readonly FrozenDictionary<string, AbbreviationUse> entries;
    private readonly FrozenDictionary<string, AbbreviationUse>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public AbbreviationTable(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, AbbreviationUse>(StringComparer.Ordinal);
        foreach (string raw in lines)
        {
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            AbbreviationUse use = AbbreviationUse.Always;
            for (int i = 1; i < parts.Length; i++)
            {
                use |= parts[i] switch
                {
                    "number" => AbbreviationUse.BeforeNumber,
                    "final" => AbbreviationUse.MayEndSentence,
                    _ => throw new FormatException($"Unknown abbreviation flag '{parts[i]}' in line '{line}'."),
                };
            }

            // An entry listed by two languages keeps only the flags both agree on.
            map[parts[0]] = map.TryGetValue(parts[0], out AbbreviationUse known) ? known & use : use;
        }

        entries = map.ToFrozenDictionary(StringComparer.Ordinal);
        lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>French and English abbreviations merged: the scanner runs before and without language identification.</summary>
    public static AbbreviationTable Default { get; } = LoadEmbedded("fr", "en");

    public int Count => entries.Count;

    /// <summary>Reads the embedded lists of the given languages (manifest names use '.' or '/' depending on the build host).</summary>
    public static AbbreviationTable LoadEmbedded(params string[] languages)
    {
        Assembly assembly = typeof(AbbreviationTable).Assembly;
        var lines = new List<string>();
        foreach (string language in languages)
        {
            string wanted = $"Veille.Resources.{language}.{FileName}";
            string? name = Array.Find(
                assembly.GetManifestResourceNames(),
                n => string.Equals(n.Replace('/', '.').Replace('\\', '.'), wanted, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"Embedded resource {wanted} is missing.");
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }

        return new AbbreviationTable(lines);
    }

    /// <summary>Finds <paramref name="candidate"/> as written, or a lowercase entry when only its first letter is capitalised.</summary>
    public bool TryGet(ReadOnlySpan<char> candidate, out AbbreviationUse use)
    {
        if (lookup.TryGetValue(candidate, out use))
        {
            return true;
        }

        if (candidate.Length > 1 && candidate.Length <= 32 && char.IsUpper(candidate[0]))
        {
            Span<char> lowered = stackalloc char[candidate.Length];
            candidate.CopyTo(lowered);
            lowered[0] = char.ToLowerInvariant(lowered[0]);
            return lookup.TryGetValue(lowered, out use);
        }

        use = AbbreviationUse.Always;
        return false;
    }
}
