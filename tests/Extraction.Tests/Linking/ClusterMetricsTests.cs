using Extraction.Linking;

namespace Extraction.Tests.Linking;

public class ClusterMetricsTests
{
    // Items a b c d e; gold {a,b,c} {d,e}; predicted {a,b} {c,d,e}.
    private static readonly string[] Gold = ["G1", "G1", "G1", "G2", "G2"];
    private static readonly string[] Pred = ["P1", "P1", "P2", "P2", "P2"];

    [Fact]
    public void BCubed_matches_the_hand_computed_example()
    {
        // P: a 1, b 1, c 1/3, d 2/3, e 2/3 → 11/15; R: a 2/3, b 2/3, c 1/3, d 1, e 1 → 11/15.
        var s = ClusterMetrics.BCubed(Gold, Pred);
        Assert.Equal(11.0 / 15, s.Precision, 6);
        Assert.Equal(11.0 / 15, s.Recall, 6);
    }

    [Fact]
    public void Muc_matches_the_hand_computed_example()
    {
        // R: gold {a,b,c} split in 2 → 1 link of 2; {d,e} whole → 1 of 1 → 2/3. P: {a,b} → 1 of 1; {c,d,e} split in 2 → 1 of 2 → 2/3.
        var s = ClusterMetrics.Muc(Gold, Pred);
        Assert.Equal(2.0 / 3, s.Precision, 6);
        Assert.Equal(2.0 / 3, s.Recall, 6);
    }

    [Fact]
    public void Pairwise_matches_the_hand_computed_example()
    {
        // Gold pairs ab ac bc de; predicted ab cd ce de; both ab de.
        var c = ClusterMetrics.Pairwise(Gold, Pred);
        Assert.Equal(new PairCounts(2, 4, 4), c);
        Assert.Equal(0.5, c.Score.F1, 6);
    }

    [Fact]
    public void Cross_group_pairs_leave_out_pairs_inside_a_group()
    {
        // Groups: a b in doc1, c d e in doc2. Gold cross pairs ac bc (de is inside doc2); predicted cd ce de → none cross… only pairs
        // across docs count: predicted {a,b} inside doc1, {c,d,e} inside doc2 → 0 predicted cross pairs.
        string[] groups = ["1", "1", "2", "2", "2"];
        var c = ClusterMetrics.Pairwise(Gold, Pred, groups);
        Assert.Equal(new PairCounts(0, 2, 0), c);
        Assert.Equal(0, c.Score.Recall);
    }

    [Fact]
    public void Perfect_clustering_scores_one()
    {
        Assert.Equal(1, ClusterMetrics.BCubed(Gold, Gold).F1, 6);
        Assert.Equal(1, ClusterMetrics.Muc(Gold, Gold).F1, 6);
        Assert.Equal(1, ClusterMetrics.Pairwise(Gold, Gold).Score.F1, 6);
    }

    [Fact]
    public void Singletons_count_for_BCubed_but_not_for_Muc()
    {
        string[] gold = ["a", "b", "c"];
        string[] pred = ["x", "x", "y"];
        Assert.Equal(1, ClusterMetrics.Muc(gold, pred).Recall, 6); // no gold links to find
        Assert.Equal(0, ClusterMetrics.Muc(gold, pred).Precision, 6); // the one predicted link is wrong
        Assert.Equal(1, ClusterMetrics.BCubed(gold, pred).Recall, 6);
        Assert.Equal((0.5 + 0.5 + 1) / 3, ClusterMetrics.BCubed(gold, pred).Precision, 6);
    }
}
