using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Veille.Model;
using Veille.Pipeline;
using Veille.Text;

namespace Veille.Stages.Cleaning;

/// <summary>
/// Requires nothing; produces the cleaned text, its offset map to the raw text, the detected title and the removed lines.
/// Algorithm: per line, NFC and whitespace normalisation; removal of boilerplate lines (data-file patterns, lines repeated
/// across a source's documents, digit-only debris at the start and end); a title is a short first line without final punctuation.
/// </summary>
public sealed class CleaningStage : IDocumentStage
{
    private readonly CleaningOptions options;
    private readonly BoilerplatePatterns patterns;

    public CleaningStage(CleaningOptions? options = null)
        : this(options ?? CleaningOptions.Default, BoilerplatePatterns.Default)
    {
    }

    internal CleaningStage(CleaningOptions options, BoilerplatePatterns patterns)
    {
        options.Validate();
        this.options = options;
        this.patterns = patterns;
    }

    public StageInfo Info { get; } = new("cleaning", 1, Layers.None, Layers.Text);

    public void Process(Document document, StageContext context)
    {
        string raw = document.RawText;
        List<Line> lines = SplitLines(raw);
        var reasons = new string?[lines.Count];

        for (int i = 0; i < lines.Count; i++)
        {
            Line line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            if (options.RemoveBoilerplate && patterns.Match(line.Text) is { } pattern)
            {
                reasons[i] = pattern;
            }
            else if (context.RepeatedLines.IsRepeated(document.Source.GroupKey, line.Text))
            {
                reasons[i] = "repeated-in-source";
            }
        }

        int titleLine = FindTitle(lines, reasons);
        MarkEdgeDebris(lines, reasons, titleLine);
        Emit(document, raw, lines, reasons, titleLine);
    }

    private void Emit(Document document, string raw, List<Line> lines, string?[] reasons, int titleLine)
    {
        var text = new StringBuilder(raw.Length);
        var offsets = new List<int>(raw.Length);
        var removed = ImmutableArray.CreateBuilder<RemovedLine>();
        int previousKept = -1;
        bool blankSincePrevious = false;
        for (int i = 0; i < lines.Count; i++)
        {
            Line line = lines[i];
            if (reasons[i] is { } reason)
            {
                removed.Add(new RemovedLine(new TextSpan(line.RawStart, line.RawEnd), raw[line.RawStart..line.RawEnd], reason));
                continue;
            }

            if (line.IsBlank)
            {
                blankSincePrevious = previousKept >= 0;
                continue;
            }

            if (previousKept >= 0)
            {
                int breakAt = lines[previousKept].RawEnd;
                text.Append('\n');
                offsets.Add(breakAt);
                if (blankSincePrevious)
                {
                    text.Append('\n');
                    offsets.Add(Math.Min(breakAt + 1, line.RawStart));
                }
            }

            text.Append(line.Text);
            offsets.AddRange(line.Offsets);
            previousKept = i;
            blankSincePrevious = false;
        }

        string? title = titleLine >= 0 ? lines[titleLine].Text : null;
        document.SetText(text.ToString(), OffsetMap.FromCharOffsets(offsets.ToArray(), raw.Length), title, removed.ToImmutable());
    }

    private int FindTitle(List<Line> lines, string?[] reasons)
    {
        int first = NextContent(lines, reasons, 0);
        if (first < 0 || NextContent(lines, reasons, first + 1) < 0)
        {
            return -1;
        }

        string text = lines[first].Text;
        if (text.Length > options.MaxTitleLength || CountWords(text) > options.MaxTitleWords || !HasLetter(text))
        {
            return -1;
        }

        char last = text[^1];
        return last is '.' or ',' or ';' or ':' or '…' ? -1 : first;
    }

    private void MarkEdgeDebris(List<Line> lines, string?[] reasons, int titleLine)
    {
        for (int i = titleLine + 1; i < lines.Count && (lines[i].IsBlank || reasons[i] is not null || MarkIfDebris(lines, reasons, i)); i++)
        {
        }

        for (int i = lines.Count - 1; i > titleLine && (lines[i].IsBlank || reasons[i] is not null || MarkIfDebris(lines, reasons, i)); i--)
        {
        }
    }

    private bool MarkIfDebris(List<Line> lines, string?[] reasons, int index)
    {
        string text = lines[index].Text;
        if (text.Length > options.MaxDebrisLength || HasLetter(text))
        {
            return false;
        }

        reasons[index] = "debris";
        return true;
    }

    private static int NextContent(List<Line> lines, string?[] reasons, int from)
    {
        for (int i = from; i < lines.Count; i++)
        {
            if (!lines[i].IsBlank && reasons[i] is null)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool HasLetter(string text)
    {
        foreach (char c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int CountWords(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
            {
                words++;
            }

            inWord = !space;
        }

        return words;
    }

    /// <summary>Splits the raw text into lines and normalises each: controls dropped, horizontal whitespace collapsed and trimmed, NFC.</summary>
    private static List<Line> SplitLines(string raw)
    {
        var lines = new List<Line>();
        int start = 0;
        while (start <= raw.Length)
        {
            int newline = raw.IndexOf('\n', start);
            int end = newline < 0 ? raw.Length : newline;
            int contentEnd = end > start && raw[end - 1] == '\r' ? end - 1 : end;
            lines.Add(NormalizeLine(raw, start, contentEnd));
            if (newline < 0)
            {
                break;
            }

            start = newline + 1;
        }

        return lines;
    }

    private static Line NormalizeLine(string raw, int start, int end)
    {
        var chars = new StringBuilder(end - start);
        var offsets = new List<int>(end - start);
        int i = start;
        while (i < end)
        {
            char c = raw[i];
            if (TextNormalizer.IsHorizontalSpace(c) || c == '\r')
            {
                int runStart = i;
                bool allNoBreak = true;
                while (i < end && (TextNormalizer.IsHorizontalSpace(raw[i]) || raw[i] == '\r' || IsDropped(raw[i])))
                {
                    allNoBreak &= raw[i] is '\u00A0' or '\u202F' || IsDropped(raw[i]);
                    i++;
                }

                if (chars.Length > 0 && i < end)
                {
                    chars.Append(allNoBreak ? raw[runStart] is '\u202F' ? '\u202F' : '\u00A0' : ' ');
                    offsets.Add(runStart);
                }

                continue;
            }

            if (!IsDropped(c))
            {
                chars.Append(c);
                offsets.Add(i);
            }

            i++;
        }

        string text = chars.ToString();
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            (text, offsets) = ComposeByTextElement(text, offsets);
        }

        return new Line(start, end, text, offsets);
    }

    private static (string Text, List<int> Offsets) ComposeByTextElement(string text, List<int> offsets)
    {
        var composed = new StringBuilder(text.Length);
        var composedOffsets = new List<int>(text.Length);
        TextElementEnumerator elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            int index = elements.ElementIndex;
            string original = (string)elements.Current;
            string element = original.Normalize(NormalizationForm.FormC);
            for (int k = 0; k < element.Length; k++)
            {
                composed.Append(element[k]);
                composedOffsets.Add(offsets[index + Math.Min(k, original.Length - 1)]);
            }
        }

        return (composed.ToString(), composedOffsets);
    }

    /// <summary>Control and invisible format characters that carry no text (NUL, BOM, soft hyphen…); tab and newline are handled as spaces.</summary>
    private static bool IsDropped(char c) =>
        c is '\uFEFF' or '\u00AD' or '\u200B' || (char.IsControl(c) && c is not '\t' and not '\n');

    private sealed record Line(int RawStart, int RawEnd, string Text, List<int> Offsets)
    {
        public bool IsBlank => Text.Length == 0;
    }
}
