using System.Runtime.Intrinsics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Extraction.Documents;
using Extraction.Models;

namespace Extraction.Tagging;

/// <summary>
/// A trained NER tagger: hashed feature templates → per-label weights (averaged perceptron), BILOU transitions, and the
/// lexicon (gazetteer, morphology, clusters) compiled in. Immutable and thread-safe; scratch buffers are per thread.
/// </summary>
public sealed class NerModel
{
    public const string Kind = "ner";
    public const uint FormatVersion = 3;

    /// <summary>A model from training's dense row-major <c>2^hashBits × Stride</c> weights.</summary>
    public NerModel(Language language, int hashBits, FeatureTemplate[] templates, float[] weights, float[] transitions, TaggerLexicon lexicon,
        float temperature = DefaultTemperature, NerModel? refiner = null)
        : this(language, templates, WeightTable.FromDense(weights, hashBits), transitions, lexicon, temperature, refiner)
    {
    }

    public NerModel(Language language, FeatureTemplate[] templates, WeightTable weights, float[] transitions, TaggerLexicon lexicon,
        float temperature = DefaultTemperature, NerModel? refiner = null)
    {
        if (refiner is { Refiner: not null }) throw new ArgumentException("a refiner cannot have its own refiner", nameof(refiner));
        Refiner = refiner;
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "must be positive");
        Temperature = temperature;
        Language = language;
        HashBits = weights.HashBits;
        Templates = templates;
        Weights = weights;
        Transitions = transitions;
        Lexicon = lexicon;
    }

    public Language Language { get; }
    public int HashBits { get; }
    public FeatureTemplate[] Templates { get; }
    public WeightTable Weights { get; }
    public float[] Transitions { get; }
    public TaggerLexicon Lexicon { get; }
    /// <summary>Scores are divided by this before forward–backward turns them into span confidences (fitted on dev data).</summary>
    public float Temperature { get; }
    /// <summary>
    /// The second pass of a stacked model (null = single pass): it re-tags every sentence with the <c>doc-…</c> templates
    /// reading what this model predicted over the whole document (<see cref="DocumentEvidence.AddPassOne"/>). Shares the lexicon.
    /// </summary>
    public NerModel? Refiner { get; }

    public const float DefaultTemperature = 8f;

    /// <summary>The same model with another confidence temperature (also for its refiner, whose confidences are the final ones).</summary>
    public NerModel WithTemperature(float temperature) =>
        new(Language, Templates, Weights, Transitions, Lexicon, temperature, Refiner?.WithTemperature(temperature));

    /// <summary>This model as the first pass of a stacked model whose second pass is <paramref name="refiner"/>.</summary>
    public NerModel WithRefiner(NerModel? refiner) => new(Language, Templates, Weights, Transitions, Lexicon, Temperature, refiner);

    /// <summary>First pass over every sentence of <paramref name="document"/> with this model's own weights (no furniture handling, no confidences).</summary>
    public void TagSentences(Document document, DocumentEvidence? evidence, List<Prediction> output)
    {
        foreach (var sentence in document.Sentences) Tag(document, sentence.FirstToken, sentence.EndToken, evidence, output, confidences: false);
    }

    /// <summary>Fibonacci hashing of the template seed plus the value (values are hashes or small codes; seeds are random).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(ulong seed, ulong value, int hashBits) => (int)(((seed + value) * 0x9E3779B97F4A7C15UL) >> (64 - hashBits));

    /// <summary>Writes the feature buckets of token <paramref name="i"/>; returns how many (at most Templates × MaxValues).</summary>
    public static int Featurize(FeatureTemplate[] templates, int hashBits, SentenceFeatures s, int i, Span<int> buckets)
    {
        Span<ulong> values = stackalloc ulong[FeatureTemplates.MaxValues];
        int n = 0;
        foreach (var t in templates)
        {
            int c = t.Extract(s, i, values);
            for (int k = 0; k < c; k++) buckets[n++] = Bucket(t.Seed, values[k], hashBits);
        }
        return n;
    }

    /// <summary>Adds the rows of <paramref name="buckets"/> of a dense weight array (as training keeps it) into a <see cref="Viterbi.Stride"/>-wide score row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(float[] weights, ReadOnlySpan<int> buckets, Span<float> row) => WeightTable.Sum(weights, null, buckets, row);

    private sealed class Scratch
    {
        public readonly SentenceFeatures Features = new();
        public float[] Scores = new float[64 * Viterbi.Stride];
        public int[] Back = new int[64 * Viterbi.Stride];
        public int[] Labels = new int[64];
        public int[] Buckets = new int[256];
        public float[] Marginals = new float[64 * Viterbi.Stride];
        public float[] Work = new float[2 * 64 * Viterbi.Stride];
        public readonly List<(int First, int End, int TypeIndex)> Spans = [];

        public void Ensure(int n, int maxFeatures)
        {
            if (Labels.Length < n)
            {
                Scores = new float[n * 2 * Viterbi.Stride];
                Back = new int[n * 2 * Viterbi.Stride];
                Labels = new int[n * 2];
                Marginals = new float[n * 2 * Viterbi.Stride];
                Work = new float[n * 4 * Viterbi.Stride];
            }
            if (Buckets.Length < maxFeatures) Buckets = new int[maxFeatures];
        }
    }

    [ThreadStatic] private static Scratch? t_scratch;

    /// <summary>A predicted span over tokens [First, End) of the document, with a confidence in (0, 1].</summary>
    public readonly record struct Prediction(int First, int End, EntityType Type, float Confidence);

    /// <summary>
    /// Tags tokens [<paramref name="first"/>, <paramref name="end"/>) of <paramref name="document"/> as one sequence; without
    /// <paramref name="confidences"/> (a first pass) every confidence is 1 and forward–backward is skipped.
    /// </summary>
    public void Tag(Document document, int first, int end, DocumentEvidence? evidence, List<Prediction> output, bool confidences = true)
    {
        int n = end - first;
        if (n <= 0) return;
        var s = t_scratch ??= new Scratch();
        s.Ensure(n, Templates.Length * FeatureTemplates.MaxValues);
        s.Features.Load(document, first, end, Lexicon, evidence);
        Emissions(s.Features, n, s.Scores, s.Buckets);
        Viterbi.Decode(s.Scores, Transitions, n, s.Back, s.Labels);
        var spans = s.Spans;
        Bilou.Decode(s.Labels.AsSpan(0, n), spans);
        if (spans.Count == 0) return;
        if (confidences) Marginals.Compute(s.Scores, Transitions, n, Temperature, s.Work, s.Marginals);
        foreach (var (a, b, t) in spans)
        {
            float sum = confidences ? 0 : b - a;
            for (int i = a; i < b && confidences; i++) sum += s.Marginals[i * Viterbi.Stride + s.Labels[i]];
            int spanEnd = first + b;
            if (spanEnd < end && OpensQuote(document, first + a, spanEnd) && IsQuote(document, spanEnd) && !document.Tokens[spanEnd].Has(TokenFlags.OpenQuote)) spanEnd++;
            output.Add(new Prediction(first + a, spanEnd, Bilou.Types[t], Math.Clamp(sum / (b - a), 0f, 1f)));
        }
    }

    /// <summary>True when tokens [from, to) leave a quote open («Единой России → the closing » belongs to the name).</summary>
    private static bool OpensQuote(Document document, int from, int to)
    {
        int depth = 0;
        for (int k = from; k < to; k++)
        {
            ref readonly var t = ref document.Tokens[k];
            if (!IsQuote(document, k)) continue;
            if (t.Has(TokenFlags.OpenQuote)) depth++;
            else if (depth > 0) depth--;
        }
        return depth > 0;
    }

    private static bool IsQuote(Document document, int token)
    {
        ref readonly var t = ref document.Tokens[token];
        return t.End - t.Start == 1 && document.Text[t.Start] is '«' or '»' or '“' or '”' or '„' or '"';
    }

    /// <summary>Emission scores of the <paramref name="n"/> tokens loaded in <paramref name="features"/>.</summary>
    public void Emissions(SentenceFeatures features, int n, float[] scores, int[] buckets)
    {
        for (int i = 0; i < n; i++)
        {
            int c = Featurize(Templates, HashBits, features, i, buckets);
            Weights.Accumulate(buckets.AsSpan(0, c), scores.AsSpan(i * Viterbi.Stride, Viterbi.Stride));
        }
    }

    // ---- Persistence -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Payload layout (format version 3, little-endian; arrays are stored contiguously so loading is a bulk copy):
    /// <code>
    ///   table (the first pass):
    ///     i32 hashBits
    ///     i32 labelCount, then labelCount strings (BILOU names, order = label ids)
    ///     i32 templateCount, then template names (strings)
    ///     f32 × (labelCount + 1) × 16   transitions (row = previous label, last row = sentence start)
    ///     f32                           confidence temperature
    ///     i32 rowCount                  weight rows with at least one non-zero weight, in bucket order
    ///     i32 × rowCount                their bucket indices
    ///     u16 × rowCount                their masks of non-zero labels (bit y = label y)
    ///     i32 valueCount, f16 × valueCount   the non-zero weights, row by row, label order within a row
    ///   lexicon: see <see cref="TaggerLexicon.Write"/>
    ///   bool hasRefiner, then (if true) the refiner's table, laid out as above
    /// </code>
    /// Format version 2 is the same without the refiner flag (a single-pass model); it still loads.
    /// </summary>
    public void Save(string path, object metadata)
    {
        var header = ModelHeader.Create(Kind, Language.Code(), FormatVersion, metadata);
        ModelFile.Write(path, header, w =>
        {
            WriteTable(w);
            Lexicon.Write(w);
            w.Write(Refiner is not null);
            Refiner?.WriteTable(w);
        });
    }

    private void WriteTable(BinaryWriter w)
    {
        w.Write(HashBits);
        w.Write(Bilou.Count);
        foreach (var name in Bilou.Names) w.Write(name);
        w.Write(Templates.Length);
        foreach (var t in Templates) w.Write(t.Name);
        foreach (var v in Transitions) w.Write(v);
        w.Write(Temperature);
        var rows = new List<int>();
        var masks = new List<ushort>();
        var values = new List<Half>();
        for (int b = 0; b < 1 << HashBits; b++)
        {
            ushort mask = 0;
            var row = Weights.Row(b);
            for (int y = 0; y < Bilou.Count; y++)
            {
                var h = (Half)row[y];
                if (h == Half.Zero) continue;
                mask |= (ushort)(1 << y);
                values.Add(h);
            }
            if (mask == 0) continue;
            rows.Add(b);
            masks.Add(mask);
        }
        w.Write(rows.Count);
        w.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(rows)));
        w.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(masks)));
        w.Write(values.Count);
        w.Write(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(values)));
    }

    private sealed record Table(FeatureTemplate[] Templates, float[] Transitions, float Temperature, WeightTable Weights);

    public static NerModel Load(string path)
    {
        var (header, payload) = ModelFile.Read(path, Kind, 2, FormatVersion);
        using var r = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
        try
        {
            if (!Languages.TryParse(header.Language, out var language))
                throw new ModelFormatException(path, $"names language '{header.Language}'", "retrain it with --lang ru or en");
            var first = ReadTable(r, path);
            var lexicon = TaggerLexicon.Read(r);
            NerModel? refiner = null;
            if (header.FormatVersion >= 3 && r.ReadBoolean())
            {
                var second = ReadTable(r, path);
                refiner = new NerModel(language, second.Templates, second.Weights, second.Transitions, lexicon, second.Temperature);
            }
            return new NerModel(language, first.Templates, first.Weights, first.Transitions, lexicon, first.Temperature, refiner);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException(path, "ends inside its payload", "restore the file from git or retrain it", e);
        }
    }

    private static Table ReadTable(BinaryReader r, string path)
    {
        int hashBits = r.ReadInt32();
        if (hashBits is < 8 or > 26) throw new ModelFormatException(path, $"has an invalid hash size 2^{hashBits}", "retrain it");
        int labels = r.ReadInt32();
        var names = Enumerable.Range(0, labels).Select(_ => r.ReadString()).ToArray();
        if (!names.SequenceEqual(Bilou.Names))
            throw new ModelFormatException(path, $"has labels [{string.Join(' ', names)}], this program tags [{string.Join(' ', Bilou.Names)}]", "retrain it with this version");
        int nt = r.ReadInt32();
        var templateNames = Enumerable.Range(0, nt).Select(_ => r.ReadString()).ToArray();
        FeatureTemplate[] templates;
        try { templates = FeatureTemplates.Resolve(templateNames); }
        catch (ArgumentException e) { throw new ModelFormatException(path, $"uses feature templates this program lacks ({e.Message})", "use a model trained by this version", e); }
        var transitions = new float[(Bilou.Count + 1) * Viterbi.Stride];
        for (int i = 0; i < transitions.Length; i++) transitions[i] = r.ReadSingle();
        float temperature = r.ReadSingle();
        if (!(temperature > 0)) throw new ModelFormatException(path, $"has an invalid confidence temperature {temperature}", "retrain it");
        int rows = r.ReadInt32();
        var buckets = MemoryMarshal.Cast<byte, int>(r.ReadBytes(rows * sizeof(int)));
        var masks = MemoryMarshal.Cast<byte, ushort>(r.ReadBytes(rows * sizeof(ushort)));
        int count = r.ReadInt32();
        var values = MemoryMarshal.Cast<byte, Half>(r.ReadBytes(count * 2));
        if (buckets.Length != rows || masks.Length != rows || values.Length != count) throw new EndOfStreamException();
        int next = 0;
        var weights = new WeightTable.Builder(hashBits, rows);
        for (int k = 0; k < rows; k++)
        {
            int bucket = buckets[k];
            if ((uint)bucket >= 1u << hashBits || (k > 0 && bucket <= buckets[k - 1]))
                throw new ModelFormatException(path, $"has a weight row {bucket} outside its table or out of order", "retrain it");
            var row = weights.Add(bucket);
            for (int mask = masks[k]; mask != 0; mask &= mask - 1)
            {
                if (next >= count) throw new EndOfStreamException();
                row[BitOperations.TrailingZeroCount(mask)] = (float)values[next++];
            }
        }
        return new Table(templates, transitions, temperature, weights.Build());
    }
}
