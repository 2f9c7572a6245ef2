using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Veille.Stages.Cleaning;

/// <summary>Whole-line boilerplate patterns loaded from the embedded data files Resources/cleaning/boilerplate.*.txt.</summary>
internal sealed class BoilerplatePatterns
{
    private readonly ImmutableArray<(string Name, Regex Pattern)> patterns;

    private BoilerplatePatterns(ImmutableArray<(string Name, Regex Pattern)> patterns) => this.patterns = patterns;

    public static BoilerplatePatterns Default { get; } = LoadEmbedded();

    public int Count => patterns.Length;

    /// <summary>The name of the first pattern matching the whole trimmed line, or null.</summary>
    public string? Match(string line)
    {
        if (line.Length > 400)
        {
            return null;
        }

        foreach ((string name, Regex pattern) in patterns)
        {
            if (pattern.IsMatch(line))
            {
                return name;
            }
        }

        return null;
    }

    internal static BoilerplatePatterns Parse(IEnumerable<(string Source, string Content)> files)
    {
        var builder = ImmutableArray.CreateBuilder<(string, Regex)>();
        foreach ((string source, string content) in files)
        {
            int lineNumber = 0;
            foreach (string raw in content.Split('\n'))
            {
                lineNumber++;
                string line = raw.TrimEnd('\r');
                if (line.Length == 0 || line.StartsWith('#'))
                {
                    continue;
                }

                int tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0)
                {
                    throw new FormatException($"{source}:{lineNumber}: expected 'name<TAB>pattern'.");
                }

                // Non-backtracking: linear time on any line, so no timeout (a wall-clock timeout fails under CPU load).
                var regex = new Regex(
                    $"^(?:{line[(tab + 1)..]})$",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
                builder.Add(($"pattern:{line[..tab]}", regex));
            }
        }

        return new BoilerplatePatterns(builder.ToImmutable());
    }

    private static BoilerplatePatterns LoadEmbedded()
    {
        Assembly assembly = typeof(BoilerplatePatterns).Assembly;
        var files = new List<(string, string)>();
        foreach (string name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith("Veille.Resources.cleaning/boilerplate.", StringComparison.Ordinal))
            {
                continue;
            }

            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add((name, reader.ReadToEnd()));
        }

        return Parse(files);
    }
}
