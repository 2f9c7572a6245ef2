using Veille.Model;

namespace Veille.Stages.Entities;

/// <summary>A mention found by the recogniser, before linking: tokens, type and confidence.</summary>
/// <param name="Tokens">Tokens of the mention in <see cref="Document.Tokens"/>.</param>
/// <param name="Kind">Entity type.</param>
/// <param name="Confidence">Confidence in [0, 1].</param>
public readonly record struct RecognizedMention(TokenRange Tokens, EntityKind Kind, float Confidence);
