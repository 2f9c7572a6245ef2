using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Veille.Model;
using Veille.Stages.Figures;
using Veille.Stages.Tokenization;

namespace Veille.Stages.Dates.Evaluation;

/// <summary>The result of one spec file.</summary>
/// <param name="File">Path under the spec folder ("DateTime/French/DateParser.json").</param>
/// <param name="Cases">Cases in the file.</param>
/// <param name="Passed">Cases whose spans and values all match.</param>
/// <param name="Skipped">Cases not run, each for a reason of the skip list.</param>
/// <param name="SkipReasons">Reason and count of the skipped cases.</param>
/// <param name="Failures">The first failing cases ("input | expected … | got …").</param>
public sealed record RecognizersFileResult(string File, int Cases, int Passed, int Skipped, IReadOnlyDictionary<string, int> SkipReasons, IReadOnlyList<string> Failures)
{
    /// <summary>Cases that were run.</summary>
    public int Run => Cases - Skipped;

    /// <summary>Pass rate over the cases run (0-1; 0 when none ran).</summary>
    public double PassRate => Run == 0 ? 0 : (double)Passed / Run;

    /// <summary>Pass rate over every case of the file, skipped ones counted as failures.</summary>
    public double PassRateAll => Cases == 0 ? 0 : (double)Passed / Cases;
}

/// <summary>The results of a spec folder.</summary>
public sealed record RecognizersReport(IReadOnlyList<RecognizersFileResult> Files)
{
    public int Cases => Files.Sum(file => file.Cases);

    public int Passed => Files.Sum(file => file.Passed);

    public int Skipped => Files.Sum(file => file.Skipped);

    /// <summary>Pass rate over the cases run.</summary>
    public double PassRate => Cases - Skipped == 0 ? 0 : (double)Passed / (Cases - Skipped);

    /// <summary>Pass rate over every case, skipped ones counted as failures.</summary>
    public double PassRateAll => Cases == 0 ? 0 : (double)Passed / Cases;
}

/// <summary>
/// Runs Microsoft Recognizers-Text spec files (French and English DateTime, Number, NumberWithUnit) as data-driven
/// cases against the dates and figures recognisers. A case passes when the set of extracted spans equals the expected
/// set and each value maps to an expected one (mapping in docs/dates-and-figures.md); unsupported cases are skipped only
/// through the rules of Resources/dates/recognizers-skip.txt, each with a reason. Thread-safe.
/// </summary>
public static class RecognizersSpecRunner
{
    private static readonly Lazy<IReadOnlyList<(string Rule, string Reason)>> SkipRules = new(LoadSkipRules);

    private static readonly Dictionary<string, string> CurrencyNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Dollar"] = "USD",
        ["United States dollar"] = "USD",
        ["Dollar États-Unis"] = "USD",
        ["Euro"] = "EUR",
        ["Pound"] = "GBP",
        ["British pound"] = "GBP",
        ["Livre"] = "GBP",
        ["Japanese yen"] = "JPY",
        ["Yen Japonais"] = "JPY",
        ["Chinese yuan"] = "CNY",
        ["Yuan Chinois"] = "CNY",
        ["Canadian dollar"] = "CAD",
        ["Dollar Canadien"] = "CAD",
        ["Australian dollar"] = "AUD",
        ["Dollar Australien"] = "AUD",
        ["Swiss franc"] = "CHF",
        ["Rupee"] = "INR",
        ["Cent"] = "USD/100",
        ["Centimes"] = "EUR/100",
        ["Pence"] = "GBP/100",
        ["Penny"] = "GBP/100",
    };

    /// <summary>The skip rules with their reasons, as listed in the embedded skip list.</summary>
    public static IReadOnlyList<(string Rule, string Reason)> SkipList => SkipRules.Value;

    /// <summary>Runs every French and English spec file under <paramref name="directory"/> (the recognizers-specs folder), keeping up to <paramref name="failuresPerFile"/> failing cases per file.</summary>
    public static RecognizersReport Run(string directory, int failuresPerFile = 10)
    {
        var files = new List<RecognizersFileResult>();
        foreach (string path in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
            if (relative.Contains("/French/", StringComparison.Ordinal) || relative.Contains("/English/", StringComparison.Ordinal))
            {
                files.Add(RunFile(path, relative, failuresPerFile));
            }
        }

        return new RecognizersReport(files);
    }

    /// <summary>Runs one spec file; <paramref name="relative"/> is its path under the spec folder.</summary>
    public static RecognizersFileResult RunFile(string path, string relative, int failuresPerFile = 10)
    {
        string language = relative.Contains("/French/", StringComparison.Ordinal) ? "fr" : "en";
        string family = relative.Split('/')[0];
        string name = Path.GetFileNameWithoutExtension(relative);
        string? fileSkip = FileSkipReason(relative);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path).TrimStart('\uFEFF'));
        int cases = 0;
        int passed = 0;
        int skipped = 0;
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        foreach (JsonElement element in json.RootElement.EnumerateArray())
        {
            cases++;
            string? reason = fileSkip ?? CaseSkipReason(element);
            if (reason is not null)
            {
                skipped++;
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
                continue;
            }

            string input = element.GetProperty("Input").GetString() ?? "";
            List<Expected> expected = ReadExpected(element);
            List<Actual> actual = family switch
            {
                "DateTime" => DateTimeActual(input, language, name, Reference(element)),
                "Number" => NumberActual(input, language, name),
                _ => CurrencyActual(input, language),
            };

            if (Matches(expected, actual))
            {
                passed++;
            }
            else if (failures.Count < failuresPerFile)
            {
                failures.Add($"{input} | expected {string.Join("; ", expected.Select(e => $"[{e.Start},{e.End}) {string.Join("/", e.Values)}"))} | got {string.Join("; ", actual)}");
            }
        }

        return new RecognizersFileResult(relative, cases, passed, skipped, reasons, failures);
    }

    private sealed record Expected(int Start, int End, string[] Values);

    private sealed record Actual(int Start, int End, int TrimmedStart, params string[] Values)
    {
        public override string ToString() => $"[{Start},{End}) {string.Join("/", Values)}";
    }

    private static bool Matches(List<Expected> expected, List<Actual> actual)
    {
        if (expected.Count != actual.Count)
        {
            return false;
        }

        foreach (Expected want in expected)
        {
            bool found = false;
            foreach (Actual got in actual)
            {
                if ((got.Start == want.Start || got.TrimmedStart == want.Start) && got.End == want.End
                    && (want.Values.Length == 0 || got.Values.Any(value => want.Values.Contains(value, StringComparer.Ordinal))))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    private static DateTime Reference(JsonElement element)
    {
        if (element.TryGetProperty("Context", out JsonElement context) && context.TryGetProperty("ReferenceDateTime", out JsonElement reference)
            && DateTime.TryParse(reference.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime value))
        {
            return value;
        }

        // Recognizers use "now" when a case has no reference; extractor cases do not depend on it.
        return new DateTime(2016, 11, 7, 0, 0, 0, DateTimeKind.Unspecified);
    }

    private static List<Expected> ReadExpected(JsonElement element)
    {
        var expected = new List<Expected>();
        if (!element.TryGetProperty("Results", out JsonElement results))
        {
            return expected;
        }

        foreach (JsonElement result in results.EnumerateArray())
        {
            int start = Int(result, "Start") ?? Int(result, "start") ?? 0;
            int end = Int(result, "Length") is int length ? start + length : (Int(result, "End") ?? Int(result, "end") ?? start) + 1;
            var values = new List<string>();
            if (result.TryGetProperty("Value", out JsonElement value) && value.ValueKind == JsonValueKind.Object)
            {
                CollectStrings(value, values);
            }

            if (result.TryGetProperty("Resolution", out JsonElement resolution) && resolution.ValueKind == JsonValueKind.Object)
            {
                if (resolution.TryGetProperty("values", out JsonElement list))
                {
                    CollectStrings(list, values);
                }
                else
                {
                    string? number = resolution.TryGetProperty("value", out JsonElement v) ? v.GetString() : null;
                    string? unit = resolution.TryGetProperty("unit", out JsonElement u) ? u.GetString() : null;
                    if (number is not null)
                    {
                        values.Add(NormaliseNumber(number, unit));
                    }
                }
            }

            // Range timexes "(start,end,P10M)" also accept their duration.
            foreach (string timex in values.ToList())
            {
                if (timex.StartsWith('(') && timex.EndsWith(')') && timex.Split(',') is { Length: 3 } parts)
                {
                    values.Add(parts[2].TrimEnd(')'));
                }
            }

            expected.Add(new Expected(start, end, [.. values]));
        }

        return expected;
    }

    private static void CollectStrings(JsonElement element, List<string> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                values.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    CollectStrings(property.Value, values);
                }

                break;
            case JsonValueKind.Array:
                foreach (JsonElement item in element.EnumerateArray())
                {
                    CollectStrings(item, values);
                }

                break;
        }
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    /// <summary>Maps a Recognizers number value ("4,8", "120%", "[10,15)") and currency unit to the form Veille prints.</summary>
    private static string NormaliseNumber(string number, string? unit)
    {
        if (number.StartsWith('[') || number.StartsWith('('))
        {
            return number;
        }

        string text = number.TrimEnd('%').Replace(" ", "", StringComparison.Ordinal);
        if (text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal))
        {
            text = text.Replace(',', '.');
        }

        string formatted = decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value) ? Format(value) : text;
        if (unit is null)
        {
            return formatted;
        }

        return CurrencyNames.TryGetValue(unit, out string? code) ? $"{formatted} {code}" : $"{formatted} {unit}";
    }

    private static string Format(decimal value) => decimal.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);

    private static List<Actual> DateTimeActual(string input, string language, string name, DateTime reference)
    {
        var tokens = TokenScanner.Scan(input);
        var words = new WordSequence(input, tokens);
        List<TemporalMatch> matches = DatesStage.Recognize(TemporalRecognizer.For(language), words, reference);
        TemporalType[]? types = name switch
        {
            _ when name.StartsWith("DateTime", StringComparison.Ordinal) && !name.Contains("Model", StringComparison.Ordinal) => [TemporalType.Date, TemporalType.Time],
            _ when name.StartsWith("Date", StringComparison.Ordinal) && !name.Contains("Model", StringComparison.Ordinal) => [TemporalType.Date],
            _ when name.StartsWith("Time", StringComparison.Ordinal) => [TemporalType.Time],
            _ when name.StartsWith("Duration", StringComparison.Ordinal) => [TemporalType.Duration],
            _ when name.StartsWith("Set", StringComparison.Ordinal) => [TemporalType.Set],
            _ => null,
        };
        var actual = new List<Actual>();
        foreach (TemporalMatch match in matches)
        {
            if (types is not null && !types.Contains(match.Type))
            {
                continue;
            }

            int trimmed = match.Start + 1 < match.End && words.Keys[match.Start] is "le" or "la" or "l'" or "les" or "the" or "en" or "in" or "on" ? words.Spans[match.Start + 1].Start : match.Span.Start;
            string? value = match.Value;
            string[] values = value is null ? []
                : match.Type == TemporalType.Time && value.Length > 10 && value[10] == 'T' ? [value, value[10..]] // Recognizers write a bare clock time "T14:30".
                : [value];
            actual.Add(new Actual(match.Span.Start, match.Span.End, trimmed, values));
        }

        return actual;
    }

    private static List<Actual> NumberActual(string input, string language, string name)
    {
        var words = new WordSequence(input, TokenScanner.Scan(input));
        var actual = new List<Actual>();
        foreach (FigureMatch match in FiguresStage.Recognize(words, language))
        {
            Figure figure = match.Figure;
            if (name.StartsWith("Percent", StringComparison.Ordinal))
            {
                if (figure.Unit == "%")
                {
                    actual.Add(new Actual(match.Amount.Start, match.Amount.End, match.Amount.Start, Format(figure.Value)));
                }
            }
            else if (name.StartsWith("NumberRange", StringComparison.Ordinal))
            {
                string? interval = figure.ValueMax is { } max ? $"[{Format(figure.Value)},{Format(max)})"
                    : figure.Qualifier switch
                    {
                        "more-than" => $"({Format(figure.Value)},)",
                        "at-least" => $"[{Format(figure.Value)},)",
                        "less-than" => $"(,{Format(figure.Value)})",
                        "at-most" => $"(,{Format(figure.Value)}]",
                        _ => null,
                    };
                if (interval is not null)
                {
                    int end = figure.Unit is null || figure.Unit == "%" ? figure.Span.End : match.Amount.End;
                    actual.Add(new Actual(figure.Span.Start, end, figure.Span.Start, interval));
                }
            }
            else
            {
                actual.Add(new Actual(match.Number.Start, match.Number.End, match.Number.Start, Format(figure.Value)));
                if (figure.ValueMax is { } max)
                {
                    actual[^1] = actual[^1] with { End = words.Spans[words.Count > 0 ? IndexAt(words, match.Number.Start) : 0].End };
                    int upper = IndexAt(words, match.Number.End - 1);
                    actual.Add(new Actual(words.Spans[upper].Start, match.Number.End, words.Spans[upper].Start, Format(max)));
                }
            }
        }

        return actual;
    }

    private static int IndexAt(WordSequence words, int offset)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (words.Spans[i].Contains(offset))
            {
                return i;
            }
        }

        return 0;
    }

    private static List<Actual> CurrencyActual(string input, string language)
    {
        var words = new WordSequence(input, TokenScanner.Scan(input));
        var actual = new List<Actual>();
        foreach (FigureMatch match in FiguresStage.Recognize(words, language))
        {
            if (match.Figure.Currency is { } currency)
            {
                // Sub-units: Veille converts "50 cents" to 0.5 USD where Recognizers keep 50 Cent.
                actual.Add(new Actual(match.Amount.Start, match.Amount.End, match.Amount.Start, $"{Format(match.Figure.Value)} {currency}", $"{Format(match.Figure.Value * 100)} {currency}/100"));
            }
        }

        return actual;
    }

    private static string? FileSkipReason(string relative)
    {
        foreach ((string rule, string reason) in SkipRules.Value)
        {
            if (rule.StartsWith("file:", StringComparison.Ordinal) && Glob(rule[5..], relative))
            {
                return reason;
            }
        }

        return null;
    }

    private static string? CaseSkipReason(JsonElement element)
    {
        foreach ((string rule, string reason) in SkipRules.Value)
        {
            if (rule.StartsWith("not-supported:", StringComparison.Ordinal))
            {
                string platform = rule["not-supported:".Length..];
                foreach (string property in (string[])["NotSupported", "NotSupportedByDesign"])
                {
                    if (element.TryGetProperty(property, out JsonElement value) && (value.GetString() ?? "").Contains(platform, StringComparison.OrdinalIgnoreCase))
                    {
                        return reason;
                    }
                }
            }
        }

        return null;
    }

    private static bool Glob(string pattern, string text)
    {
        string[] parts = pattern.Split('*');
        if (!text.StartsWith(parts[0], StringComparison.Ordinal))
        {
            return false;
        }

        int at = parts[0].Length;
        for (int i = 1; i < parts.Length; i++)
        {
            if (i == parts.Length - 1)
            {
                return text.Length - at >= parts[i].Length && text.EndsWith(parts[i], StringComparison.Ordinal);
            }

            int found = text.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return at == text.Length;
    }

    private static IReadOnlyList<(string Rule, string Reason)> LoadSkipRules()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Veille.Resources.dates/recognizers-skip.txt")
            ?? throw new InvalidOperationException("Embedded resource Veille.Resources.dates/recognizers-skip.txt is missing.");
        using var reader = new StreamReader(stream);
        var rules = new List<(string, string)>();
        foreach (string raw in reader.ReadToEnd().Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] fields = line.Split('\t');
            rules.Add((fields[0], fields.Length > 1 ? fields[1] : "no reason given"));
        }

        return rules;
    }
}
