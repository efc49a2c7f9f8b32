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
        float temperature = DefaultTemperature, NerModel? refiner = null, int labelCount = Bilou.Count)
        : this(language, templates, WeightTable.FromDense(weights, hashBits), transitions, lexicon, temperature, refiner, labelCount)
    {
    }

    /// <param name="transitions"><see cref="Viterbi.TransitionLength"/> transition weights (row = previous label, row <see cref="Viterbi.StartRow"/> = sentence start).</param>
    /// <param name="labelCount"><see cref="Bilou.Count"/>, or <see cref="Bilou.CountWithOther"/> for a model with the X label.</param>
    public NerModel(Language language, FeatureTemplate[] templates, WeightTable weights, float[] transitions, TaggerLexicon lexicon,
        float temperature = DefaultTemperature, NerModel? refiner = null, int labelCount = Bilou.Count)
    {
        if (refiner is { Refiner: not null }) throw new ArgumentException("a refiner cannot have its own refiner", nameof(refiner));
        if (!(temperature > 0)) throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "must be positive");
        if (labelCount is not (Bilou.Count or Bilou.CountWithOther)) throw new ArgumentOutOfRangeException(nameof(labelCount), labelCount, $"must be {Bilou.Count} or {Bilou.CountWithOther}");
        if (transitions.Length != Viterbi.TransitionLength) throw new ArgumentException($"needs {Viterbi.TransitionLength} transition weights, has {transitions.Length}", nameof(transitions));
        LabelCount = labelCount;
        _carry = PlanCarry(templates, weights.HashBits, lexicon, refiner);
        if (_carry is not null)
        {
            // Both passes' weights in one table: the first pass's lookups fetch the second pass's weights with them.
            var (mine, its) = WeightTable.Pair(weights, refiner!.Weights);
            weights = mine;
            if (its != refiner.Weights) refiner = new NerModel(refiner.Language, refiner.Templates, its, refiner.Transitions, refiner.Lexicon, refiner.Temperature, labelCount: refiner.LabelCount);
        }
        Refiner = refiner;
        Temperature = temperature;
        _potentials = Marginals.Potentials(transitions, temperature, labelCount);
        Language = language;
        HashBits = weights.HashBits;
        Templates = templates;
        Weights = weights;
        Transitions = transitions;
        Lexicon = lexicon;
    }

    private readonly CarryPlan? _carry;
    /// <summary>Forward–backward's transition potentials (<see cref="Marginals.Potentials"/>).</summary>
    private readonly float[] _potentials;

    public Language Language { get; }
    public int HashBits { get; }
    public FeatureTemplate[] Templates { get; }
    public WeightTable Weights { get; }
    public float[] Transitions { get; }
    /// <summary>How many labels the model tags: <see cref="Bilou.Count"/>, or <see cref="Bilou.CountWithOther"/> with the X label.</summary>
    public int LabelCount { get; }
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
        new(Language, Templates, Weights, Transitions, Lexicon, temperature, Refiner?.WithTemperature(temperature), LabelCount);

    /// <summary>This model as the first pass of a stacked model whose second pass is <paramref name="refiner"/>.</summary>
    public NerModel WithRefiner(NerModel? refiner) => new(Language, Templates, Weights, Transitions, Lexicon, Temperature, refiner, LabelCount);

    /// <summary>First pass over every sentence of <paramref name="document"/> with this model's own weights (no furniture handling, no confidences).</summary>
    public void TagSentences(Document document, DocumentEvidence? evidence, List<Prediction> output)
    {
        foreach (var sentence in document.Sentences) Tag(document, sentence.FirstToken, sentence.EndToken, evidence, output, confidences: false);
    }

    /// <summary>Fibonacci hashing of the template seed plus the value (values are hashes or small codes; seeds are random).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Bucket(ulong seed, ulong value, int hashBits) => (int)(((seed + value) * 0x9E3779B97F4A7C15UL) >> (64 - hashBits));

    /// <summary>Writes the feature buckets of token <paramref name="i"/>; returns how many (at most Templates × MaxValues).</summary>
    public static int Featurize(ReadOnlySpan<FeatureTemplate> templates, int hashBits, SentenceFeatures s, int i, Span<int> buckets)
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
    public static void Accumulate(float[] weights, ReadOnlySpan<int> buckets, Span<float> row) => WeightTable.SumDense(weights, buckets, row);

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
        public readonly Carry Carry = new();
        /// <summary>Per token of a window: row offsets of its features, how many, and how many of them the refiner shares.</summary>
        public int[] Offsets = new int[Window * 64];
        public readonly int[] Counts = new int[Window], Shared = new int[Window];

        public static Scratch For(int n, int templates)
        {
            var s = t_scratch ??= new Scratch();
            if (s.Offsets.Length < Window * templates * FeatureTemplates.MaxValues) s.Offsets = new int[Window * templates * FeatureTemplates.MaxValues];
            if (s.Labels.Length < n)
            {
                s.Scores = new float[n * 2 * Viterbi.Stride];
                s.Back = new int[n * 2 * Viterbi.Stride];
                s.Labels = new int[n * 2];
                s.Marginals = new float[n * 2 * Viterbi.Stride];
                s.Work = new float[n * 4 * Viterbi.Stride];
            }
            if (s.Buckets.Length < templates * FeatureTemplates.MaxValues) s.Buckets = new int[templates * FeatureTemplates.MaxValues];
            return s;
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
        var s = Scratch.For(n, Templates.Length);
        s.Features.Load(document, first, end, Lexicon, evidence);
        Score(s, n, 0, null);
        Decode(document, first, end, s, output, confidences);
    }

    /// <summary>Tokens per window of <see cref="Score"/>: the rows of a window's features are prefetched while it is featurized, then summed.</summary>
    private const int Window = 16;

    /// <summary>
    /// Emission scores of the <paramref name="n"/> tokens loaded in the scratch (document tokens from <paramref name="first"/>).
    /// With <paramref name="carry"/> (a stacked model's first pass) it also sums the refiner's rows of the templates before
    /// the split and stores them, the refiner's row offsets of the later templates and the word hashes in the carry.
    /// </summary>
    private void Score(Scratch s, int n, int first, Carry? carry)
    {
        int width = Templates.Length * FeatureTemplates.MaxValues;
        int split = carry is null ? Templates.Length : _carry!.Split;
        var head = Templates.AsSpan(0, split);
        var tail = Templates.AsSpan(split);
        for (int from = 0; from < n; from += Window)
        {
            int to = Math.Min(n, from + Window);
            for (int i = from; i < to; i++)
            {
                int shared = Featurize(head, HashBits, s.Features, i, s.Buckets);
                int all = shared + Featurize(tail, HashBits, s.Features, i, s.Buckets.AsSpan(shared));
                // From here on only features with a weight row count (Collect).
                var offsets = s.Offsets.AsSpan((i - from) * width, width);
                int present = Weights.Collect(s.Buckets.AsSpan(0, shared), offsets);
                s.Shared[i - from] = present;
                s.Counts[i - from] = present + Weights.Collect(s.Buckets.AsSpan(shared, all - shared), offsets[present..]);
            }
            for (int i = from; i < to; i++)
            {
                var offsets = s.Offsets.AsSpan((i - from) * width, s.Counts[i - from]);
                var (lo, hi) = (Vector256<float>.Zero, Vector256<float>.Zero);
                if (carry is null) Weights.AddAt(offsets, ref lo, ref hi);
                else
                {
                    int shared = s.Shared[i - from], t = first + i;
                    var (lo2, hi2) = (Vector256<float>.Zero, Vector256<float>.Zero);
                    Weights.AddPairAt(offsets, shared, ref lo, ref hi, ref lo2, ref hi2);
                    lo2.CopyTo(carry.Partial.AsSpan(t * Viterbi.Stride));
                    hi2.CopyTo(carry.Partial.AsSpan(t * Viterbi.Stride + 8));
                    // The refiner's row of a paired offset starts one stride later.
                    var rest = carry.Tail.AsSpan(t * _carry!.TailWidth, offsets.Length - shared);
                    for (int k = 0; k < rest.Length; k++) rest[k] = offsets[shared + k] + Viterbi.Stride;
                    carry.TailCount[t] = (byte)rest.Length;
                    carry.Lower[t] = s.Features.Lower[i];
                    carry.Stem[t] = s.Features.Stem[i];
                }
                lo.CopyTo(s.Scores.AsSpan(i * Viterbi.Stride));
                hi.CopyTo(s.Scores.AsSpan(i * Viterbi.Stride + 8));
            }
        }
    }

    // ---- Stacked models: the second pass reuses the first pass's work ------------------------------------------------

    /// <summary>
    /// How a refiner's templates extend this model's: the refiner has this model's templates in the same order with the
    /// <c>doc-…</c> templates inserted as one block at <see cref="Split"/>. Its emission score of a token is then
    /// (sum over this model's templates before Split) + (doc templates) + (this model's templates from Split on), added
    /// in that order, so the first pass can compute the first part (and the buckets of the last) with its own lookups and
    /// the second pass adds only the doc templates' rows: the same sums, bit for bit.
    /// </summary>
    private sealed record CarryPlan(int Split, int DocTemplates, int TailWidth);

    /// <summary>Document-level templates whose values the second pass computes from the carried atoms alone (<see cref="SentenceFeatures.LoadCarried"/>).</summary>
    private static readonly HashSet<string> Carried = ["doc-word0", "doc-stem0", "doc-word-1,0,+1", "doc-token-1,0,+1", "doc-token0,word0"];

    private static CarryPlan? PlanCarry(FeatureTemplate[] first, int hashBits, TaggerLexicon lexicon, NerModel? refiner)
    {
        if (refiner is null || refiner.HashBits != hashBits || refiner.Lexicon != lexicon) return null;
        var second = refiner.Templates;
        int split = 0;
        while (split < first.Length && split < second.Length && first[split].Name == second[split].Name) split++;
        int docs = 0;
        while (split + docs < second.Length && Carried.Contains(second[split + docs].Name)) docs++;
        if (docs == 0 || second.Length != first.Length + docs) return null;
        for (int k = split; k < first.Length; k++)
            if (first[k].Name != second[k + docs].Name) return null;
        return new CarryPlan(split, docs, (first.Length - split) * FeatureTemplates.MaxValues);
    }

    /// <summary>
    /// Per document token, what the first pass leaves for the second (one per thread, reused): the refiner's partial
    /// emission sums, the refiner's row offsets of the templates after the doc block (those with a row), and the token's
    /// lower-case and stem hashes.
    /// </summary>
    private sealed class Carry
    {
        public Document? Document;
        public NerModel? Model;
        public float[] Partial = [];
        public int[] Tail = [];
        public byte[] TailCount = [];
        public ulong[] Lower = [], Stem = [];

        public void Begin(Document document, NerModel model, int tailWidth)
        {
            int tokens = document.Tokens.Count;
            if (Document == document && Model == model && Lower.Length >= tokens) return;
            Document = document;
            Model = model;
            if (Lower.Length < tokens || Tail.Length < tokens * tailWidth)
            {
                int size = Math.Max(tokens, Lower.Length);
                Partial = new float[size * Viterbi.Stride];
                Tail = new int[size * tailWidth];
                TailCount = new byte[size];
                Lower = new ulong[size];
                Stem = new ulong[size];
            }
        }
    }

    /// <summary>
    /// The first pass of a stacked model over tokens [<paramref name="first"/>, <paramref name="end"/>), as <see cref="Tag"/>
    /// without confidences; it also leaves in the thread's carry what <see cref="TagSecondPass"/> over the same tokens of
    /// the same document needs. Call it for every run of the document before the second pass.
    /// </summary>
    public void TagFirstPass(Document document, int first, int end, DocumentEvidence evidence, List<Prediction> output)
    {
        if (_carry is null) { Tag(document, first, end, evidence, output, confidences: false); return; }
        int n = end - first;
        if (n <= 0) return;
        var s = Scratch.For(n, Templates.Length);
        var c = s.Carry;
        c.Begin(document, this, _carry.TailWidth);
        s.Features.Load(document, first, end, Lexicon, evidence);
        Score(s, n, first, c);
        Decode(document, first, end, s, output, confidences: false);
    }

    /// <summary>
    /// The second pass (the <see cref="Refiner"/>, with confidences) over tokens [<paramref name="first"/>, <paramref name="end"/>)
    /// after <see cref="TagFirstPass"/> over the same tokens and <see cref="DocumentEvidence.AddPassOne"/>.
    /// </summary>
    public void TagSecondPass(Document document, int first, int end, DocumentEvidence evidence, List<Prediction> output)
    {
        var refiner = Refiner ?? throw new InvalidOperationException("a single-pass model has no second pass");
        if (_carry is null) { refiner.Tag(document, first, end, evidence, output); return; }
        int n = end - first;
        if (n <= 0) return;
        var s = Scratch.For(n, refiner.Templates.Length);
        var c = s.Carry;
        if (c.Document != document || c.Model != this || c.Lower.Length < document.Tokens.Count)
            throw new InvalidOperationException("TagSecondPass needs TagFirstPass over the same document on the same thread first");
        s.Features.LoadCarried(document, first, end, c.Lower, c.Stem, evidence);
        var docs = refiner.Templates.AsSpan(_carry.Split, _carry.DocTemplates);
        int width = docs.Length * FeatureTemplates.MaxValues;
        var weights = refiner.Weights;
        ref float partial = ref MemoryMarshal.GetArrayDataReference(c.Partial);
        for (int from = 0; from < n; from += Window)
        {
            int to = Math.Min(n, from + Window);
            for (int i = from; i < to; i++)
            {
                int k = Featurize(docs, HashBits, s.Features, i, s.Buckets);
                s.Counts[i - from] = weights.Collect(s.Buckets.AsSpan(0, k), s.Offsets.AsSpan((i - from) * width, width));
                int t = first + i;
                foreach (var offset in c.Tail.AsSpan(t * _carry.TailWidth, c.TailCount[t])) weights.PrefetchAt(offset);
            }
            for (int i = from; i < to; i++)
            {
                int t = first + i;
                var lo = Vector256.LoadUnsafe(ref partial, (nuint)(t * Viterbi.Stride));
                var hi = Vector256.LoadUnsafe(ref partial, (nuint)(t * Viterbi.Stride + 8));
                weights.AddAt(s.Offsets.AsSpan((i - from) * width, s.Counts[i - from]), ref lo, ref hi);
                weights.AddAt(c.Tail.AsSpan(t * _carry.TailWidth, c.TailCount[t]), ref lo, ref hi);
                lo.CopyTo(s.Scores.AsSpan(i * Viterbi.Stride));
                hi.CopyTo(s.Scores.AsSpan(i * Viterbi.Stride + 8));
            }
        }
        refiner.Decode(document, first, end, s, output, confidences: true);
    }

    /// <summary>Viterbi over the emission scores in the scratch, then the spans (with confidences from forward–backward if asked).</summary>
    private void Decode(Document document, int first, int end, Scratch s, List<Prediction> output, bool confidences)
    {
        int n = end - first;
        Viterbi.Decode(s.Scores, Transitions, n, s.Back, s.Labels, LabelCount);
        var spans = s.Spans;
        Bilou.Decode(s.Labels.AsSpan(0, n), spans);
        if (spans.Count == 0) return;
        if (confidences) Marginals.FromPotentials(s.Scores, _potentials, n, Temperature, s.Work, s.Marginals, spans[0].First, spans[^1].End, LabelCount);
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

    // ---- Persistence -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Payload layout (format version 3, little-endian; arrays are stored contiguously so loading is a bulk copy):
    /// <code>
    ///   table (the first pass):
    ///     i32 hashBits
    ///     i32 labelCount, then labelCount strings (BILOU names, then X if the model has it; order = label ids)
    ///     i32 templateCount, then template names (strings)
    ///     f32 × (labelCount + 1) × 16   transitions (row = previous label, last row = sentence start,
    ///                                   held in memory as row <see cref="Viterbi.StartRow"/>)
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
        w.Write(LabelCount);
        foreach (var name in Bilou.NamesFor(LabelCount)) w.Write(name);
        w.Write(Templates.Length);
        foreach (var t in Templates) w.Write(t.Name);
        for (int p = 0; p <= LabelCount; p++)
        {
            int from = p == LabelCount ? Viterbi.StartRow : p;
            foreach (var v in Transitions.AsSpan(from * Viterbi.Stride, Viterbi.Stride)) w.Write(v);
        }
        w.Write(Temperature);
        var rows = new List<int>();
        var masks = new List<ushort>();
        var values = new List<Half>();
        Span<float> row = stackalloc float[Viterbi.Stride];
        for (int b = 0; b < 1 << HashBits; b++)
        {
            ushort mask = 0;
            Weights.ReadRow(b, row);
            for (int y = 0; y < LabelCount; y++)
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

    private sealed record Table(FeatureTemplate[] Templates, float[] Transitions, float Temperature, WeightTable Weights, int LabelCount);

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
                refiner = new NerModel(language, second.Templates, second.Weights, second.Transitions, lexicon, second.Temperature, labelCount: second.LabelCount);
            }
            return new NerModel(language, first.Templates, first.Weights, first.Transitions, lexicon, first.Temperature, refiner, first.LabelCount);
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
        if (!names.SequenceEqual(Bilou.Names) && !names.SequenceEqual(Bilou.NamesWithOther))
            throw new ModelFormatException(path, $"has labels [{string.Join(' ', names)}], this program tags [{string.Join(' ', Bilou.Names)}] or [{string.Join(' ', Bilou.NamesWithOther)}]", "retrain it with this version");
        int nt = r.ReadInt32();
        var templateNames = Enumerable.Range(0, nt).Select(_ => r.ReadString()).ToArray();
        FeatureTemplate[] templates;
        try { templates = FeatureTemplates.Resolve(templateNames); }
        catch (ArgumentException e) { throw new ModelFormatException(path, $"uses feature templates this program lacks ({e.Message})", "use a model trained by this version", e); }
        var transitions = new float[Viterbi.TransitionLength];
        for (int p = 0; p <= labels; p++)
        {
            int row = p == labels ? Viterbi.StartRow : p;
            for (int y = 0; y < Viterbi.Stride; y++) transitions[row * Viterbi.Stride + y] = r.ReadSingle();
        }
        float temperature = r.ReadSingle();
        if (!(temperature > 0)) throw new ModelFormatException(path, $"has an invalid confidence temperature {temperature}", "retrain it");
        int rows = r.ReadInt32();
        var buckets = MemoryMarshal.Cast<byte, int>(r.ReadBytes(rows * sizeof(int)));
        var masks = MemoryMarshal.Cast<byte, ushort>(r.ReadBytes(rows * sizeof(ushort)));
        int count = r.ReadInt32();
        var values = MemoryMarshal.Cast<byte, Half>(r.ReadBytes(count * 2));
        if (buckets.Length != rows || masks.Length != rows || values.Length != count) throw new EndOfStreamException();
        int expected = 0;
        for (int k = 0; k < rows; k++)
        {
            int bucket = buckets[k];
            if ((uint)bucket >= 1u << hashBits || (k > 0 && bucket <= buckets[k - 1]))
                throw new ModelFormatException(path, $"has a weight row {bucket} outside its table or out of order", "retrain it");
            expected += BitOperations.PopCount(masks[k]);
        }
        if (expected > count) throw new EndOfStreamException();
        return new Table(templates, transitions, temperature, WeightTable.FromSparse(hashBits, buckets, masks, values), labels);
    }
}
