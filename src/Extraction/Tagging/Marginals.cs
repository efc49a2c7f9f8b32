using System.Runtime.Intrinsics;

namespace Extraction.Tagging;

/// <summary>
/// Label marginals of a linear-chain model by scaled forward–backward: the perceptron's scores divided by a temperature
/// are treated as CRF potentials (forbidden BILOU transitions get probability 0). Gives the stage a calibrated-ish
/// confidence for each predicted span; the temperature is fitted on dev data at training time.
/// </summary>
public static class Marginals
{
    /// <summary>
    /// Writes P(label_i = y) into <paramref name="marginals"/> (<c>n × Stride</c>) for emissions and transitions laid out as in
    /// <see cref="Viterbi.Decode"/>; <paramref name="work"/> needs <c>2 × n × Stride</c> floats.
    /// </summary>
    public static void Compute(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, float temperature,
        Span<float> work, Span<float> marginals, int labelCount = Bilou.Count) =>
        FromPotentials(emissions, Potentials(transitions, temperature, labelCount), n, temperature, work, marginals, 0, n, labelCount);

    /// <summary>
    /// The transition potentials <see cref="FromPotentials"/> needs for a model of <paramref name="labelCount"/> labels —
    /// exp(transition / temperature), 0 where forbidden, <see cref="Viterbi.TransitionLength"/> long — then their transpose (without the start row). A model computes
    /// them once. Padding lanes (y ≥ labels) stay 0, so every vector in the recursions has zeros there and sums over all 16
    /// lanes are sums over the labels.
    /// </summary>
    public static float[] Potentials(ReadOnlySpan<float> transitions, float temperature, int labelCount = Bilou.Count)
    {
        const int S = Viterbi.Stride, T = Viterbi.TransitionLength;
        int L = labelCount;
        var mask = Viterbi.Mask(L);
        float inv = 1f / temperature;
        var potentials = new float[2 * T];
        var trans = potentials.AsSpan(0, T);
        var transT = potentials.AsSpan(T);
        for (int p = 0; p < S; p++)
        {
            if (p >= L && p != Viterbi.StartRow) continue;
            for (int y = 0; y < L; y++)
            {
                float v = mask[p * S + y] < 0 ? 0f : MathF.Exp(transitions[p * S + y] * inv);
                trans[p * S + y] = v;
                if (p < L) transT[y * S + p] = v;
            }
        }
        return potentials;
    }

    /// <summary>
    /// <see cref="Compute"/> with the model's <see cref="Potentials"/> computed beforehand, for the tokens
    /// [<paramref name="from"/>, <paramref name="to"/>) only (the tagger asks for the span of its entities): the forward
    /// recursion stops after them and the backward one before them, and the other rows of <paramref name="marginals"/> are
    /// left undefined. The rows computed are the same, bit for bit, as with the whole range.
    /// </summary>
    public static void FromPotentials(ReadOnlySpan<float> emissions, ReadOnlySpan<float> potentials, int n, float temperature,
        Span<float> work, Span<float> marginals, int from, int to, int labelCount = Bilou.Count)
    {
        const int S = Viterbi.Stride, T = Viterbi.TransitionLength;
        int L = labelCount;
        float inv = 1f / temperature;
        var alpha = work[..(n * S)];
        var beta = work.Slice(n * S, n * S);
        var trans = potentials[..T];
        var transT = potentials[T..];
        // Emission potentials, scaled per token by the row maximum (the scale cancels in the marginals).
        var valid = Vector256.Create(-1, -1, -1, -1, -1, L > 13 ? -1 : 0, L > 14 ? -1 : 0, L > 15 ? -1 : 0).AsSingle();
        var scale = Vector256.Create(inv);
        for (int i = 0; i < n; i++)
        {
            var e = emissions.Slice(i * S, S);
            float max = float.NegativeInfinity;
            for (int y = 0; y < L; y++) max = MathF.Max(max, e[y]);
            var m = Vector256.Create(max);
            Store(marginals, i,
                Vector256.Exp((Vector256.Create(e) - m) * scale),
                Vector256.Exp((Vector256.Create(e[8..]) - m) * scale) & valid);
        }
        // Forward, normalised at each step: alpha_i = (alpha_{i-1} · trans) ⊙ potential_i.
        Store(alpha, 0, Lo(trans, Viterbi.StartRow) * Lo(marginals, 0), Hi(trans, Viterbi.StartRow) * Hi(marginals, 0));
        Normalise(alpha, 0, L);
        for (int i = 1; i < to; i++)
        {
            var lo = Vector256<float>.Zero;
            var hi = Vector256<float>.Zero;
            for (int p = 0; p < L; p++)
            {
                var a = Vector256.Create(alpha[(i - 1) * S + p]);
                lo += a * Lo(trans, p);
                hi += a * Hi(trans, p);
            }
            Store(alpha, i, lo * Lo(marginals, i), hi * Hi(marginals, i));
            Normalise(alpha, i, L);
        }
        // Backward (the last token must end any entity): beta_i = trans · (potential_{i+1} ⊙ beta_{i+1}).
        for (int y = 0; y < S; y++) beta[(n - 1) * S + y] = y < L && Bilou.CanEnd(y) ? 1f : 0f;
        Span<float> next = stackalloc float[S];
        for (int i = n - 2; i >= from; i--)
        {
            Store(next, 0, Lo(marginals, i + 1) * Lo(beta, i + 1), Hi(marginals, i + 1) * Hi(beta, i + 1));
            var lo = Vector256<float>.Zero;
            var hi = Vector256<float>.Zero;
            for (int y = 0; y < L; y++)
            {
                var v = Vector256.Create(next[y]);
                lo += v * Lo(transT, y);
                hi += v * Hi(transT, y);
            }
            Store(beta, i, lo, hi);
            Normalise(beta, i, L);
        }
        for (int i = from; i < to; i++)
        {
            Store(marginals, i, Lo(alpha, i) * Lo(beta, i), Hi(alpha, i) * Hi(beta, i));
            Normalise(marginals, i, L);
        }
    }

    private static Vector256<float> Lo(ReadOnlySpan<float> rows, int row) => Vector256.Create(rows.Slice(row * Viterbi.Stride, 8));

    private static Vector256<float> Hi(ReadOnlySpan<float> rows, int row) => Vector256.Create(rows.Slice(row * Viterbi.Stride + 8, 8));

    private static void Store(Span<float> rows, int row, Vector256<float> lo, Vector256<float> hi)
    {
        lo.CopyTo(rows.Slice(row * Viterbi.Stride, 8));
        hi.CopyTo(rows.Slice(row * Viterbi.Stride + 8, 8));
    }

    /// <summary>Scales row <paramref name="row"/> to sum 1 over the labels (uniform when it has no mass).</summary>
    private static void Normalise(Span<float> rows, int row, int labels)
    {
        var lo = Lo(rows, row);
        var hi = Hi(rows, row);
        float sum = Vector256.Sum(lo + hi);
        if (sum <= 0 || float.IsNaN(sum))
        {
            var label = rows.Slice(row * Viterbi.Stride, Viterbi.Stride);
            label.Clear();
            label[..labels].Fill(1f / labels);
            return;
        }
        var inv = Vector256.Create(1f / sum);
        Store(rows, row, lo * inv, hi * inv);
    }
}
