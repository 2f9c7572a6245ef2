using Veille.Model;

namespace Veille.Pipeline;

/// <summary>A stage's contract: its name (kebab-case), output version, and the layers it reads and writes.</summary>
/// <param name="Name">Stable name used in configs and stored with every result ("language-id").</param>
/// <param name="Version">Bumped whenever the stage's output changes, so stale stored results can be reprocessed.</param>
/// <param name="Requires">Layers that must be produced by an earlier stage.</param>
/// <param name="Produces">Layers this stage writes.</param>
public sealed record StageInfo(string Name, int Version, Layers Requires, Layers Produces)
{
    public override string ToString() => $"{Name} v{Version}";
}

/// <summary>A pure per-document stage: no IO, no ambient clock; one instance serves all threads.</summary>
public interface IDocumentStage
{
    StageInfo Info { get; }

    /// <summary>Reads the required layers of <paramref name="document"/> and writes the produced ones.</summary>
    void Process(Document document, StageContext context);
}

/// <summary>What a stage may know beyond the document: the clock and corpus-level hints computed by the host.</summary>
public sealed class StageContext
{
    public static StageContext Default { get; } = new();

    /// <summary>The clock; stages never read <see cref="DateTime.Now"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Hashes of lines that repeat across many documents of the same source (see <see cref="Veille.Stages.Cleaning.RepeatedLineCounter"/>); empty when unknown.</summary>
    public IRepeatedLines RepeatedLines { get; init; } = NoRepeatedLines.Instance;

    public CancellationToken CancellationToken { get; init; }
}

/// <summary>Tells whether a line is boilerplate of a source because it repeats across its documents.</summary>
public interface IRepeatedLines
{
    bool IsRepeated(string? source, string line);
}

internal sealed class NoRepeatedLines : IRepeatedLines
{
    public static readonly NoRepeatedLines Instance = new();

    public bool IsRepeated(string? source, string line) => false;
}
