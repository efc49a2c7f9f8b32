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
/// Rows start on 64-byte boundaries (the row array is pinned), so a row is one cache line. Two tables over the same
/// buckets — the passes of a stacked model, see <see cref="Pair"/> — can share one index and one row array whose rows hold
/// both tables' weights side by side (<c>RowWidth</c> 32, lanes 0 and 16): the first pass's lookup brings the second
/// pass's weights into the cache with it. Immutable and thread-safe.
/// </para>
/// </summary>
public sealed class WeightTable
{
    /// <summary>Per 64 buckets: [presence bits, rows before them] (row numbers start at 1; 0 is the zero row).</summary>
    private readonly ulong[] _index;
    private readonly float[] _rows;
    /// <summary>Offset in <see cref="_rows"/> of row 0 plus this table's lane.</summary>
    private readonly int _origin;
    private readonly int _rowWidth;
    private readonly int _bucketMask;
    private readonly bool _firstOfPair;

    private WeightTable(int hashBits, ulong[] index, float[] rows, int origin, int rowWidth, int rowCount, bool firstOfPair = false)
    {
        _firstOfPair = firstOfPair;
        HashBits = hashBits;
        _index = index;
        _rows = rows;
        _origin = origin;
        _rowWidth = rowWidth;
        _bucketMask = (1 << hashBits) - 1;
        RowCount = rowCount;
    }

    public int HashBits { get; }

    /// <summary>Buckets with a non-zero weight in this table.</summary>
    public int RowCount { get; }

    /// <summary>Memory the table holds (shared with its partner when paired).</summary>
    public long Bytes => (long)_index.Length * sizeof(ulong) + (long)_rows.Length * sizeof(float);

    /// <summary>The weights of <paramref name="bucket"/> (zeros when it has none).</summary>
    public ReadOnlySpan<float> Row(int bucket) => _rows.AsSpan(Offset(bucket), Viterbi.Stride);

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

        public WeightTable Build()
        {
            var buckets = CollectionsMarshal.AsSpan(_buckets);
            var (index, rows, origin) = Allocate(hashBits, buckets, Viterbi.Stride);
            CollectionsMarshal.AsSpan(_rows).CopyTo(rows.AsSpan(origin + Viterbi.Stride));
            return new WeightTable(hashBits, index, rows, origin, Viterbi.Stride, buckets.Length);
        }
    }

    /// <summary>
    /// The rank index over <paramref name="buckets"/> (increasing) and a zeroed, pinned row array with room for the zero row and
    /// one <paramref name="rowWidth"/>-wide row per bucket, row 0 starting at <c>origin</c> on a 64-byte boundary.
    /// </summary>
    private static (ulong[] Index, float[] Rows, int Origin) Allocate(int hashBits, ReadOnlySpan<int> buckets, int rowWidth)
    {
        var index = new ulong[Math.Max(1, (1 << hashBits) >> 6) * 2];
        foreach (var b in buckets) index[(b >> 6) * 2] |= 1UL << (b & 63);
        ulong before = 1;
        for (int w = 0; w < index.Length; w += 2)
        {
            index[w + 1] = before;
            before += (ulong)BitOperations.PopCount(index[w]);
        }
        const int line = 64 / sizeof(float);
        var rows = GC.AllocateArray<float>((buckets.Length + 1) * rowWidth + line, pinned: true);
        int misalignment = (int)((nint)Marshal.UnsafeAddrOfPinnedArrayElement(rows, 0) & 63) / sizeof(float);
        return (index, rows, (line - misalignment) % line);
    }

    /// <summary>
    /// Tables with the weights of <paramref name="first"/> and <paramref name="second"/> (same hash size) in one shared
    /// index and row array, each row holding both (first in lanes 0–15, second in 16–31), for
    /// <see cref="AccumulatePair"/>. Tables already paired with each other are returned as they are.
    /// </summary>
    public static (WeightTable First, WeightTable Second) Pair(WeightTable first, WeightTable second)
    {
        if (first.HashBits != second.HashBits) throw new ArgumentException("paired tables need the same hash size", nameof(second));
        if (first.IsPairedWith(second)) return (first, second);
        var buckets = new List<int>(Math.Max(first.RowCount, second.RowCount));
        for (int w = 0; w < first._index.Length; w += 2)
            for (ulong bits = first.Presence(w) | second.Presence(w); bits != 0; bits &= bits - 1)
                buckets.Add((w >> 1 << 6) + BitOperations.TrailingZeroCount(bits));
        const int width = 2 * Viterbi.Stride;
        var (index, rows, origin) = Allocate(first.HashBits, CollectionsMarshal.AsSpan(buckets), width);
        for (int k = 0; k < buckets.Count; k++)
        {
            var to = rows.AsSpan(origin + (k + 1) * width, width);
            first.Row(buckets[k]).CopyTo(to);
            second.Row(buckets[k]).CopyTo(to[Viterbi.Stride..]);
        }
        return (new WeightTable(first.HashBits, index, rows, origin, width, first.RowCount, firstOfPair: true),
            new WeightTable(first.HashBits, index, rows, origin + Viterbi.Stride, width, second.RowCount));
    }

    private ulong Presence(int cell) => _index[cell];

    /// <summary>True when this table and <paramref name="other"/> are the two halves of one <see cref="Pair"/>.</summary>
    public bool IsPairedWith(WeightTable other) => ReferenceEquals(_rows, other._rows) && _rowWidth == 2 * Viterbi.Stride
        && Math.Abs(_origin - other._origin) == Viterbi.Stride;

    /// <summary>Sums the rows of <paramref name="buckets"/> into a <see cref="Viterbi.Stride"/>-wide score row.</summary>
    public void Accumulate(ReadOnlySpan<int> buckets, Span<float> row)
    {
        var (lo, hi) = (Vector256<float>.Zero, Vector256<float>.Zero);
        Add(buckets, ref lo, ref hi);
        lo.CopyTo(row);
        hi.CopyTo(row[8..]);
    }

    /// <summary>Adds the rows of <paramref name="buckets"/> to the running sums of lanes 0–7 and 8–15, one bucket after the other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Add(ReadOnlySpan<int> buckets, ref Vector256<float> lo, ref Vector256<float> hi)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_rows);
        foreach (var bucket in buckets)
        {
            nuint at = (nuint)Offset(bucket);
            lo += Vector256.LoadUnsafe(ref w, at);
            hi += Vector256.LoadUnsafe(ref w, at + 8);
        }
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
        var p = (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_rows), offset));
        Sse.Prefetch0(p);
        if (_firstOfPair) Sse.Prefetch0(p + 64);
    }

    /// <summary>Adds the rows at <paramref name="offsets"/> (from <see cref="Collect"/>) to the running sums, in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddAt(ReadOnlySpan<int> offsets, ref Vector256<float> lo, ref Vector256<float> hi)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_rows);
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
    /// starts <see cref="Viterbi.Stride"/> floats after it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void AddPairAt(ReadOnlySpan<int> offsets, int shared, ref Vector256<float> lo, ref Vector256<float> hi,
        ref Vector256<float> lo2, ref Vector256<float> hi2)
    {
        ref float w = ref MemoryMarshal.GetArrayDataReference(_rows);
        int k = 0;
        for (; k < shared; k++)
        {
            nuint at = (nuint)offsets[k];
            lo += Vector256.LoadUnsafe(ref w, at);
            hi += Vector256.LoadUnsafe(ref w, at + 8);
            lo2 += Vector256.LoadUnsafe(ref w, at + 16);
            hi2 += Vector256.LoadUnsafe(ref w, at + 24);
        }
        AddAt(offsets[k..], ref lo, ref hi);
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
        for (int b = 0; b < 1 << HashBits; b++)
            if (!Row(b).SequenceEqual(other.Row(b))) return false;
        return true;
    }
}
