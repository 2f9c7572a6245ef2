using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Veille.Model;

namespace Veille.Pipeline;

/// <summary>An immutable, thread-safe sequence of document stages whose contracts were checked by <see cref="PipelineBuilder.Build"/>.</summary>
public sealed class NewsPipeline
{
    private static readonly Meter Meter = new("Veille.Pipeline");
    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>("veille.stage.duration", "ms", "Time spent in one stage for one document.");

    internal NewsPipeline(ImmutableArray<IDocumentStage> stages)
    {
        Stages = stages;
        Produces = stages.Aggregate(Layers.None, (layers, stage) => layers | stage.Info.Produces);
    }

    public ImmutableArray<IDocumentStage> Stages { get; }

    /// <summary>All layers the pipeline writes.</summary>
    public Layers Produces { get; }

    /// <summary>Runs every stage on the document, in order; adds each stage's time to <paramref name="timings"/> when given.</summary>
    public void Process(Document document, StageContext? context = null, StageTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        context ??= StageContext.Default;
        foreach (IDocumentStage stage in Stages)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            long started = Stopwatch.GetTimestamp();
            stage.Process(document, context);
            TimeSpan elapsed = Stopwatch.GetElapsedTime(started);
            timings?.Add(stage.Info.Name, elapsed);
            StageDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("stage", stage.Info.Name));
        }
    }

    /// <summary>
    /// Runs the pipeline on a batch in parallel; a document that makes a stage throw is reported, not propagated, so one bad
    /// article never stops the batch. Null entries are skipped.
    /// </summary>
    /// <returns>For each document, null when it was processed, else the reason it failed (with an error code).</returns>
    public string?[] ProcessAll(IReadOnlyList<Document?> documents, StageContext context, int parallelism, StageTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(context);
        var failures = new string?[documents.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = context.CancellationToken };
        Parallel.For(0, documents.Count, options, i =>
        {
            if (documents[i] is not { } document)
            {
                return;
            }

            try
            {
                Process(document, context, timings);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                failures[i] = $"{ErrorCodes.InputMalformed}: processing failed in the pipeline: {exception.GetType().Name}: {exception.Message}";
            }
        });
        return failures;
    }

    /// <summary>The stage that produced a layer, or null.</summary>
    public StageInfo? ProducerOf(Layers layer) =>
        Stages.Select(s => s.Info).FirstOrDefault(info => (info.Produces & layer) != 0);
}

/// <summary>Accumulated time per stage; thread-safe.</summary>
public sealed class StageTimings
{
    private readonly Dictionary<string, long> ticks = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public void Add(string stage, TimeSpan elapsed)
    {
        lock (gate)
        {
            ticks[stage] = ticks.GetValueOrDefault(stage) + elapsed.Ticks;
        }
    }

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Snapshot()
    {
        lock (gate)
        {
            return [.. ticks.Select(pair => (pair.Key, TimeSpan.FromTicks(pair.Value)))];
        }
    }
}
