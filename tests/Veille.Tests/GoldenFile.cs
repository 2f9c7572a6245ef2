using System.Text;
using System.Text.RegularExpressions;

namespace Veille.Tests;

/// <summary>
/// A golden example in Markdown: a heading, an "## Input" section and an "## Expected" section, each holding one
/// fenced block (the input may instead be a line "file: path/from/repository/root"). UPDATE_GOLDEN=1 rewrites the expectation.
/// </summary>
internal sealed partial class GoldenFile
{
    private GoldenFile(string path, string content, string input, string expected)
    {
        Path = path;
        Content = content;
        Input = input;
        Expected = expected;
    }

    public string Path { get; }

    public string Content { get; }

    public string Input { get; }

    public string Expected { get; }

    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    public static IEnumerable<object[]> Cases(string stage) =>
        Directory.EnumerateFiles(Repository.PathOf("tests", "golden", stage), "*.md")
            .Order(StringComparer.Ordinal)
            .Select(path => new object[] { System.IO.Path.GetFileName(path) });

    public static GoldenFile Load(string stage, string name)
    {
        string path = Repository.PathOf("tests", "golden", stage, name);
        string content = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        string inputSection = Section(content, "Input") ?? throw new FormatException($"{path}: no '## Input' section.");
        Match file = FileLine().Match(inputSection);
        string input = file.Success
            ? File.ReadAllText(Repository.PathOf(file.Groups[1].Value.Trim().Split('/')))
            : Fenced(inputSection) ?? throw new FormatException($"{path}: the Input section needs a fenced block or a 'file:' line.");
        string expected = Fenced(Section(content, "Expected") ?? "") ?? "";
        return new GoldenFile(path, content, input, expected);
    }

    /// <summary>Asserts that <paramref name="actual"/> equals the expectation, or rewrites it when UPDATE_GOLDEN=1.</summary>
    public void Verify(string actual)
    {
        if (Updating)
        {
            int at = Content.IndexOf("## Expected", StringComparison.Ordinal);
            string head = at >= 0 ? Content[..at] : Content.TrimEnd() + "\n\n";
            File.WriteAllText(Path, $"{head}## Expected\n\n````text\n{actual}\n````\n", new UTF8Encoding(false));
            return;
        }

        Assert.Equal(Expected, actual);
    }

    private static string? Section(string content, string name)
    {
        int start = content.IndexOf($"## {name}", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        int end = content.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? content[start..] : content[start..end];
    }

    private static string? Fenced(string section)
    {
        Match match = FencedBlock().Match(section);
        return match.Success ? match.Groups[2].Value : null;
    }

    [GeneratedRegex(@"^file:\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex FileLine();

    [GeneratedRegex(@"(`{3,})[a-z]*\n(.*?)\n\1", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
