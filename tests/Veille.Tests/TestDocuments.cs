using Veille.Model;

namespace Veille.Tests;

/// <summary>Builds documents by hand so a stage is tested without its predecessors.</summary>
internal static class TestDocuments
{
    public static string Sample1 => File.ReadAllText(Repository.PathOf("samples", "000_c2b475aff80ba1f6.txt"));

    public static string Sample2 => File.ReadAllText(Repository.PathOf("samples", "002_077823ae67d334e0.txt"));

    /// <summary>A document whose cleaned text is exactly <paramref name="text"/>.</summary>
    public static Document Cleaned(string text, string? language = null, SourceInfo? source = null)
    {
        var document = new Document(text, source);
        document.SetText(text, OffsetMap.Identity(text.Length), null, []);
        if (language is not null)
        {
            document.SetLanguage(new Language(language, 1));
        }

        return document;
    }
}
