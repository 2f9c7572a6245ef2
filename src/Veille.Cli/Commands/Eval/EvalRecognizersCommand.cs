using System.CommandLine;
using Spectre.Console;
using Veille.Stages.Dates.Evaluation;

namespace Veille.Cli.Commands.Eval;

/// <summary><c>veille eval recognizers --data DIR</c>: pass rate of the dates and figures recognisers on Microsoft Recognizers-Text spec files.</summary>
internal static class EvalRecognizersCommand
{
    private static readonly Option<bool> FailuresOption = new("--failures")
    {
        Description = "List the first failing cases of each file",
    };

    public static Command Create()
    {
        var command = new Command("recognizers", "Dates and figures against Recognizers-Text specs (French and English DateTime, Number, NumberWithUnit): pass rate per file")
        {
            FailuresOption,
        };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string directory = parse.GetValue(CommonOptions.Data) ?? throw new CliException(Pipeline.ErrorCodes.InvalidOptions, "--data DIR (the recognizers-specs folder) is required");
        if (!Directory.Exists(directory))
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"no such folder: {directory}");
        }

        RecognizersReport report = RecognizersSpecRunner.Run(directory);
        if (report.Files.Count == 0)
        {
            throw new CliException(Pipeline.ErrorCodes.InvalidOptions, $"no French or English spec file under {directory}");
        }

        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                data = directory,
                cases = report.Cases,
                run = report.Cases - report.Skipped,
                passed = report.Passed,
                skipped = report.Skipped,
                pass_rate = report.PassRate,
                pass_rate_all = report.PassRateAll,
                files = report.Files.Select(file => new
                {
                    file = file.File,
                    cases = file.Cases,
                    run = file.Run,
                    passed = file.Passed,
                    skipped = file.Skipped,
                    pass_rate = file.PassRate,
                    pass_rate_all = file.PassRateAll,
                    skip_reasons = file.SkipReasons,
                    failures = parse.GetValue(FailuresOption) ? file.Failures : [],
                }),
            });
            return VeilleCli.Ok;
        }

        var table = new Table().Title($"Recognizers-Text specs in {CommonOptions.Safe(directory)}")
            .AddColumn("file").AddColumn(new TableColumn("cases").RightAligned()).AddColumn(new TableColumn("run").RightAligned())
            .AddColumn(new TableColumn("passed").RightAligned()).AddColumn(new TableColumn("pass rate (run)").RightAligned())
            .AddColumn(new TableColumn("pass rate (all)").RightAligned()).AddColumn("skipped because");
        foreach (RecognizersFileResult file in report.Files)
        {
            table.AddRow(
                CommonOptions.Safe(file.File),
                $"{file.Cases:N0}",
                $"{file.Run:N0}",
                $"{file.Passed:N0}",
                file.Run == 0 ? "-" : $"{file.PassRate:P1}",
                $"{file.PassRateAll:P1}",
                CommonOptions.Safe(string.Join("; ", file.SkipReasons.Select(pair => $"{pair.Value}: {pair.Key}"))));
        }

        table.AddRow("[bold]overall[/]", $"{report.Cases:N0}", $"{report.Cases - report.Skipped:N0}", $"{report.Passed:N0}", $"{report.PassRate:P1}", $"{report.PassRateAll:P1}", "");
        AnsiConsole.Write(table);
        if (parse.GetValue(FailuresOption))
        {
            foreach (RecognizersFileResult file in report.Files.Where(file => file.Failures.Count > 0))
            {
                AnsiConsole.MarkupLine($"[bold]{CommonOptions.Safe(file.File)}[/]");
                foreach (string failure in file.Failures)
                {
                    AnsiConsole.MarkupLine("  " + CommonOptions.Safe(failure));
                }
            }
        }

        return VeilleCli.Ok;
    }
}
