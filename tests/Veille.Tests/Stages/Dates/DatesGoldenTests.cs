using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Dates;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Dates;

/// <summary>
/// Golden examples in tests/golden/dates: the file name ends with the language ("-fr.md"); an optional line
/// "published: YYYY-MM-DD" gives the metadata publication date. Expected: the publication line, then the text with
/// each expression as [text](TYPE value).
/// </summary>
public sealed partial class DatesGoldenTests
{
    public static IEnumerable<object[]> Cases => GoldenFile.Cases("dates");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dates_MatchGoldenFile(string name)
    {
        GoldenFile golden = GoldenFile.Load("dates", name);
        Document document = Run(golden, name);
        golden.Verify(Render(document));
    }

    internal static Document Run(GoldenFile golden, string name)
    {
        string language = name[^5..^3];
        Match published = PublishedLine().Match(golden.Content);
        DateTimeOffset? date = published.Success
            ? DateTimeOffset.ParseExact(published.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
        Document document = TestDocuments.Cleaned(golden.Input, language, date is null ? null : new SourceInfo(Published: date));
        new TokenizationStage().Process(document, StageContext.Default);
        new DatesStage().Process(document, StageContext.Default);
        return document;
    }

    internal static string Render(Document document)
    {
        var builder = new StringBuilder();
        PublicationDate publication = document.Publication;
        builder.Append("publication: ")
            .Append(publication.Value is { } value ? value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "unknown")
            .Append(" (").Append(publication.Source).Append(publication.Value is null ? "" : FormattableString.Invariant($", {publication.Confidence:0.##}")).Append(")\n---\n");
        int at = 0;
        foreach (DateMention date in document.Dates)
        {
            builder.Append(document.Text, at, date.Span.Start - at);
            builder.Append('[').Append(document.TextOf(date.Span)).Append("](").Append(date.Type.ToString().ToUpperInvariant())
                .Append(' ').Append(date.Value ?? "unresolved").Append(')');
            at = date.Span.End;
        }

        builder.Append(document.Text, at, document.Text.Length - at);
        return builder.ToString().TrimEnd();
    }

    [GeneratedRegex(@"^published:\s*(\d{4}-\d{2}-\d{2})\s*$", RegexOptions.Multiline)]
    private static partial Regex PublishedLine();
}
