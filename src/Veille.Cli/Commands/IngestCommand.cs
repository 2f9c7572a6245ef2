using System.CommandLine;
using Spectre.Console;
using Veille.Hosting;
using Veille.Hosting.Ingest;

namespace Veille.Cli.Commands;

/// <summary><c>veille ingest PATH...</c>: reads files and folders into the data folder.</summary>
internal static class IngestCommand
{
    private static readonly Argument<string[]> Paths = new("paths") { Description = $"Files or folders (recursive) to ingest: {InputReader.Supported}", Arity = ArgumentArity.OneOrMore };

    private static readonly Option<double> MaxDocumentMegabytes = new("--max-document-mb")
    {
        Description = "Skip documents larger than this many MB",
        DefaultValueFactory = _ => 10,
    };

    public static Command Create()
    {
        var command = new Command("ingest", "Ingest text files, folders and JSONL into the data folder (idempotent by content hash)") { Paths, MaxDocumentMegabytes };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string[] paths = parse.GetValue(Paths) ?? [];
        var options = new IngestOptions(MaxDocumentBytes: (long)(parse.GetValue(MaxDocumentMegabytes) * 1024 * 1024));
        using VeilleHost host = CommonOptions.OpenHost(parse, forWriting: true);
        bool json = parse.GetValue(CommonOptions.Json);
        IngestReport report = RunWithProgress(host.CreateIngestService(), paths, options, showProgress: !json && AnsiConsole.Profile.Capabilities.Interactive);
        if (json)
        {
            CommonOptions.WriteJson(new
            {
                data = host.DataFolder,
                inputs = report.Inputs,
                stored = report.Stored,
                duplicates = report.Duplicates,
                skipped = report.Skipped.Select(item => new { input = item.Input, reason = item.Reason }),
                warnings = report.Warnings.Select(item => new { input = item.Input, warning = item.Warning }),
                repaired_index_entries = report.Repaired,
                seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                documents_per_second = Math.Round(Rate(report), 1),
            });
        }
        else
        {
            PrintSummary(host, report);
        }

        return report.Stored + report.Duplicates == 0 && report.Skipped.Count > 0 ? VeilleCli.BadInput : VeilleCli.Ok;
    }

    internal static IngestReport RunWithProgress(IngestService service, string[] paths, IngestOptions options, bool showProgress)
    {
        if (!showProgress)
        {
            return service.Ingest(paths, options);
        }

        IngestReport? report = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ElapsedTimeColumn())
            .Start(context =>
            {
                ProgressTask task = context.AddTask("ingesting").IsIndeterminate();
                var progress = new SynchronousProgress<IngestProgress>(value =>
                    task.Description = $"ingesting: {value.Stored:N0} stored, {value.Duplicates:N0} duplicates, {value.Skipped:N0} skipped · {value.DocumentsPerSecond:N0} docs/s");
                report = service.Ingest(paths, options, progress);
                task.StopTask();
            });
        return report!;
    }

    private static void PrintSummary(VeilleHost host, IngestReport report)
    {
        var table = new Table().Title("Ingest").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("data folder", CommonOptions.Safe(host.DataFolder));
        table.AddRow("inputs read", $"{report.Inputs:N0}");
        table.AddRow("documents stored", $"{report.Stored:N0}");
        table.AddRow("duplicates (already stored)", $"{report.Duplicates:N0}");
        table.AddRow("skipped", $"{report.Skipped.Count:N0}");
        table.AddRow("warnings", $"{report.Warnings.Count:N0}");
        if (report.Repaired > 0)
        {
            table.AddRow("index entries repaired", $"{report.Repaired:N0}");
        }

        table.AddRow("time", $"{report.Elapsed.TotalSeconds:N2} s");
        table.AddRow("throughput", $"{Rate(report):N1} docs/s");
        AnsiConsole.Write(table);
        foreach ((string input, string reason) in report.Skipped)
        {
            AnsiConsole.MarkupLine($"[yellow]skipped[/] {CommonOptions.Safe(input)}: {CommonOptions.Safe(reason)}");
        }

        foreach ((string input, string warning) in report.Warnings)
        {
            AnsiConsole.MarkupLine($"[yellow]warning[/] {CommonOptions.Safe(input)}: {CommonOptions.Safe(warning)}");
        }
    }

    private static double Rate(IngestReport report) =>
        report.Elapsed.TotalSeconds > 0 ? (report.Stored + report.Duplicates) / report.Elapsed.TotalSeconds : 0;
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the calling thread.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
