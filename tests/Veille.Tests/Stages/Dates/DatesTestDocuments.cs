using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Dates;
using Veille.Stages.Figures;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Dates;

/// <summary>Documents prepared for the dates and figures stages: text, language, tokens and sentences set by hand.</summary>
internal static class DatesTestDocuments
{
    public static Document Prepared(string text, string language, DateTimeOffset? published = null)
    {
        Document document = TestDocuments.Cleaned(text, language, published is null ? null : new SourceInfo(Published: published));
        new TokenizationStage().Process(document, StageContext.Default);
        return document;
    }

    public static Document Dated(string text, string language, DateTimeOffset? published = null)
    {
        Document document = Prepared(text, language, published);
        new DatesStage().Process(document, StageContext.Default);
        return document;
    }

    public static Document Figured(string text, string language)
    {
        Document document = Prepared(text, language);
        new FiguresStage().Process(document, StageContext.Default);
        return document;
    }

    /// <summary>"text=value" for each date mention, or "text=?" when unresolved.</summary>
    public static List<string> Describe(Document document) =>
        document.Dates.Select(date => $"{document.TextOf(date.Span)}={date.Value ?? "?"}").ToList();

    public static DateTimeOffset Day(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);
}
