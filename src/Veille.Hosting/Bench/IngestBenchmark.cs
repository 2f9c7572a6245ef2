using System.Diagnostics;
using System.Globalization;
using System.Text;
using Veille.Hosting.Ingest;
using Veille.Model;

namespace Veille.Hosting.Bench;

/// <summary>
/// Measures ingest throughput: generates (or reads) a corpus, ingests it into a fresh data folder,
/// and reports documents a second, MB a second, per-stage time share and peak memory.
/// </summary>
public static class IngestBenchmark
{
    /// <summary>Generates <paramref name="count"/> distinct articles by recombining the paragraphs of <paramref name="seedTexts"/> (seeded, so the same seed gives the same corpus).</summary>
    public static IEnumerable<InputItem> Generate(IReadOnlyList<string> seedTexts, int count, int seed)
    {
        var paragraphs = seedTexts
            .SelectMany(text => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(paragraph => paragraph.Length > 80)
            .ToArray();
        if (paragraphs.Length == 0)
        {
            throw new ArgumentException("The seed texts have no paragraph to recombine.", nameof(seedTexts));
        }

        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"Dépêche {i} : point de situation numéro {random.Next(1, 1_000_000)}\n\n");
            int paragraphCount = random.Next(4, 10);
            for (int p = 0; p < paragraphCount; p++)
            {
                text.Append(paragraphs[random.Next(paragraphs.Length)]).Append("\n\n");
            }

            string source = $"outlet-{i % 20}";
            yield return new InputItem($"generated:{i}", text.ToString(), new SourceInfo(ExternalId: $"gen-{i}", Source: source, Path: $"generated/{source}/{i}"));
        }
    }

    /// <summary>Ingests <paramref name="items"/> into a new data folder and measures the run.</summary>
    public static BenchmarkResult Run(IEnumerable<InputItem> items, string dataFolder, IngestOptions options)
    {
        if (Directory.Exists(dataFolder) && Directory.EnumerateFileSystemEntries(dataFolder).Any())
        {
            throw new ArgumentException($"The benchmark data folder '{dataFolder}' is not empty; give a new folder.", nameof(dataFolder));
        }

        using var process = Process.GetCurrentProcess();
        using VeilleHost host = VeilleHost.Open(dataFolder, forWriting: true);
        var stopwatch = Stopwatch.StartNew();
        IngestReport report = host.CreateIngestService().Ingest(items, options);
        stopwatch.Stop();
        process.Refresh();
        long storeBytes = new DirectoryInfo(dataFolder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length);
        return new BenchmarkResult(report.Stored, report.Bytes, stopwatch.Elapsed, process.PeakWorkingSet64, storeBytes, report.StageTimes);
    }
}

/// <summary>Measured figures of one benchmark run.</summary>
/// <param name="Documents">Documents stored.</param>
/// <param name="Characters">Characters of input text.</param>
/// <param name="Elapsed">Wall-clock time of the ingest.</param>
/// <param name="PeakWorkingSetBytes">Peak working set of the process.</param>
/// <param name="DataFolderBytes">Size of the data folder afterwards (store and index).</param>
/// <param name="StageTimes">Time spent in each document stage, summed over threads.</param>
public sealed record BenchmarkResult(long Documents, long Characters, TimeSpan Elapsed, long PeakWorkingSetBytes, long DataFolderBytes, IReadOnlyList<(string Stage, TimeSpan Elapsed)> StageTimes)
{
    public double DocumentsPerSecond => Documents / Elapsed.TotalSeconds;

    /// <summary>Input megabytes (UTF-16 characters counted as bytes of text) a second.</summary>
    public double MegabytesPerSecond => Characters / 1048576.0 / Elapsed.TotalSeconds;
}
