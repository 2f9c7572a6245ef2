using System.CommandLine;
using Spectre.Console;
using Veille.Html;
using Veille.Html.Evaluation;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille eval extraction --data DIR [--limit N] [--threads T] [--worst K]</c>: main-text extraction of Veille and SmartReader side by side, with trafilatura's segment metric.</summary>
internal static class EvalExtractionCommand
{
    private static readonly Option<string> Data = new("--data") { Description = "trafilatura-style evaluation folder: evaldata.json and html/*.html.gz (e.g. ../shared/data/extraction-dev)", Required = true };
    private static readonly Option<int?> Limit = new("--limit") { Description = "Evaluate only the first N pages (sorted by URL)" };
    private static readonly Option<int> Threads = new("--threads") { Description = "Pages extracted in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
    private static readonly Option<int> Worst = new("--worst") { Description = "Also list the K pages where Veille loses most segments", DefaultValueFactory = _ => 0 };

    public static Command Create()
    {
        var command = new Command("extraction", "HTML main-text extraction: precision, recall and F1 over 'with'/'without' segments, Veille vs SmartReader") { Data, Limit, Threads, Worst };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string data = parse.GetValue(Data)!;
        if (!File.Exists(Path.Combine(data, "evaldata.json")))
        {
            throw new CliException(Pipeline.ErrorCodes.InputNotFound, $"'{Path.Combine(data, "evaldata.json")}' not found: --data must be a folder with evaldata.json and html/.");
        }

        int? limit = parse.GetValue(Limit);
        if (limit is <= 0)
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--limit must be positive.");
        }

        int threads = Math.Max(1, parse.GetValue(Threads));
        IReadOnlyList<ExtractionCase> cases = ExtractionDataSet.Load(data, limit);
        ExtractionScore[] scores =
        [
            ExtractionEvaluator.Evaluate("veille", cases, (html, url) => HtmlExtractor.Extract(html, url).Text, threads),
            ExtractionEvaluator.Evaluate("smartreader", cases, SmartReaderBaseline.Extract, threads),
        ];
        var worst = scores[0].PerPage
            .Where(page => page.Counts.FalseNegatives + page.Counts.FalsePositives > 0)
            .OrderByDescending(page => page.Counts.FalseNegatives + page.Counts.FalsePositives).ThenBy(page => page.Url, StringComparer.Ordinal)
            .Take(Math.Max(0, parse.GetValue(Worst))).ToList();
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                pages = cases.Count,
                threads,
                extractors = scores.Select(score => new
                {
                    name = score.Extractor,
                    precision = Math.Round(score.Counts.Precision, 4),
                    recall = Math.Round(score.Counts.Recall, 4),
                    f1 = Math.Round(score.Counts.F1, 4),
                    true_positives = score.Counts.TruePositives,
                    false_negatives = score.Counts.FalseNegatives,
                    false_positives = score.Counts.FalsePositives,
                    true_negatives = score.Counts.TrueNegatives,
                    failed = score.Failed,
                    seconds = Math.Round(score.Seconds, 2),
                    pages_per_second = Math.Round(score.PagesPerSecond, 1),
                }),
                worst = worst.Select(page => new { url = page.Url, missed = page.Counts.FalseNegatives, leaked = page.Counts.FalsePositives }),
            });
            return VeilleCli.Ok;
        }

        AnsiConsole.MarkupLine($"[bold]{cases.Count} pages, {threads} threads[/]");
        var table = new Table().AddColumn("extractor").AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("failed").RightAligned()).AddColumn(new TableColumn("pages/s").RightAligned());
        foreach (ExtractionScore score in scores)
        {
            table.AddRow(score.Extractor, $"{score.Counts.Precision:F3}", $"{score.Counts.Recall:F3}", $"{score.Counts.F1:F3}", $"{score.Failed}", $"{score.PagesPerSecond:F0}");
        }

        AnsiConsole.Write(table);
        if (worst.Count > 0)
        {
            var pages = new Table().Title("Veille: most segments lost").AddColumn("url").AddColumn(new TableColumn("missed").RightAligned()).AddColumn(new TableColumn("leaked").RightAligned());
            foreach (PageScore page in worst)
            {
                pages.AddRow(Markup.Escape(page.Url), $"{page.Counts.FalseNegatives}", $"{page.Counts.FalsePositives}");
            }

            AnsiConsole.Write(pages);
        }

        return VeilleCli.Ok;
    }
}
