using System.IO.Compression;
using System.Numerics;
using System.Text;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tagging;

/// <summary>Options of <see cref="WordClusters.Build"/>.</summary>
public sealed record WordClusterOptions
{
    /// <summary>Words clustered (the most frequent lower-cased forms).</summary>
    public int Vocabulary { get; init; } = 40_000;
    /// <summary>Context words (the most frequent ones), each seen on the left and on the right.</summary>
    public int Contexts { get; init; } = 600;
    public int Dimensions { get; init; } = 64;
    /// <summary>Numbers of clusters of the three granularities (coarse, middle, fine).</summary>
    public int[] Clusters { get; init; } = [64, 256, 1024];
    public int Iterations { get; init; } = 12;
    public int MinCount { get; init; } = 4;
    public long MaxTokens { get; init; } = 20_000_000;
    public int Seed { get; init; } = 1;
}

/// <summary>
/// Distributional word clusters from unlabeled text (the English-side replacement for Brown clusters): counts of the
/// left and right neighbours of every frequent word among the most frequent context words, positive PMI weighting,
/// a randomized truncated SVD to <see cref="WordClusterOptions.Dimensions"/> dimensions, then seeded k-means on the
/// unit-length word vectors at three granularities. Deterministic for a seed and input.
/// </summary>
public static class WordClusters
{
    /// <summary>Cluster ids (1-based, coarse/middle/fine) per lower-cased form hash.</summary>
    public static Dictionary<ulong, (ushort, ushort, ushort)> Build(IEnumerable<string> files, WordClusterOptions o, Action<string>? log = null)
    {
        // Pass 1: frequencies.
        var counts = new HashMap64<long>(1 << 18);
        long tokens = ForEachSentence(files, o.MaxTokens, (hashes, n) =>
        {
            for (int i = 0; i < n; i++) counts.GetOrAdd(hashes[i])++;
        });
        var ranked = counts.Entries().Where(e => e.Value >= o.MinCount)
            .OrderByDescending(e => e.Value).ThenBy(e => e.Key).Select(e => e.Key).ToArray();
        int v = Math.Min(o.Vocabulary, ranked.Length);
        int c = Math.Min(o.Contexts, v);
        var wordId = new HashMap64<int>(v * 2);
        for (int i = 0; i < v; i++) wordId.GetOrAdd(ranked[i]) = i + 1;
        log?.Invoke($"clusters: {tokens:N0} tokens, {counts.Count:N0} types, {v:N0} words, {c} contexts");

        // Pass 2: co-occurrence counts, columns [0, c) left neighbour, [c, 2c) right neighbour, 2c and 2c+1 sentence edges.
        int m = 2 * c + 2;
        var a = new float[(long)v * m];
        ForEachSentence(files, o.MaxTokens, (hashes, n) =>
        {
            for (int i = 0; i < n; i++)
            {
                if (!wordId.TryGet(hashes[i], out int w)) continue;
                long row = (long)(w - 1) * m;
                int left = i == 0 ? 2 * c : wordId.TryGet(hashes[i - 1], out int l) && l <= c ? l - 1 : -1;
                int right = i == n - 1 ? 2 * c + 1 : wordId.TryGet(hashes[i + 1], out int r) && r <= c ? c + r - 1 : -1;
                if (left >= 0) a[row + left]++;
                if (right >= 0) a[row + right]++;
            }
        });
        Ppmi(a, v, m);
        var vectors = RandomizedSvd(a, v, m, o.Dimensions, o.Seed);
        NormalizeRows(vectors, v, o.Dimensions);

        var result = new Dictionary<ulong, (ushort, ushort, ushort)>(v);
        var assignments = o.Clusters.Select((k, level) => KMeans(vectors, v, o.Dimensions, Math.Min(k, v), o.Iterations, o.Seed + level)).ToArray();
        for (int i = 0; i < v; i++)
            result[ranked[i]] = ((ushort)(assignments[0][i] + 1), (ushort)(assignments[Math.Min(1, assignments.Length - 1)][i] + 1), (ushort)(assignments[^1][i] + 1));
        return result;
    }

    private static long ForEachSentence(IEnumerable<string> files, long maxTokens, Action<ulong[], int> visit)
    {
        var table = new TokenTable(512);
        var hashes = new ulong[1024];
        long total = 0;
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            using Stream input = file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(input, Encoding.UTF8);
            string? line;
            while (total < maxTokens && (line = reader.ReadLine()) is not null)
            {
                if (line.Length == 0) continue;
                table.Clear();
                Tokenizer.Tokenize(line, table);
                int n = Math.Min(table.Count, hashes.Length);
                var span = table.AsSpan();
                for (int i = 0; i < n; i++)
                {
                    ref readonly var t = ref span[i];
                    hashes[i] = t.Kind == TokenKind.Number ? NumberHash : FeatureHash.OfLower(t.Range.Slice(line));
                }
                visit(hashes, n);
                total += n;
            }
        }
        return total;
    }

    private static readonly ulong NumberHash = FeatureHash.Of("<number>");

    /// <summary>Positive PMI with context counts smoothed by the 0.75 power, in place.</summary>
    private static void Ppmi(float[] a, int rows, int cols)
    {
        var rowSum = new double[rows];
        var colSum = new double[cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                float x = a[(long)i * cols + j];
                rowSum[i] += x;
                colSum[j] += x;
            }
        double smoothedTotal = 0;
        for (int j = 0; j < cols; j++) { colSum[j] = Math.Pow(colSum[j], 0.75); smoothedTotal += colSum[j]; }
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                long at = (long)i * cols + j;
                if (a[at] == 0) continue;
                double pmi = Math.Log(a[at] / rowSum[i] / (colSum[j] / smoothedTotal));
                a[at] = pmi > 0 ? (float)pmi : 0f;
            }
    }

    /// <summary>Rank-<paramref name="k"/> left singular vectors scaled by the singular values (randomized range finder, one power iteration).</summary>
    private static float[] RandomizedSvd(float[] a, int rows, int cols, int k, int seed)
    {
        int l = Math.Min(k + 16, cols);
        var rng = new Random(seed);
        var omega = new double[cols * l];
        for (int i = 0; i < omega.Length; i++) omega[i] = Gaussian(rng);
        var y = MultiplyA(a, rows, cols, omega, l);          // rows × l
        Orthonormalize(y, rows, l);
        var z = MultiplyAt(a, rows, cols, y, l);             // cols × l
        y = MultiplyA(a, rows, cols, z, l);                  // power iteration
        Orthonormalize(y, rows, l);
        var b = MultiplyAt(a, rows, cols, y, l);             // cols × l  (= Bᵀ where B = Qᵀ A)
        // Eigen-decomposition of B Bᵀ (l × l) gives the left singular vectors of B.
        var bbt = new double[l * l];
        for (int p = 0; p < l; p++)
            for (int q = p; q < l; q++)
            {
                double s = 0;
                for (int j = 0; j < cols; j++) s += b[j * l + p] * b[j * l + q];
                bbt[p * l + q] = bbt[q * l + p] = s;
            }
        var (values, vectors) = Jacobi(bbt, l);
        var order = Enumerable.Range(0, l).OrderByDescending(i => values[i]).Take(k).ToArray();
        var result = new float[(long)rows * k];
        for (int i = 0; i < rows; i++)
            for (int d = 0; d < k; d++)
            {
                int e = order[d];
                double s = 0;
                for (int p = 0; p < l; p++) s += y[(long)i * l + p] * vectors[p * l + e];
                result[(long)i * k + d] = (float)(s * Math.Sqrt(Math.Sqrt(Math.Max(values[e], 0))));
            }
        return result;
    }

    private static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static double[] MultiplyA(float[] a, int rows, int cols, double[] x, int l)
    {
        var y = new double[(long)rows * l];
        for (int i = 0; i < rows; i++)
        {
            var row = a.AsSpan((int)((long)i * cols), cols);
            var yi = y.AsSpan((int)((long)i * l), l);
            for (int j = 0; j < cols; j++)
            {
                float v = row[j];
                if (v == 0) continue;
                var xj = x.AsSpan(j * l, l);
                for (int p = 0; p < l; p++) yi[p] += v * xj[p];
            }
        }
        return y;
    }

    private static double[] MultiplyAt(float[] a, int rows, int cols, double[] y, int l)
    {
        var z = new double[cols * l];
        for (int i = 0; i < rows; i++)
        {
            var row = a.AsSpan((int)((long)i * cols), cols);
            var yi = y.AsSpan((int)((long)i * l), l);
            for (int j = 0; j < cols; j++)
            {
                float v = row[j];
                if (v == 0) continue;
                var zj = z.AsSpan(j * l, l);
                for (int p = 0; p < l; p++) zj[p] += v * yi[p];
            }
        }
        return z;
    }

    /// <summary>Modified Gram–Schmidt on the columns of a row-major rows × l matrix.</summary>
    private static void Orthonormalize(double[] y, int rows, int l)
    {
        for (int p = 0; p < l; p++)
        {
            for (int q = 0; q < p; q++)
            {
                double dot = 0;
                for (long i = 0; i < rows; i++) dot += y[i * l + p] * y[i * l + q];
                for (long i = 0; i < rows; i++) y[i * l + p] -= dot * y[i * l + q];
            }
            double norm = 0;
            for (long i = 0; i < rows; i++) norm += y[i * l + p] * y[i * l + p];
            norm = Math.Sqrt(norm);
            if (norm < 1e-12) continue;
            for (long i = 0; i < rows; i++) y[i * l + p] /= norm;
        }
    }

    /// <summary>Cyclic Jacobi eigen-decomposition of a symmetric n × n matrix: eigenvalues and eigenvectors (columns).</summary>
    private static (double[] Values, double[] Vectors) Jacobi(double[] m, int n)
    {
        var a = (double[])m.Clone();
        var v = new double[n * n];
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++) for (int q = p + 1; q < n; q++) off += a[p * n + q] * a[p * n + q];
            if (off < 1e-18) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p * n + q];
                    if (Math.Abs(apq) < 1e-30) continue;
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double cos = 1 / Math.Sqrt(t * t + 1), sin = t * cos;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k * n + p], akq = a[k * n + q];
                        a[k * n + p] = cos * akp - sin * akq;
                        a[k * n + q] = sin * akp + cos * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = cos * apk - sin * aqk;
                        a[q * n + k] = sin * apk + cos * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k * n + p], vkq = v[k * n + q];
                        v[k * n + p] = cos * vkp - sin * vkq;
                        v[k * n + q] = sin * vkp + cos * vkq;
                    }
                }
        }
        var values = new double[n];
        for (int i = 0; i < n; i++) values[i] = a[i * n + i];
        return (values, v);
    }

    private static void NormalizeRows(float[] x, int rows, int d)
    {
        for (int i = 0; i < rows; i++)
        {
            var r = x.AsSpan(i * d, d);
            double s = 0;
            foreach (var f in r) s += f * f;
            if (s <= 0) continue;
            float inv = (float)(1 / Math.Sqrt(s));
            for (int k = 0; k < d; k++) r[k] *= inv;
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var acc = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        float s = Vector.Sum(acc);
        for (; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    /// <summary>Spherical k-means (dot product on unit vectors) with seeded random initial centroids.</summary>
    private static int[] KMeans(float[] x, int rows, int d, int k, int iterations, int seed)
    {
        var rng = new Random(seed);
        var centroids = new float[k * d];
        var picks = Enumerable.Range(0, rows).OrderBy(_ => rng.Next()).Take(k).ToArray();
        for (int c = 0; c < k; c++) x.AsSpan(picks[c] * d, d).CopyTo(centroids.AsSpan(c * d, d));
        var assign = new int[rows];
        for (int it = 0; it < iterations; it++)
        {
            for (int i = 0; i < rows; i++)
            {
                var xi = x.AsSpan(i * d, d);
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int c = 0; c < k; c++)
                {
                    float dot = Dot(xi, centroids.AsSpan(c * d, d));
                    if (dot > best) { best = dot; arg = c; }
                }
                assign[i] = arg;
            }
            Array.Clear(centroids);
            for (int i = 0; i < rows; i++)
            {
                var dst = centroids.AsSpan(assign[i] * d, d);
                var src = x.AsSpan(i * d, d);
                for (int j = 0; j < d; j++) dst[j] += src[j];
            }
            NormalizeRows(centroids, k, d);
        }
        return assign;
    }
}
