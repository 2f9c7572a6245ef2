using System.Globalization;
using System.Net;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Tokenization;

namespace Veille.Stages.Dates.Evaluation;

/// <summary>Precision, recall and F1 of one TempEval-3 measure.</summary>
public readonly record struct TimexScore(int Correct, int System, int Gold)
{
    public double Precision => System == 0 ? 0 : (double)Correct / System;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>TempEval-3 scores of a TimeML folder: extent strict and relaxed (any overlap), and value (relaxed extent and equal value).</summary>
/// <param name="Documents">Number of .tml files read.</param>
/// <param name="Language">Language the documents were processed as.</param>
/// <param name="Strict">Exact extent match.</param>
/// <param name="Relaxed">Overlapping extents.</param>
/// <param name="Value">Overlapping extents with the gold value.</param>
/// <param name="Errors">The first value errors ("text: gold -> system"), at most 20.</param>
/// <param name="Spurious">The first system expressions overlapping no gold one, at most 20.</param>
/// <param name="Missed">The first gold expressions overlapping no system one, at most 20.</param>
public sealed record TimexReport(int Documents, string Language, TimexScore Strict, TimexScore Relaxed, TimexScore Value, IReadOnlyList<string> Errors, IReadOnlyList<string> Spurious, IReadOnlyList<string> Missed);

/// <summary>
/// Evaluates the dates stage on TimeML (.tml) files: each document's text is run through tokenization and
/// <see cref="DatesStage"/> with the document creation time (DCT) as publication date, then compared with its TIMEX3
/// tags (the DCT itself excluded). Thread-safe.
/// </summary>
public static class TimexEvaluator
{
    /// <summary>Evaluates every .tml file under <paramref name="directory"/>; <paramref name="language"/> null guesses it from the text; keeps up to <paramref name="examples"/> errors of each kind.</summary>
    public static TimexReport Evaluate(string directory, string? language = null, int examples = 20)
    {
        int documents = 0;
        int strict = 0;
        int relaxed = 0;
        int value = 0;
        int system = 0;
        int gold = 0;
        var errors = new List<string>();
        var spurious = new List<string>();
        var missed = new List<string>();
        string used = language ?? "";
        foreach (string path in Directory.EnumerateFiles(directory, "*.tml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            TimeMLDocument timeml = TimeMLDocument.Parse(File.ReadAllText(path));
            string documentLanguage = language ?? GuessLanguage(timeml.Text);
            used = documentLanguage;
            var document = new Document(timeml.Text, new SourceInfo(Published: timeml.CreationTime));
            document.SetText(timeml.Text, OffsetMap.Identity(timeml.Text.Length), null, []);
            document.SetLanguage(new Language(documentLanguage, 1));
            new TokenizationStage().Process(document, StageContext.Default);
            new DatesStage().Process(document, StageContext.Default);
            documents++;
            gold += timeml.Timexes.Count;
            system += document.Dates.Length;
            foreach (DateMention date in document.Dates)
            {
                bool matched = false;
                foreach ((TextSpan span, _) in timeml.Timexes)
                {
                    matched |= span.Overlaps(date.Span);
                }

                if (!matched && spurious.Count < examples)
                {
                    spurious.Add($"{timeml.Text[date.Span.Start..date.Span.End]}: {date.Value ?? "null"}");
                }
            }

            foreach ((TextSpan span, string goldValue) in timeml.Timexes)
            {
                DateMention? overlapping = null;
                foreach (DateMention date in document.Dates)
                {
                    if (date.Span == span)
                    {
                        strict++;
                    }

                    if (overlapping is null && date.Span.Overlaps(span))
                    {
                        overlapping = date;
                    }
                }

                if (overlapping is null && missed.Count < examples)
                {
                    missed.Add($"{timeml.Text[span.Start..span.End]}: {goldValue}");
                }

                if (overlapping is { } found)
                {
                    relaxed++;
                    if (string.Equals(found.Value, goldValue, StringComparison.Ordinal))
                    {
                        value++;
                    }
                    else if (errors.Count < examples)
                    {
                        errors.Add($"{timeml.Text[span.Start..span.End]}: {goldValue} -> {found.Value ?? "null"} ({timeml.Text[found.Span.Start..found.Span.End]})");
                    }
                }
            }
        }

        return new TimexReport(documents, used, new TimexScore(strict, system, gold), new TimexScore(relaxed, system, gold), new TimexScore(value, system, gold), errors, spurious, missed);
    }

    private static string GuessLanguage(string text)
    {
        int french = Count(text, " le ") + Count(text, " la ") + Count(text, " les ") + Count(text, " des ") + Count(text, " de ") + Count(text, " et ") + Count(text, " à ") + Count(text, " du ");
        int english = Count(text, " the ") + Count(text, " of ") + Count(text, " and ") + Count(text, " to ") + Count(text, " in ") + Count(text, " is ");
        return french > english ? "fr" : "en";
    }

    private static int Count(string text, string word)
    {
        int count = 0;
        for (int at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }

        return count;
    }
}

/// <summary>A TimeML document: the plain text of its TEXT element, its creation time and its TIMEX3 spans with values.</summary>
internal sealed record TimeMLDocument(string Text, DateTimeOffset? CreationTime, IReadOnlyList<(TextSpan Span, string Value)> Timexes)
{
    public static TimeMLDocument Parse(string xml)
    {
        DateTimeOffset? creation = null;
        int dct = xml.IndexOf("<DCT>", StringComparison.Ordinal);
        if (dct >= 0 && Attribute(xml[dct..xml.IndexOf("</DCT>", dct, StringComparison.Ordinal)], "value") is { } dctValue
            && DateTime.TryParseExact(dctValue.Length >= 10 ? dctValue[..10] : dctValue, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day))
        {
            creation = new DateTimeOffset(day, TimeSpan.Zero);
        }

        int start = xml.IndexOf("<TEXT>", StringComparison.Ordinal);
        int end = xml.IndexOf("</TEXT>", StringComparison.Ordinal);
        string body = start >= 0 && end > start ? xml[(start + 6)..end] : xml;
        var text = new System.Text.StringBuilder(body.Length);
        var timexes = new List<(TextSpan, string)>();
        int openStart = -1;
        string? openValue = null;
        int i = 0;
        while (i < body.Length)
        {
            int tag = body.IndexOf('<', i);
            if (tag < 0)
            {
                text.Append(WebUtility.HtmlDecode(body[i..]));
                break;
            }

            text.Append(WebUtility.HtmlDecode(body[i..tag]));
            int close = body.IndexOf('>', tag);
            if (close < 0)
            {
                break;
            }

            string element = body[(tag + 1)..close];
            if (element.StartsWith("TIMEX3", StringComparison.Ordinal))
            {
                openStart = text.Length;
                openValue = Attribute(element, "value") ?? "";
                if (element.EndsWith('/'))
                {
                    openStart = -1;
                }
            }
            else if (element == "/TIMEX3" && openStart >= 0)
            {
                int spanEnd = text.Length;
                while (spanEnd > openStart && char.IsWhiteSpace(text[spanEnd - 1]))
                {
                    spanEnd--;
                }

                timexes.Add((new TextSpan(openStart, spanEnd), openValue ?? ""));
                openStart = -1;
            }

            i = close + 1;
        }

        return new TimeMLDocument(text.ToString(), creation, timexes);
    }

    private static string? Attribute(string element, string name)
    {
        int at = element.IndexOf(" " + name + "=\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        int valueStart = at + name.Length + 3;
        int valueEnd = element.IndexOf('"', valueStart);
        return valueEnd < 0 ? null : element[valueStart..valueEnd];
    }
}
