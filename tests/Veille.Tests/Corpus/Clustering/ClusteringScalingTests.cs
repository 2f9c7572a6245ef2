using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Veille.Corpus.Clustering;
using Veille.Corpus.Dedup;
using Veille.Model;
using Xunit.Abstractions;

namespace Veille.Tests.Corpus.Clustering;

/// <summary>
/// Scaling harness (a benchmark, not a timed unit test): runs only with VEILLE_BENCH=1, e.g.
/// <c>VEILLE_BENCH=1 dotnet test tests/Veille.Tests -c Release --filter "Category=Benchmark" --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class ClusteringScalingTests(ITestOutputHelper output)
{
    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID (Linux)

    /// <summary>CPU time of the calling thread: on a loaded shared machine, wall time mostly measures the other users.</summary>
    private static TimeSpan ThreadCpu()
    {
        if (!OperatingSystem.IsLinux() || ClockGetTime(ThreadCpuClock, out TimeSpec spec) != 0)
        {
            return TimeSpan.FromTicks(Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / Stopwatch.Frequency);
        }

        return TimeSpan.FromTicks((spec.Seconds * TimeSpan.TicksPerSecond) + (spec.Nanoseconds / 100));
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe code, which the test project does not enable.
    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec spec);
#pragma warning restore SYSLIB1054

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [ProbeFact("VEILLE_BENCH", needsSharedData: false)]
    [Trait("Category", "Benchmark")]
    public void Clustering_CostPerDocumentStaysFlat()
    {
        int total = int.Parse(Environment.GetEnvironmentVariable("VEILLE_BENCH_DOCUMENTS") ?? "100000", CultureInfo.InvariantCulture);
        var stream = new SyntheticStoryStream(seed: 42);
        var clusterer = new StoryClusterer();
        var detector = new DuplicateDetector();
        var gold = new Dictionary<DocumentId, int>();
        TimeSpan clustering = TimeSpan.Zero;
        TimeSpan deduplication = TimeSpan.Zero;
        TimeSpan windowClustering = TimeSpan.Zero;
        long before = GC.GetTotalMemory(forceFullCollection: true);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        output.WriteLine("documents  docs/CPU-s (last 10k, clustering)  docs/CPU-s (dedup, cumulative)  managed MB  stories  vocabulary");
        for (int i = 0; i < total; i++)
        {
            (Document document, int story) = stream.Next(i);
            gold[document.Id] = story;
            TimeSpan started = ThreadCpu();
            DuplicateLink? link = detector.Add(document.Id, document);
            TimeSpan middle = ThreadCpu();
            clusterer.Add(document.Id, document, link);
            TimeSpan dedupTime = middle - started;
            TimeSpan clusterTime = ThreadCpu() - middle;
            deduplication += dedupTime;
            clustering += clusterTime;
            windowClustering += clusterTime;
            if ((i + 1) % 10_000 == 0)
            {
                long memory = GC.GetTotalMemory(forceFullCollection: false) - before;
                output.WriteLine(FormattableString.Invariant($"{i + 1,9}  {10_000 / windowClustering.TotalSeconds,10:F0}  {(i + 1) / deduplication.TotalSeconds,10:F0}  {memory / 1048576.0,8:F1}  {clusterer.Stories().Count,7}  {clusterer.VocabularySize,9}"));
                windowClustering = TimeSpan.Zero;
            }
        }

        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        output.WriteLine(FormattableString.Invariant($"whole loop (stream generation and tokenization included): wall {wall.Elapsed.TotalSeconds:F1} s, process CPU {cpu:F1} s"));
        long retained = GC.GetTotalMemory(forceFullCollection: true) - before;
        output.WriteLine(FormattableString.Invariant($"retained after a full collection: {retained / 1048576.0:F1} MB ({retained / (double)total:F0} bytes a document, detector, clusterer and the test's gold map)"));
        ClusteringScores scores = ClusteringEvaluator.Score(gold, clusterer.Assignments());
        output.WriteLine(FormattableString.Invariant($"detector holds {detector.Count} documents"));
        output.WriteLine(FormattableString.Invariant($"overall clustering {total / clustering.TotalSeconds:F0} docs/s, dedup {total / deduplication.TotalSeconds:F0} docs/s; synthetic B3 F1 {scores.BCubedF1:F4} (P {scores.BCubedPrecision:F4} R {scores.BCubedRecall:F4})"));
    }
}
