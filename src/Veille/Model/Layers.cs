namespace Veille.Model;

/// <summary>The annotation layers a document can carry; stages declare which they require and produce.</summary>
[Flags]
public enum Layers
{
    None = 0,

    /// <summary>Cleaned text, its offset map to the raw text, title and removed lines.</summary>
    Text = 1 << 0,

    /// <summary>Document language with confidence.</summary>
    Language = 1 << 1,

    /// <summary>Tokens.</summary>
    Tokens = 1 << 2,

    /// <summary>Sentences over tokens.</summary>
    Sentences = 1 << 3,

    /// <summary>Entity mentions (people, organisations, places, other names) and the document's entities they link to.</summary>
    Mentions = 1 << 4,

    /// <summary>Direct, indirect and scare quotes.</summary>
    Quotes = 1 << 5,

    /// <summary>Temporal expressions resolved against the publication date, and the publication date itself.</summary>
    Dates = 1 << 6,

    /// <summary>Figures: numbers, amounts and counted things.</summary>
    Figures = 1 << 7,
}
