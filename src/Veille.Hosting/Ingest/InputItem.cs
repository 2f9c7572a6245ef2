using Veille.Model;

namespace Veille.Hosting.Ingest;

/// <summary>One article read from an input, or the reason it was rejected.</summary>
/// <param name="Input">Where it came from: a file path, or "path:line" for JSONL.</param>
/// <param name="Text">The decoded text; null when rejected.</param>
/// <param name="Source">Metadata given by the input.</param>
/// <param name="Rejection">Why the input was skipped ("VE0202: not text: …"); null when accepted.</param>
/// <param name="Warning">A warning to log for an accepted input (guessed encoding, unreadable date…).</param>
public sealed record InputItem(string Input, string? Text, SourceInfo Source, string? Rejection = null, string? Warning = null)
{
    public static InputItem Rejected(string input, string code, string reason) =>
        new(input, null, SourceInfo.Empty, $"{code}: {reason}");
}
