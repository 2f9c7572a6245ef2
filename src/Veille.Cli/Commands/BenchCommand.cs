using System.CommandLine;
using Spectre.Console;
using Veille.Hosting.Bench;
using Veille.Hosting.Ingest;
using Veille.Pipeline;

namespace Veille.Cli.Commands;

/// <summary><c>veille bench ingest --docs N</c>: end-to-end ingest throughput and peak memory.</summary>
internal static class BenchCommand
{
    private static readonly Option<int> Documents = new("--docs") { Description = "Number of generated documents", DefaultValueFactory = _ => 10_000 };
    private static readonly Option<string[]> In = new("--in") { Description = "Ingest these files or folders instead of a generated corpus", AllowMultipleArgumentsPerToken = true };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed of the generated corpus", DefaultValueFactory = _ => 42 };
    private static readonly Option<string> Samples = new("--samples") { Description = "Folder of articles the generator recombines", DefaultValueFactory = _ => "samples" };

    public static Command Create()
    {
        var ingest = new Command("ingest", "Measure ingest throughput (docs/s, MB/s, per-stage share, peak memory) into a fresh temporary data folder") { Documents, In, Seed, Samples };
        ingest.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return new Command("bench", "Benchmarks") { ingest };
    }

    private static int Run(ParseResult parse)
    {
        string[] inputs = parse.GetValue(In) ?? [];
        var options = IngestOptions.Default;
        IEnumerable<InputItem> items;
        if (inputs.Length > 0)
        {
            items = InputReader.Read(inputs, options);
        }
        else
        {
            string samples = parse.GetValue(Samples)!;
            if (!Directory.Exists(samples))
            {
                throw new CliException(ErrorCodes.InputNotFound, $"samples folder '{samples}' not found; run from the repository root or pass --samples DIR.");
            }

            var seeds = InputReader.Read([samples], options).Where(item => item.Text is not null).Select(item => item.Text!).ToList();
            items = IngestBenchmark.Generate(seeds, parse.GetValue(Documents), parse.GetValue(Seed));
        }

        string folder = parse.GetValue(CommonOptions.Data) ?? Path.Combine(Path.GetTempPath(), $"veille-bench-{Guid.NewGuid():N}");
        BenchmarkResult result;
        try
        {
            result = IngestBenchmark.Run(items, folder, options);
        }
        finally
        {
            if (parse.GetValue(CommonOptions.Data) is null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        double stageTotal = result.StageTimes.Sum(stage => stage.Elapsed.TotalSeconds);
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                documents = result.Documents,
                seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
                documents_per_second = Math.Round(result.DocumentsPerSecond, 1),
                megabytes_per_second = Math.Round(result.MegabytesPerSecond, 3),
                peak_working_set_mb = Math.Round(result.PeakWorkingSetBytes / 1048576.0, 1),
                data_folder_mb = Math.Round(result.DataFolderBytes / 1048576.0, 2),
                processors = Environment.ProcessorCount,
                stages = result.StageTimes.Select(stage => new { stage = stage.Stage, seconds = Math.Round(stage.Elapsed.TotalSeconds, 3), share = Math.Round(stage.Elapsed.TotalSeconds / stageTotal, 4) }),
            });
            return VeilleCli.Ok;
        }

        var table = new Table().Title("Ingest benchmark").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("documents", $"{result.Documents:N0}");
        table.AddRow("time", $"{result.Elapsed.TotalSeconds:N2} s");
        table.AddRow("throughput", $"{result.DocumentsPerSecond:N0} docs/s");
        table.AddRow("text throughput", $"{result.MegabytesPerSecond:N2} MB/s");
        table.AddRow("peak memory (working set)", $"{result.PeakWorkingSetBytes / 1048576.0:N0} MB");
        table.AddRow("data folder size", $"{result.DataFolderBytes / 1048576.0:N1} MB");
        table.AddRow("cores", $"{Environment.ProcessorCount}");
        AnsiConsole.Write(table);
        var stages = new Table().Title("Per-document stages (CPU time summed over threads)").AddColumn("stage").AddColumn(new TableColumn("seconds").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        foreach ((string stage, TimeSpan elapsed) in result.StageTimes)
        {
            stages.AddRow(stage, $"{elapsed.TotalSeconds:N3}", $"{elapsed.TotalSeconds / stageTotal:P1}");
        }

        AnsiConsole.Write(stages);
        return VeilleCli.Ok;
    }
}
