using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Veille.Stages.Quotes;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille eval quotes --data DIR [--split dev]</c>: content P/R/F1 at 30% and 80% token overlap and speaker accuracy on brat attribution data (PolNeAR).</summary>
internal static class EvalQuotesCommand
{
    private static readonly Option<string> Split = new("--split")
    {
        Description = "Split folder under the data folder (dev, train)",
        DefaultValueFactory = _ => "dev",
    };

    private static readonly Option<string> Language = new("--language")
    {
        Description = "Language of the documents (picks the cue lists)",
        DefaultValueFactory = _ => "en",
    };

    private static readonly Option<string?> Errors = new("--errors")
    {
        Description = "Write misses, false alarms and wrong speakers (at 30% overlap) to this file",
    };

    public static Command Create()
    {
        var command = new Command("quotes", "Quote extraction against brat attribution data (e.g. quotes-polnear-en); documents carry no mentions")
        {
            Split,
            Language,
            Errors,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string folder = parse.GetValue(CommonOptions.Data)
            ?? throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--data DIR is required: the folder holding <split>/text and <split>/attributions");
        string split = parse.GetValue(Split) ?? "dev";
        if (!Directory.Exists(Path.Combine(folder, split, "text")) || !Directory.Exists(Path.Combine(folder, split, "attributions")))
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"{Path.Combine(folder, split)} needs text/ and attributions/ folders");
        }

        string? errorsPath = parse.GetValue(Errors);
        using StreamWriter? errors = errorsPath is null ? null : new StreamWriter(errorsPath);
        QuoteEvaluation evaluation = QuoteEvaluator.EvaluateBratFolder(folder, split, parse.GetValue(Language) ?? "en", errors);
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                data = folder,
                split,
                documents = evaluation.Documents,
                scores = Rows(evaluation).Select(row => new
                {
                    kind = row.Kind,
                    overlap = row.Threshold,
                    gold = row.Score.Gold,
                    predicted = row.Score.Predicted,
                    precision = Math.Round(row.Score.Precision, 4),
                    recall = Math.Round(row.Score.Recall, 4),
                    f1 = Math.Round(row.Score.F1, 4),
                    speaker_accuracy = Math.Round(row.Score.SpeakerAccuracy, 4),
                    speaker_checked = row.Score.SpeakerChecked,
                }),
            });
            return VeilleCli.Ok;
        }

        var table = new Table()
            .Title($"Quotes on {CommonOptions.Safe(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)))}/{CommonOptions.Safe(split)} ({evaluation.Documents} documents, no mentions)")
            .AddColumn("kind")
            .AddColumn(new TableColumn("overlap").RightAligned())
            .AddColumn(new TableColumn("gold").RightAligned())
            .AddColumn(new TableColumn("predicted").RightAligned())
            .AddColumn(new TableColumn("P").RightAligned())
            .AddColumn(new TableColumn("R").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned())
            .AddColumn(new TableColumn("speaker").RightAligned());
        foreach ((string kind, double threshold, QuoteScore score) in Rows(evaluation))
        {
            table.AddRow(
                kind,
                threshold.ToString("P0", CultureInfo.InvariantCulture),
                score.Gold.ToString(CultureInfo.InvariantCulture),
                score.Predicted.ToString(CultureInfo.InvariantCulture),
                Percent(score.Precision),
                Percent(score.Recall),
                Percent(score.F1),
                $"{Percent(score.SpeakerAccuracy)} of {score.SpeakerChecked}");
        }

        AnsiConsole.Write(table);
        return VeilleCli.Ok;
    }

    private static IEnumerable<(string Kind, double Threshold, QuoteScore Score)> Rows(QuoteEvaluation evaluation)
    {
        (string, System.Collections.Immutable.ImmutableArray<QuoteScore>)[] kinds = [("direct", evaluation.Direct), ("indirect", evaluation.Indirect), ("all", evaluation.All)];
        foreach ((string kind, System.Collections.Immutable.ImmutableArray<QuoteScore> scores) in kinds)
        {
            for (int t = 0; t < evaluation.Thresholds.Length; t++)
            {
                yield return (kind, evaluation.Thresholds[t], scores[t]);
            }
        }
    }

    private static string Percent(double value) => (100 * value).ToString("F1", CultureInfo.InvariantCulture);
}
