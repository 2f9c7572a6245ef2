namespace Veille.Model;

/// <summary>The type of a named entity.</summary>
public enum EntityKind : byte
{
    /// <summary>A person (PER).</summary>
    Person,

    /// <summary>An organisation: company, institution, ministry, armed force, outlet (ORG).</summary>
    Organization,

    /// <summary>A place: country, city, region, geographic feature (LOC).</summary>
    Location,

    /// <summary>Another name: event, nationality used as a noun, work, law (MISC).</summary>
    Miscellaneous,
}

/// <summary>A mention of a named entity in the text.</summary>
/// <param name="Span">Characters of the mention in <see cref="Document.Text"/>.</param>
/// <param name="Tokens">Tokens of the mention.</param>
/// <param name="Kind">Entity type.</param>
/// <param name="Confidence">Tagger confidence in [0, 1].</param>
/// <param name="Entity">Index of the mentioned entity in <see cref="Document.Entities"/>, or -1 when not linked.</param>
/// <param name="Role">Role or title given by the text at this mention ("secrétaire d'État adjoint"), or null.</param>
public readonly record struct Mention(TextSpan Span, TokenRange Tokens, EntityKind Kind, float Confidence, int Entity = -1, string? Role = null);

/// <summary>An entity as known in one document: the mentions that refer to it share its index.</summary>
/// <param name="Id">Corpus-level id derived from the kind and canonical key, so the same entity gets the same id in every document.</param>
/// <param name="Canonical">Canonical name ("Kurt Campbell", "United States").</param>
/// <param name="Kind">Entity type.</param>
/// <param name="Role">The most informative role given in the document, or null.</param>
/// <param name="Place">For places resolved in the gazetteer: coordinates, country and kind; else null.</param>
public sealed record DocumentEntity(EntityId Id, string Canonical, EntityKind Kind, string? Role = null, GeoPlace? Place = null);

/// <summary>A gazetteer place.</summary>
/// <param name="GazetteerId">Stable id in the shipped gazetteer (GeoNames id for cities).</param>
/// <param name="Latitude">Degrees north.</param>
/// <param name="Longitude">Degrees east.</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code ("NE"), or null for regions spanning countries.</param>
/// <param name="PlaceKind">"country", "capital", "city", "region" or "continent".</param>
public sealed record GeoPlace(string GazetteerId, double Latitude, double Longitude, string? CountryCode, string PlaceKind);
