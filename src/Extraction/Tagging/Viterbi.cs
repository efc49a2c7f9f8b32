namespace Extraction.Tagging;

/// <summary>
/// First-order Viterbi over BILOU with the transition constraints of <see cref="Bilou.Allowed"/>: emission scores are
/// <c>n × Stride</c> (labels padded to <see cref="Stride"/>), transitions <c>(Count + 1) × Stride</c> where row
/// <see cref="Bilou.Count"/> is the sentence start. Forbidden transitions carry <see cref="Forbidden"/>.
/// </summary>
public static class Viterbi
{
    public const int Stride = 16;
    public const int StartRow = Bilou.Count;
    public const float Forbidden = -1e30f;

    /// <summary>An additive mask: 0 where a transition is allowed, <see cref="Forbidden"/> where not (start row included).</summary>
    public static readonly float[] Mask = BuildMask();

    /// <summary>For each label, the labels allowed before it (the sentence start excluded).</summary>
    private static readonly int[][] Predecessors = Enumerable.Range(0, Bilou.Count)
        .Select(y => Enumerable.Range(0, Bilou.Count).Where(p => Bilou.Allowed(p, y)).ToArray()).ToArray();

    private static float[] BuildMask()
    {
        var m = new float[(Bilou.Count + 1) * Stride];
        for (int p = 0; p <= Bilou.Count; p++)
            for (int y = 0; y < Stride; y++)
            {
                bool ok = y < Bilou.Count && (p == StartRow ? Bilou.CanStart(y) : Bilou.Allowed(p, y));
                m[p * Stride + y] = ok ? 0 : Forbidden;
            }
        return m;
    }

    /// <summary>Best label sequence for <paramref name="n"/> tokens; <paramref name="back"/> needs <c>n × Stride</c> ints.</summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<int> back, Span<int> labels)
    {
        if (n == 0) return;
        const int L = Bilou.Count;
        Span<float> prev = stackalloc float[Stride];
        Span<float> cur = stackalloc float[Stride];
        for (int y = 0; y < L; y++)
            prev[y] = emissions[y] + transitions[StartRow * Stride + y] + Mask[StartRow * Stride + y];
        for (int i = 1; i < n; i++)
        {
            var e = emissions.Slice(i * Stride, Stride);
            for (int y = 0; y < L; y++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                foreach (int p in Predecessors[y])
                {
                    float v = prev[p] + transitions[p * Stride + y];
                    if (v > best) { best = v; arg = p; }
                }
                cur[y] = best + e[y];
                back[i * Stride + y] = arg;
            }
            cur.CopyTo(prev);
        }
        float top = float.NegativeInfinity;
        int last = 0;
        for (int y = 0; y < L; y++)
        {
            if (!Bilou.CanEnd(y)) continue;
            if (prev[y] > top) { top = prev[y]; last = y; }
        }
        labels[n - 1] = last;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[i * Stride + labels[i]];
    }
}
