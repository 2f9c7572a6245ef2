using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Veille.Stages.Entities.Geo;

/// <summary>What <see cref="GazetteerBuilder.Build"/> wrote.</summary>
/// <param name="Countries">Country entries (from gazetteer-countries-i18n and gazetteer-world-countries).</param>
/// <param name="Cities">City entries from GeoNames (population at least <see cref="GazetteerBuilder.MinimumPopulation"/>, or capitals).</param>
/// <param name="Names">Names over all entries, including the primary names.</param>
/// <param name="Demonyms">Demonym forms mapped to a country.</param>
/// <param name="Bytes">Size of the gzip file written.</param>
public sealed record GazetteerBuildResult(int Countries, int Cities, int Names, int Demonyms, long Bytes);

/// <summary>
/// Builds the compact embedded gazetteer (Resources/gazetteer/places.tsv.gz) from the shared data folder, reproducibly:
/// same inputs give the same bytes. Regions and continents are not built: they are hand-written in Resources/gazetteer/regions.txt.
/// </summary>
public static class GazetteerBuilder
{
    /// <summary>Cities below this population are left out unless they are capitals.</summary>
    public const int MinimumPopulation = 15_000;

    /// <summary>Cities below this population keep only their primary and ASCII names, not the alternate names.</summary>
    public const int AlternateNamesPopulation = 100_000;

    private const string GeoNamesFolder = "gazetteer-geonames-cities1000";
    private const string CountriesI18nFolder = "gazetteer-countries-i18n";
    private const string WorldCountriesFolder = "gazetteer-world-countries";

    /// <summary>Reads the three gazetteer folders under <paramref name="sharedDataDirectory"/> and writes the gzip TSV to <paramref name="outputFile"/>.</summary>
    public static GazetteerBuildResult Build(string sharedDataDirectory, string outputFile)
    {
        ArgumentNullException.ThrowIfNull(sharedDataDirectory);
        ArgumentNullException.ThrowIfNull(outputFile);
        string i18n = Path.Combine(sharedDataDirectory, CountriesI18nFolder);
        string world = Path.Combine(sharedDataDirectory, WorldCountriesFolder, "countries.json");
        string cities = Path.Combine(sharedDataDirectory, GeoNamesFolder, "cities1000.tsv.gz");
        foreach (string required in new[] { Path.Combine(i18n, "langs", "en.json"), Path.Combine(i18n, "langs", "fr.json"), world, cities })
        {
            if (!File.Exists(required))
            {
                throw new FileNotFoundException($"Gazetteer input {required} is missing.", required);
            }
        }

        var lines = new List<string>
        {
            "# Veille gazetteer, built by `veille train gazetteer`. Do not edit; rebuild.",
            "# Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0;",
            "# country names from i18n-iso-countries (MIT, (c) 2016 widdix GmbH);",
            "# capitals, coordinates and demonyms from mledoze/countries (world-countries), ODbL 1.0: this derived database is offered under the ODbL.",
            "# E <id> <kind> <country> <lat> <lon> <population> <english> <french> <names separated by |>",
            "# D <demonym> <country>",
        };

        int names = 0;
        var countries = ReadCountries(i18n, world, out List<(string Demonym, string Country, int Rank)> demonyms);
        foreach (CountryRow country in countries)
        {
            names += country.Names.Count;
            lines.Add(Entry($"country:{country.Code}", "country", country.Code, country.Latitude, country.Longitude, 0, country.English, country.French, country.Names));
        }

        int cityCount = 0;
        foreach (string[] fields in ReadGeoNames(cities))
        {
            long population = long.Parse(fields[14], CultureInfo.InvariantCulture);
            bool capital = fields[7] == "PPLC";
            if (population < MinimumPopulation && !capital)
            {
                continue;
            }

            var cityNames = new SortedSet<string>(StringComparer.Ordinal) { fields[1], fields[2] };
            if (population >= AlternateNamesPopulation || capital)
            {
                foreach (string alternate in fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (IsUsefulAlternate(alternate))
                    {
                        cityNames.Add(alternate);
                    }
                }
            }

            cityNames.RemoveWhere(name => name.Length == 0);
            names += cityNames.Count;
            cityCount++;
            lines.Add(Entry(fields[0], capital ? "capital" : "city", fields[8], Parse(fields[4]), Parse(fields[5]), population, fields[1], "", cityNames));
        }

        // One country per demonym: the best-ranked (independent, then largest) country claims a form shared by several.
        var demonymLines = demonyms
            .OrderBy(d => d.Demonym, StringComparer.Ordinal)
            .ThenBy(d => d.Rank)
            .DistinctBy(d => d.Demonym)
            .Select(d => $"D\t{d.Demonym}\t{d.Country}")
            .ToList();
        lines.AddRange(demonymLines);

        string? folder = Path.GetDirectoryName(Path.GetFullPath(outputFile));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        using (var file = File.Create(outputFile))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            foreach (string line in lines)
            {
                writer.WriteLine(line);
            }
        }

        return new GazetteerBuildResult(countries.Count, cityCount, names, demonymLines.Count, new FileInfo(outputFile).Length);
    }

    // Alternate names worth a lookup: Latin script, starting with a capital, not an all-capitals code ("LON", "NIM").
    private static bool IsUsefulAlternate(string name)
    {
        if (name.Length < 3 || name.Length > 40 || !char.IsUpper(name[0]))
        {
            return false;
        }

        bool hasLower = false;
        foreach (char c in name)
        {
            if (c > 0x24F && !char.IsWhiteSpace(c) && c is not '\u2019')
            {
                return false;
            }

            hasLower |= char.IsLower(c);
        }

        return hasLower;
    }

    private static string Entry(string id, string kind, string country, double latitude, double longitude, long population, string english, string french, IEnumerable<string> names) =>
        string.Join('\t', "E", id, kind, country,
            latitude.ToString("0.####", CultureInfo.InvariantCulture), longitude.ToString("0.####", CultureInfo.InvariantCulture),
            population.ToString(CultureInfo.InvariantCulture), english, french, string.Join('|', names));

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> ReadGeoNames(string path)
    {
        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            string[] fields = line.Split('\t');
            if (fields.Length >= 15)
            {
                yield return fields;
            }
        }
    }

    private sealed record CountryRow(string Code, string English, string French, double Latitude, double Longitude, SortedSet<string> Names);

    private static List<CountryRow> ReadCountries(string i18nFolder, string worldFile, out List<(string Demonym, string Country, int Rank)> demonyms)
    {
        Dictionary<string, List<string>> english = ReadI18n(Path.Combine(i18nFolder, "langs", "en.json"));
        Dictionary<string, List<string>> french = ReadI18n(Path.Combine(i18nFolder, "langs", "fr.json"));
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(worldFile));

        var world = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (JsonElement country in json.RootElement.EnumerateArray())
        {
            world[country.GetProperty("cca2").GetString()!] = country;
        }

        // Rank for demonym conflicts: independent countries first, then by area (descending).
        var ranked = world.Values
            .OrderBy(c => c.TryGetProperty("independent", out JsonElement independent) && independent.ValueKind == JsonValueKind.True ? 0 : 1)
            .ThenByDescending(c => c.TryGetProperty("area", out JsonElement area) && area.ValueKind == JsonValueKind.Number ? area.GetDouble() : 0)
            .ThenBy(c => c.GetProperty("cca2").GetString(), StringComparer.Ordinal)
            .Select((c, rank) => (Code: c.GetProperty("cca2").GetString()!, Rank: rank))
            .ToDictionary(pair => pair.Code, pair => pair.Rank, StringComparer.Ordinal);

        demonyms = [];
        var rows = new List<CountryRow>();
        foreach (string code in english.Keys.Union(world.Keys).Order(StringComparer.Ordinal))
        {
            var names = new SortedSet<string>(StringComparer.Ordinal);
            string? englishName = null;
            string? frenchName = null;
            double latitude = 0, longitude = 0;
            if (world.TryGetValue(code, out JsonElement country))
            {
                JsonElement name = country.GetProperty("name");
                englishName = name.GetProperty("common").GetString();
                names.Add(englishName!);
                names.Add(name.GetProperty("official").GetString()!);
                if (country.GetProperty("translations").TryGetProperty("fra", out JsonElement fra))
                {
                    frenchName = fra.GetProperty("common").GetString();
                    names.Add(frenchName!);
                    names.Add(fra.GetProperty("official").GetString()!);
                }

                foreach (JsonElement spelling in country.GetProperty("altSpellings").EnumerateArray())
                {
                    // Two-letter codes ("NE", "DE") would match French words; the i18n aliases keep "US" and "UK".
                    string value = spelling.GetString()!;
                    if (value.Length >= 3)
                    {
                        names.Add(value);
                    }
                }

                JsonElement coordinates = country.GetProperty("latlng");
                if (coordinates.GetArrayLength() == 2)
                {
                    latitude = coordinates[0].GetDouble();
                    longitude = coordinates[1].GetDouble();
                }

                if (country.TryGetProperty("demonyms", out JsonElement demonymTable))
                {
                    foreach (JsonProperty language in demonymTable.EnumerateObject())
                    {
                        foreach (JsonProperty gender in language.Value.EnumerateObject())
                        {
                            string? form = gender.Value.GetString();
                            if (string.IsNullOrWhiteSpace(form))
                            {
                                continue;
                            }

                            int rank = ranked[code];
                            string folded = NameFolding.Compact(form);
                            demonyms.Add((folded, code, rank));

                            // Plurals: "nigériens", "américaines", "Americans".
                            if (!folded.EndsWith('s') && !folded.EndsWith('x'))
                            {
                                demonyms.Add((folded + "s", code, rank));
                            }
                        }
                    }
                }
            }

            if (english.TryGetValue(code, out List<string>? englishNames))
            {
                englishName ??= englishNames[^1];
                names.UnionWith(englishNames);
            }

            if (french.TryGetValue(code, out List<string>? frenchNames))
            {
                frenchName ??= frenchNames[0];
                names.UnionWith(frenchNames);
            }

            if (englishName is null)
            {
                continue;
            }

            rows.Add(new CountryRow(code, englishName, frenchName ?? englishName, latitude, longitude, names));
        }

        return rows;
    }

    private static Dictionary<string, List<string>> ReadI18n(string path)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (JsonProperty country in json.RootElement.GetProperty("countries").EnumerateObject())
        {
            result[country.Name] = country.Value.ValueKind == JsonValueKind.Array
                ? country.Value.EnumerateArray().Select(v => v.GetString()!).ToList()
                : [country.Value.GetString()!];
        }

        return result;
    }
}
