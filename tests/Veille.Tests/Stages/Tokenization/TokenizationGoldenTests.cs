using System.Text;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Tests.Stages.Tokenization;

/// <summary>
/// Runs every tests/golden/tokenization/*.md: the "## Input" section holds a ~~~text block or a "Source: path" line,
/// the "## Sentences" block holds one sentence per line with tokens separated by " | ". UPDATE_GOLDEN=1 rewrites it.
/// </summary>
public sealed class TokenizationGoldenTests
{
    private const string Fence = "~~~";
    private const string SentencesHeading = "## Sentences";

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(Repository.PathOf("tests", "golden", "tokenization"), "*.md").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Golden_MatchesExpectedTokensAndSentences(string fileName)
    {
        string path = Repository.PathOf("tests", "golden", "tokenization", fileName);
        string markdown = File.ReadAllText(path).ReplaceLineEndings("\n");
        string text = ReadInput(markdown);

        var document = new Document(text);
        new TokenizationStage().Process(document, Veille.Pipeline.StageContext.Default);
        string actual = Render(document);

        int heading = markdown.IndexOf(SentencesHeading, StringComparison.Ordinal);
        string? expected = heading < 0 ? null : ReadBlock(markdown, heading, out _, out _);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1" && expected != actual)
        {
            File.WriteAllText(path, WithExpectation(markdown, heading, actual));
            return;
        }

        Assert.NotNull(expected);
        Assert.Equal(expected, actual);
    }

    /// <summary>One line per sentence, tokens joined by " | ".</summary>
    internal static string Render(Document document)
    {
        var builder = new StringBuilder();
        foreach (Sentence sentence in document.Sentences)
        {
            for (int i = sentence.Tokens.Start; i < sentence.Tokens.End; i++)
            {
                if (i > sentence.Tokens.Start)
                {
                    builder.Append(" | ");
                }

                builder.Append(document.TextOf(document.Tokens[i]));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    private static string ReadInput(string markdown)
    {
        int input = markdown.IndexOf("## Input", StringComparison.Ordinal);
        Assert.True(input >= 0, "A golden file needs an '## Input' section.");
        int next = markdown.IndexOf("\n## ", input + 1, StringComparison.Ordinal);
        string section = next < 0 ? markdown[input..] : markdown[input..next];
        const string source = "Source: ";
        int sourceLine = section.IndexOf(source, StringComparison.Ordinal);
        if (sourceLine >= 0)
        {
            int lineEnd = section.IndexOf('\n', sourceLine);
            string relative = section[(sourceLine + source.Length)..(lineEnd < 0 ? section.Length : lineEnd)].Trim().Trim('`');
            return File.ReadAllText(Repository.PathOf(relative.Split('/')));
        }

        string block = ReadBlock(section, 0, out _, out _);
        return block.EndsWith('\n') ? block[..^1] : block;
    }

    /// <summary>The content (each line ending with '\n') of the first ~~~ block after <paramref name="from"/>.</summary>
    private static string ReadBlock(string markdown, int from, out int contentStart, out int contentEnd)
    {
        int open = markdown.IndexOf(Fence, from, StringComparison.Ordinal);
        Assert.True(open >= 0, "Missing ~~~ block.");
        contentStart = markdown.IndexOf('\n', open) + 1;
        contentEnd = markdown.IndexOf("\n" + Fence, contentStart - 1, StringComparison.Ordinal) + 1;
        Assert.True(contentEnd > 0, "Unclosed ~~~ block.");
        return markdown[contentStart..contentEnd];
    }

    private static string WithExpectation(string markdown, int heading, string actual)
    {
        if (heading < 0)
        {
            return markdown.TrimEnd('\n') + $"\n\n{SentencesHeading}\n\n{Fence}text\n{actual}{Fence}\n";
        }

        ReadBlock(markdown, heading, out int start, out int end);
        return markdown[..start] + actual + markdown[end..];
    }
}
