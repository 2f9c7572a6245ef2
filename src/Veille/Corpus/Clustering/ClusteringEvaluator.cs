namespace Veille.Corpus.Clustering;

/// <summary>Scores of a predicted clustering against a gold one.</summary>
/// <param name="BCubedPrecision">Mean over items of the share of its predicted cluster that shares its gold cluster.</param>
/// <param name="BCubedRecall">Mean over items of the share of its gold cluster that shares its predicted cluster.</param>
/// <param name="BCubedF1">Harmonic mean of the two.</param>
/// <param name="PairwisePrecision">Share of same-cluster predicted pairs that are same-cluster in gold.</param>
/// <param name="PairwiseRecall">Share of same-cluster gold pairs that are predicted together.</param>
/// <param name="PairwiseF1">Harmonic mean of the two.</param>
/// <param name="Items">Items scored (those present in both clusterings).</param>
/// <param name="PredictedClusters">Distinct predicted clusters.</param>
/// <param name="GoldClusters">Distinct gold clusters.</param>
public sealed record ClusteringScores(
    double BCubedPrecision,
    double BCubedRecall,
    double BCubedF1,
    double PairwisePrecision,
    double PairwiseRecall,
    double PairwiseF1,
    int Items,
    int PredictedClusters,
    int GoldClusters);

/// <summary>B-cubed and pairwise precision, recall and F1 of a clustering. Pure and thread-safe.</summary>
public static class ClusteringEvaluator
{
    /// <summary>Scores <paramref name="predicted"/> (item → cluster) against <paramref name="gold"/>; items missing from either are ignored.</summary>
    public static ClusteringScores Score<TItem, TGold, TPredicted>(IReadOnlyDictionary<TItem, TGold> gold, IReadOnlyDictionary<TItem, TPredicted> predicted)
        where TItem : notnull
        where TGold : notnull
        where TPredicted : notnull
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var joint = new Dictionary<(TGold, TPredicted), long>();
        var goldSizes = new Dictionary<TGold, long>();
        var predictedSizes = new Dictionary<TPredicted, long>();
        int items = 0;
        foreach ((TItem item, TGold goldCluster) in gold)
        {
            if (!predicted.TryGetValue(item, out TPredicted? predictedCluster))
            {
                continue;
            }

            items++;
            joint[(goldCluster, predictedCluster)] = joint.GetValueOrDefault((goldCluster, predictedCluster)) + 1;
            goldSizes[goldCluster] = goldSizes.GetValueOrDefault(goldCluster) + 1;
            predictedSizes[predictedCluster] = predictedSizes.GetValueOrDefault(predictedCluster) + 1;
        }

        if (items == 0)
        {
            return new ClusteringScores(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }

        // B-cubed: an item in cell (g, p) of size n has precision n / |p| and recall n / |g|; the n items of a cell share them.
        double precision = 0;
        double recall = 0;
        long truePairs = 0;
        foreach (((TGold goldCluster, TPredicted predictedCluster), long count) in joint)
        {
            precision += (double)count * count / predictedSizes[predictedCluster];
            recall += (double)count * count / goldSizes[goldCluster];
            truePairs += count * (count - 1) / 2;
        }

        precision /= items;
        recall /= items;
        long predictedPairs = predictedSizes.Values.Sum(size => size * (size - 1) / 2);
        long goldPairs = goldSizes.Values.Sum(size => size * (size - 1) / 2);
        double pairPrecision = predictedPairs == 0 ? 1 : (double)truePairs / predictedPairs;
        double pairRecall = goldPairs == 0 ? 1 : (double)truePairs / goldPairs;
        return new ClusteringScores(
            precision,
            recall,
            F1(precision, recall),
            pairPrecision,
            pairRecall,
            F1(pairPrecision, pairRecall),
            items,
            predictedSizes.Count,
            goldSizes.Count);
    }

    private static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
