using Extraction.Tagging;

namespace Extraction.Tests.Tagging;

public class MarginalsTests
{
    [Theory]
    [InlineData(Bilou.Count)]
    [InlineData(Bilou.CountWithOther)]
    public void Match_brute_force_enumeration_of_legal_label_sequences(int L)
    {
        const int n = 3, S = Viterbi.Stride;
        var rng = new Random(5);
        var e = new float[n * S];
        var t = new float[Viterbi.TransitionLength];
        for (int i = 0; i < e.Length; i++) e[i] = (float)(rng.NextDouble() * 6 - 3);
        for (int i = 0; i < t.Length; i++) t[i] = (float)(rng.NextDouble() * 4 - 2);
        const float temperature = 2f;

        var expected = new double[n * S];
        double z = 0;
        for (int a = 0; a < L; a++)
            for (int b = 0; b < L; b++)
                for (int c = 0; c < L; c++)
                {
                    if (!Bilou.CanStart(a) || !Bilou.Allowed(a, b) || !Bilou.Allowed(b, c) || !Bilou.CanEnd(c)) continue;
                    double score = t[Viterbi.StartRow * S + a] + e[a] + t[a * S + b] + e[S + b] + t[b * S + c] + e[2 * S + c];
                    double w = Math.Exp(score / temperature);
                    z += w;
                    expected[a] += w; expected[S + b] += w; expected[2 * S + c] += w;
                }

        var marginals = new float[n * S];
        Marginals.Compute(e, t, n, temperature, new float[2 * n * S], marginals, L);
        for (int i = 0; i < n; i++)
            for (int y = 0; y < S; y++)
                Assert.Equal(y < L ? expected[i * S + y] / z : 0, marginals[i * S + y], 4);
    }

    [Fact]
    public void Forbidden_labels_get_no_mass()
    {
        var e = new float[Viterbi.Stride];
        e[Bilou.Label(0, 1)] = 50; // I-PER alone is illegal however strong
        var m = new float[Viterbi.Stride];
        Marginals.Compute(e, new float[Viterbi.TransitionLength], 1, 1f, new float[2 * Viterbi.Stride], m);
        Assert.Equal(0f, m[Bilou.Label(0, 1)]);
        Assert.Equal(1f, m.AsSpan(0, Bilou.Count).ToArray().Sum(), 4);
    }

    [Fact]
    public void A_range_of_tokens_gets_the_same_bits_as_the_whole_sentence()
    {
        const int n = 9, S = Viterbi.Stride;
        var rng = new Random(7);
        var e = new float[n * S];
        var t = new float[Viterbi.TransitionLength];
        for (int i = 0; i < e.Length; i++) e[i] = (float)(rng.NextDouble() * 20 - 10);
        for (int i = 0; i < t.Length; i++) t[i] = (float)(rng.NextDouble() * 8 - 4);
        var all = new float[n * S];
        Marginals.Compute(e, t, n, 3f, new float[2 * n * S], all);
        var some = new float[n * S];
        Marginals.FromPotentials(e, Marginals.Potentials(t, 3f), n, 3f, new float[2 * n * S], some, 3, 6);
        Assert.Equal(all.AsSpan(3 * S, 3 * S).ToArray(), some.AsSpan(3 * S, 3 * S).ToArray());
    }
}
