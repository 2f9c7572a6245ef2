using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;

namespace Veille.Search.Lucene.Internals;

/// <summary>The languages with their own analysis chain and fields (<c>text_fr</c>, <c>title_fr</c>…); others share "other".</summary>
internal static class IndexLanguages
{
    public const string French = "fr";
    public const string English = "en";
    public const string Other = "other";

    public const string IdField = "id";
    public const string LanguageField = "language";
    public const string SourceField = "source";
    public const string PublishedField = "published";

    /// <summary>Ids of the entities a document mentions (not analysed; one value each).</summary>
    public const string EntityField = "entity";

    /// <summary>Ids of the entities quoted in a document (speakers).</summary>
    public const string SpeakerField = "speaker";

    /// <summary>The analysis language of the document ("fr", "en", "other"), which picks its text and title fields.</summary>
    public const string AnalysisField = "analysis";

    /// <summary>The stored display title (not searched; searching uses the per-language title fields).</summary>
    public const string StoredTitleField = "title";

    public static readonly string[] All = [French, English, Other];

    /// <summary>The language tag as indexed and filtered: the primary subtag, lowercase ("fr-CA" → "fr").</summary>
    public static string Tag(string tag)
    {
        int dash = tag.IndexOfAny(['-', '_']);
        return (dash < 0 ? tag : tag[..dash]).ToLowerInvariant();
    }

    /// <summary>The analysis language of a document tag: "fr", "en" or "other".</summary>
    public static string Of(string tag) => Tag(tag) switch
    {
        French => French,
        English => English,
        _ => Other,
    };

    public static string TextField(string language) => "text_" + language;

    public static string TitleField(string language) => "title_" + language;

    /// <summary>One analyzer per language, used per field by the writer.</summary>
    public static Analyzer PerFieldAnalyzer(IReadOnlyDictionary<string, Analyzer> analyzers)
    {
        var fields = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (string language in All)
        {
            fields[TextField(language)] = analyzers[language];
            fields[TitleField(language)] = analyzers[language];
        }

        return new PerFieldAnalyzerWrapper(analyzers[Other], fields);
    }
}
