namespace Veille.Stages.Entities.Geo;

/// <summary>
/// Nationality adjectives and nouns in English and French, any gender and number ("nigérienne", "Américains",
/// "American"), mapped to ISO 3166-1 alpha-2 codes; built from world-countries demonyms (ODbL). Thread-safe.
/// </summary>
public static class Demonyms
{
    /// <summary>The country code of <paramref name="word"/> ("nigérienne" → "NE"), case- and accent-insensitive; null when it is not a known demonym.</summary>
    public static string? CountryOf(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Gazetteer.Default.CountryOfDemonym(word);
    }
}
