namespace Veille.Hosting.Ingest;

/// <summary>Options of an ingest run.</summary>
/// <param name="MaxDocumentBytes">Documents (files, JSONL lines) larger than this are skipped; default 10 MB.</param>
/// <param name="BatchSize">Documents processed, stored and indexed together.</param>
/// <param name="Parallelism">Threads running the per-document stages; default one a core.</param>
/// <param name="RepeatedLineDocuments">A line found in this many documents of one source is boilerplate.</param>
public sealed record IngestOptions(
    long MaxDocumentBytes = 10 * 1024 * 1024,
    int BatchSize = 512,
    int Parallelism = 0,
    int RepeatedLineDocuments = 5)
{
    public static IngestOptions Default { get; } = new();

    /// <summary>The degree of parallelism to use.</summary>
    public int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
