using System.Collections.Immutable;
using Veille.Model;
using Veille.Stages.Entities.Linking;

namespace Veille.Tests.Stages.Entities.Linking;

/// <summary>Links an annotated text and finds mentions and entities by surface, for short unit tests.</summary>
internal sealed class Linked
{
    private static readonly EntityLinker Linker = new();

    private Linked(Document document, ImmutableArray<Mention> mentions, ImmutableArray<DocumentEntity> entities)
    {
        Document = document;
        Mentions = mentions;
        Entities = entities;
    }

    public Document Document { get; }

    public ImmutableArray<Mention> Mentions { get; }

    public ImmutableArray<DocumentEntity> Entities { get; }

    public static Linked From(string annotated, string language = "fr")
    {
        var (document, recognized) = LinkingTestDocuments.Parse(annotated, language);
        var (mentions, entities) = Linker.Link(document, recognized);
        return new Linked(document, mentions, entities);
    }

    /// <summary>The <paramref name="occurrence"/>-th mention whose text is <paramref name="surface"/>.</summary>
    public Mention Mention(string surface, int occurrence = 0)
    {
        var found = Mentions.Where(m => Document.TextOf(m.Span).SequenceEqual(surface)).ToList();
        Assert.True(found.Count > occurrence, $"No mention '{surface}' #{occurrence} in:\n{this}");
        return found[occurrence];
    }

    public DocumentEntity EntityOf(string surface, int occurrence = 0)
    {
        Mention mention = Mention(surface, occurrence);
        Assert.True(mention.Entity >= 0, $"'{surface}' is not linked:\n{this}");
        return Entities[mention.Entity];
    }

    public string IdOf(string surface, int occurrence = 0) => EntityOf(surface, occurrence).Id.Value;

    public override string ToString() => LinkingTestDocuments.Render(Document, Mentions, Entities);
}
