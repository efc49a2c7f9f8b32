using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Extraction.Tagging;

/// <summary>
/// First-order Viterbi over BILOU with the transition constraints of <see cref="Bilou.Allowed"/>: emission scores are
/// <c>n × Stride</c> (labels padded to <see cref="Stride"/>), transitions <c>Stride × Stride</c> (<see cref="TransitionLength"/>)
/// where row p is the previous label and row <see cref="StartRow"/> the sentence start. A model has 13 labels
/// (<see cref="Bilou.Count"/>) or 14 (<see cref="Bilou.CountWithOther"/>); lanes past them are never chosen.
/// </summary>
public static class Viterbi
{
    public const int Stride = 16;
    /// <summary>The transition row of the sentence start (the last row; no label uses it).</summary>
    public const int StartRow = Stride - 1;
    /// <summary>Length of a transition table.</summary>
    public const int TransitionLength = Stride * Stride;
    public const float Forbidden = -1e30f;

    private static readonly float[] Mask13 = BuildMask(Bilou.Count), Mask14 = BuildMask(Bilou.CountWithOther);
    private static readonly int[] AllowedBits13 = BuildAllowedBits(Bilou.Count), AllowedBits14 = BuildAllowedBits(Bilou.CountWithOther);

    /// <summary>
    /// An additive mask for a model of <paramref name="labelCount"/> labels: 0 where a transition is allowed,
    /// <see cref="Forbidden"/> where not (start row included).
    /// </summary>
    public static float[] Mask(int labelCount) => labelCount == Bilou.CountWithOther ? Mask14 : Mask13;

    private static float[] BuildMask(int labels)
    {
        var m = new float[TransitionLength];
        for (int p = 0; p < Stride; p++)
            for (int y = 0; y < Stride; y++)
            {
                bool ok = y < labels && (p == StartRow ? Bilou.CanStart(y) : p < labels && Bilou.Allowed(p, y));
                m[p * Stride + y] = ok ? 0 : Forbidden;
            }
        return m;
    }

    /// <summary>Per previous label p, lanes y: all bits set where p → y is allowed (the sentence start excluded).</summary>
    private static int[] BuildAllowedBits(int labels)
    {
        var bits = new int[labels * Stride];
        for (int p = 0; p < labels; p++)
            for (int y = 0; y < labels; y++)
                bits[p * Stride + y] = Bilou.Allowed(p, y) ? -1 : 0;
        return bits;
    }

    /// <summary>
    /// Best label sequence for <paramref name="n"/> tokens of a model with <paramref name="labelCount"/> labels;
    /// <paramref name="back"/> needs <c>n × Stride</c> ints.
    /// All 16 labels are scored at once: for each previous label p in increasing order, a label y takes p when
    /// <c>prev[p] + transition[p, y]</c> is strictly greater than its best so far over allowed p (ties keep the lower p).
    /// </summary>
    public static void Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, int n, Span<int> back, Span<int> labels,
        int labelCount = Bilou.Count)
    {
        if (n == 0) return;
        int L = labelCount == Bilou.CountWithOther ? Bilou.CountWithOther : Bilou.Count;
        var mask = Mask(L);
        Span<float> prev = stackalloc float[Stride];
        for (int y = 0; y < L; y++)
            prev[y] = emissions[y] + transitions[StartRow * Stride + y] + mask[StartRow * Stride + y];
        ref int allowed = ref MemoryMarshal.GetArrayDataReference(L == Bilou.Count ? AllowedBits13 : AllowedBits14);
        ref float trans = ref MemoryMarshal.GetReference(transitions);
        var negInf = Vector256.Create(float.NegativeInfinity);
        for (int i = 1; i < n; i++)
        {
            var bestLo = negInf;
            var bestHi = negInf;
            var argLo = Vector256<int>.Zero;
            var argHi = Vector256<int>.Zero;
            for (int p = 0; p < L; p++)
            {
                var from = Vector256.Create(prev[p]);
                nuint at = (nuint)(p * Stride);
                var lo = Vector256.ConditionalSelect(Vector256.LoadUnsafe(ref allowed, at).AsSingle(), from + Vector256.LoadUnsafe(ref trans, at), negInf);
                var hi = Vector256.ConditionalSelect(Vector256.LoadUnsafe(ref allowed, at + 8).AsSingle(), from + Vector256.LoadUnsafe(ref trans, at + 8), negInf);
                var gtLo = Vector256.GreaterThan(lo, bestLo);
                var gtHi = Vector256.GreaterThan(hi, bestHi);
                var pv = Vector256.Create(p);
                bestLo = Vector256.ConditionalSelect(gtLo, lo, bestLo);
                bestHi = Vector256.ConditionalSelect(gtHi, hi, bestHi);
                argLo = Vector256.ConditionalSelect(gtLo.AsInt32(), pv, argLo);
                argHi = Vector256.ConditionalSelect(gtHi.AsInt32(), pv, argHi);
            }
            var e = emissions.Slice(i * Stride, Stride);
            (bestLo + Vector256.Create(e)).CopyTo(prev);
            (bestHi + Vector256.Create(e[8..])).CopyTo(prev[8..]);
            argLo.CopyTo(back.Slice(i * Stride, 8));
            argHi.CopyTo(back.Slice(i * Stride + 8, 8));
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
