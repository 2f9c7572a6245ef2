using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Veille.Corpus.Dedup;
using Veille.Model;
using Veille.Pipeline;

namespace Veille.Corpus.Clustering;

/// <summary>One labelled document of a clustering data set.</summary>
/// <param name="Id">The record's <c>doc_id</c>.</param>
/// <param name="Cluster">The gold story (<c>cluster</c>), or null when unlabelled.</param>
/// <param name="Text">The article text (<c>text</c>, else <c>text_tokenized</c>).</param>
/// <param name="Title">The title, or null.</param>
/// <param name="Published">The publication date, or null.</param>
/// <param name="Language">The language hint, or null.</param>
public sealed record ClusteringItem(string Id, string? Cluster, string Text, string? Title, DateTimeOffset? Published, string? Language)
{
    /// <summary>A fresh document for this item, with its metadata in <see cref="Document.Source"/>.</summary>
    public Document ToDocument() =>
        new(new DocumentId(Id), Text, new SourceInfo(ExternalId: Id, Title: Title, Published: Published, LanguageHint: Language));
}

/// <summary>Scores of one feeding order.</summary>
/// <param name="Order">"fixed" (by published date, else file order) or "shuffle-N".</param>
/// <param name="Scores">The scores.</param>
/// <param name="Duplicates">Documents flagged as duplicates in this order.</param>
public sealed record OrderScores(string Order, ClusteringScores Scores, int Duplicates);

/// <summary>The result of <see cref="ClusteringEvaluation.Run"/>: the fixed order, each shuffled order, and their summary.</summary>
/// <param name="Fixed">The fixed order.</param>
/// <param name="Shuffled">Each seeded shuffle.</param>
/// <param name="MeanBCubedF1">Mean B-cubed F1 over all orders (fixed included).</param>
/// <param name="SpreadBCubedF1">Max minus min B-cubed F1 over all orders.</param>
/// <param name="MeanPairwiseF1">Mean pairwise F1 over all orders.</param>
public sealed record ClusteringEvaluationResult(OrderScores Fixed, ImmutableArray<OrderScores> Shuffled, double MeanBCubedF1, double SpreadBCubedF1, double MeanPairwiseF1);

/// <summary>Runs story clustering over a labelled data set in a fixed order and in seeded shuffles, and scores each run.</summary>
public static class ClusteringEvaluation
{
    /// <summary>Reads JSONL records with <c>doc_id</c>, <c>cluster</c>, <c>text</c> or <c>text_tokenized</c> and optional <c>title</c>, <c>published</c>, <c>language</c>.</summary>
    /// <exception cref="FormatException">A line is not a JSON object with an id and a text.</exception>
    public static IReadOnlyList<ClusteringItem> ReadJsonl(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var items = new List<ClusteringItem>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using JsonDocument json = JsonDocument.Parse(line);
            JsonElement root = json.RootElement;
            string? id = Text(root, "doc_id") ?? Text(root, "id");
            string? text = Text(root, "text") ?? Text(root, "text_tokenized");
            if (id is null || text is null)
            {
                throw new FormatException($"Line {lineNumber}: a record needs doc_id and text (or text_tokenized).");
            }

            DateTimeOffset? published = Text(root, "published") is { } date
                && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset parsed)
                ? parsed
                : null;
            items.Add(new ClusteringItem(id, Text(root, "cluster"), text, Text(root, "title"), published, Text(root, "language")));
        }

        return items;
    }

    /// <summary>
    /// Annotates every item once with <paramref name="pipeline"/>, then clusters them (with duplicate detection) in the fixed order
    /// (by published date when every item has one, else file order) and in <paramref name="orders"/> shuffles seeded 1..N.
    /// </summary>
    public static ClusteringEvaluationResult Run(IReadOnlyList<ClusteringItem> items, NewsPipeline pipeline, int orders = 5, StoryClusteringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(pipeline);
        Document[] documents = Annotate(items, pipeline);
        int[] fixedOrder = FixedOrder(items);
        var gold = new Dictionary<DocumentId, string>();
        foreach (ClusteringItem item in items)
        {
            if (item.Cluster is not null)
            {
                gold[new DocumentId(item.Id)] = item.Cluster;
            }
        }

        OrderScores fixedScores = RunOrder("fixed", fixedOrder, documents, gold, options);
        var shuffled = ImmutableArray.CreateBuilder<OrderScores>(orders);
        for (int seed = 1; seed <= orders; seed++)
        {
            int[] order = [.. fixedOrder];
            new Random(seed).Shuffle(order);
            shuffled.Add(RunOrder("shuffle-" + seed.ToString(CultureInfo.InvariantCulture), order, documents, gold, options));
        }

        double[] f1 = [fixedScores.Scores.BCubedF1, .. shuffled.Select(s => s.Scores.BCubedF1)];
        double[] pairwise = [fixedScores.Scores.PairwiseF1, .. shuffled.Select(s => s.Scores.PairwiseF1)];
        return new ClusteringEvaluationResult(fixedScores, shuffled.ToImmutable(), f1.Average(), f1.Max() - f1.Min(), pairwise.Average());
    }

    /// <summary>Runs the pipeline on every item (in parallel; each document is processed by one thread).</summary>
    public static Document[] Annotate(IReadOnlyList<ClusteringItem> items, NewsPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(pipeline);
        var documents = new Document[items.Count];
        Parallel.For(0, items.Count, i =>
        {
            Document document = items[i].ToDocument();
            pipeline.Process(document);
            documents[i] = document;
        });
        return documents;
    }

    /// <summary>Indexes of the items by published date (ties and undated items in file order, undated last).</summary>
    public static int[] FixedOrder(IReadOnlyList<ClusteringItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int[] order = [.. Enumerable.Range(0, items.Count)];
        Array.Sort(order, (a, b) =>
        {
            DateTimeOffset? left = items[a].Published;
            DateTimeOffset? right = items[b].Published;
            int byDate = left is null ? (right is null ? 0 : 1) : right is null ? -1 : left.Value.CompareTo(right.Value);
            return byDate != 0 ? byDate : a.CompareTo(b);
        });
        return order;
    }

    private static OrderScores RunOrder(string name, int[] order, Document[] documents, Dictionary<DocumentId, string> gold, StoryClusteringOptions? options)
    {
        var tracker = new StoryTracker(options);
        int duplicates = 0;
        foreach (int index in order)
        {
            if (tracker.Add(documents[index].Id, documents[index]).Duplicate is not null)
            {
                duplicates++;
            }
        }

        return new OrderScores(name, ClusteringEvaluator.Score(gold, tracker.Clusterer.Assignments()), duplicates);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}
