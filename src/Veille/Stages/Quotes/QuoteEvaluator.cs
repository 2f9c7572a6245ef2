using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Veille.Model;
using Veille.Stages.Tokenization;

namespace Veille.Stages.Quotes;

/// <summary>One gold attribution of a brat file: content fragments, source fragments (empty when unsourced) and whether the content is quoted.</summary>
/// <param name="Content">Character ranges of the content (several when discontinuous).</param>
/// <param name="Source">Character ranges of the sources (every event on this content), empty for "Attribution-no-source".</param>
/// <param name="IsDirect">True when the content opens with a quotation mark.</param>
/// <param name="Cue">Character ranges of the cue, empty when none.</param>
public sealed record GoldAttribution(ImmutableArray<TextSpan> Content, ImmutableArray<TextSpan> Source, bool IsDirect, ImmutableArray<TextSpan> Cue);

/// <summary>Counts for one kind of quote at one overlap threshold.</summary>
/// <param name="Gold">Gold contents of this kind.</param>
/// <param name="Predicted">Predicted quotes of this kind (scare quotes are never counted).</param>
/// <param name="MatchedGold">Gold contents of this kind matched by a prediction (of any kind).</param>
/// <param name="MatchedPredicted">Predictions of this kind matched to a gold content (of any kind).</param>
/// <param name="SpeakerChecked">Matched gold contents of this kind that have a gold source.</param>
/// <param name="SpeakerCorrect">Of those, the ones whose predicted speaker overlaps the gold source.</param>
public readonly record struct QuoteScore(int Gold, int Predicted, int MatchedGold, int MatchedPredicted, int SpeakerChecked, int SpeakerCorrect)
{
    /// <summary>Matched predictions over predictions, in [0, 1].</summary>
    public double Precision => Predicted == 0 ? 0 : (double)MatchedPredicted / Predicted;

    /// <summary>Matched gold contents over gold contents, in [0, 1].</summary>
    public double Recall => Gold == 0 ? 0 : (double)MatchedGold / Gold;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Share of matched, sourced gold contents whose speaker is right.</summary>
    public double SpeakerAccuracy => SpeakerChecked == 0 ? 0 : (double)SpeakerCorrect / SpeakerChecked;

    /// <summary>Adds two scores count by count.</summary>
    public static QuoteScore operator +(QuoteScore left, QuoteScore right) => new(
        left.Gold + right.Gold,
        left.Predicted + right.Predicted,
        left.MatchedGold + right.MatchedGold,
        left.MatchedPredicted + right.MatchedPredicted,
        left.SpeakerChecked + right.SpeakerChecked,
        left.SpeakerCorrect + right.SpeakerCorrect);
}

/// <summary>The scores of one evaluation run: per threshold, direct, indirect and all quotes.</summary>
/// <param name="Documents">Documents evaluated.</param>
/// <param name="Thresholds">The token-overlap thresholds, in the order of the score arrays.</param>
/// <param name="Direct">Scores of quoted contents, one per threshold.</param>
/// <param name="Indirect">Scores of reported contents, one per threshold.</param>
/// <param name="All">Scores of every content, one per threshold.</param>
public sealed record QuoteEvaluation(int Documents, ImmutableArray<double> Thresholds, ImmutableArray<QuoteScore> Direct, ImmutableArray<QuoteScore> Indirect, ImmutableArray<QuoteScore> All);

/// <summary>
/// Scores <see cref="QuotesStage"/> against brat attribution files (PolNeAR: Source, Cue and Content spans joined by
/// "Attribution" events). A prediction matches a gold content when the tokens they share are at least the threshold
/// share of the longer of the two; matching is one-to-one, greedy by overlap. Gold contents that open with a quotation
/// mark are direct, the others indirect; a prediction counts under its own kind. The documents carry no mentions:
/// speakers are the span-based phrases of the stage, right when they overlap the gold source.
/// </summary>
public static partial class QuoteEvaluator
{
    /// <summary>The thresholds the issue asks for: 30% and 80% token overlap.</summary>
    public static ImmutableArray<double> DefaultThresholds { get; } = [0.3, 0.8];

    /// <summary>Evaluates on <c>{folder}/{split}/text/*.txt</c> and <c>{folder}/{split}/attributions/*.ann</c> (the first annotator's file of each article, by name).</summary>
    /// <param name="folder">The data set folder (quotes-polnear-en).</param>
    /// <param name="split">The split folder name ("dev", "train").</param>
    /// <param name="language">The BCP-47 tag given to every document.</param>
    /// <param name="errors">When not null, receives the misses and false alarms at the first threshold, for error analysis.</param>
    public static QuoteEvaluation EvaluateBratFolder(string folder, string split = "dev", string language = "en", TextWriter? errors = null)
    {
        string textFolder = Path.Combine(folder, split, "text");
        string annotationFolder = Path.Combine(folder, split, "attributions");
        if (!Directory.Exists(textFolder) || !Directory.Exists(annotationFolder))
        {
            throw new DirectoryNotFoundException($"Expected {textFolder} and {annotationFolder}.");
        }

        var byArticle = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in Directory.GetFiles(annotationFolder, "*.ann").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            int underscore = name.LastIndexOf('_');
            string article = underscore > 0 ? name[..underscore] : name;
            byArticle.TryAdd(article, path);
        }

        var documents = new List<(string Name, string Text, IReadOnlyList<GoldAttribution> Gold)>();
        foreach ((string article, string annotationPath) in byArticle)
        {
            string textPath = Path.Combine(textFolder, article + ".txt");
            if (File.Exists(textPath))
            {
                documents.Add((article, File.ReadAllText(textPath), ParseBrat(File.ReadAllText(annotationPath), File.ReadAllText(textPath))));
            }
        }

        return Evaluate(documents, language, DefaultThresholds, errors);
    }

    /// <summary>Evaluates the stage on texts with gold attributions.</summary>
    public static QuoteEvaluation Evaluate(
        IEnumerable<(string Name, string Text, IReadOnlyList<GoldAttribution> Gold)> documents,
        string language,
        ImmutableArray<double> thresholds,
        TextWriter? errors = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var direct = new QuoteScore[thresholds.Length];
        var indirect = new QuoteScore[thresholds.Length];
        int count = 0;
        foreach ((string name, string text, IReadOnlyList<GoldAttribution> gold) in documents)
        {
            count++;
            Document document = Prepare(text, language);
            ImmutableArray<Quote> predicted = QuotesStage.Find(document);
            for (int t = 0; t < thresholds.Length; t++)
            {
                (QuoteScore d, QuoteScore i) = Score(document, gold, predicted, thresholds[t], t == 0 ? errors : null, name);
                direct[t] += d;
                indirect[t] += i;
            }
        }

        var all = new QuoteScore[thresholds.Length];
        for (int t = 0; t < thresholds.Length; t++)
        {
            all[t] = direct[t] + indirect[t];
        }

        return new QuoteEvaluation(count, thresholds, [.. direct], [.. indirect], [.. all]);
    }

    /// <summary>Reads the attributions of a brat .ann file; <paramref name="text"/> tells direct contents from reported ones.</summary>
    public static IReadOnlyList<GoldAttribution> ParseBrat(string annotation, string text)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        ArgumentNullException.ThrowIfNull(text);
        var spans = new Dictionary<string, ImmutableArray<TextSpan>>(StringComparer.Ordinal);
        foreach (Match match in TextBoundLine().Matches(annotation))
        {
            var fragments = ImmutableArray.CreateBuilder<TextSpan>();
            foreach (string fragment in match.Groups["ranges"].Value.Split(';'))
            {
                string[] bounds = fragment.Split(' ');
                int start = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                int end = int.Parse(bounds[1], CultureInfo.InvariantCulture);
                if (end <= text.Length && start <= end)
                {
                    fragments.Add(new TextSpan(start, end));
                }
            }

            spans[match.Groups["id"].Value] = fragments.ToImmutable();
        }

        // Several events may share one content (nested attribution: "X said, according to the Times"); each of their
        // sources is a right speaker for it.
        var order = new List<string>();
        var byContent = new Dictionary<string, (List<TextSpan> Sources, ImmutableArray<TextSpan> Cue)>(StringComparer.Ordinal);
        foreach (string line in annotation.Split('\n'))
        {
            if (!line.StartsWith('E'))
            {
                continue;
            }

            string[] columns = line.TrimEnd('\r').Split('\t');
            if (columns.Length < 2)
            {
                continue;
            }

            string? content = null;
            string? source = null;
            string? cue = null;
            foreach (string argument in columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                int colon = argument.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0)
                {
                    continue;
                }

                string role = argument[..colon];
                string id = argument[(colon + 1)..];
                if (role.StartsWith("Content", StringComparison.Ordinal))
                {
                    content = id;
                }
                else if (role.StartsWith("Source", StringComparison.Ordinal))
                {
                    source = id;
                }
                else if (role.StartsWith("Cue", StringComparison.Ordinal))
                {
                    cue = id;
                }
            }

            if (content is null || !spans.TryGetValue(content, out ImmutableArray<TextSpan> contentSpans) || contentSpans.IsEmpty)
            {
                continue;
            }

            if (!byContent.TryGetValue(content, out (List<TextSpan> Sources, ImmutableArray<TextSpan> Cue) entry))
            {
                ImmutableArray<TextSpan> cueSpans = cue is not null && spans.TryGetValue(cue, out ImmutableArray<TextSpan> cueFound) ? cueFound : [];
                entry = ([], cueSpans);
                byContent[content] = entry;
                order.Add(content);
            }

            if (source is not null && spans.TryGetValue(source, out ImmutableArray<TextSpan> found))
            {
                entry.Sources.AddRange(found);
            }
        }

        var result = new List<GoldAttribution>(order.Count);
        foreach (string content in order)
        {
            ImmutableArray<TextSpan> contentSpans = spans[content];
            (List<TextSpan> sources, ImmutableArray<TextSpan> cueSpans) = byContent[content];
            result.Add(new GoldAttribution(contentSpans, [.. sources], OpensWithQuote(text, contentSpans[0]), cueSpans));
        }

        return result;
    }

    private static Document Prepare(string text, string language)
    {
        var document = new Document(text);
        document.SetText(text, OffsetMap.Identity(text.Length), null, []);
        document.SetLanguage(new Language(language, 1));
        ImmutableArray<Token> tokens = TokenScanner.Scan(text);
        document.SetTokens(tokens);
        document.SetSentences(SentenceSplitter.Split(text, tokens));
        document.SetMentions([], []);
        return document;
    }

    private static bool OpensWithQuote(string text, TextSpan span)
    {
        for (int i = span.Start; i < span.End; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            return c is '"' or '«' or '\u201C' or '\u201E' or '\u2018' or '\'';
        }

        return false;
    }

    private static (QuoteScore Direct, QuoteScore Indirect) Score(Document document, IReadOnlyList<GoldAttribution> gold, ImmutableArray<Quote> predictedQuotes, double threshold, TextWriter? errors, string name)
    {
        // "“…,” she said, “…”": a direct quote taking the speaker of the quote just before it, in the same paragraph,
        // is scored with it as one discontinuous content, as brat annotates it.
        var predicted = new List<Quote>();
        var predictedSpans = new List<List<TextSpan>>();
        foreach (Quote quote in predictedQuotes)
        {
            if (quote.Kind == QuoteKind.Scare)
            {
                continue;
            }

            if (predicted.Count > 0 && quote.Kind == QuoteKind.Direct && quote.Cue is null && quote.Speaker is { } speaker
                && predicted[^1].Kind == QuoteKind.Direct && predicted[^1].Speaker == speaker
                && quote.Content.Start - predicted[^1].Content.End is >= 0 and <= 80
                && !document.TextOf(new TextSpan(predicted[^1].Content.End, quote.Content.Start)).Contains('\n'))
            {
                predictedSpans[^1].Add(quote.Content);
                continue;
            }

            predicted.Add(quote);
            predictedSpans.Add([quote.Content]);
        }

        HashSet<int>[] goldTokens = [.. gold.Select(g => TokensIn(document, g.Content))];
        HashSet<int>[] predictedTokens = [.. predictedSpans.Select(spans => TokensIn(document, spans))];
        var pairs = new List<(double Overlap, int Gold, int Predicted)>();
        for (int g = 0; g < gold.Count; g++)
        {
            for (int p = 0; p < predicted.Count; p++)
            {
                int shared = 0;
                foreach (int token in predictedTokens[p])
                {
                    if (goldTokens[g].Contains(token))
                    {
                        shared++;
                    }
                }

                int longer = Math.Max(goldTokens[g].Count, predictedTokens[p].Count);
                double overlap = longer == 0 ? 0 : (double)shared / longer;
                if (shared > 0 && overlap >= threshold)
                {
                    pairs.Add((overlap, g, p));
                }
            }
        }

        pairs.Sort((left, right) => right.Overlap != left.Overlap ? right.Overlap.CompareTo(left.Overlap) : left.Gold != right.Gold ? left.Gold.CompareTo(right.Gold) : left.Predicted.CompareTo(right.Predicted));
        int[] goldMatch = [.. Enumerable.Repeat(-1, gold.Count)];
        int[] predictedMatch = [.. Enumerable.Repeat(-1, predicted.Count)];
        foreach ((_, int g, int p) in pairs)
        {
            if (goldMatch[g] < 0 && predictedMatch[p] < 0)
            {
                goldMatch[g] = p;
                predictedMatch[p] = g;
            }
        }

        QuoteScore direct = default;
        QuoteScore indirect = default;
        for (int g = 0; g < gold.Count; g++)
        {
            bool matched = goldMatch[g] >= 0;
            bool checkedSpeaker = matched && !gold[g].Source.IsEmpty;
            bool correct = checkedSpeaker && predicted[goldMatch[g]].Speaker is { } speaker && gold[g].Source.Any(source => source.Overlaps(speaker));
            var score = new QuoteScore(1, 0, matched ? 1 : 0, 0, checkedSpeaker ? 1 : 0, correct ? 1 : 0);
            if (gold[g].IsDirect)
            {
                direct += score;
            }
            else
            {
                indirect += score;
            }

            if (errors is not null && (!matched || (checkedSpeaker && !correct)))
            {
                string what = !matched ? "MISS" : "SPEAKER";
                string predictedSpeaker = matched && predicted[goldMatch[g]].Speaker is { } s ? document.TextOf(s).ToString() : "-";
                errors.WriteLine($"{what}\t{name}\t{(gold[g].IsDirect ? "direct" : "indirect")}\tcue=[{Join(document, gold[g].Cue)}]\tgold-source=[{Join(document, gold[g].Source)}]\tpredicted-speaker=[{predictedSpeaker}]\t{Clip(Join(document, gold[g].Content))}");
            }
        }

        for (int p = 0; p < predicted.Count; p++)
        {
            var score = new QuoteScore(0, 1, 0, predictedMatch[p] >= 0 ? 1 : 0, 0, 0);
            if (predicted[p].Kind == QuoteKind.Direct)
            {
                direct += score;
            }
            else
            {
                indirect += score;
            }

            if (errors is not null && predictedMatch[p] < 0)
            {
                string speaker = predicted[p].Speaker is { } s ? document.TextOf(s).ToString() : "-";
                errors.WriteLine($"FALSE\t{name}\t{predicted[p].Kind}\tspeaker=[{speaker}]\t{Clip(document.TextOf(predicted[p].Content).ToString())}");
            }
        }

        return (direct, indirect);
    }

    private static HashSet<int> TokensIn(Document document, IEnumerable<TextSpan> spans)
    {
        var set = new HashSet<int>();
        ImmutableArray<Token> tokens = document.Tokens;
        foreach (TextSpan span in spans)
        {
            int low = 0;
            int high = tokens.Length;
            while (low < high)
            {
                int middle = (low + high) >>> 1;
                if (tokens[middle].Span.End <= span.Start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            for (int i = low; i < tokens.Length && tokens[i].Span.Start < span.End; i++)
            {
                if (tokens[i].Kind is TokenKind.Word or TokenKind.Number)
                {
                    set.Add(i);
                }
            }
        }

        return set;
    }

    private static string Join(Document document, ImmutableArray<TextSpan> spans)
    {
        var builder = new StringBuilder();
        foreach (TextSpan span in spans)
        {
            if (builder.Length > 0)
            {
                builder.Append(" … ");
            }

            builder.Append(document.TextOf(span));
        }

        return builder.ToString().ReplaceLineEndings(" ");
    }

    private static string Clip(string text)
    {
        text = text.ReplaceLineEndings(" ");
        return text.Length <= 160 ? text : string.Concat(text.AsSpan(0, 157), "...");
    }

    [GeneratedRegex(@"^(?<id>T\d+)\t[\w-]+ (?<ranges>\d+ \d+(?:;\d+ \d+)*)\t", RegexOptions.Multiline)]
    private static partial Regex TextBoundLine();
}
