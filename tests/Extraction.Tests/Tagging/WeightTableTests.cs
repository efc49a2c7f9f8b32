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

    [Fact]
    public void Keeps_only_rows_with_a_weight_and_reads_every_bucket_back()
    {
        var dense = Dense(6, (3, 0, 1.5f), (3, 12, -2f), (40, 5, 0.25f));
        var table = WeightTable.FromDense(dense, 6);
        Assert.Equal(2, table.RowCount);
        for (int b = 0; b < 64; b++)
            Assert.Equal(dense.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray(), table.Row(b).ToArray());
    }

    [Fact]
    public void Accumulate_sums_the_same_as_the_dense_array()
    {
        var dense = Dense(6, (3, 0, 1.5f), (3, 12, -2f), (40, 5, 0.25f), (40, 0, 1f), (63, 15, 4f));
        var table = WeightTable.FromDense(dense, 6);
        int[] buckets = [3, 7, 40, 40, 63, 0];
        var expected = new float[Viterbi.Stride];
        var actual = new float[Viterbi.Stride];
        NerModel.Accumulate(dense, buckets, expected);
        table.Accumulate(buckets, actual);
        Assert.Equal(expected, actual);
        Assert.Equal(3.5f, actual[0]);
    }

    [Fact]
    public void Paired_tables_read_and_sum_like_each_table_alone()
    {
        var dense1 = Dense(8, (3, 0, 1.5f), (3, 12, -2f), (64, 5, 0.25f), (200, 1, 7f), (255, 15, 4f));
        var dense2 = Dense(8, (3, 1, 0.5f), (65, 2, -1f), (200, 1, 3f), (127, 0, 2f));
        var (first, second) = WeightTable.Pair(WeightTable.FromDense(dense1, 8), WeightTable.FromDense(dense2, 8));
        Assert.True(first.IsPairedWith(second));
        Assert.Equal((4, 4), (first.RowCount, second.RowCount));
        for (int b = 0; b < 256; b++)
        {
            Assert.Equal(dense1.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray(), first.Row(b).ToArray());
            Assert.Equal(dense2.AsSpan(b * Viterbi.Stride, Viterbi.Stride).ToArray(), second.Row(b).ToArray());
        }
        int[] buckets = [3, 7, 64, 65, 200, 127, 255, 0];
        foreach (var (table, dense) in new[] { (first, dense1), (second, dense2) })
        {
            var expected = new float[Viterbi.Stride];
            var actual = new float[Viterbi.Stride];
            NerModel.Accumulate(dense, buckets, expected);
            table.Accumulate(buckets, actual);
            Assert.Equal(expected, actual);
        }
        Assert.Same(first, WeightTable.Pair(first, second).First);
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
