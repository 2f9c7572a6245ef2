using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text;
using Veille.Model;

namespace Veille.Stages.Entities.Geo;

/// <summary>
/// Place names (countries, capitals, cities of 15,000+ inhabitants, regions and sub-national areas, continents) and demonyms, looked up by
/// folded name (<see cref="NameFolding"/>) without allocating. Immutable and thread-safe.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Manifest name of the built gazetteer (see <see cref="GazetteerBuilder"/>).</summary>
    public const string PlacesResource = "Veille.Resources.gazetteer/places.tsv.gz";

    /// <summary>Manifest name of the hand-written regions, sub-national areas and continents.</summary>
    public const string RegionsResource = "Veille.Resources.gazetteer/regions.txt";

    /// <summary>Manifest name of the hand-written extra names of places ("Britain", "RDC").</summary>
    public const string AliasesResource = "Veille.Resources.gazetteer/aliases.txt";

    private static readonly Lazy<Gazetteer> DefaultInstance = new(LoadEmbedded);

    private readonly FrozenDictionary<string, ImmutableArray<GazetteerEntry>> byName;
    private readonly FrozenDictionary<string, ImmutableArray<GazetteerEntry>>.AlternateLookup<ReadOnlySpan<char>> nameLookup;
    private readonly FrozenDictionary<string, string> demonyms;
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> demonymLookup;
    private readonly FrozenDictionary<string, GazetteerEntry> countries;
    private readonly FrozenDictionary<string, GazetteerEntry> byId;

    private Gazetteer(List<GazetteerEntry> entries, Dictionary<string, List<GazetteerEntry>> names, Dictionary<string, string> demonymTable)
    {
        Count = entries.Count;
        byName = names.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.ToImmutableArray(), StringComparer.Ordinal);
        nameLookup = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        demonyms = demonymTable.ToFrozenDictionary(StringComparer.Ordinal);
        demonymLookup = demonyms.GetAlternateLookup<ReadOnlySpan<char>>();
        countries = entries.Where(e => e.PlaceKind == "country").ToFrozenDictionary(e => e.CountryCode!, StringComparer.Ordinal);
        byId = entries.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
    }

    /// <summary>The embedded gazetteer, loaded on first use (about a second).</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>Number of places.</summary>
    public int Count { get; }

    /// <summary>Number of distinct folded names.</summary>
    public int NameCount => byName.Count;

    /// <summary>Number of folded demonym forms.</summary>
    public int DemonymCount => demonyms.Count;

    /// <summary>Places whose name folds like <paramref name="name"/> ("Etats Unis", "Londres"), ordered areas first then by population; empty when none.</summary>
    public ImmutableArray<GazetteerEntry> Find(ReadOnlySpan<char> name)
    {
        Span<char> key = stackalloc char[NameFolding.MaxKeyLength];
        int length = NameFolding.Compact(name, key);
        return FindFolded(length > 0 ? key[..length] : []);
    }

    /// <summary>The place with <see cref="GeoPlace.GazetteerId"/> <paramref name="gazetteerId"/> (for its French name), or null.</summary>
    public GazetteerEntry? Get(string gazetteerId) => byId.GetValueOrDefault(gazetteerId);

    /// <summary>The country with ISO alpha-2 <paramref name="countryCode"/>, or null.</summary>
    public GazetteerEntry? Country(string countryCode) => countries.GetValueOrDefault(countryCode);

    /// <summary>The ISO alpha-2 code of the country a demonym or nationality adjective refers to ("nigérienne" → "NE"), or null.</summary>
    public string? CountryOfDemonym(ReadOnlySpan<char> word)
    {
        Span<char> key = stackalloc char[NameFolding.MaxKeyLength];
        int length = NameFolding.Compact(word, key);
        return length > 0 && demonymLookup.TryGetValue(key[..length], out string? country) ? country : null;
    }

    internal ImmutableArray<GazetteerEntry> FindFolded(ReadOnlySpan<char> key) =>
        key.Length > 0 && nameLookup.TryGetValue(key, out ImmutableArray<GazetteerEntry> entries) ? entries : [];

    /// <summary>Reads a gazetteer from the built places file (gzip TSV), the regions file and, optionally, the aliases file.</summary>
    public static Gazetteer Load(Stream places, Stream regions, Stream? aliases = null)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(regions);
        var entries = new List<GazetteerEntry>();
        var names = new Dictionary<string, List<GazetteerEntry>>(StringComparer.Ordinal);
        var demonymTable = new Dictionary<string, string>(StringComparer.Ordinal);

        using (var gzip = new GZipStream(places, CompressionMode.Decompress, leaveOpen: true))
        using (var reader = new StreamReader(gzip, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string[] fields = line.Split('\t');
                if (fields[0] == "D" && fields.Length == 3)
                {
                    demonymTable[fields[1]] = fields[2];
                    continue;
                }

                if (fields[0] != "E" || fields.Length != 10)
                {
                    throw new FormatException($"Malformed gazetteer line: {line}");
                }

                var entry = new GazetteerEntry(
                    fields[1], fields[2], fields[3].Length == 0 ? null : fields[3], Parse(fields[4]), Parse(fields[5]),
                    long.Parse(fields[6], CultureInfo.InvariantCulture), fields[7], fields[8].Length == 0 ? fields[7] : fields[8]);
                Add(entries, names, entry, fields[9].Split('|'));
            }
        }

        using (var reader = new StreamReader(regions, Encoding.UTF8, leaveOpen: true))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string[] fields = line.Split('\t');
                if (fields.Length != 8)
                {
                    throw new FormatException($"Malformed region line: {line}");
                }

                var entry = new GazetteerEntry(fields[0], fields[1], fields[2].Length == 0 ? null : fields[2], Parse(fields[3]), Parse(fields[4]), 0, fields[5], fields[6]);
                Add(entries, names, entry, [fields[5], fields[6], .. fields[7].Split('|', StringSplitOptions.RemoveEmptyEntries)]);
            }
        }

        if (aliases is not null)
        {
            Dictionary<string, GazetteerEntry> byId = entries.ToDictionary(entry => entry.Id, StringComparer.Ordinal);
            using var reader = new StreamReader(aliases, Encoding.UTF8, leaveOpen: true);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                string[] fields = line.Split('\t');
                if (fields.Length != 2 || !byId.TryGetValue(fields[1], out GazetteerEntry? entry))
                {
                    throw new FormatException($"Malformed alias line or unknown id: {line}");
                }

                AddName(names, entry, fields[0]);
            }
        }

        foreach (List<GazetteerEntry> candidates in names.Values)
        {
            // Areas first (a country beats a town of the same name), then population; the id breaks ties.
            candidates.Sort(static (a, b) =>
            {
                int byArea = b.IsArea.CompareTo(a.IsArea);
                if (byArea != 0)
                {
                    return byArea;
                }

                int byPopulation = b.Population.CompareTo(a.Population);
                return byPopulation != 0 ? byPopulation : string.CompareOrdinal(a.Id, b.Id);
            });
        }

        return new Gazetteer(entries, names, demonymTable);
    }

    private static void Add(List<GazetteerEntry> entries, Dictionary<string, List<GazetteerEntry>> names, GazetteerEntry entry, IEnumerable<string> entryNames)
    {
        entries.Add(entry);
        foreach (string name in entryNames.Append(entry.EnglishName).Append(entry.FrenchName))
        {
            AddName(names, entry, name);
        }
    }

    private static void AddName(Dictionary<string, List<GazetteerEntry>> names, GazetteerEntry entry, string name)
    {
        string key = NameFolding.Compact(name);
        if (key.Length == 0 || key.Length > NameFolding.MaxKeyLength)
        {
            return;
        }

        if (!names.TryGetValue(key, out List<GazetteerEntry>? list))
        {
            list = [];
            names.Add(key, list);
        }

        if (!list.Contains(entry))
        {
            list.Add(entry);
        }
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static Gazetteer LoadEmbedded()
    {
        Assembly assembly = typeof(Gazetteer).Assembly;
        using Stream places = Open(assembly, PlacesResource);
        using Stream regions = Open(assembly, RegionsResource);
        using Stream aliases = Open(assembly, AliasesResource);
        return Load(places, regions, aliases);
    }

    internal static Stream Open(Assembly assembly, string resource)
    {
        string wanted = resource.Replace('/', '.');
        string name = Array.Find(assembly.GetManifestResourceNames(), n => n.Replace('/', '.').Replace('\\', '.') == wanted)
            ?? throw new InvalidOperationException($"Embedded resource {resource} is missing.");
        return assembly.GetManifestResourceStream(name)!;
    }
}
