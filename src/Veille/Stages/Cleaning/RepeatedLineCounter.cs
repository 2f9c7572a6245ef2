using System.Collections.Concurrent;
using Veille.Pipeline;

namespace Veille.Stages.Cleaning;

/// <summary>
/// Counts in how many documents of each source a line occurs, so lines that repeat across a source's documents
/// (menus, signatures, legal notices) can be removed as boilerplate. Thread-safe.
/// </summary>
/// <param name="minimumDocuments">A line is boilerplate once it occurs in at least this many documents of one source.</param>
public sealed class RepeatedLineCounter(int minimumDocuments = 5) : IRepeatedLines
{
    private const int MaxLineLength = 300;
    private readonly ConcurrentDictionary<(string Source, string Line), int> counts = new();

    public int MinimumDocuments { get; } = minimumDocuments > 1 ? minimumDocuments : throw new ArgumentOutOfRangeException(nameof(minimumDocuments), "A line must repeat in at least two documents.");

    /// <summary>Counts each distinct short line of one document of <paramref name="source"/>.</summary>
    public void Add(string? source, string rawText)
    {
        if (string.IsNullOrEmpty(source))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in rawText.Split('\n'))
        {
            string key = Key(line);
            if (key.Length > 0 && key.Length <= MaxLineLength && seen.Add(key))
            {
                counts.AddOrUpdate((source, key), 1, (_, count) => count + 1);
            }
        }
    }

    public bool IsRepeated(string? source, string line)
    {
        if (string.IsNullOrEmpty(source))
        {
            return false;
        }

        string key = Key(line);
        return key.Length > 0 && key.Length <= MaxLineLength && counts.TryGetValue((source, key), out int count) && count >= MinimumDocuments;
    }

    private static string Key(string line) => Text.TextNormalizer.ForIdentity(line).ToLowerInvariant();
}
