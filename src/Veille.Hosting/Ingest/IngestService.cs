using System.Diagnostics;
using Veille.Corpus.Clustering;
using Veille.Corpus.Dedup;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Cleaning;
using Veille.Storage;

namespace Veille.Hosting.Ingest;

/// <summary>
/// Reads inputs, runs the document pipeline in parallel, and stores and indexes the documents in batches.
/// Idempotent by content hash: a document already stored is counted as a duplicate and not processed again.
/// </summary>
public sealed class IngestService(IDocumentStore store, ISearchIndex index, NewsPipeline pipeline, IStoryStore? stories = null, TimeProvider? time = null)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;
    private StoryTracker? tracker;

    /// <summary>Ingests every item of <paramref name="paths"/>; bad items are logged with a reason and skipped.</summary>
    public IngestReport Ingest(IEnumerable<string> paths, IngestOptions? options = null, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= IngestOptions.Default;
        return Ingest(InputReader.Read(paths, options), options, progress, cancellationToken);
    }

    /// <summary>Ingests items already read (from any input reader).</summary>
    public IngestReport Ingest(IEnumerable<InputItem> items, IngestOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new IngestReport();
        var stopwatch = Stopwatch.StartNew();
        report.Repaired = RepairIndex();
        var repeatedLines = new RepeatedLineCounter(options.RepeatedLineDocuments);
        var timings = new StageTimings();
        var batch = new List<InputItem>(options.BatchSize);
        foreach (InputItem item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            report.Inputs++;
            if (item.Rejection is not null)
            {
                report.Skipped.Add((item.Input, item.Rejection));
                store.LogIngest(new IngestLogEntry(item.Input, "skipped", item.Rejection, null, time.GetUtcNow()));
                continue;
            }

            if (item.Warning is not null)
            {
                report.Warnings.Add((item.Input, item.Warning));
                store.LogIngest(new IngestLogEntry(item.Input, "warning", item.Warning, null, time.GetUtcNow()));
            }

            report.Bytes += item.Text!.Length;
            batch.Add(item);
            if (batch.Count >= options.BatchSize)
            {
                ProcessBatch(batch, options, repeatedLines, timings, report, cancellationToken);
                batch.Clear();
                progress?.Report(new IngestProgress(report.Inputs, report.Stored, report.Duplicates, report.Skipped.Count, stopwatch.Elapsed));
            }
        }

        if (batch.Count > 0)
        {
            ProcessBatch(batch, options, repeatedLines, timings, report, cancellationToken);
        }

        report.Elapsed = stopwatch.Elapsed;
        report.StageTimes = timings.Snapshot();
        progress?.Report(new IngestProgress(report.Inputs, report.Stored, report.Duplicates, report.Skipped.Count, stopwatch.Elapsed));
        return report;
    }

    /// <summary>Indexes documents that were stored but not confirmed in the index (a crash between the two commits).</summary>
    public int RepairIndex()
    {
        IReadOnlyList<DocumentId> missing = store.Unindexed();
        if (index.Count() != store.Count() - missing.Count)
        {
            // The index lost documents it had (deleted or replaced folder): re-index everything, keyed by id so nothing doubles.
            missing = [.. store.All().Select(stored => stored.Document.Id)];
        }

        if (missing.Count == 0)
        {
            return 0;
        }

        foreach (DocumentId[] chunk in missing.Chunk(512))
        {
            var documents = new List<Document>(chunk.Length);
            foreach (DocumentId id in chunk)
            {
                if (store.Load(id) is { } stored)
                {
                    documents.Add(stored.Document);
                }
            }

            index.Index(documents);
            index.Commit();
            store.MarkIndexed(chunk);
        }

        return missing.Count;
    }

    /// <summary>
    /// The story tracker, rebuilt on first use by replaying the stored documents in ingest order (the order they were
    /// first clustered in), so stories continue to grow across runs. Replay costs one pass over the store per run.
    /// </summary>
    private StoryTracker Tracker()
    {
        if (tracker is not null)
        {
            return tracker;
        }

        tracker = new StoryTracker();
        foreach (StoredDocument stored in store.All())
        {
            tracker.Add(stored.Document);
        }

        SaveStoryChanges(tracker, []);
        return tracker;
    }

    private void AssignStories(IReadOnlyList<Document> documents)
    {
        if (stories is null || documents.Count == 0)
        {
            return;
        }

        StoryTracker current = Tracker();
        var links = new List<DuplicateLink>();
        var changed = new Dictionary<DocumentId, StoryId>();
        var merged = new HashSet<StoryId>();
        foreach (Document document in documents)
        {
            TrackedDocument tracked = current.Add(document);
            if (tracked.Duplicate is { } link)
            {
                links.Add(link);
            }

            changed[document.Id] = tracked.Assignment.Story;
            if (!tracked.Assignment.Merged.IsDefaultOrEmpty)
            {
                merged.Add(tracked.Assignment.Story);
            }
        }

        // A merge moves the earlier members of the absorbed stories: rewrite the members of the stories that absorbed others.
        if (merged.Count > 0)
        {
            foreach (StoryRecord story in current.Clusterer.Stories())
            {
                if (merged.Contains(story.Id))
                {
                    foreach (DocumentId member in story.Members)
                    {
                        changed[member] = story.Id;
                    }
                }
            }
        }

        foreach ((DocumentId document, StoryId story) in changed)
        {
            // A later merge in the same batch may have moved a document again: store where it is now.
            changed[document] = current.Clusterer.StoryOf(document) ?? story;
        }

        stories.SaveStories(changed, links);
    }

    // After a replay: writes the assignments that differ from the stored ones (new documents, moved members).
    private void SaveStoryChanges(StoryTracker current, IReadOnlyList<DuplicateLink> links)
    {
        IReadOnlyDictionary<DocumentId, StoryId> stored = stories!.StoryAssignments();
        var changed = new Dictionary<DocumentId, StoryId>();
        foreach ((DocumentId document, StoryId story) in current.Clusterer.Assignments())
        {
            if (!stored.TryGetValue(document, out StoryId previous) || previous != story)
            {
                changed[document] = story;
            }
        }

        if (changed.Count > 0 || links.Count > 0)
        {
            stories.SaveStories(changed, links);
        }
    }

    private void ProcessBatch(List<InputItem> items, IngestOptions options, RepeatedLineCounter repeatedLines, StageTimings timings, IngestReport report, CancellationToken cancellationToken)
    {
        if (stories is not null)
        {
            // Replay the stored documents before this batch is saved, so the batch's duplicate links are found and kept.
            Tracker();
        }

        var fresh = new List<(InputItem Item, Document Document)>(items.Count);
        var seen = new HashSet<DocumentId>();
        foreach (InputItem item in items)
        {
            var document = new Document(item.Text!, item.Source);
            if (!seen.Add(document.Id) || store.Contains(document.Id))
            {
                report.Duplicates++;
                store.LogIngest(new IngestLogEntry(item.Input, "duplicate", "same content already stored", document.Id.Value, time.GetUtcNow()));
                continue;
            }

            repeatedLines.Add(document.Source.GroupKey, document.RawText);
            fresh.Add((item, document));
        }

        var context = new StageContext { Time = time, RepeatedLines = repeatedLines, CancellationToken = cancellationToken };
        string?[] failed = pipeline.ProcessAll([.. fresh.Select(item => item.Document)], context, options.EffectiveParallelism, timings);

        // Stories are built in time order (as a live feed would deliver them); storing in that order keeps the ingest
        // sequence equal to the clustering order, so a later run's replay reproduces the same stories.
        int[] order = [.. Enumerable.Range(0, fresh.Count).OrderBy(i => fresh[i].Document.Publication.Value ?? DateTimeOffset.MaxValue).ThenBy(i => i)];
        var toStore = new List<StoredDocument>(fresh.Count);
        DateTimeOffset now = time.GetUtcNow();
        foreach (int i in order)
        {
            if (failed[i] is { } reason)
            {
                report.Skipped.Add((fresh[i].Item.Input, reason));
                store.LogIngest(new IngestLogEntry(fresh[i].Item.Input, "skipped", reason, fresh[i].Document.Id.Value, now));
                continue;
            }

            Document document = fresh[i].Document;
            toStore.Add(new StoredDocument(document, LayerCodec.Encode(document, pipeline.ProducerOf), now));
        }

        IReadOnlyList<DocumentId> saved = store.Save(toStore);
        var savedSet = saved.ToHashSet();
        var documents = toStore.Select(stored => stored.Document).Where(document => savedSet.Contains(document.Id)).ToList();
        AssignStories(documents);
        index.Index(documents);
        index.Commit();
        store.MarkIndexed(saved.ToList());

        report.Stored += saved.Count;
        report.Duplicates += toStore.Count - saved.Count;
    }
}

/// <summary>Progress of an ingest run, for progress bars.</summary>
public sealed record IngestProgress(long Inputs, long Stored, long Duplicates, long Skipped, TimeSpan Elapsed)
{
    /// <summary>Documents processed (stored or duplicate) a second.</summary>
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? (Stored + Duplicates) / Elapsed.TotalSeconds : 0;
}

/// <summary>What an ingest run did.</summary>
public sealed class IngestReport
{
    public long Inputs { get; set; }

    public long Stored { get; set; }

    public long Duplicates { get; set; }

    /// <summary>Characters of accepted input text.</summary>
    public long Bytes { get; set; }

    /// <summary>Documents re-indexed at the start because a previous run stopped between the store and index commits.</summary>
    public int Repaired { get; set; }

    public List<(string Input, string Reason)> Skipped { get; } = [];

    public List<(string Input, string Warning)> Warnings { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> StageTimes { get; set; } = [];
}
