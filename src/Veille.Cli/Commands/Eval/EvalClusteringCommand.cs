using System.CommandLine;
using System.Globalization;
using Veille.Corpus.Clustering;
using Veille.Pipeline;

namespace Veille.Cli.Commands.Eval;

/// <summary>
/// <c>veille eval clustering --data FILE.jsonl [--orders 5]</c>: B-cubed and pairwise scores of story clustering against the
/// <c>cluster</c> labels, in the fixed order (by published date, else file order) and in seeded shuffles (see docs/stories.md).
/// </summary>
internal static class EvalClusteringCommand
{
    private static readonly Option<int> Orders = new("--orders") { Description = "Shuffled orders besides the fixed one (seeds 1..N)", DefaultValueFactory = _ => 5 };

    public static Command Create()
    {
        // --data is the root's recursive option (CommonOptions.Data); here it names the labelled JSONL file.
        var command = new Command("clustering", "Story clustering: B-cubed and pairwise F1 over a fixed and shuffled orders (--data FILE.jsonl)") { Orders };
        command.SetAction(parse => CommonOptions.Guard(parse, () => Run(parse)));
        return command;
    }

    private static int Run(ParseResult parse)
    {
        string path = parse.GetValue(CommonOptions.Data) ?? throw new CliException(ErrorCodes.InvalidOptions, "--data FILE.jsonl is required");
        if (!File.Exists(path))
        {
            throw new CliException(ErrorCodes.InputNotFound, $"no such file: {path}");
        }

        int orders = parse.GetValue(Orders);
        if (orders < 0)
        {
            throw new CliException(ErrorCodes.InvalidOptions, "--orders must be 0 or more");
        }

        IReadOnlyList<ClusteringItem> items = ClusterCommand.ReadItems(path);
        if (items.Any(item => item.Cluster is null))
        {
            throw new CliException(ErrorCodes.InputMalformed, $"{path}: every record needs a cluster label");
        }

        ClusteringEvaluationResult result = ClusteringEvaluation.Run(items, StageCatalog.CreateDefault(), orders);
        OrderScores[] runs = [result.Fixed, .. result.Shuffled];
        if (parse.GetValue(CommonOptions.Json))
        {
            CommonOptions.WriteJson(new
            {
                data = path,
                documents = items.Count,
                orders = runs.Select(run => new
                {
                    order = run.Order,
                    bcubed_precision = run.Scores.BCubedPrecision,
                    bcubed_recall = run.Scores.BCubedRecall,
                    bcubed_f1 = run.Scores.BCubedF1,
                    pairwise_precision = run.Scores.PairwisePrecision,
                    pairwise_recall = run.Scores.PairwiseRecall,
                    pairwise_f1 = run.Scores.PairwiseF1,
                    stories = run.Scores.PredictedClusters,
                    gold_stories = run.Scores.GoldClusters,
                    duplicates = run.Duplicates,
                }),
                mean_bcubed_f1 = result.MeanBCubedF1,
                spread_bcubed_f1 = result.SpreadBCubedF1,
                mean_pairwise_f1 = result.MeanPairwiseF1,
            });
            return VeilleCli.Ok;
        }

        Console.Out.WriteLine(FormattableString.Invariant($"{Path.GetFileName(path)}: {items.Count} documents"));
        Console.Out.WriteLine("order        B3-P    B3-R    B3-F1   pair-F1  stories  gold  duplicates");
        foreach (OrderScores run in runs)
        {
            ClusteringScores s = run.Scores;
            Console.Out.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-11} {1,6:F4}  {2,6:F4}  {3,6:F4}  {4,7:F4}  {5,7}  {6,4}  {7,10}", run.Order, s.BCubedPrecision, s.BCubedRecall, s.BCubedF1, s.PairwiseF1, s.PredictedClusters, s.GoldClusters, run.Duplicates));
        }

        Console.Out.WriteLine(FormattableString.Invariant($"mean B3-F1 {result.MeanBCubedF1:F4}  spread {result.SpreadBCubedF1:F4}  mean pair-F1 {result.MeanPairwiseF1:F4}"));
        return VeilleCli.Ok;
    }
}
