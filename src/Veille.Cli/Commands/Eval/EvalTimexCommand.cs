using System.CommandLine;
using Spectre.Console;
using Veille.Stages.Dates.Evaluation;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille eval timex --data DIR [--language fr|en]</c>: TempEval-3 extent and value F1 of the dates stage on TimeML files.</summary>
internal static class EvalTimexCommand
{
    private static readonly Option<string?> LanguageOption = new("--language")
    {
        Description = "Language of the documents (fr or en); guessed per document when absent",
    };

    private static readonly Option<int> ExamplesOption = new("--examples")
    {
        Description = "Number of value errors, spurious and missed expressions to list",
        DefaultValueFactory = _ => 10,
    };

    public static Command Create()
    {
        var command = new Command("timex", "Temporal expressions against TimeML (.tml) files: extent F1 strict and relaxed, value F1 (TempEval-3)")
        {
            LanguageOption,
            ExamplesOption,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string directory = parse.GetValue(CommonOptions.Data) ?? throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--data DIR (a folder of .tml files) is required");
        if (!Directory.Exists(directory))
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"no such folder: {directory}");
        }

        string? language = parse.GetValue(LanguageOption);
        if (language is not (null or "fr" or "en"))
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--language must be fr or en");
        }

        TimexReport report = TimexEvaluator.Evaluate(directory, language, Math.Max(0, parse.GetValue(ExamplesOption)));
        if (report.Documents == 0)
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"no .tml file under {directory}");
        }

        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                data = directory,
                documents = report.Documents,
                language = report.Language,
                strict = Score(report.Strict),
                relaxed = Score(report.Relaxed),
                value = Score(report.Value),
                value_errors = report.Errors,
                spurious = report.Spurious,
                missed = report.Missed,
            });
            return VeilleCli.Ok;
        }

        var table = new Table().Title($"TIMEX3 on {CommonOptions.Safe(directory)} ({report.Documents} documents)")
            .AddColumn("measure").AddColumn(new TableColumn("precision").RightAligned()).AddColumn(new TableColumn("recall").RightAligned())
            .AddColumn(new TableColumn("F1").RightAligned()).AddColumn(new TableColumn("correct / system / gold").RightAligned());
        AddRow(table, "extent strict", report.Strict);
        AddRow(table, "extent relaxed", report.Relaxed);
        AddRow(table, "value", report.Value);
        AnsiConsole.Write(table);
        Examples("value errors (gold -> system)", report.Errors);
        Examples("spurious", report.Spurious);
        Examples("missed", report.Missed);
        return VeilleCli.Ok;
    }

    private static object Score(TimexScore score) => new { precision = score.Precision, recall = score.Recall, f1 = score.F1, correct = score.Correct, system = score.System, gold = score.Gold };

    private static void AddRow(Table table, string name, TimexScore score) =>
        table.AddRow(name, $"{score.Precision:P1}", $"{score.Recall:P1}", $"{score.F1:F3}", $"{score.Correct:N0} / {score.System:N0} / {score.Gold:N0}");

    private static void Examples(string title, IReadOnlyList<string> examples)
    {
        if (examples.Count == 0)
        {
            return;
        }

        AnsiConsole.MarkupLine($"[bold]{CommonOptions.Safe(title)}[/]");
        foreach (string example in examples)
        {
            AnsiConsole.MarkupLine("  " + CommonOptions.Safe(example));
        }
    }
}
