using System.IO.Compression;
using System.Text.Json;
using Veille.Text;

namespace Veille.Html.Evaluation;

/// <summary>One evaluation page: its URL, HTML and the segments that must and must not appear in the extracted text.</summary>
/// <param name="Url">The page's URL (the key in evaldata.json).</param>
/// <param name="File">The HTML file name given by the data set.</param>
/// <param name="Html">The decoded HTML; null when the file is missing or unreadable (the page then counts as nothing found).</param>
/// <param name="With">Segments of the main content.</param>
/// <param name="Without">Boilerplate segments.</param>
public sealed record ExtractionCase(string Url, string File, string? Html, IReadOnlyList<string> With, IReadOnlyList<string> Without);

/// <summary>Reads trafilatura's evaluation layout: <c>evaldata.json</c> plus <c>html/NAME.html.gz</c> (see the data set's SOURCE.md).</summary>
public static class ExtractionDataSet
{
    /// <summary>Loads the cases of <paramref name="folder"/>, sorted by URL (ordinal); at most <paramref name="limit"/> when given.</summary>
    /// <exception cref="FileNotFoundException">When <c>evaldata.json</c> is missing.</exception>
    public static IReadOnlyList<ExtractionCase> Load(string folder, int? limit = null)
    {
        string index = Path.Combine(folder, "evaldata.json");
        if (!System.IO.File.Exists(index))
        {
            throw new FileNotFoundException($"'{index}' not found: expected trafilatura's evaldata.json layout", index);
        }

        using JsonDocument json = JsonDocument.Parse(System.IO.File.ReadAllBytes(index));
        var entries = new List<(string Url, JsonElement Entry)>();
        foreach (JsonProperty property in json.RootElement.EnumerateObject())
        {
            entries.Add((property.Name, property.Value));
        }

        entries.Sort((left, right) => string.CompareOrdinal(left.Url, right.Url));
        var cases = new List<ExtractionCase>();
        foreach ((string url, JsonElement entry) in entries)
        {
            if (limit is { } max && cases.Count >= max)
            {
                break;
            }

            string file = entry.GetProperty("file").GetString() ?? string.Empty;
            cases.Add(new ExtractionCase(url, file, ReadHtml(folder, file), Strings(entry, "with"), Strings(entry, "without")));
        }

        return cases;
    }

    private static string[] Strings(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out JsonElement array) && array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!)]
            : [];

    private static string? ReadHtml(string folder, string file)
    {
        foreach (string candidate in (string[])[Path.Combine(folder, "html", file + ".gz"), Path.Combine(folder, "html", file), Path.Combine(folder, file)])
        {
            if (!System.IO.File.Exists(candidate))
            {
                continue;
            }

            byte[] bytes;
            if (candidate.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                using var input = new GZipStream(System.IO.File.OpenRead(candidate), CompressionMode.Decompress);
                using var buffer = new MemoryStream();
                input.CopyTo(buffer);
                bytes = buffer.ToArray();
            }
            else
            {
                bytes = System.IO.File.ReadAllBytes(candidate);
            }

            return TextDecoder.Decode(bytes).Text;
        }

        return null;
    }
}
