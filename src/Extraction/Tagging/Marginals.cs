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
        Span<float> work, Span<float> marginals)
    {
        const int S = Viterbi.Stride, L = Bilou.Count;
        float inv = 1f / temperature;
        var alpha = work[..(n * S)];
        var beta = work.Slice(n * S, n * S);
        Span<float> trans = stackalloc float[(L + 1) * S];
        for (int p = 0; p <= L; p++)
            for (int y = 0; y < L; y++)
                trans[p * S + y] = Viterbi.Mask[p * S + y] < 0 ? 0f : MathF.Exp(transitions[p * S + y] * inv);
        // Emission potentials, scaled per token by the row maximum (the scale cancels in the marginals).
        for (int i = 0; i < n; i++)
        {
            var e = emissions.Slice(i * S, S);
            float max = float.NegativeInfinity;
            for (int y = 0; y < L; y++) max = MathF.Max(max, e[y]);
            for (int y = 0; y < L; y++) marginals[i * S + y] = MathF.Exp((e[y] - max) * inv);
        }
        // Forward, normalised at each step.
        for (int y = 0; y < L; y++) alpha[y] = trans[Viterbi.StartRow * S + y] * marginals[y];
        Normalise(alpha[..L]);
        for (int i = 1; i < n; i++)
        {
            for (int y = 0; y < L; y++)
            {
                float s = 0;
                for (int p = 0; p < L; p++) s += alpha[(i - 1) * S + p] * trans[p * S + y];
                alpha[i * S + y] = s * marginals[i * S + y];
            }
            Normalise(alpha.Slice(i * S, L));
        }
        // Backward: the last token must end any entity.
        for (int y = 0; y < L; y++) beta[(n - 1) * S + y] = Bilou.CanEnd(y) ? 1f : 0f;
        for (int i = n - 2; i >= 0; i--)
        {
            for (int p = 0; p < L; p++)
            {
                float s = 0;
                for (int y = 0; y < L; y++) s += trans[p * S + y] * marginals[(i + 1) * S + y] * beta[(i + 1) * S + y];
                beta[i * S + p] = s;
            }
            Normalise(beta.Slice(i * S, L));
        }
        for (int i = 0; i < n; i++)
        {
            var m = marginals.Slice(i * S, S);
            for (int y = 0; y < L; y++) m[y] = alpha[i * S + y] * beta[i * S + y];
            Normalise(m[..L]);
        }
    }

    private static void Normalise(Span<float> v)
    {
        float sum = 0;
        foreach (var x in v) sum += x;
        if (sum <= 0 || float.IsNaN(sum)) { v.Fill(1f / v.Length); return; }
        float inv = 1f / sum;
        for (int i = 0; i < v.Length; i++) v[i] *= inv;
    }
}
