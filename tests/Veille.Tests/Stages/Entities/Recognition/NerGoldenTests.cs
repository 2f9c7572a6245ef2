using System.Text;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Entities;
using Veille.Stages.Entities.Recognition;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Entities.Recognition;

/// <summary>
/// Runs tests/golden/entities-recognition/*.md: the input is tokenised and tagged (language "en" when the file name
/// contains "-en", else "fr"); the expectation shows mentions in bracket notation, "[Kurt Campbell](PER)".
/// </summary>
public sealed class NerGoldenTests
{
    private const string Stage = "entities-recognition";

    public static IEnumerable<object[]> Cases => GoldenFile.Cases(Stage);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Recognition_MatchesGoldenFile(string name)
    {
        GoldenFile golden = GoldenFile.Load(Stage, name);
        Document document = TestDocuments.Cleaned(golden.Input, name.Contains("-en", StringComparison.Ordinal) ? "en" : "fr");
        new TokenizationStage().Process(document, StageContext.Default);

        golden.Verify(Render(document, NamedEntityTagger.Default.Tag(document)));
    }

    /// <summary>The text with each mention wrapped as [text](TYPE).</summary>
    internal static string Render(Document document, IReadOnlyList<RecognizedMention> mentions)
    {
        var builder = new StringBuilder();
        string text = document.Text;
        int position = 0;
        foreach (RecognizedMention mention in mentions)
        {
            int start = document.Tokens[mention.Tokens.Start].Span.Start;
            int end = document.Tokens[mention.Tokens.End - 1].Span.End;
            builder.Append(text, position, start - position).Append('[').Append(text, start, end - start).Append("](");
            builder.Append(mention.Kind switch
            {
                EntityKind.Person => "PER",
                EntityKind.Organization => "ORG",
                EntityKind.Location => "LOC",
                _ => "MISC",
            }).Append(')');
            position = end;
        }

        builder.Append(text, position, text.Length - position);
        return builder.ToString().TrimEnd('\n');
    }
}
