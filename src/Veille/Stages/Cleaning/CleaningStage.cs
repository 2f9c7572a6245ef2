using Veille.Model;
using Veille.Pipeline;

namespace Veille.Stages.Cleaning;

/// <summary>PLACEHOLDER, replaced in the same change.</summary>
public sealed class CleaningStage : IDocumentStage
{
    public StageInfo Info { get; } = new("cleaning", 1, Layers.None, Layers.Text);

    public void Process(Document document, StageContext context) =>
        document.SetText(document.RawText, OffsetMap.Identity(document.RawText.Length), null, []);
}

/// <summary>PLACEHOLDER.</summary>
public sealed class RepeatedLineCounter;
