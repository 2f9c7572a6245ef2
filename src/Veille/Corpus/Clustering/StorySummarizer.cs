using System.Collections.Immutable;
using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Corpus.Clustering;

/// <summary>Settings of <see cref="StorySummarizer"/>.</summary>
/// <param name="MaxSentences">Most summary sentences (2-4 recommended).</param>
/// <param name="MinSentences">Sentences always taken when available, even below <paramref name="MinScore"/>.</param>
/// <param name="Lambda">MMR trade-off between centroid similarity and novelty, in [0, 1].</param>
/// <param name="MaxRedundancy">A sentence this similar (cosine) to one already chosen is never taken.</param>
/// <param name="MinScore">Sentences beyond <paramref name="MinSentences"/> need at least this centroid similarity.</param>
/// <param name="TopEntities">Entities kept in <see cref="StorySummary.TopEntities"/>.</param>
public sealed record StorySummaryOptions(int MaxSentences = 3, int MinSentences = 2, double Lambda = 0.7, double MaxRedundancy = 0.5, double MinScore = 0.2, int TopEntities = 10)
{
    /// <summary>The defaults.</summary>
    public static StorySummaryOptions Default { get; } = new();
}

/// <summary>
/// Builds a <see cref="StorySummary"/> from a story's member documents. Requires tokens and sentences; uses titles, mentions, dates and
/// publication dates when present. Algorithm: term-frequency centroid of the distinct members; headline = title of the titled member
/// closest to it; summary = MMR over sentences of the dominant language scored by cosine to the centroid. Pure and thread-safe.
/// </summary>
public static class StorySummarizer
{
    /// <summary>
    /// Summarises a story. <paramref name="duplicates"/> marks copies (they count once: they add no sentences, entities or weight);
    /// <paramref name="id"/> defaults to an id from the first member.
    /// </summary>
    public static StorySummary Summarize(IReadOnlyList<Document> members, StoryId? id = null, IEnumerable<DuplicateLink>? duplicates = null, StorySummaryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("A story has at least one member.", nameof(members));
        }

        options ??= StorySummaryOptions.Default;
        var duplicateOf = new Dictionary<DocumentId, DocumentId>();
        foreach (DuplicateLink link in duplicates ?? [])
        {
            duplicateOf[link.Duplicate] = link.Canonical;
        }

        List<Document> distinct = [.. members.Where(document => !duplicateOf.ContainsKey(document.Id))];
        if (distinct.Count == 0)
        {
            distinct = [members[0]];
        }

        var features = new StoryFeatures(StoryClusteringOptions.Default, StoryLexicon.Default);
        List<Dictionary<int, double>> vectors = [.. distinct.Select(document => Normalize(features.Count(document)))];
        var centroid = new Dictionary<int, double>();
        foreach (Dictionary<int, double> vector in vectors)
        {
            foreach ((int key, double weight) in vector)
            {
                centroid[key] = centroid.GetValueOrDefault(key) + (weight / vectors.Count);
            }
        }

        string language = DominantLanguage(distinct);
        (string headline, bool generated) = Headline(distinct, vectors, centroid);
        DateTimeOffset?[] dates = [.. members.Select(document => document.Publication.Value)];
        return new StorySummary(
            id ?? new StoryId("s-" + members[0].Id.Value),
            headline,
            generated,
            language,
            Sentences(distinct, language, features, centroid, options),
            [.. members.Select(document => new StoryMember(document.Id, document.Title, document.Language.Tag, document.Publication.Value, duplicateOf.TryGetValue(document.Id, out DocumentId canonical) ? canonical : null))],
            dates.Where(date => date is not null).Min(),
            dates.Where(date => date is not null).Max(),
            TopEntities(distinct, options.TopEntities),
            Timeline(distinct));
    }

    private static (string Headline, bool Generated) Headline(List<Document> distinct, List<Dictionary<int, double>> vectors, Dictionary<int, double> centroid)
    {
        int best = -1;
        double bestSimilarity = -1;
        for (int i = 0; i < distinct.Count; i++)
        {
            // Strictly greater: ties go to the earlier member.
            double similarity = Cosine(vectors[i], centroid);
            if (distinct[i].Title is { Length: > 0 } && similarity > bestSimilarity)
            {
                best = i;
                bestSimilarity = similarity;
            }
        }

        if (best >= 0)
        {
            return (distinct[best].Title!.Trim(), false);
        }

        ImmutableArray<EntityCount> entities = TopEntities(distinct, 3);
        if (entities.Length >= 2)
        {
            return (string.Join(", ", entities.Select(entity => entity.Name)), true);
        }

        int central = 0;
        for (int i = 1; i < distinct.Count; i++)
        {
            if (Cosine(vectors[i], centroid) > Cosine(vectors[central], centroid))
            {
                central = i;
            }
        }

        Document document = distinct[central];
        if (document.Sentences.IsEmpty)
        {
            return (Shorten(document.Text), true);
        }

        return (Shorten(document.TextOf(document.Sentences[0].Span).ToString()), true);
    }

    private static string Shorten(string text)
    {
        string[] words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 14 ? string.Join(' ', words) : string.Join(' ', words.Take(14)) + "…";
    }

    private static ImmutableArray<SummarySentence> Sentences(List<Document> distinct, string language, StoryFeatures features, Dictionary<int, double> centroid, StorySummaryOptions options)
    {
        var pool = new List<(SummarySentence Sentence, Dictionary<int, double> Vector)>();
        foreach (Document document in distinct)
        {
            if (document.Language.Tag != language)
            {
                continue;
            }

            foreach (Sentence sentence in document.Sentences)
            {
                Dictionary<int, double> counts = features.Count(document, sentence.Tokens);
                int words = sentence.Tokens.Length;
                string text = document.TextOf(sentence.Span).ToString();
                if (counts.Count < 5 || words > 70 || (document.Title is { } title && text.Trim() == title.Trim()))
                {
                    continue;
                }

                Dictionary<int, double> vector = Normalize(counts);
                pool.Add((new SummarySentence(text, document.Id, sentence.Span, Cosine(vector, centroid)), vector));
            }
        }

        var chosen = new List<(SummarySentence Sentence, Dictionary<int, double> Vector)>();
        var used = new bool[pool.Count];
        while (chosen.Count < options.MaxSentences)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int i = 0; i < pool.Count; i++)
            {
                if (used[i])
                {
                    continue;
                }

                double redundancy = chosen.Count == 0 ? 0 : chosen.Max(c => Cosine(pool[i].Vector, c.Vector));
                if (redundancy > options.MaxRedundancy)
                {
                    continue;
                }

                // Strictly greater: ties go to the earlier sentence (earlier member, earlier position).
                double score = (options.Lambda * pool[i].Sentence.Score) - ((1 - options.Lambda) * redundancy);
                if (score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            if (best < 0 || (chosen.Count >= options.MinSentences && pool[best].Sentence.Score < options.MinScore))
            {
                break;
            }

            used[best] = true;
            chosen.Add(pool[best]);
        }

        return [.. chosen.Select(c => c.Sentence)];
    }

    private static ImmutableArray<EntityCount> TopEntities(List<Document> distinct, int count)
    {
        var totals = new Dictionary<EntityId, (DocumentEntity Entity, int Mentions, int Documents)>();
        foreach (Document document in distinct)
        {
            var seen = new HashSet<EntityId>();
            foreach (Mention mention in document.Mentions)
            {
                if (mention.Entity < 0 || mention.Entity >= document.Entities.Length)
                {
                    continue;
                }

                DocumentEntity entity = document.Entities[mention.Entity];
                (DocumentEntity first, int mentions, int documents) = totals.GetValueOrDefault(entity.Id, (entity, 0, 0));
                totals[entity.Id] = (first, mentions + 1, documents + (seen.Add(entity.Id) ? 1 : 0));
            }
        }

        return [.. totals.Values
            .OrderByDescending(total => total.Mentions)
            .ThenByDescending(total => total.Documents)
            .ThenBy(total => total.Entity.Id.Value, StringComparer.Ordinal)
            .Take(count)
            .Select(total => new EntityCount(total.Entity.Id, total.Entity.Canonical, total.Entity.Kind, total.Mentions, total.Documents))];
    }

    private static ImmutableArray<TimelineEntry> Timeline(List<Document> distinct)
    {
        var entries = new Dictionary<string, TimelineEntry>(StringComparer.Ordinal);
        foreach (Document document in distinct.OrderBy(document => document.Publication.Value ?? DateTimeOffset.MaxValue))
        {
            foreach (DateMention date in document.Dates)
            {
                if (date.Value is { } value && date.Type is TemporalType.Date or TemporalType.Time && !entries.ContainsKey(value))
                {
                    Sentence? sentence = document.Sentences.Cast<Sentence?>().FirstOrDefault(s => s!.Value.Span.Contains(date.Span.Start));
                    string text = sentence is { } found ? document.TextOf(found.Span).ToString() : document.TextOf(date.Span).ToString();
                    entries.Add(value, new TimelineEntry(value, text, document.Id, date.Span));
                }
            }
        }

        return [.. entries.Values.OrderBy(entry => entry.Value, StringComparer.Ordinal)];
    }

    private static string DominantLanguage(List<Document> distinct) =>
        distinct.GroupBy(document => document.Language.Tag, StringComparer.Ordinal)
            .OrderByDescending(group => group.Count())
            .ThenBy(group => distinct.FindIndex(document => document.Language.Tag == group.Key))
            .First().Key;

    private static Dictionary<int, double> Normalize(Dictionary<int, double> counts)
    {
        double norm = 0;
        var vector = new Dictionary<int, double>(counts.Count);
        foreach ((int key, double count) in counts)
        {
            double weight = 1 + Math.Log(count);
            vector[key] = weight;
            norm += weight * weight;
        }

        norm = Math.Sqrt(norm);
        foreach (int key in counts.Keys)
        {
            vector[key] /= norm;
        }

        return vector;
    }

    private static double Cosine(Dictionary<int, double> left, Dictionary<int, double> right)
    {
        double dot = 0;
        double leftNorm = 0;
        double rightNorm = 0;
        foreach ((int key, double weight) in left)
        {
            leftNorm += weight * weight;
            if (right.TryGetValue(key, out double other))
            {
                dot += weight * other;
            }
        }

        foreach (double weight in right.Values)
        {
            rightNorm += weight * weight;
        }

        return dot <= 0 ? 0 : dot / Math.Sqrt(leftNorm * rightNorm);
    }
}
