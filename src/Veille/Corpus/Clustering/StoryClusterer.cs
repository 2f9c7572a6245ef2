using System.Collections.Immutable;
using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Corpus.Clustering;

/// <summary>
/// Online story clustering: documents arrive in time order and each joins the most similar live story or starts one, in one pass.
/// Requires tokens and language; uses titles, entities (mentions layer), figures, dates and publication dates when present.
/// Algorithm: TF-IDF (incremental document frequencies) over language-independent features, candidate stories from a capped
/// inverted index queried with the document's top features, cosine to story centroids, merge of converging stories. Thread-safe.
/// </summary>
public sealed class StoryClusterer
{
    private readonly StoryClusteringOptions options;
    private readonly StoryFeatures features;
    private readonly List<StoryState> stories = [];
    private readonly Dictionary<DocumentId, int> storyOfDocument = [];
    private readonly Dictionary<int, List<int>> postings = [];
    private readonly Lock gate = new();
    private DateTimeOffset? latest;
    private double[] query = new double[1024];
    private int sinceSweep;
    private int sweptUpTo;

    /// <summary>Creates an empty clusterer.</summary>
    public StoryClusterer(StoryClusteringOptions? options = null)
    {
        this.options = (options ?? StoryClusteringOptions.Default).Validate();
        features = new StoryFeatures(this.options, StoryLexicon.Default);
    }

    /// <summary>Documents added so far (duplicates included).</summary>
    public int DocumentCount
    {
        get
        {
            lock (gate)
            {
                return storyOfDocument.Count;
            }
        }
    }

    /// <summary>Distinct features in the vocabulary (grows with the corpus; about 4 bytes of frequency each plus the key).</summary>
    public int VocabularySize
    {
        get
        {
            lock (gate)
            {
                return features.VocabularySize;
            }
        }
    }

    /// <summary>
    /// Assigns a document to a story. A document with a <paramref name="duplicate"/> link joins the story of its canonical document
    /// (when known) and leaves centroids and frequencies untouched, so copies count once. A document id seen before returns its
    /// current story unchanged.
    /// </summary>
    public StoryAssignment Add(DocumentId id, Document document, DuplicateLink? duplicate = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        lock (gate)
        {
            DateTimeOffset? time = document.Publication.Value;
            if (storyOfDocument.TryGetValue(id, out int known))
            {
                return new StoryAssignment(id, stories[Resolve(known)].Id, 1, false, duplicate, []);
            }

            if (duplicate is not null && storyOfDocument.TryGetValue(duplicate.Canonical, out int canonicalStory))
            {
                int target = Resolve(canonicalStory);
                AddMember(target, id, time);
                return new StoryAssignment(id, stories[target].Id, 1, false, duplicate, []);
            }

            if (time is { } now && (latest is null || now > latest))
            {
                latest = now;
            }

            if (++sinceSweep >= 1024)
            {
                FreezeFaded();
            }

            Dictionary<int, double> counts = features.Count(document);
            features.Observe(counts);
            SparseVector vector = features.Select(counts);
            List<(int Story, double Similarity)> candidates = Candidates(vector, time);
            int best = -1;
            double bestSimilarity = 0;
            foreach ((int story, double similarity) in candidates)
            {
                if (similarity >= options.JoinThreshold && (similarity > bestSimilarity || (similarity == bestSimilarity && story < best)))
                {
                    best = story;
                    bestSimilarity = similarity;
                }
            }

            if (best < 0)
            {
                var created = new StoryState(new StoryId("s-" + id.Value), stories.Count);
                stories.Add(created);
                Absorb(created, vector.Keys, vector.Weights);
                Remember(created, vector);
                AddMember(created.Index, id, time);
                return new StoryAssignment(id, created.Id, 0, true, duplicate, []);
            }

            StoryState joined = stories[best];
            Absorb(joined, vector.Keys, vector.Weights);
            Remember(joined, vector);
            AddMember(best, id, time);
            ImmutableArray<StoryId> merged = MergeConverging(best, candidates);
            return new StoryAssignment(id, stories[Resolve(best)].Id, bestSimilarity, false, duplicate, merged);
        }
    }

    /// <summary>The current story of a document (after merges), or null when it was never added.</summary>
    public StoryId? StoryOf(DocumentId id)
    {
        lock (gate)
        {
            return storyOfDocument.TryGetValue(id, out int story) ? stories[Resolve(story)].Id : null;
        }
    }

    /// <summary>The current story of every document added, after merges.</summary>
    public IReadOnlyDictionary<DocumentId, StoryId> Assignments()
    {
        lock (gate)
        {
            var result = new Dictionary<DocumentId, StoryId>(storyOfDocument.Count);
            foreach ((DocumentId id, int story) in storyOfDocument)
            {
                result[id] = stories[Resolve(story)].Id;
            }

            return result;
        }
    }

    /// <summary>The live (not merged away) stories, in order of creation.</summary>
    public IReadOnlyList<StoryRecord> Stories()
    {
        lock (gate)
        {
            var result = new List<StoryRecord>();
            foreach (StoryState story in stories)
            {
                if (story.Parent < 0)
                {
                    result.Add(new StoryRecord(story.Id, [.. story.Members], story.FirstSeen, story.LastSeen));
                }
            }

            return result;
        }
    }

    private List<(int Story, double Similarity)> Candidates(SparseVector vector, DateTimeOffset? time)
    {
        // Accumulates the document's feature weights over the stories posted under each feature: a cheap upper-bound ranking.
        var scores = new Dictionary<int, double>();
        for (int i = 0; i < vector.Count && i < options.CandidateQueryTerms; i++)
        {
            if (!postings.TryGetValue(vector.Keys[i], out List<int>? posted))
            {
                continue;
            }

            foreach (int posting in posted)
            {
                int story = Resolve(posting);
                if (!IsFaded(stories[story], time))
                {
                    scores[story] = scores.GetValueOrDefault(story) + (vector.Weights[i] * features.InverseFrequency(vector.Keys[i]));
                }
            }
        }

        // Top MaxCandidates by score (ties: older story first), kept sorted by insertion: O(stories × MaxCandidates) at worst, no full sort.
        var ranked = new List<(int Story, double Score)>(options.MaxCandidates + 1);
        foreach ((int story, double score) in scores)
        {
            if (ranked.Count == options.MaxCandidates && !Outranks(score, story, ranked[^1].Score, ranked[^1].Story))
            {
                continue;
            }

            int position = ranked.Count;
            while (position > 0 && Outranks(score, story, ranked[position - 1].Score, ranked[position - 1].Story))
            {
                position--;
            }

            ranked.Insert(position, (story, score));
            if (ranked.Count > options.MaxCandidates)
            {
                ranked.RemoveAt(ranked.Count - 1);
            }
        }
        var candidates = new List<(int Story, double Similarity)>(Math.Min(ranked.Count, options.MaxCandidates));
        if (ranked.Count == 0)
        {
            return candidates;
        }

        // Dense scratch indexed by feature id (cleared below): member cosines read it without hashing.
        if (query.Length < features.VocabularySize)
        {
            Array.Resize(ref query, Math.Max(features.VocabularySize, query.Length * 2));
        }

        double queryNorm = 0;
        for (int i = 0; i < vector.Count; i++)
        {
            double weighted = vector.Weights[i] * features.InverseFrequency(vector.Keys[i]);
            query[vector.Keys[i]] = weighted;
            queryNorm += weighted * weighted;
        }

        queryNorm = Math.Sqrt(queryNorm);
        var centroidScores = new List<(int Story, double Centroid)>(Math.Min(ranked.Count, options.MaxCandidates));
        for (int i = 0; i < ranked.Count && i < options.MaxCandidates; i++)
        {
            centroidScores.Add((ranked[i].Story, Cosine(vector, stories[ranked[i].Story])));
        }

        // The nearest-member vote is costlier: only the best stories by centroid cosine get it; the others keep their centroid cosine.
        centroidScores.Sort(static (a, b) => b.Centroid != a.Centroid ? b.Centroid.CompareTo(a.Centroid) : a.Story.CompareTo(b.Story));
        for (int i = 0; i < centroidScores.Count; i++)
        {
            (int story, double centroid) = centroidScores[i];
            double similarity = i < options.RerankedCandidates
                ? (options.CentroidShare * centroid) + ((1 - options.CentroidShare) * NearestMember(queryNorm, stories[story]))
                : options.CentroidShare * centroid;
            candidates.Add((story, similarity));
        }

        for (int i = 0; i < vector.Count; i++)
        {
            query[vector.Keys[i]] = 0;
        }

        return candidates;
    }

    // Stories whose last document is older than the window before the newest date seen can only be joined by late, out-of-order
    // documents: their centroids and member vectors are released (they stay in the assignments). Keeps memory proportional to live stories.
    private void FreezeFaded()
    {
        sinceSweep = 0;
        if (latest is not { } now)
        {
            return;
        }

        int firstLive = -1;
        for (int i = sweptUpTo; i < stories.Count; i++)
        {
            StoryState story = stories[i];
            if (story.Parent < 0 && story.LastSeen is { } last && last + options.Window < now)
            {
                story.Centroid.Clear();
                story.Centroid.TrimExcess();
                story.Recent.Clear();
                story.Recent.TrimExcess();
                story.Norm = 0;
            }
            else if (firstLive < 0 && (story.Parent < 0 || story.LastSeen is null))
            {
                firstLive = i;
            }
        }

        // Stories are created in time order, so the scan can start at the oldest story still live.
        sweptUpTo = firstLive < 0 ? stories.Count : firstLive;
    }

    private static bool Outranks(double score, int story, double otherScore, int otherStory) =>
        score > otherScore || (score == otherScore && story < otherStory);

    private bool IsFaded(StoryState story, DateTimeOffset? time) =>
        time is { } t && story.FirstSeen is { } first && story.LastSeen is { } last
        && (t > last + options.Window || t < first - options.Window);

    // Cosines weigh each shared feature by idf² with the current frequencies, so stories started early (when frequencies were
    // still noisy) are compared on the same footing as recent ones.
    private double Cosine(SparseVector vector, StoryState story)
    {
        double dot = 0;
        double documentNorm = 0;
        for (int i = 0; i < vector.Count; i++)
        {
            double idf2 = features.SquaredInverseFrequency(vector.Keys[i]);
            documentNorm += vector.Weights[i] * vector.Weights[i] * idf2;
            if (story.Centroid.TryGetValue(vector.Keys[i], out float weight))
            {
                dot += vector.Weights[i] * weight * idf2;
            }
        }

        double storyNorm = Norm(story);
        return dot <= 0 || storyNorm <= 0 ? 0 : dot / (Math.Sqrt(documentNorm) * storyNorm);
    }

    private double Cosine(StoryState left, StoryState right)
    {
        (StoryState small, StoryState large) = left.Centroid.Count <= right.Centroid.Count ? (left, right) : (right, left);
        double dot = 0;
        foreach ((int key, float weight) in small.Centroid)
        {
            if (large.Centroid.TryGetValue(key, out float other))
            {
                dot += weight * other * features.SquaredInverseFrequency(key);
            }
        }

        double norms = Norm(left) * Norm(right);
        return dot <= 0 || norms <= 0 ? 0 : dot / norms;
    }

    // The best cosine between the document and the story's most recent members: a nearest-neighbour vote that keeps look-alike
    // stories apart when their centroids drift towards the shared topic words.
    private double NearestMember(double queryNorm, StoryState story)
    {
        double best = 0;
        foreach (SparseVector member in story.Recent)
        {
            double dot = 0;
            double norm = 0;
            for (int i = 0; i < member.Count; i++)
            {
                double weighted = member.Weights[i] * features.InverseFrequency(member.Keys[i]);
                norm += weighted * weighted;
                dot += weighted * query[member.Keys[i]];
            }

            if (dot > 0 && norm > 0)
            {
                best = Math.Max(best, dot / (Math.Sqrt(norm) * queryNorm));
            }
        }

        return best;
    }

    private double Norm(StoryState story)
    {
        // Frequencies drift slowly: a story's norm is recomputed when it changes, else when the corpus grew by an eighth (at least 256 documents).
        if (story.NormStamp >= 0 && features.DocumentCount - story.NormStamp < Math.Max(256, story.NormStamp / 8))
        {
            return story.Norm;
        }

        double norm = 0;
        foreach ((int key, float weight) in story.Centroid)
        {
            norm += (double)weight * weight * features.SquaredInverseFrequency(key);
        }

        story.Norm = Math.Sqrt(norm);
        story.NormStamp = features.DocumentCount;
        return story.Norm;
    }

    // Merge rule: after a document joins story S, every other candidate story T that the document also matched (cosine at least
    // the join threshold) and whose centroid is at least MergeThreshold similar to S's is folded into the larger of the two
    // (ties: the older). This repairs splits caused by arrival order: two stories started by different articles converge.
    private ImmutableArray<StoryId> MergeConverging(int joined, List<(int Story, double Similarity)> candidates)
    {
        ImmutableArray<StoryId>.Builder? merged = null;
        foreach ((int candidate, double similarity) in candidates)
        {
            int target = Resolve(joined);
            int other = Resolve(candidate);
            if (other == target || similarity < options.JoinThreshold || Cosine(stories[target], stories[other]) < options.MergeThreshold)
            {
                continue;
            }

            StoryState a = stories[target];
            StoryState b = stories[other];
            (StoryState keep, StoryState fold) = a.Members.Count > b.Members.Count || (a.Members.Count == b.Members.Count && a.Index < b.Index) ? (a, b) : (b, a);
            Absorb(keep, [.. fold.Centroid.Keys], [.. fold.Centroid.Values]);
            keep.Members.AddRange(fold.Members);
            foreach (SparseVector member in fold.Recent)
            {
                Remember(keep, member);
            }

            fold.Recent.Clear();
            keep.FirstSeen = Min(keep.FirstSeen, fold.FirstSeen);
            keep.LastSeen = Max(keep.LastSeen, fold.LastSeen);
            fold.Parent = keep.Index;
            fold.Centroid.Clear();
            fold.Members.Clear();
            (merged ??= ImmutableArray.CreateBuilder<StoryId>()).Add(fold.Id);
        }

        return merged?.ToImmutable() ?? [];
    }

    private void Absorb(StoryState story, int[] keys, float[] weights)
    {
        List<int>? added = null;
        for (int i = 0; i < keys.Length; i++)
        {
            if (story.Centroid.TryGetValue(keys[i], out float existing))
            {
                story.Centroid[keys[i]] = existing + weights[i];
            }
            else
            {
                story.Centroid[keys[i]] = weights[i];
                (added ??= []).Add(keys[i]);
            }
        }

        // Pruning sorts the centroid: it runs when the centroid exceeds its size by half, bringing it back to CentroidTerms.
        if (story.Centroid.Count > options.CentroidTerms + (options.CentroidTerms / 2))
        {
            var entries = new List<KeyValuePair<int, float>>(story.Centroid);
            entries.Sort(static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
            for (int i = options.CentroidTerms; i < entries.Count; i++)
            {
                story.Centroid.Remove(entries[i].Key);
            }
        }

        story.NormStamp = -1;
        if (added is null)
        {
            return;
        }

        // Only features new to the centroid are posted: the story is already in the postings of the others (unless pushed out
        // of a full list by newer stories, which then outrank it for that feature anyway).
        foreach (int key in added)
        {
            if (story.Centroid.ContainsKey(key))
            {
                Post(key, story.Index);
            }
        }
    }

    private void Remember(StoryState story, SparseVector vector)
    {
        if (story.Recent.Count >= options.RecentMembers)
        {
            story.Recent.RemoveAt(0);
        }

        story.Recent.Add(vector);
    }

    private void Post(int key, int story)
    {
        if (!postings.TryGetValue(key, out List<int>? posted))
        {
            posted = new List<int>(2);
            postings.Add(key, posted);
        }

        // The newest stories go last; the list is short (MaxPostings), so the scan is cheap.
        if (posted.Count > 0 && posted[^1] == story)
        {
            return;
        }

        int existing = posted.IndexOf(story);
        if (existing >= 0)
        {
            posted.RemoveAt(existing);
        }
        else if (posted.Count >= options.MaxPostings)
        {
            posted.RemoveAt(0);
        }

        posted.Add(story);
    }

    private void AddMember(int story, DocumentId id, DateTimeOffset? time)
    {
        StoryState state = stories[story];
        state.Members.Add(id);
        state.FirstSeen = Min(state.FirstSeen, time);
        state.LastSeen = Max(state.LastSeen, time);
        storyOfDocument[id] = story;
    }

    private int Resolve(int story)
    {
        int root = story;
        while (stories[root].Parent >= 0)
        {
            root = stories[root].Parent;
        }

        while (stories[story].Parent >= 0)
        {
            int next = stories[story].Parent;
            stories[story].Parent = root;
            story = next;
        }

        return root;
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private sealed class StoryState(StoryId id, int index)
    {
        public StoryId Id { get; } = id;

        public int Index { get; } = index;

        public int Parent { get; set; } = -1;

        public Dictionary<int, float> Centroid { get; } = [];

        public double Norm { get; set; }

        public int NormStamp { get; set; } = -1;

        public List<DocumentId> Members { get; } = [];

        public List<SparseVector> Recent { get; } = [];

        public DateTimeOffset? FirstSeen { get; set; }

        public DateTimeOffset? LastSeen { get; set; }
    }
}
