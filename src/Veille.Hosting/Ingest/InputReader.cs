using System.Globalization;
using System.Text.Json;
using Veille.Model;
using Veille.Pipeline;
using Veille.Text;

namespace Veille.Hosting.Ingest;

/// <summary>Reads articles from files and folders (recursive): .txt, .text and .md as one article each, .jsonl/.ndjson as one a line.</summary>
public static class InputReader
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md", "" };
    private static readonly HashSet<string> JsonLinesExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jsonl", ".ndjson" };
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };

    /// <summary>Supported file extensions, for messages.</summary>
    public const string Supported = ".txt, .text, .md, .jsonl, .ndjson, .html, .htm (gzipped too: .html.gz)";

    /// <summary>Streams the items of every path, in a stable order (files sorted by ordinal path); never throws for bad input.</summary>
    public static IEnumerable<InputItem> Read(IEnumerable<string> paths, IngestOptions options)
    {
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                IEnumerable<string> files;
                try
                {
                    files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint })
                        .Order(StringComparer.Ordinal).ToList();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    files = [];
                }

                foreach (string file in files)
                {
                    foreach (InputItem item in ReadFile(file, options))
                    {
                        yield return item;
                    }
                }
            }
            else if (File.Exists(path))
            {
                foreach (InputItem item in ReadFile(path, options))
                {
                    yield return item;
                }
            }
            else
            {
                yield return InputItem.Rejected(path, ErrorCodes.InputNotFound, "no such file or folder; check the path");
            }
        }
    }

    private static IEnumerable<InputItem> ReadFile(string path, IngestOptions options)
    {
        string extension = Path.GetExtension(path);
        if (JsonLinesExtensions.Contains(extension))
        {
            return ReadJsonLines(path, options);
        }

        if (HtmlExtensions.Contains(extension) || (extension.Equals(".gz", StringComparison.OrdinalIgnoreCase) && HtmlExtensions.Contains(Path.GetExtension(path[..^3]))))
        {
            return [ReadHtmlFile(path, options)];
        }

        if (TextExtensions.Contains(extension))
        {
            return [ReadTextFile(path, options)];
        }

        return [InputItem.Rejected(path, ErrorCodes.InputUnsupported, $"unsupported file type '{extension}'; supported: {Supported}")];
    }

    private static InputItem ReadTextFile(string path, IngestOptions options)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > options.MaxDocumentBytes)
            {
                return InputItem.Rejected(path, ErrorCodes.InputTooLarge, $"too large: {info.Length / 1048576.0:F1} MB, the limit is {options.MaxDocumentBytes / 1048576.0:F1} MB a document (--max-document-mb)");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return InputItem.Rejected(path, ErrorCodes.InputNotFound, $"cannot read: {exception.Message}");
        }

        return FromBytes(path, bytes, new SourceInfo(Path: path));
    }

    /// <summary>A saved web page (optionally gzipped): main content and metadata extracted by <see cref="Html.HtmlExtractor"/>.</summary>
    private static InputItem ReadHtmlFile(string path, IngestOptions options)
    {
        byte[] bytes;
        try
        {
            if (new FileInfo(path).Length > options.MaxDocumentBytes)
            {
                return InputItem.Rejected(path, ErrorCodes.InputTooLarge, $"too large: the limit is {options.MaxDocumentBytes / 1048576.0:F1} MB a document (--max-document-mb)");
            }

            bytes = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Gunzip(path, options.MaxDocumentBytes) : File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return InputItem.Rejected(path, ErrorCodes.InputMalformed, $"cannot read: {exception.Message}");
        }

        DecodeResult decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return InputItem.Rejected(path, ErrorCodes.InputNotText, $"not HTML text: {decoded.Error}");
        }

        Html.ExtractedPage page = Html.HtmlExtractor.Extract(decoded.Text);
        if (string.IsNullOrWhiteSpace(page.Text))
        {
            return InputItem.Rejected(path, ErrorCodes.InputEmpty, "empty: no article text found in the page");
        }

        var source = new SourceInfo(
            Source: page.SiteName,
            Url: page.CanonicalUrl,
            Path: path,
            Title: page.Title,
            Published: page.Published?.ToUniversalTime(),
            LanguageHint: page.LanguageHint,
            Author: page.Author);
        return new InputItem(path, page.Text, source);
    }

    // Bounded: a gzip bomb stops at the document limit instead of filling memory.
    private static byte[] Gunzip(string path, long limit)
    {
        using var input = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
        {
            output.Write(buffer, 0, read);
            if (output.Length > limit)
            {
                throw new InvalidDataException($"more than {limit / 1048576.0:F1} MB once decompressed (--max-document-mb)");
            }
        }

        return output.ToArray();
    }

    private static InputItem FromBytes(string input, byte[] bytes, SourceInfo source)
    {
        DecodeResult decoded = TextDecoder.Decode(bytes);
        if (decoded.Text is null)
        {
            return InputItem.Rejected(input, ErrorCodes.InputNotText, $"not text: {decoded.Error}");
        }

        if (string.IsNullOrWhiteSpace(decoded.Text))
        {
            return InputItem.Rejected(input, ErrorCodes.InputEmpty, "empty: no text in the input");
        }

        string? warning = decoded.Guessed
            ? $"{ErrorCodes.InputEncodingGuessed}: not valid UTF-8, read as Windows-1252; save the file as UTF-8 to be sure"
            : null;
        return new InputItem(input, decoded.Text, source, Warning: warning);
    }

    private static IEnumerable<InputItem> ReadJsonLines(string path, IngestOptions options)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Rejected(path, ErrorCodes.InputNotFound, $"cannot read: {exception.Message}")];
        }

        return ReadJsonLines(path, stream, options);
    }

    private static IEnumerable<InputItem> ReadJsonLines(string path, FileStream stream, IngestOptions options)
    {
        using (stream)
        {
            int lineNumber = 0;
            foreach (byte[] line in JsonLineSplitter.Lines(stream, options.MaxDocumentBytes))
            {
                lineNumber++;
                string input = $"{path}:{lineNumber}";
                if (line.Length == 0)
                {
                    continue;
                }

                yield return line == JsonLineSplitter.TooLong
                    ? InputItem.Rejected(input, ErrorCodes.InputTooLarge, $"line longer than {options.MaxDocumentBytes / 1048576.0:F1} MB (--max-document-mb)")
                    : ParseJsonLine(input, line);
            }
        }
    }

    /// <summary>Parses one JSONL article: <c>text</c> required; <c>id</c>, <c>title</c>, <c>url</c>, <c>published</c>, <c>source</c>, <c>language</c>, <c>author</c> optional.</summary>
    public static InputItem ParseJsonLine(string input, ReadOnlySpan<byte> line)
    {
        if (line.StartsWith([(byte)0xEF, (byte)0xBB, (byte)0xBF]))
        {
            line = line[3..];
        }

        if (line.Trim(" \t\r"u8).IsEmpty)
        {
            return InputItem.Rejected(input, ErrorCodes.InputEmpty, "empty line");
        }

        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            return InputItem.Rejected(input, ErrorCodes.InputMalformed, "not valid UTF-8; save the file as UTF-8");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException exception)
        {
            return InputItem.Rejected(input, ErrorCodes.InputMalformed, $"invalid JSON ({exception.Message}); each line must be one JSON object");
        }

        using (json)
        {
            try
            {
                return FromJson(input, json.RootElement);
            }
            catch (InvalidOperationException exception)
            {
                // A string value that cannot become UTF-16 (an escaped lone surrogate such as "\ud800").
                return InputItem.Rejected(input, ErrorCodes.InputMalformed, $"invalid string in the JSON object ({exception.Message})");
            }
        }
    }

    private static InputItem FromJson(string input, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return InputItem.Rejected(input, ErrorCodes.InputMalformed, "a line must be a JSON object with a \"text\" field");
        }

        string? text = StringField(root, "text");
        if (text is null)
        {
            return InputItem.Rejected(input, ErrorCodes.InputMalformed, "missing \"text\" (a string) in the JSON object");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return InputItem.Rejected(input, ErrorCodes.InputEmpty, "empty \"text\"");
        }

        string? warning = null;
        DateTimeOffset? published = null;
        if (StringField(root, "published") is { Length: > 0 } date)
        {
            published = ParseDate(date);
            if (published is null)
            {
                warning = $"{ErrorCodes.InputMalformed}: \"published\" value '{Truncate(date)}' is not an ISO-8601 date; ignored";
            }
        }

        var source = new SourceInfo(
            ExternalId: StringField(root, "id"),
            Source: StringField(root, "source"),
            Url: StringField(root, "url"),
            Path: input,
            Title: NullIfBlank(StringField(root, "title")),
            Published: published,
            LanguageHint: NullIfBlank(StringField(root, "language")),
            Author: NullIfBlank(StringField(root, "author")));
        return new InputItem(input, text, source, Warning: warning);
    }

    /// <summary>Parses an ISO-8601 date or date-time; a date without zone is taken as UTC.</summary>
    public static DateTimeOffset? ParseDate(string text) =>
        DateTimeOffset.TryParseExact(text.Trim(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset value)
            ? value
            : null;

    // ISO-8601 only: other forms are ambiguous (04/05/2024) or need the clock (a time alone), which ingest never reads.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK",
    ];

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}

/// <summary>Splits a stream into lines of bytes without ever holding more than the line limit.</summary>
internal static class JsonLineSplitter
{
    /// <summary>Returned (by reference) for a line over the limit; its bytes are skipped.</summary>
    public static readonly byte[] TooLong = [0];

    public static IEnumerable<byte[]> Lines(Stream stream, long maxLineBytes)
    {
        var buffer = new byte[1 << 16];
        var line = new MemoryStream();
        bool skipping = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0;
            while (start < read)
            {
                int newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                int end = newline < 0 ? read : newline;
                if (!skipping)
                {
                    line.Write(buffer, start, end - start);
                    if (line.Length > maxLineBytes)
                    {
                        skipping = true;
                        line.SetLength(0);
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                yield return skipping ? TooLong : TrimCarriageReturn(line.ToArray());
                line.SetLength(0);
                skipping = false;
                start = newline + 1;
            }
        }

        if (skipping)
        {
            yield return TooLong;
        }
        else if (line.Length > 0)
        {
            yield return TrimCarriageReturn(line.ToArray());
        }
    }

    private static byte[] TrimCarriageReturn(byte[] line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
