using System.Collections.Immutable;
using Veille.Model;
using Veille.Pipeline;
using Veille.Stages.Entities.Linking;
using Veille.Stages.Entities.Recognition;

namespace Veille.Stages.Entities;

/// <summary>
/// Requires text, language, tokens and sentences; produces entity mentions and the document's entities.
/// Algorithm: an averaged-perceptron tagger finds PER/ORG/LOC/MISC mentions (<see cref="NamedEntityTagger"/>), then the
/// linker adds missed repeats and acronyms, merges name variants, attaches roles and geocodes places (<see cref="EntityLinker"/>).
/// </summary>
public sealed class EntitiesStage : IDocumentStage
{
    private readonly NamedEntityTagger tagger;
    private readonly EntityLinker linker;

    public EntitiesStage()
        : this(NamedEntityTagger.Default, new EntityLinker())
    {
    }

    public EntitiesStage(NamedEntityTagger tagger, EntityLinker linker)
    {
        this.tagger = tagger;
        this.linker = linker;
    }

    // The version is the tagger's part (2: document-level corrections) plus the linker's, so a change of either
    // part marks stored mentions stale.
    public StageInfo Info { get; } = new("entities", 2 + EntityLinker.Version, Layers.Text | Layers.Language | Layers.Tokens | Layers.Sentences, Layers.Mentions);

    public void Process(Document document, StageContext context)
    {
        IReadOnlyList<RecognizedMention> recognized = tagger.Tag(document);
        (ImmutableArray<Mention> mentions, ImmutableArray<DocumentEntity> entities) = linker.Link(document, recognized);
        document.SetMentions(mentions, entities);
    }
}
