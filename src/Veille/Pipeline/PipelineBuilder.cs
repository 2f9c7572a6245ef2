using Veille.Model;

namespace Veille.Pipeline;

/// <summary>Mutable, fluent builder of a <see cref="NewsPipeline"/>; <see cref="Build"/> checks the stage contracts.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentStage> stages = [];

    /// <summary>Appends a stage; stages run in the order they are added.</summary>
    public PipelineBuilder Use(IDocumentStage stage)
    {
        ArgumentNullException.ThrowIfNull(stage);
        stages.Add(stage);
        return this;
    }

    /// <summary>
    /// Checks that every requirement is produced by an earlier stage and that no layer has two producers,
    /// then returns an immutable, thread-safe pipeline.
    /// </summary>
    /// <exception cref="PipelineException">A contract is broken; the message names the stage, the layer and the stages that could supply it.</exception>
    public NewsPipeline Build()
    {
        Layers produced = Layers.None;
        var producers = new Dictionary<Layers, string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (IDocumentStage stage in stages)
        {
            StageInfo info = stage.Info;
            if (!names.Add(info.Name))
            {
                throw new PipelineException(ErrorCodes.DuplicateStage, $"Stage '{info.Name}' is added twice.");
            }

            Layers missing = info.Requires & ~produced;
            if (missing != Layers.None)
            {
                throw new PipelineException(ErrorCodes.MissingLayer, DescribeMissing(info, missing));
            }

            foreach (Layers layer in Enum.GetValues<Layers>())
            {
                if (layer == Layers.None || (info.Produces & layer) == 0)
                {
                    continue;
                }

                if (producers.TryGetValue(layer, out string? other))
                {
                    throw new PipelineException(ErrorCodes.LayerProducedTwice, $"Layer {layer} is produced by both '{other}' and '{info.Name}'.");
                }

                producers[layer] = info.Name;
            }

            produced |= info.Produces;
        }

        return new NewsPipeline([.. stages]);
    }

    private string DescribeMissing(StageInfo info, Layers missing)
    {
        var parts = new List<string>();
        foreach (Layers layer in Enum.GetValues<Layers>())
        {
            if (layer == Layers.None || (missing & layer) == 0)
            {
                continue;
            }

            string suppliers = string.Join(", ", StageCatalog.ProducersOf(layer));
            string later = string.Join(", ", stages.Where(s => (s.Info.Produces & layer) != 0).Select(s => s.Info.Name));
            parts.Add(later.Length > 0
                ? $"layer {layer} is produced by '{later}', which must come before it"
                : $"layer {layer} is missing (add one of: {(suppliers.Length > 0 ? suppliers : "no known stage")})");
        }

        return $"Stage '{info.Name}' cannot run: {string.Join("; ", parts)}.";
    }
}

/// <summary>A pipeline that cannot be built, with a stable error code.</summary>
public sealed class PipelineException(string code, string message) : Exception($"{code}: {message}")
{
    public string Code { get; } = code;
}
