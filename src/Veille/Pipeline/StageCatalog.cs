using System.Collections.Frozen;
using Veille.Model;
using Veille.Stages.Cleaning;
using Veille.Stages.Dates;
using Veille.Stages.Entities;
using Veille.Stages.Figures;
using Veille.Stages.LanguageId;
using Veille.Stages.Quotes;
using Veille.Stages.Tokenization;

namespace Veille.Pipeline;

/// <summary>The only map from stage names (as written in configs) to factories; a snapshot test pins its contents.</summary>
public static class StageCatalog
{
    private static readonly FrozenDictionary<string, Entry> Entries = new Entry[]
    {
        new("cleaning", Layers.Text, () => new CleaningStage()),
        new("language-id", Layers.Language, () => new LanguageIdStage()),
        new("tokenization", Layers.Tokens | Layers.Sentences, () => new TokenizationStage()),
        new("entities", Layers.Mentions, () => new EntitiesStage()),
        new("dates", Layers.Dates, () => new DatesStage()),
        new("figures", Layers.Figures, () => new FiguresStage()),
        new("quotes", Layers.Quotes, () => new QuotesStage()),
    }.ToFrozenDictionary(entry => entry.Name, StringComparer.Ordinal);

    /// <summary>Stage names in default pipeline order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cleaning", "language-id", "tokenization", "entities", "dates", "figures", "quotes"];

    /// <summary>Creates the stage registered under <paramref name="name"/>.</summary>
    /// <exception cref="PipelineException">No stage has that name.</exception>
    public static IDocumentStage Create(string name) =>
        Entries.TryGetValue(name, out Entry? entry)
            ? entry.Factory()
            : throw new PipelineException(ErrorCodes.UnknownStage, $"Unknown stage '{name}'. Known stages: {string.Join(", ", Names)}.");

    /// <summary>Names of the stages that produce <paramref name="layer"/>.</summary>
    public static IEnumerable<string> ProducersOf(Layers layer) =>
        Names.Where(name => (Entries[name].Produces & layer) != 0);

    /// <summary>The default news pipeline: every stage of the catalog, in order.</summary>
    public static NewsPipeline CreateDefault()
    {
        var builder = new PipelineBuilder();
        foreach (string name in Names)
        {
            builder.Use(Create(name));
        }

        return builder.Build();
    }

    private sealed record Entry(string Name, Layers Produces, Func<IDocumentStage> Factory);
}
