using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Veille.Corpus.Clustering;
using Veille.Model;
using Veille.Pipeline;

namespace Veille.Cli.Commands;

/// <summary><c>veille cluster --in FILE.jsonl --out assignments.jsonl</c>: duplicate detection and story clustering over a JSONL file, storing nothing.</summary>
internal static class ClusterCommand
{
    private static readonly Option<string> In = new("--in") { Description = "JSONL input: doc_id, text or text_tokenized, optional title, published, language", Required = true };
    private static readonly Option<string?> Out = new("--out") { Description = "Output JSONL, one {doc_id, story, duplicate_of, reason, similarity} a document (default: standard output)" };
    private static readonly Option<int> WindowDays = new("--window-days") { Description = "Days after which a story fades (default 7)", DefaultValueFactory = _ => 7 };

    public static Command Create()
    {
        var command = new Command("cluster", "Group documents into stories (online, in publication order) and mark duplicates") { In, Out, WindowDays };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string input = parse.GetValue(In)!;
        if (!File.Exists(input))
        {
            throw new CliException(ErrorCodes.InputNotFound, $"no such file: {input}");
        }

        int days = parse.GetValue(WindowDays);
        if (days < 1)
        {
            throw new CliException(ErrorCodes.InvalidOptions, "--window-days must be at least 1");
        }

        IReadOnlyList<ClusteringItem> items = ReadItems(input);
        var stopwatch = Stopwatch.StartNew();
        Document[] documents = ClusteringEvaluation.Annotate(items, StageCatalog.CreateDefault());
        TimeSpan annotation = stopwatch.Elapsed;
        var tracker = new StoryTracker(StoryClusteringOptions.Default with { Window = TimeSpan.FromDays(days) });
        var results = new List<(string Id, DocumentId Document, TrackedDocument Tracked)>(items.Count);
        foreach (int index in ClusteringEvaluation.FixedOrder(items))
        {
            results.Add((items[index].Id, documents[index].Id, tracker.Add(documents[index].Id, documents[index])));
        }

        TimeSpan clustering = stopwatch.Elapsed - annotation;
        IReadOnlyDictionary<DocumentId, StoryId> stories = tracker.Clusterer.Assignments();
        string? path = parse.GetValue(Out);
        using (Stream stream = path is null ? Console.OpenStandardOutput() : File.Create(path))
        using (var writer = new StreamWriter(stream))
        {
            foreach ((string id, DocumentId document, TrackedDocument tracked) in results)
            {
                writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["doc_id"] = id,
                    ["story"] = stories[document].Value,
                    ["duplicate_of"] = tracked.Duplicate?.Canonical.Value,
                    ["reason"] = tracked.Duplicate?.ReasonName,
                    ["similarity"] = Math.Round(tracked.Duplicate?.Similarity ?? tracked.Assignment.Similarity, 4),
                }));
            }
        }

        int storyCount = stories.Values.Distinct().Count();
        int duplicates = results.Count(result => result.Tracked.Duplicate is not null);
        Console.Error.WriteLine($"{items.Count:N0} documents, {storyCount:N0} stories, {duplicates:N0} duplicates; annotation {annotation.TotalSeconds:N2} s, clustering {clustering.TotalSeconds:N2} s");
        return VeilleCli.Ok;
    }

    /// <summary>Reads a clustering JSONL file, turning malformed records into a clear error.</summary>
    internal static IReadOnlyList<ClusteringItem> ReadItems(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return ClusteringEvaluation.ReadJsonl(reader);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw new CliException(ErrorCodes.InputMalformed, $"{path}: {exception.Message}");
        }
    }
}
