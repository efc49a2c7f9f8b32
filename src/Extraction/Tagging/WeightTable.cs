using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Extraction.Tagging;

/// <summary>
/// The tagger's feature weights: for each of the 2^<see cref="HashBits"/> feature buckets a row of
/// <see cref="Viterbi.Stride"/> label weights. Training leaves most buckets without any weight, so only rows with one are
/// stored: <c>rowOf[bucket]</c> is the row's index in <c>rows</c>, and 0 is a shared row of zeros. For the shipped models
/// this is a 4 MB index plus the used rows instead of a dense 64 MB table per language, and lookups touch less memory.
/// Immutable and thread-safe.
/// </summary>
public sealed class WeightTable
{
    private readonly int[] _rowOf;
    private readonly float[] _rows;

    private WeightTable(int hashBits, int[] rowOf, float[] rows)
    {
        HashBits = hashBits;
        _rowOf = rowOf;
        _rows = rows;
    }

    public int HashBits { get; }

    /// <summary>Buckets with a stored row.</summary>
    public int RowCount => _rows.Length / Viterbi.Stride - 1;

    /// <summary>Memory the table holds.</summary>
    public long Bytes => (long)_rowOf.Length * sizeof(int) + (long)_rows.Length * sizeof(float);

    /// <summary>The weights of <paramref name="bucket"/> (zeros when it has none).</summary>
    public ReadOnlySpan<float> Row(int bucket) => _rows.AsSpan(_rowOf[bucket] * Viterbi.Stride, Viterbi.Stride);

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
        private readonly int[] _rowOf = new int[1 << hashBits];
        private readonly List<float> _rows = NewRows(expectedRows);
        private int _last = -1;

        /// <summary>A zeroed row for <paramref name="bucket"/> to fill.</summary>
        public Span<float> Add(int bucket)
        {
            if ((uint)bucket >= (uint)_rowOf.Length || bucket <= _last) throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "buckets must increase and lie inside the table");
            _last = bucket;
            _rowOf[bucket] = _rows.Count / Viterbi.Stride;
            int at = _rows.Count;
            CollectionsMarshal.SetCount(_rows, at + Viterbi.Stride);
            var row = CollectionsMarshal.AsSpan(_rows).Slice(at, Viterbi.Stride);
            row.Clear();
            return row;
        }

        public WeightTable Build() => new(hashBits, _rowOf, [.. _rows]);

        private static List<float> NewRows(int expectedRows)
        {
            var rows = new List<float>((expectedRows + 1) * Viterbi.Stride);
            CollectionsMarshal.SetCount(rows, Viterbi.Stride);
            return rows;
        }
    }

    /// <summary>Sums the rows of <paramref name="buckets"/> into a <see cref="Viterbi.Stride"/>-wide score row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Accumulate(ReadOnlySpan<int> buckets, Span<float> row) => Sum(_rows, _rowOf, buckets, row);

    /// <summary>
    /// Sums rows of <paramref name="rows"/> (row-major, <see cref="Viterbi.Stride"/> wide) into <paramref name="row"/>: for each
    /// bucket the row <c>rowOf[bucket]</c>, or row <c>bucket</c> itself when <paramref name="rowOf"/> is null (a dense table).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Sum(float[] rows, int[]? rowOf, ReadOnlySpan<int> buckets, Span<float> row)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ref float w = ref MemoryMarshal.GetArrayDataReference(rows);
            var a = Vector256<float>.Zero;
            var b = Vector256<float>.Zero;
            foreach (var bucket in buckets)
            {
                nuint at = (nuint)(rowOf is null ? bucket : rowOf[bucket]) * Viterbi.Stride;
                a += Vector256.LoadUnsafe(ref w, at);
                b += Vector256.LoadUnsafe(ref w, at + 8);
            }
            a.CopyTo(row);
            b.CopyTo(row[8..]);
            return;
        }
        row[..Viterbi.Stride].Clear();
        foreach (var bucket in buckets)
        {
            var src = rows.AsSpan((rowOf is null ? bucket : rowOf[bucket]) * Viterbi.Stride, Viterbi.Stride);
            for (int y = 0; y < Viterbi.Stride; y++) row[y] += src[y];
        }
    }

    /// <summary>Same hash size and the same weight in every bucket.</summary>
    public bool SameAs(WeightTable other)
    {
        if (HashBits != other.HashBits || RowCount != other.RowCount) return false;
        for (int b = 0; b < _rowOf.Length; b++)
            if (!Row(b).SequenceEqual(other.Row(b))) return false;
        return true;
    }
}
