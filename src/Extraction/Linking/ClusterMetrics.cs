namespace Extraction.Linking;

/// <summary>Precision and recall with their harmonic mean.</summary>
public readonly record struct PrfScore(double Precision, double Recall)
{
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
    public override string ToString() => $"P {Precision:F3} R {Recall:F3} F1 {F1:F3}";
}

/// <summary>Link-based pair counts, kept as counts so scores can be summed over documents or topics.</summary>
public readonly record struct PairCounts(long Both, long Gold, long Predicted)
{
    public static PairCounts operator +(PairCounts a, PairCounts b) => new(a.Both + b.Both, a.Gold + b.Gold, a.Predicted + b.Predicted);
    public PrfScore Score => new(Predicted > 0 ? (double)Both / Predicted : 1, Gold > 0 ? (double)Both / Gold : 1);
}

/// <summary>
/// Coreference / clustering scores over one set of items (mentions), each with a gold and a predicted cluster label.
/// Labels are compared only for equality; to score many documents at once, prefix labels with the document id.
/// <list type="bullet">
/// <item>B³ (Bagga &amp; Baldwin 1998): per-item overlap of its gold and predicted clusters, averaged over items.</item>
/// <item>MUC (Vilain et al. 1995): links needed to rebuild each gold cluster from the predicted partition, and back.</item>
/// <item>Pairwise: item pairs placed together; with groups (documents), only pairs from different groups count.</item>
/// </list>
/// </summary>
public static class ClusterMetrics
{
    public static PrfScore BCubed(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        Check(gold, predicted);
        if (gold.Count == 0) return new PrfScore(1, 1);
        var goldSize = Sizes(gold);
        var predSize = Sizes(predicted);
        var both = new Dictionary<(string, string), int>();
        for (int i = 0; i < gold.Count; i++) both[(gold[i], predicted[i])] = both.GetValueOrDefault((gold[i], predicted[i])) + 1;
        double p = 0, r = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            double overlap = both[(gold[i], predicted[i])];
            p += overlap / predSize[predicted[i]];
            r += overlap / goldSize[gold[i]];
        }
        return new PrfScore(p / gold.Count, r / gold.Count);
    }

    public static PrfScore Muc(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        Check(gold, predicted);
        var (rNum, rDen) = MucLinks(gold, predicted);
        var (pNum, pDen) = MucLinks(predicted, gold);
        return new PrfScore(pDen > 0 ? (double)pNum / pDen : 1, rDen > 0 ? (double)rNum / rDen : 1);
    }

    /// <summary>Σ(|K| − parts of K in the other partition) and Σ(|K| − 1) over the clusters K of <paramref name="key"/>.</summary>
    private static (long Num, long Den) MucLinks(IReadOnlyList<string> key, IReadOnlyList<string> response)
    {
        var parts = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var size = Sizes(key);
        for (int i = 0; i < key.Count; i++)
            (parts.TryGetValue(key[i], out var s) ? s : parts[key[i]] = new HashSet<string>(StringComparer.Ordinal)).Add(response[i]);
        long num = 0, den = 0;
        foreach (var (k, n) in size)
        {
            num += n - parts[k].Count;
            den += n - 1;
        }
        return (num, den);
    }

    /// <summary>Pair counts; when <paramref name="groups"/> is given, pairs inside one group are left out (cross-document pairs).</summary>
    public static PairCounts Pairwise(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyList<string>? groups = null)
    {
        Check(gold, predicted);
        if (groups is not null && groups.Count != gold.Count) throw new ArgumentException("One group per item is needed.", nameof(groups));
        long Pairs(Func<int, string> label)
        {
            var clusters = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
            for (int i = 0; i < gold.Count; i++)
            {
                var c = label(i);
                if (!clusters.TryGetValue(c, out var byGroup)) clusters[c] = byGroup = new Dictionary<string, long>(StringComparer.Ordinal);
                var g = groups?[i] ?? "";
                byGroup[g] = byGroup.GetValueOrDefault(g) + 1;
            }
            long total = 0;
            foreach (var byGroup in clusters.Values)
            {
                long n = byGroup.Values.Sum();
                total += n * (n - 1) / 2;
                if (groups is not null) foreach (var m in byGroup.Values) total -= m * (m - 1) / 2;
            }
            return total;
        }
        return new PairCounts(Pairs(i => gold[i] + "\u0001" + predicted[i]), Pairs(i => gold[i]), Pairs(i => predicted[i]));
    }

    private static Dictionary<string, int> Sizes(IReadOnlyList<string> labels)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var l in labels) d[l] = d.GetValueOrDefault(l) + 1;
        return d;
    }

    private static void Check(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException($"Gold has {gold.Count} items, predicted {predicted.Count}; score the same items.");
    }
}
