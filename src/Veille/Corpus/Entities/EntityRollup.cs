using Veille.Model;

namespace Veille.Corpus.Entities;

/// <summary>What one document adds to the corpus entity index for one entity: mention count, aliases and roles with counts.</summary>
/// <param name="Entity">The document's entity (id, canonical name, kind, place).</param>
/// <param name="Mentions">Mentions of it in the document.</param>
/// <param name="Aliases">Surface forms with their counts in the document.</param>
/// <param name="Roles">Roles given at its mentions, with counts.</param>
public sealed record EntityContribution(DocumentEntity Entity, int Mentions, IReadOnlyDictionary<string, int> Aliases, IReadOnlyDictionary<string, int> Roles);

/// <summary>One stored quote as the corpus index keeps it, with its speaker resolved.</summary>
/// <param name="Document">The document it comes from.</param>
/// <param name="Index">Its index in the document's quotes.</param>
/// <param name="Kind">Direct, indirect or scare.</param>
/// <param name="Text">The quoted words without marks.</param>
/// <param name="Speaker">The speaker's words in the text, or null.</param>
/// <param name="SpeakerEntity">The entity the speaker resolves to, or null.</param>
/// <param name="Cue">The reporting verb, or null.</param>
/// <param name="Conduit">The outlet it came through, or null.</param>
public sealed record QuoteRecord(DocumentId Document, int Index, QuoteKind Kind, string Text, string? Speaker, DocumentEntity? SpeakerEntity, string? Cue, string? Conduit);

/// <summary>Derives the corpus-level index entries (entities, quotes) of one annotated document. Pure and thread-safe.</summary>
public static class EntityRollup
{
    /// <summary>The entity contributions of a document, in entity order; empty without the mentions layer.</summary>
    public static IReadOnlyList<EntityContribution> Of(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        int count = document.Entities.Length;
        var mentions = new int[count];
        var aliases = new Dictionary<string, int>[count];
        var roles = new Dictionary<string, int>[count];
        for (int i = 0; i < count; i++)
        {
            aliases[i] = new Dictionary<string, int>(StringComparer.Ordinal);
            roles[i] = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        foreach (Mention mention in document.Mentions)
        {
            if (mention.Entity < 0 || mention.Entity >= count)
            {
                continue;
            }

            mentions[mention.Entity]++;
            string alias = document.TextOf(mention.Span).ToString();
            aliases[mention.Entity][alias] = aliases[mention.Entity].GetValueOrDefault(alias) + 1;
            if (mention.Role is { Length: > 0 } role)
            {
                roles[mention.Entity][role] = roles[mention.Entity].GetValueOrDefault(role) + 1;
            }
        }

        var contributions = new List<EntityContribution>(count);
        for (int i = 0; i < count; i++)
        {
            if (mentions[i] > 0)
            {
                contributions.Add(new EntityContribution(document.Entities[i], mentions[i], aliases[i], roles[i]));
            }
        }

        return contributions;
    }

    /// <summary>The document's quotes with their speakers resolved to entities.</summary>
    public static IReadOnlyList<QuoteRecord> QuotesOf(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var records = new List<QuoteRecord>(document.Quotes.Length);
        for (int i = 0; i < document.Quotes.Length; i++)
        {
            Quote quote = document.Quotes[i];
            records.Add(new QuoteRecord(
                document.Id,
                i,
                quote.Kind,
                document.TextOf(quote.Content).ToString(),
                quote.Speaker is { } speaker ? document.TextOf(speaker).ToString() : null,
                SpeakerOf(document, quote),
                quote.Cue is { } cue ? document.TextOf(cue).ToString() : null,
                quote.Conduit is { } conduit ? document.TextOf(conduit).ToString() : null));
        }

        return records;
    }

    /// <summary>The entity a quote's speaker resolves to, or null (anonymous, unresolved, or no mention layer).</summary>
    public static DocumentEntity? SpeakerOf(Document document, Quote quote)
    {
        if (quote.SpeakerMention < 0 || quote.SpeakerMention >= document.Mentions.Length)
        {
            return null;
        }

        int entity = document.Mentions[quote.SpeakerMention].Entity;
        return entity >= 0 && entity < document.Entities.Length ? document.Entities[entity] : null;
    }
}
