using Extraction.Tagging;

namespace Extraction.Tests.Tagging;

public class BilouTests
{
    [Fact]
    public void Encode_and_decode_round_trip()
    {
        var labels = new int[7];
        (int, int, int)[] spans = [(0, 1, 0), (2, 5, 1), (5, 7, 2)];
        Bilou.Encode(spans, labels);
        Assert.Equal(["U-PER", "O", "B-ORG", "I-ORG", "L-ORG", "B-LOC", "L-LOC"], labels.Select(Bilou.Name));
        var decoded = new List<(int, int, int)> { (9, 9, 9) };
        Bilou.Decode(labels, decoded);
        Assert.Equal(spans, decoded);
    }

    [Fact]
    public void Constraints_forbid_broken_entities()
    {
        int bPer = Bilou.Label(0, 0), iPer = Bilou.Label(0, 1), lPer = Bilou.Label(0, 2), uPer = Bilou.Label(0, 3), lOrg = Bilou.Label(1, 2);
        Assert.True(Bilou.Allowed(bPer, iPer));
        Assert.True(Bilou.Allowed(bPer, lPer));
        Assert.False(Bilou.Allowed(bPer, lOrg));
        Assert.False(Bilou.Allowed(bPer, Bilou.O));
        Assert.False(Bilou.Allowed(Bilou.O, iPer));
        Assert.True(Bilou.Allowed(uPer, bPer));
        Assert.False(Bilou.CanStart(lPer));
        Assert.False(Bilou.CanEnd(bPer));
    }

    [Fact]
    public void Viterbi_respects_constraints_even_against_emissions()
    {
        // Token 0 prefers B-PER, token 1 prefers O: B-PER O is forbidden, so the best legal path is chosen.
        var e = new float[2 * Viterbi.Stride];
        e[Bilou.Label(0, 0)] = 5;
        e[Viterbi.Stride + Bilou.O] = 3;
        e[Viterbi.Stride + Bilou.Label(0, 2)] = 1;
        var labels = new int[2];
        Viterbi.Decode(e, new float[Viterbi.TransitionLength], 2, new int[2 * Viterbi.Stride], labels);
        Assert.Equal(["B-PER", "L-PER"], labels.Select(Bilou.Name));
    }

    [Fact]
    public void Other_label_fills_its_tokens_constrains_like_O_and_is_never_a_span()
    {
        var labels = new int[5];
        Bilou.Encode([(0, 2, Bilou.OtherType), (2, 3, 0), (3, 5, Bilou.OtherType)], labels);
        Assert.Equal(["X", "X", "U-PER", "X", "X"], labels.Select(Bilou.Name));
        var decoded = new List<(int, int, int)>();
        Bilou.Decode(labels, decoded);
        Assert.Equal([(2, 3, 0)], decoded);
        int bPer = Bilou.Label(0, 0), iPer = Bilou.Label(0, 1), uLoc = Bilou.Label(2, 3);
        Assert.True(Bilou.CanStart(Bilou.Other) && Bilou.CanEnd(Bilou.Other));
        Assert.True(Bilou.Allowed(Bilou.Other, bPer) && Bilou.Allowed(uLoc, Bilou.Other) && Bilou.Allowed(Bilou.Other, Bilou.Other));
        Assert.False(Bilou.Allowed(bPer, Bilou.Other));
        Assert.False(Bilou.Allowed(Bilou.Other, iPer));
        Assert.Equal([.. Bilou.Names, "X"], Bilou.NamesWithOther);
    }

    [Fact]
    public void Viterbi_chooses_X_only_in_a_model_that_has_it()
    {
        var e = new float[2 * Viterbi.Stride];
        e[Bilou.Other] = 5;
        e[Bilou.O] = 1;
        e[Viterbi.Stride + Bilou.Other] = 5;
        e[Viterbi.Stride + Bilou.O] = 1;
        var labels = new int[2];
        Viterbi.Decode(e, new float[Viterbi.TransitionLength], 2, new int[2 * Viterbi.Stride], labels, Bilou.CountWithOther);
        Assert.Equal(["X", "X"], labels.Select(Bilou.Name));
        Viterbi.Decode(e, new float[Viterbi.TransitionLength], 2, new int[2 * Viterbi.Stride], labels, Bilou.Count);
        Assert.Equal(["O", "O"], labels.Select(Bilou.Name));
    }
}
