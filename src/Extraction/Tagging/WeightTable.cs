using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Extraction.Tagging;

/// <summary>
/// The tagger's feature weights: for each of the 2^<see cref="HashBits"/> feature buckets a row of
/// <see cref="Viterbi.Stride"/> label weights. Training leaves most buckets without any weight, so only rows with one are
/// stored, in bucket order, and a rank index finds them: one bit per bucket ("has a row") and, per 64 buckets, the number
/// of rows before them, interleaved so that a lookup reads one 16-byte cell (256 KB for 2^20 buckets, which stays in the
/// core's cache, where a plain int per bucket took 4 MB). Buckets without a row read row 0, a row of zeros.
/// <para>
/// The weights are kept as 16-bit halves when every one of them is a finite fp16 value (always so for a loaded model: the
/// file stores fp16), otherwise as floats (training's weights). Halves are widened to floats while summing; widening is
/// exact and the sums add the same values in the same order, so both forms give the same sums, bit for bit.
/// </para>
/// <para>
/// The row array is pinned with row 0 on a 64-byte boundary, and a row is 32 bytes (16 halves), 64 (16 floats, or a paired
/// row of halves) or 128 (a paired row of floats), so a row never spans more cache lines than it must. Two tables over the same
/// buckets — the passes of a stacked model, see <see cref="Pair"/> — can share one index and one row array whose rows hold
/// both tables' weights side by side (<c>RowWidth</c> 32, lanes 0 and 16): the first pass's lookup brings the second
/// pass's weights into the cache with it (one cache line for a paired row of halves, two for floats). Immutable and
/// thread-safe.
/// </para>
/// </summary>
public sealed class WeightTable
{
    /// <summary>Per 64 buckets: [presence bits, rows before them] (row numbers start at 1; 0 is the zero row).</summary>
    private readonly ulong[] _index;
    /// <summary>The rows as halves, or null when they are floats (<see cref="_floats"/>).</summary>
    private readonly Half[]? _halves;
    private readonly float[]? _floats;
    /// <summary>Offset in the row array of row 0 plus this table's lane.</summary>
    private readonly int _origin;
    private readonly int _rowWidth;
    private readonly int _bucketMask;
    /// <summary>A row of this table and its partner's spans two cache lines (paired floats).</summary>
    private readonly bool _twoLines;

    private WeightTable(int hashBits, ulong[] index, Half[]? halves, float[]? floats, int origin, int rowWidth, int rowCount,
        bool firstOfPair = false)
    {
        HashBits = hashBits;
        _index = index;
        _halves = halves;
        _floats = floats;
        _origin = origin;
        _rowWidth = rowWidth;
        _twoLines = floats is not null && firstOfPair;
        _bucketMask = (1 << hashBits) - 1;
        RowCount = rowCount;
    }

    public int HashBits { get; }

    /// <summary>Buckets with a non-zero weight in this table.</summary>
    public int RowCount { get; }

    /// <summary>True when the weights are kept as 16-bit halves (see the class comment).</summary>
    public bool HoldsHalves => _halves is not null;

    /// <summary>Memory the table holds (shared with its partner when paired).</summary>
    public long Bytes => (long)_index.Length * sizeof(ulong) + (_halves?.Length ?? 0) * 2L + (_floats?.Length ?? 0) * (long)sizeof(float);

    /// <summary>Writes the weights of <paramref name="bucket"/> (zeros when it has none) into <paramref name="row"/> (<see cref="Viterbi.Stride"/> long).</summary>
    public void ReadRow(int bucket, Span<float> row)
    {
        int at = Offset(bucket);
        if (_floats is not null)
        {
            _floats.AsSpan(at, Viterbi.Stride).CopyTo(row);
            return;
        }
        var halves = _halves.AsSpan(at, Viterbi.Stride);
        for (int y = 0; y < halves.Length; y++) row[y] = (float)halves[y];
    }

    /// <summary>The weights of <paramref name="bucket"/> as a new array (zeros when it has none).</summary>
    public float[] Row(int bucket)
    {
        var row = new float[Viterbi.Stride];
        ReadRow(bucket, row);
        return row;
    }

    /// <summary>Where in the row array the weights of <paramref name="bucket"/> start (for <see cref="AddAt"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Offset(int bucket)
    {
        ref ulong cell = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_index), (nuint)(uint)((bucket & _bucketMask) >> 6) * 2);
        ulong bits = cell;
        int bit = bucket & 63;
        int row = (int)((bits >> bit) & 1) * ((int)Unsafe.Add(ref cell, 1) + BitOperations.PopCount(bits & ((1UL << bit) - 1)));
        return _origin + row * _rowWidth;
    }

    /// <summary>The table of a dense row-major <c>2^hashBits × Stride</c> array (as training builds it).</summary>
    public static WeightTable FromDense(float[] dense, int hashBits)
    {
        int buckets = 1 << hashBits;
        if (dense.Length != buckets * Viterbi.Stride) throw new ArgumentException("weights do not match the hash size", nameof(dense));
        var builder = new Builder(hashBits);
        for (int b = 0; b < buckets; b++)
        {
            var row = dense.AsSpan(b * Viterbi.Stride, Viterbi.Stride);
            if (row.ContainsAnyExcept(0f)) row.CopyTo(builder.Add(b));
        }
        return builder.Build();
    }

    /// <summary>
    /// The table of rows stored sparsely, as the model file does: for each of <paramref name="buckets"/> (increasing, inside
    /// the table) a mask of its non-zero labels (bit y = label y), and those labels' weights one after the other in
    /// <paramref name="values"/> (as many as the masks have bits; the caller checks both).
    /// </summary>
    internal static WeightTable FromSparse(int hashBits, ReadOnlySpan<int> buckets, ReadOnlySpan<ushort> masks, ReadOnlySpan<Half> values)
    {
        foreach (var v in values)
            if (!Half.IsFinite(v)) return SparseAsFloats(hashBits, buckets, masks, values);
        var (index, rows, origin) = Allocate<Half>(hashBits, buckets, Viterbi.Stride);
        int next = 0;
        for (int k = 0; k < buckets.Length; k++)
        {
            var row = rows.AsSpan(origin + (k + 1) * Viterbi.Stride, Viterbi.Stride);
            for (int mask = masks[k]; mask != 0; mask &= mask - 1) row[BitOperations.TrailingZeroCount(mask)] = values[next++];
        }
        return new WeightTable(hashBits, index, rows, null, origin, Viterbi.Stride, buckets.Length);
    }

    /// <summary><see cref="FromSparse"/> through the <see cref="Builder"/>, for weights that are not all finite.</summary>
    private static WeightTable SparseAsFloats(int hashBits, ReadOnlySpan<int> buckets, ReadOnlySpan<ushort> masks, ReadOnlySpan<Half> values)
    {
        var builder = new Builder(hashBits, buckets.Length);
        int next = 0;
        for (int k = 0; k < buckets.Length; k++)
        {
            var row = builder.Add(buckets[k]);
            for (int mask = masks[k]; mask != 0; mask &= mask - 1) row[BitOperations.TrailingZeroCount(mask)] = (float)values[next++];
        }
        return builder.Build();
    }

    /// <summary>Builds a table row by row, buckets in increasing order.</summary>
    public sealed class Builder(int hashBits, int expectedRows = 0)
    {
        private readonly List<int> _buckets = new(expectedRows);
        private readonly List<float> _rows = new(expectedRows * Viterbi.Stride);

        /// <summary>A zeroed row for <paramref name="bucket"/> to fill.</summary>
        public Span<float> Add(int bucket)
        {
            if ((uint)bucket >= 1u << hashBits || (_buckets.Count > 0 && bucket <= _buckets[^1]))
                throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "buckets must increase and lie inside the table");
            _buckets.Add(bucket);
            int at = _rows.Count;
            CollectionsMarshal.SetCount(_rows, at + Viterbi.Stride);
            var row = CollectionsMarshal.AsSpan(_rows).Slice(at, Viterbi.Stride);
            row.Clear();
            return row;
        }

        /// <summary>The table, holding halves when every weight is exactly a finite fp16 value, floats otherwise.</summary>
        public WeightTable Build()
        {
            var buckets = CollectionsMarshal.AsSpan(_buckets);
            var weights = CollectionsMarshal.AsSpan(_rows);
            foreach (var v in weights)
                if (!IsHalf(v))
                {
                    var (index, floats, start) = Allocate<float>(hashBits, buckets, Viterbi.Stride);
                    weights.CopyTo(floats.AsSpan(start + Viterbi.Stride));
                    return new WeightTable(hashBits, index, null, floats, start, Viterbi.Stride, buckets.Length);
                }
            var (idx, halves, origin) = Allocate<Half>(hashBits, buckets, Viterbi.Stride);
            var to = halves.AsSpan(origin + Viterbi.Stride);
            for (int k = 0; k < weights.Length; k++) to[k] = (Half)weights[k];
            return new WeightTable(hashBits, idx, halves, null, origin, Viterbi.Stride, buckets.Length);
        }

        /// <summary>True when <paramref name="v"/> is a finite fp16 value (sign of zero included).</summary>
        private static bool IsHalf(float v) =>
            float.IsFinite(v) && BitConverter.SingleToInt32Bits((float)(Half)v) == BitConverter.SingleToInt32Bits(v);
    }

    /// <summary>
    /// The rank index over <paramref name="buckets"/> (increasing) and a zeroed, pinned row array with room for the zero row and
    /// one <paramref name="rowWidth"/>-wide row per bucket, row 0 starting at <c>origin</c> on a 64-byte boundary.
    /// </summary>
    private static (ulong[] Index, T[] Rows, int Origin) Allocate<T>(int hashBits, ReadOnlySpan<int> buckets, int rowWidth) where T : unmanaged
    {
        var index = new ulong[Math.Max(1, (1 << hashBits) >> 6) * 2];
        foreach (var b in buckets) index[(b >> 6) * 2] |= 1UL << (b & 63);
        ulong before = 1;
        for (int w = 0; w < index.Length; w += 2)
        {
            index[w + 1] = before;
            before += (ulong)BitOperations.PopCount(index[w]);
        }
        int line = 64 / Unsafe.SizeOf<T>();
        var rows = GC.AllocateArray<T>((buckets.Length + 1) * rowWidth + line, pinned: true);
        int misalignment = (int)((nint)Marshal.UnsafeAddrOfPinnedArrayElement(rows, 0) & 63) / Unsafe.SizeOf<T>();
        return (index, rows, (line - misalignment) % line);
    }

    /// <summary>
    /// Tables with the weights of <paramref name="first"/> and <paramref name="second"/> (same hash size) in one shared
    /// index and row array, each row holding both (first in lanes 0–15, second in 16–31), for
    /// <see cref="AddPairAt"/>; halves when both hold halves. Tables already paired with each other are returned as they are.
    /// </summary>
    public static (WeightTable First, WeightTable Second) Pair(WeightTable first, WeightTable second)
    {
        if (first.HashBits != second.HashBits) throw new ArgumentException("paired tables need the same hash size", nameof(second));
        if (first.IsPairedWith(second)) return (first, second);
        var buckets = new List<int>(Math.Max(first.RowCount, second.RowCount));
        for (int w = 0; w < first._index.Length; w += 2)
            for (ulong bits = first._index[w] | second._index[w]; bits != 0; bits &= bits - 1)
                buckets.Add((w >> 1 << 6) + BitOperations.TrailingZeroCount(bits));
        const int width = 2 * Viterbi.Stride, stride = Viterbi.Stride;
        var span = CollectionsMarshal.AsSpan(buckets);
        if (first._halves is not null && second._halves is not null)
        {
            var (index, rows, origin) = Allocate<Half>(first.HashBits, span, width);
            for (int k = 0; k < span.Length; k++)
            {
                var to = rows.AsSpan(origin + (k + 1) * width, width);
                first._halves.AsSpan(first.Offset(span[k]), stride).CopyTo(to);
                second._halves.AsSpan(second.Offset(span[k]), stride).CopyTo(to[stride..]);
            }
            return (new WeightTable(first.HashBits, index, rows, null, origin, width, first.RowCount, firstOfPair: true),
                new WeightTable(first.HashBits, index, rows, null, origin + stride, width, second.RowCount));
        }
        var (idx, floats, start) = Allocate<float>(first.HashBits, span, width);
        for (int k = 0; k < span.Length; k++)
        {
            var to = floats.AsSpan(start + (k + 1) * width, width);
            first.ReadRow(span[k], to);
            second.ReadRow(span[k], to[stride..]);
        }
        return (new WeightTable(first.HashBits, idx, null, floats, start, width, first.RowCount, firstOfPair: true),
            new WeightTable(first.HashBits, idx, null, floats, start + stride, width, second.RowCount));
    }

    /// <summary>True when this table and <paramref name="other"/> are the two halves of one <see cref="Pair"/>.</summary>
    public bool IsPairedWith(WeightTable other) =>
        (_halves is not null ? ReferenceEquals(_halves, other._halves) : ReferenceEquals(_floats, other._floats))
        && _rowWidth == 2 * Viterbi.Stride && Math.Abs(_origin - other._origin) == Viterbi.Stride;

    /// <summary>Sums the rows of <paramref name="buckets"/> into a <see cref="Viterbi.Stride"/>-wide score row, one bucket after the other.</summary>
    public void Accumulate(ReadOnlySpan<int> buckets, Span<float> row)
    {
        var (lo, hi) = (Vector256<float>.Zero, Vector256<float>.Zero);
        foreach (var bucket in buckets)
        {
            int at = Offset(bucket);
            AddAt(new ReadOnlySpan<int>(in at), ref lo, ref hi);
        }
        lo.CopyTo(row);
        hi.CopyTo(row[8..]);
    }

    /// <summary>
    /// Writes the row offsets of the <paramref name="buckets"/> that have a row, in order, into <paramref name="offsets"/> and
    /// returns how many, asking the CPU to start loading those rows (both halves of a paired row) so that they are in the
    /// cache when <see cref="AddAt"/> reads them a little later. Leaving out the zero row changes no sum: the sums start at
    /// +0 and so are never −0, and for every other x, x + 0 is exactly x.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Collect(ReadOnlySpan<int> buckets, Span<int> offsets)
    {
        int m = 0;
        foreach (var bucket in buckets)
        {
            int at = Offset(bucket);
            PrefetchAt(at);
            offsets[m] = at;
            m += at != _origin ? 1 : 0;
        }
        return m;
    }

    /// <summary>Asks the CPU to start loading the row at <paramref name="offset"/> (both halves when this is the first of a pair).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal unsafe void PrefetchAt(int offset)
    {
        if (!Sse.IsSupported) return;
        // The row array is pinned, so its address is stable.
        if (_halves is not null)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_halves), offset)));
            return;
        }
        var p = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_floats!), offset));
        Sse.Prefetch0(p);
        if (_twoLines) Sse.Prefetch0(p + 64);
    }

    /// <summary>Adds the rows at <paramref name="offsets"/> (from <see cref="Collect"/>) to the running sums of lanes 0–7 and 8–15, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddAt(ReadOnlySpan<int> offsets, ref Vector256<float> lo, ref Vector256<float> hi)
    {
        if (_halves is not null)
        {
            ref short h = ref Unsafe.As<Half, short>(ref MemoryMarshal.GetArrayDataReference(_halves));
            if (Avx512BW.IsSupported)
            {
                var sum = Vector512.Create(lo, hi);
                foreach (var offset in offsets) sum = AddWidened(ref h, (nuint)offset, sum);
                (lo, hi) = (sum.GetLower(), sum.GetUpper());
                return;
            }
            foreach (var offset in offsets)
            {
                nuint at = (nuint)offset;
                lo = AddWidened(ref h, at, lo);
                hi = AddWidened(ref h, at + 8, hi);
            }
            return;
        }
        ref float w = ref MemoryMarshal.GetArrayDataReference(_floats!);
        foreach (var offset in offsets)
        {
            nuint at = (nuint)offset;
            lo += Vector256.LoadUnsafe(ref w, at);
            hi += Vector256.LoadUnsafe(ref w, at + 8);
        }
    }

    /// <summary>
    /// For paired tables (<see cref="Pair"/>, this one first; <paramref name="offsets"/> of this table): adds every row of this
    /// table to (<paramref name="lo"/>, <paramref name="hi"/>) and the partner's rows of the first <paramref name="shared"/>
    /// offsets to (<paramref name="lo2"/>, <paramref name="hi2"/>), from the same lookups. The partner's row of an offset
    /// starts <see cref="Viterbi.Stride"/> weights after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddPairAt(ReadOnlySpan<int> offsets, int shared, ref Vector256<float> lo, ref Vector256<float> hi,
        ref Vector256<float> lo2, ref Vector256<float> hi2)
    {
        int k = 0;
        if (_halves is not null)
        {
            ref short h = ref Unsafe.As<Half, short>(ref MemoryMarshal.GetArrayDataReference(_halves));
            if (Avx512BW.IsSupported)
            {
                var (sum, sum2) = (Vector512.Create(lo, hi), Vector512.Create(lo2, hi2));
                for (; k < shared; k++)
                {
                    nuint at = (nuint)offsets[k];
                    sum = AddWidened(ref h, at, sum);
                    sum2 = AddWidened(ref h, at + 16, sum2);
                }
                (lo, hi, lo2, hi2) = (sum.GetLower(), sum.GetUpper(), sum2.GetLower(), sum2.GetUpper());
            }
            for (; k < shared; k++)
            {
                nuint at = (nuint)offsets[k];
                lo = AddWidened(ref h, at, lo);
                hi = AddWidened(ref h, at + 8, hi);
                lo2 = AddWidened(ref h, at + 16, lo2);
                hi2 = AddWidened(ref h, at + 24, hi2);
            }
        }
        else
        {
            ref float w = ref MemoryMarshal.GetArrayDataReference(_floats!);
            for (; k < shared; k++)
            {
                nuint at = (nuint)offsets[k];
                lo += Vector256.LoadUnsafe(ref w, at);
                hi += Vector256.LoadUnsafe(ref w, at + 8);
                lo2 += Vector256.LoadUnsafe(ref w, at + 16);
                hi2 += Vector256.LoadUnsafe(ref w, at + 24);
            }
        }
        AddAt(offsets[k..], ref lo, ref hi);
    }

    /// <summary>2^112: the step from the exponent bias of fp32 (127) to that of fp16 (15).</summary>
    private static readonly float HalfScale = BitConverter.Int32BitsToSingle((127 + 112) << 23);
    /// <summary>After shifting a sign-extended half left by 13: the sign bit and the half's exponent and mantissa bits.</summary>
    private const int HalfBits = unchecked((int)0x8FFF_E000);

    /// <summary>
    /// <paramref name="sum"/> + the 8 finite halves at <paramref name="h"/>[<paramref name="at"/>], widened exactly.
    /// A half (sign, 5-bit exponent, 10-bit mantissa) shifted into a float's bit positions reads as the same value scaled by
    /// 2^−112 (subnormal halves as subnormal floats; ±0 stays ±0), and scaling back by 2^112 is exact, so the sum is rounded
    /// once, as the float path's. A multiply and an add, not a fused multiply–add (the same result): the add alone is on the
    /// chain of sums, and it is the shorter instruction. (.NET 10 has no intrinsic for vcvtph2ps.)
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> AddWidened(ref short h, nuint at, Vector256<float> sum)
    {
        var raw = Vector128.LoadUnsafe(ref h, at);
        var wide = Avx2.IsSupported
            ? Avx2.ConvertToVector256Int32(raw)
            : Vector256.Create(Vector128.WidenLower(raw), Vector128.WidenUpper(raw));
        return sum + ((wide << 13) & Vector256.Create(HalfBits)).AsSingle() * Vector256.Create(HalfScale);
    }

    /// <summary><see cref="AddWidened(ref short, nuint, Vector256{float})"/> for 16 halves at once (AVX-512).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> AddWidened(ref short h, nuint at, Vector512<float> sum)
    {
        var wide = Avx512BW.ConvertToVector512Int32(Vector256.LoadUnsafe(ref h, at));
        return sum + ((wide << 13) & Vector512.Create(HalfBits)).AsSingle() * Vector512.Create(HalfScale);
    }

    /// <summary>
    /// Sums rows of a dense row-major <paramref name="rows"/> array (as training keeps the weights) into <paramref name="row"/>,
    /// in the same order and with the same arithmetic as <see cref="Accumulate"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void SumDense(float[] rows, ReadOnlySpan<int> buckets, Span<float> row)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(rows);
        var a = Vector256<float>.Zero;
        var b = Vector256<float>.Zero;
        foreach (var bucket in buckets)
        {
            nuint at = (nuint)bucket * Viterbi.Stride;
            a += Vector256.LoadUnsafe(ref w, at);
            b += Vector256.LoadUnsafe(ref w, at + 8);
        }
        a.CopyTo(row);
        b.CopyTo(row[8..]);
    }

    /// <summary>Same hash size and the same weight in every bucket.</summary>
    public bool SameAs(WeightTable other)
    {
        if (HashBits != other.HashBits || RowCount != other.RowCount) return false;
        Span<float> mine = stackalloc float[Viterbi.Stride], theirs = stackalloc float[Viterbi.Stride];
        for (int b = 0; b < 1 << HashBits; b++)
        {
            ReadRow(b, mine);
            other.ReadRow(b, theirs);
            if (!mine.SequenceEqual(theirs)) return false;
        }
        return true;
    }
}
