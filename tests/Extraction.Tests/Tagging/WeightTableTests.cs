using System.Runtime.Intrinsics;
using Extraction.Tagging;

namespace Extraction.Tests.Tagging;

public sealed class WeightTableTests
{
    private static float[] Dense(int hashBits, params (int Bucket, int Label, float Value)[] cells)
    {
        var dense = new float[(1 << hashBits) * Viterbi.Stride];
        foreach (var (b, y, v) in cells) dense[b * Viterbi.Stride + y] = v;
        return dense;
    }

    /// <summary>A dense table whose non-zero weights are random finite fp16 values of every kind (normal, subnormal, ±0 beside others, ±65504).</summary>
    private static float[] RandomHalves(int hashBits, int seed)
    {
        var random = new Random(seed);
        var dense = new float[(1 << hashBits) * Viterbi.Stride];
        for (int b = 0; b < 1 << hashBits; b++)
        {
            if (random.Next(3) == 0) continue;
            for (int y = 0; y < Viterbi.Stride; y++)
            {
                if (random.Next(4) == 0) continue;
                Half h;
                do h = BitConverter.UInt16BitsToHalf((ushort)random.Next(1 << 16)); while (!Half.IsFinite(h));
                // Mostly the small weights a perceptron learns (exponent well below the top), some of them subnormal.
                if (random.Next(8) != 0) h = BitConverter.UInt16BitsToHalf((ushort)(BitConverter.HalfToUInt16Bits(h) & 0xA7FF));
                dense[b * Viterbi.Stride + y] = (float)h;
            }
        }
        dense[1 * Viterbi.Stride + 0] = -0f;
        dense[1 * Viterbi.Stride + 1] = (float)Half.Epsilon;
        dense[1 * Viterbi.Stride + 2] = -(float)Half.Epsilon;
        dense[1 * Viterbi.Stride + 3] = (float)Half.MaxValue;
        dense[1 * Viterbi.Stride + 4] = (float)Half.MinValue;
        dense[1 * Viterbi.Stride + 5] = (float)BitConverter.UInt16BitsToHalf(0x03FF); // largest subnormal
        return dense;
    }

    private static bool HasRow(float[] dense, int bucket) => dense.AsSpan(bucket * Viterbi.Stride, Viterbi.Stride).ContainsAnyExcept(0f);

    private static int[] Bits(float[] values) => values.Select(BitConverter.SingleToInt32Bits).ToArray();

    private static float[] Sum(WeightTable table, int[] buckets)
    {
        var row = new float[Viterbi.Stride];
        table.Accumulate(buckets, row);
        return row;
    }

    private static float[] SumDense(float[] dense, int[] buckets)
    {
        var row = new float[Viterbi.Stride];
        NerModel.Accumulate(dense, buckets, row);
        return row;
    }

    [Fact]
    public void Keeps_only_rows_with_a_weight_and_reads_every_bucket_back()
    {
        var dense = Dense(6, (3, 0, 1.5f), (3, 12, -2f), (40, 5, 0.25f));
        var table = WeightTable.FromDense(dense, 6);
        Assert.Equal(2, table.RowCount);
        for (int b = 0; b < 64; b++)
            Assert.Equal(dense.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray(), table.Row(b));
    }

    [Fact]
    public void Accumulate_sums_the_same_as_the_dense_array()
    {
        var dense = Dense(6, (3, 0, 1.5f), (3, 12, -2f), (40, 5, 0.25f), (40, 0, 1f), (63, 15, 4f));
        var table = WeightTable.FromDense(dense, 6);
        int[] buckets = [3, 7, 40, 40, 63, 0];
        Assert.Equal(SumDense(dense, buckets), Sum(table, buckets));
        Assert.Equal(3.5f, Sum(table, buckets)[0]);
    }

    [Fact]
    public void Fp16_weights_are_held_as_halves_and_sum_bit_for_bit_like_the_floats()
    {
        var dense = RandomHalves(10, seed: 3);
        var table = WeightTable.FromDense(dense, 10);
        Assert.True(table.HoldsHalves);
        for (int b = 0; b < 1 << 10; b++)
            Assert.Equal(Bits(dense.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray()), Bits(table.Row(b)));
        var random = new Random(5);
        for (int n = 0; n < 200; n++)
        {
            var buckets = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(1 << 10)).ToArray();
            if (n % 10 == 0) buckets[0] = 1;
            Assert.Equal(Bits(SumDense(dense, buckets)), Bits(Sum(table, buckets)));
        }
    }

    [Fact]
    public void A_row_of_negative_zero_and_subnormal_halves_sums_like_the_floats()
    {
        var dense = Dense(4, (2, 0, -0f), (2, 1, (float)Half.Epsilon), (2, 2, -(float)Half.Epsilon), (2, 3, 1f),
            (5, 0, -0f), (5, 1, (float)BitConverter.UInt16BitsToHalf(0x0200)), (5, 2, -1f));
        var table = WeightTable.FromDense(dense, 4);
        Assert.True(table.HoldsHalves);
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(table.Row(2)[0]));
        foreach (var buckets in new[] { new[] { 2 }, [5], [2, 5], [5, 2, 5], [0, 2] })
            Assert.Equal(Bits(SumDense(dense, buckets)), Bits(Sum(table, buckets)));
    }

    [Fact]
    public void Weights_that_are_not_fp16_keep_their_float_table()
    {
        var dense = Dense(6, (3, 0, 0.1f), (3, 12, -2f), (40, 5, 1e-9f), (41, 1, 70000f));
        var table = WeightTable.FromDense(dense, 6);
        Assert.False(table.HoldsHalves);
        for (int b = 0; b < 64; b++)
            Assert.Equal(dense.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray(), table.Row(b));
        int[] buckets = [3, 40, 41, 3, 9];
        Assert.Equal(Bits(SumDense(dense, buckets)), Bits(Sum(table, buckets)));
    }

    [Fact]
    public void Sparse_rows_of_halves_read_like_the_dense_table()
    {
        int[] buckets = [2, 9, 40];
        ushort[] masks = [0b1001, 0x8000, 0b110];
        Half[] values = [(Half)1.5f, (Half)(-2f), (Half)0.125f, Half.Epsilon, (Half)3f];
        var table = WeightTable.FromSparse(6, buckets, masks, values);
        var dense = Dense(6, (2, 0, 1.5f), (2, 3, -2f), (9, 15, 0.125f), (40, 1, (float)Half.Epsilon), (40, 2, 3f));
        Assert.True(table.HoldsHalves);
        Assert.True(table.SameAs(WeightTable.FromDense(dense, 6)));
        int[] sum = [2, 40, 9, 2];
        Assert.Equal(Bits(SumDense(dense, sum)), Bits(Sum(table, sum)));

        values[4] = Half.PositiveInfinity;
        var infinite = WeightTable.FromSparse(6, buckets, masks, values);
        Assert.False(infinite.HoldsHalves);
        Assert.Equal(float.PositiveInfinity, infinite.Row(40)[2]);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(true, false)]
    public void Paired_tables_read_and_sum_like_each_table_alone(bool firstHalves, bool secondHalves)
    {
        var dense1 = Dense(8, (3, 0, 1.5f), (3, 12, -2f), (64, 5, 0.25f), (200, 1, 7f), (255, 15, 4f), (9, 2, firstHalves ? 0.5f : 0.1f));
        var dense2 = Dense(8, (3, 1, 0.5f), (65, 2, -1f), (200, 1, 3f), (127, 0, 2f), (9, 3, secondHalves ? -0.75f : 0.3f));
        var (first, second) = WeightTable.Pair(WeightTable.FromDense(dense1, 8), WeightTable.FromDense(dense2, 8));
        Assert.True(first.IsPairedWith(second));
        Assert.Equal(firstHalves && secondHalves, first.HoldsHalves);
        Assert.Equal(first.HoldsHalves, second.HoldsHalves);
        Assert.Equal((5, 5), (first.RowCount, second.RowCount));
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(dense1.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray(), first.Row(b));
            Assert.Equal(dense2.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray(), second.Row(b));
        }
        int[] buckets = [3, 7, 9, 64, 65, 200, 127, 255, 0];
        foreach (var (table, dense) in new[] { (first, dense1), (second, dense2) })
            Assert.Equal(Bits(SumDense(dense, buckets)), Bits(Sum(table, buckets)));
        Assert.Same(first, WeightTable.Pair(first, second).First);
    }

    [Fact]
    public void Paired_halves_sum_both_tables_from_one_lookup_like_the_floats()
    {
        var dense1 = RandomHalves(9, seed: 11);
        var dense2 = RandomHalves(9, seed: 12);
        var (first, second) = WeightTable.Pair(WeightTable.FromDense(dense1, 9), WeightTable.FromDense(dense2, 9));
        Assert.True(first.HoldsHalves);
        var random = new Random(13);
        for (int n = 0; n < 100; n++)
        {
            var buckets = Enumerable.Range(0, random.Next(1, 40)).Select(_ => random.Next(1 << 9)).ToArray();
            var offsets = new int[buckets.Length];
            int present = first.Collect(buckets, offsets);
            int shared = random.Next(present + 1);
            var (lo, hi, lo2, hi2) = (Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero, Vector256<float>.Zero);
            first.AddPairAt(offsets.AsSpan(0, present), shared, ref lo, ref hi, ref lo2, ref hi2);
            var mine = new float[Viterbi.Stride];
            var its = new float[Viterbi.Stride];
            lo.CopyTo(mine);
            hi.CopyTo(mine, 8);
            lo2.CopyTo(its);
            hi2.CopyTo(its, 8);
            // The partner's rows of the first `shared` present buckets, in order.
            var sharedBuckets = buckets.Where(b => HasRow(dense1, b) || HasRow(dense2, b)).Take(shared).ToArray();
            Assert.Equal(Bits(SumDense(dense1, buckets)), Bits(mine));
            Assert.Equal(Bits(SumDense(dense2, sharedBuckets)), Bits(its));
        }
    }

    [Fact]
    public void A_loaded_model_holds_halves_and_saves_to_the_same_bytes()
    {
        var trained = NerTrainerTests.TrainTiny();
        var (a, b) = (Path.GetTempFileName(), Path.GetTempFileName());
        try
        {
            trained.Save(a, new { note = "test" });
            var loaded = NerModel.Load(a);
            Assert.True(loaded.Weights.HoldsHalves);
            loaded.Save(b, new { note = "test" });
            Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }

    [Fact]
    public void Builder_rejects_buckets_out_of_order()
    {
        var builder = new WeightTable.Builder(4);
        builder.Add(5)[0] = 1f;
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.Add(16));
    }
}
