using Veille.Corpus.Clustering;
using Veille.Corpus.Dedup;
using Veille.Model;
using Veille.Storage;

namespace Veille.Hosting;

/// <summary>Reads stories from the store and summarises them (headline, summary, members, entities, timeline, quotes).</summary>
public static class StoryService
{
    /// <summary>The summary of a story, or null when no document belongs to it.</summary>
    public static StorySummary? Summarize(VeilleHost host, StoryId story)
    {
        IReadOnlyList<DocumentId> members = host.Stories.StoryMembers(story);
        if (members.Count == 0)
        {
            return null;
        }

        var documents = members.Select(id => host.Store.Load(id)?.Document).OfType<Document>().ToList();
        IReadOnlyList<DuplicateLink> duplicates = host.Stories.DuplicatesOf(members);
        return StorySummarizer.Summarize(documents, story, duplicates);
    }

    /// <summary>Finds a story by its id, or by the id or external id of one of its documents.</summary>
    public static StoryId? Find(VeilleHost host, string id)
    {
        var story = new StoryId(id);
        if (host.Stories.StoryMembers(story).Count > 0)
        {
            return story;
        }

        DocumentId? document = host.Store.Contains(new DocumentId(id)) ? new DocumentId(id) : host.Store.FindByExternalId(id);
        return document is { } found ? host.Stories.StoryOf(found) : null;
    }
}
