using Veille.Model;

namespace Veille.Stages.Entities.Geo;

/// <summary>A place of the gazetteer with its English and French names.</summary>
/// <param name="Id">Stable id: "country:NE", "region:sahel", or the GeoNames id for cities ("2440485").</param>
/// <param name="PlaceKind">"country", "capital", "city", "region" or "continent".</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code; for regions, the country holding them ("Texas" → US), or null when they span countries (continents, "Sahel").</param>
/// <param name="Latitude">Degrees north (an approximate centroid for countries and regions).</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="Population">Inhabitants for cities (GeoNames), 0 when unknown.</param>
/// <param name="EnglishName">Canonical English name ("United States", "London").</param>
/// <param name="FrenchName">French name ("États-Unis"); equal to the English name for cities, whose French names GeoNames does not tag.</param>
public sealed record GazetteerEntry(string Id, string PlaceKind, string? CountryCode, double Latitude, double Longitude, long Population, string EnglishName, string FrenchName)
{
    /// <summary>True for countries, regions (sub-national ones included) and continents: areas rather than settlements.</summary>
    public bool IsArea => PlaceKind is "country" or "region" or "continent";

    /// <summary>True when <paramref name="compactKey"/> (see <see cref="NameFolding"/>) is the English or French name rather than an alternate one.</summary>
    internal bool HasPrimaryName(ReadOnlySpan<char> compactKey) =>
        compactKey.SequenceEqual(EnglishKey) || compactKey.SequenceEqual(FrenchKey);

    private string EnglishKey { get; } = NameFolding.Compact(EnglishName);

    private string FrenchKey { get; } = NameFolding.Compact(FrenchName);

    /// <summary>The model value stored on <see cref="DocumentEntity.Place"/>.</summary>
    public GeoPlace ToPlace() => new(Id, Latitude, Longitude, CountryCode, PlaceKind);
}
