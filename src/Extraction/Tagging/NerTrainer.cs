using System.Diagnostics;
using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Tagging;

/// <summary>Options of NER training (stored in the model's metadata).</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 10;
    public int Seed { get; init; } = 1;
    /// <summary>Feature hash table size is 2^HashBits rows.</summary>
    public int HashBits { get; init; } = 20;
    /// <summary>Fraction of training sentences added again in all caps (datelines, headlines).</summary>
    public double UpperCaseRate { get; init; } = 0.08;
    /// <summary>Fraction of training sentences added again in lower case.</summary>
    public double LowerCaseRate { get; init; } = 0.04;
    /// <summary>
    /// Case variants of three words or more are trained respelt, as the <c>ner</c> stage tags such sentences
    /// (<see cref="Truecaser"/>, with the model's lexicon and <see cref="RespellDictionary"/>), instead of raw.
    /// </summary>
    public bool RespellCaseVariants { get; init; }
    /// <summary>The dictionary respelling consults for Russian (null: the lexicon only).</summary>
    public Morphology.RussianMorphology? RespellDictionary { get; init; }
    /// <summary>Use the corpus' own tokenization when it has one (CoNLL, factRuEval) instead of the pipeline tokenizer.</summary>
    public bool GoldTokens { get; init; } = true;
    public IReadOnlyList<string> Templates { get; init; } = FeatureTemplates.DefaultNames;
    /// <summary>
    /// Stacking: 0 trains one pass (without the <c>doc-…</c> templates); k ≥ 2 also trains a second pass whose document-level
    /// features come from first-pass predictions made, for each training document, by a first pass trained on the other k − 1 folds.
    /// </summary>
    public int StackFolds { get; init; }
    /// <summary>
    /// Sentence-initial spans whose first word the training corpus writes in lower case mid-sentence are descriptions, not
    /// targets (<see cref="NerCorpus.Targets"/> with a <see cref="CaseProfile"/> of the training documents).
    /// </summary>
    public bool SentenceStartDescriptions { get; init; }
    /// <summary>Which sentences of silver training documents (<see cref="GoldDocument.Silver"/>) are training examples (<see cref="NerCorpus.KeepSilver"/>).</summary>
    public SilverSentences SilverSentences { get; init; } = SilverSentences.All;
    /// <summary>
    /// Feature bagging: each feature of a training token is left out of a visit (scoring and update alike) with this
    /// probability, drawn afresh at every visit from the seed; 0 = off.
    /// </summary>
    public double FeatureDropout { get; init; }
    /// <summary>
    /// Cost-augmented training: while training, every label but the gold one gets this much added to its score before
    /// decoding, so an update also happens when the gold sequence wins by less than the margin; 0 = the plain perceptron.
    /// </summary>
    public float Margin { get; init; }
    /// <summary>
    /// Fraction of gold training documents added again with their names swapped for other training names
    /// (<see cref="NerCorpus.SwapNames"/>; only the sentences holding a name); 0 = off.
    /// </summary>
    public double SwapRate { get; init; }
    /// <summary>
    /// Corpus labels of other kinds of names (NEREL FACILITY, EVENT, WORK_OF_ART, …; <see cref="GoldDocument.Others"/>) whose
    /// spans are taught as the X label (<see cref="NerCorpus.OtherTargets"/>), so the model learns them as names that are no
    /// PER/ORG/LOC instead of as O; empty = a 13-label model without X.
    /// </summary>
    public IReadOnlyList<string> OtherNames { get; init; } = [];
    /// <summary>
    /// Linear-chain CRF training instead of the perceptron: every token moves the weights by this rate times the gradient
    /// of the sentence's log-likelihood (gold features minus their expectation under forward–backward), averaged the same
    /// way; 0 = the perceptron.
    /// </summary>
    public float CrfRate { get; init; }
    /// <summary>The model's label count: <see cref="Bilou.CountWithOther"/> with <see cref="OtherNames"/>, else <see cref="Bilou.Count"/>.</summary>
    public int LabelCount => OtherNames.Count > 0 ? Bilou.CountWithOther : Bilou.Count;
}

/// <summary>Which sentences of a silver document are trusted as training data; a sentence with a doubtful range never is.</summary>
public enum SilverSentences
{
    /// <summary>Every sentence.</summary>
    All,
    /// <summary>Sentences with at least one target span.</summary>
    Matched,
    /// <summary>Sentences whose capitalised words after the first are all inside a target or an explained range.</summary>
    Explained,
}

/// <summary>
/// Structured averaged perceptron over BILOU (Collins 2002): each epoch visits the training sentences in a seeded shuffled
/// order, decodes with Viterbi under the current weights and, when the best sequence differs from the gold one, adds the
/// gold features and subtracts the predicted ones (emissions and transitions). The model keeps the average of the weights
/// over all steps (the lazy "w − u/c" form). Single-threaded and deterministic for a given seed and data order.
/// </summary>
public sealed class NerTrainer
{
    private sealed class Example
    {
        public required int[] Features;
        public required int[] Offsets;
        public required int[] Gold;
        public int Length => Gold.Length;
    }

    private readonly NerTrainingOptions _options;
    private readonly Language _language;
    private readonly FeatureTemplate[] _templates;
    private readonly TaggerLexicon _lexicon;
    private readonly List<Example> _examples = [];
    private readonly CaseProfile? _profile;

    /// <param name="profile">With <see cref="NerTrainingOptions.SentenceStartDescriptions"/>, the case profile the targets are chosen with.</param>
    public NerTrainer(Language language, TaggerLexicon lexicon, NerTrainingOptions options, bool secondPass = false, CaseProfile? profile = null)
    {
        _language = language;
        _profile = profile;
        _lexicon = lexicon;
        _options = options;
        _templates = FeatureTemplates.Resolve(options.Templates.Where(t => secondPass || !FeatureTemplates.IsSecondPass(t)));
        _otherLabels = options.OtherNames.ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> _otherLabels;

    /// <summary>
    /// Trains a model as <see cref="NerTrainingOptions.StackFolds"/> asks: one pass, or a first pass on all documents plus a
    /// refiner trained on out-of-fold first-pass predictions. <paramref name="afterEpoch"/> sees the final pass's epochs
    /// (for a stacked model, the first pass with the refiner so far). Returns the model and its training token count (with case variants).
    /// </summary>
    public static (NerModel Model, int TrainTokens) TrainModel(Language language, TaggerLexicon lexicon, NerTrainingOptions options,
        IReadOnlyList<GoldDocument> documents, Action<int, NerModel, TimeSpan>? afterEpoch = null, Action<string>? progress = null)
    {
        var profile = options.SentenceStartDescriptions ? CaseProfile.Build(documents) : null;
        var first = new NerTrainer(language, lexicon, options, profile: profile);
        first.Add(documents);
        progress?.Invoke($"Training data: {first.SentenceCount} sentences, {first.TokenCount} tokens (with case variants)");
        int k = options.StackFolds;
        if (k < 2) return (first.Train(afterEpoch), first.TokenCount);
        var folds = new NerModel[k];
        for (int f = 0; f < k; f++)
        {
            var t = new NerTrainer(language, lexicon, options, profile: profile);
            t.Add(documents.Where((_, i) => i % k != f));
            folds[f] = t.Train();
            progress?.Invoke($"First pass for fold {f + 1} of {k} trained");
        }
        var passOne = first.Train();
        progress?.Invoke("First pass trained on all documents");
        var second = new NerTrainer(language, lexicon, options, secondPass: true, profile: profile);
        second.Add(documents, i => folds[i % k]);
        var refiner = second.Train(afterEpoch is null ? null : (e, m, t) => afterEpoch(e, passOne.WithRefiner(m), t));
        return (passOne.WithRefiner(refiner), first.TokenCount);
    }

    public int SentenceCount => _examples.Count;
    public int TokenCount => _examples.Sum(e => e.Length);

    /// <summary>
    /// Adds the sentences of <paramref name="documents"/> (and their case variants) as training examples. For a second pass,
    /// <paramref name="passOne"/> gives, by document index, the first-pass model whose predictions feed the document evidence.
    /// </summary>
    public void Add(IEnumerable<GoldDocument> documents, Func<int, NerModel>? passOne = null)
    {
        int index = 0;
        var rng = new Random(_options.Seed);
        var swapRng = new Random(unchecked(_options.Seed * 31 + 11));
        var features = new SentenceFeatures();
        var buckets = new int[_templates.Length * FeatureTemplates.MaxValues];
        var list = documents as IReadOnlyList<GoldDocument> ?? documents.ToList();
        var pool = _options.SwapRate > 0 ? NerCorpus.NamePool(list.Where(d => d.Silver is null), _profile) : null;
        (Document, int[], DocumentEvidence) Load(GoldDocument gold, bool goldTokens)
        {
            var doc = NerCorpus.ToDocument(gold, _language, goldTokens);
            var labels = NerCorpus.Labels(doc, gold.Spans, _profile, gold.Others, _otherLabels);
            var evidence = DocumentEvidence.Build(doc);
            if (passOne is not null)
            {
                var predictions = new List<NerModel.Prediction>();
                passOne(index).TagSentences(doc, evidence, predictions);
                evidence.AddPassOne(doc, predictions);
            }
            return (doc, labels, evidence);
        }
        foreach (var gold in list)
        {
            var (doc, labels, evidence) = Load(gold, _options.GoldTokens);
            if (pool is not null && gold.Silver is null && swapRng.NextDouble() < _options.SwapRate
                && NerCorpus.SwapNames(gold, pool, swapRng, _profile) is { } swapped)
            {
                var (sdoc, slabels, sevidence) = Load(swapped, goldTokens: false);
                foreach (var sentence in sdoc.Sentences)
                    if (slabels.AsSpan(sentence.FirstToken, sentence.TokenCount).ContainsAnyExcept(0))
                        _examples.Add(Prepare(sdoc, sentence, slabels, sevidence, features, buckets));
            }
            index++;
            for (int si = 0; si < doc.Sentences.Count; si++)
            {
                var sentence = doc.Sentences[si];
                if (gold.Silver is { } marks && !NerCorpus.KeepSilver(doc, si, labels, marks, _options.SilverSentences)) continue;
                _examples.Add(Prepare(doc, sentence, labels, evidence, features, buckets));
                double roll = rng.NextDouble();
                if (roll < _options.UpperCaseRate + _options.LowerCaseRate)
                {
                    var variant = NerCorpus.CaseVariant(doc, si, upper: roll < _options.UpperCaseRate);
                    if (_options.RespellCaseVariants)
                    {
                        var words = new Truecaser.Words(_lexicon, _options.RespellDictionary);
                        int only = si;
                        variant = Truecaser.Recase(variant, (s, _) => s == only ? words : null) ?? variant;
                    }
                    _examples.Add(Prepare(variant, sentence, labels, evidence, features, buckets));
                }
            }
        }
    }

    private Example Prepare(Document doc, Sentence sentence, int[] labels, DocumentEvidence evidence, SentenceFeatures features, int[] buckets)
    {
        int n = sentence.TokenCount;
        features.Load(doc, sentence.FirstToken, sentence.EndToken, _lexicon, evidence);
        var offsets = new int[n + 1];
        var all = new List<int>(n * 40);
        for (int i = 0; i < n; i++)
        {
            int c = NerModel.Featurize(_templates, _options.HashBits, features, i, buckets);
            for (int k = 0; k < c; k++) all.Add(buckets[k]);
            offsets[i + 1] = all.Count;
        }
        return new Example { Features = all.ToArray(), Offsets = offsets, Gold = labels[sentence.FirstToken..sentence.EndToken] };
    }

    /// <summary>
    /// Runs the epochs; after each one <paramref name="afterEpoch"/> (if any) receives the averaged model so far, e.g. to log dev scores.
    /// </summary>
    public NerModel Train(Action<int, NerModel, TimeSpan>? afterEpoch = null)
    {
        const int S = Viterbi.Stride;
        int rows = 1 << _options.HashBits;
        var w = new float[rows * S];
        var u = new double[rows * S];
        int labelCount = _options.LabelCount;
        var tw = new float[Viterbi.TransitionLength];
        var tu = new double[tw.Length];
        long c = 1;
        var order = Enumerable.Range(0, _examples.Count).ToArray();
        var rng = new Random(_options.Seed);
        int maxLen = _examples.Count == 0 ? 1 : _examples.Max(e => e.Length);
        var scores = new float[maxLen * S];
        var back = new int[maxLen * S];
        var predicted = new int[maxLen];
        var clock = Stopwatch.StartNew();
        var bagRng = new Random(unchecked(_options.Seed * 31 + 7));
        var bag = new Example { Features = new int[_examples.Count == 0 ? 0 : _examples.Max(e => e.Features.Length)], Offsets = new int[maxLen + 1], Gold = [] };
        NerModel? model = null;
        CrfWork? crf = null;
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            foreach (var index in order)
            {
                var ex = _options.FeatureDropout > 0 ? Bagged(_examples[index], bagRng, bag) : _examples[index];
                int n = ex.Length;
                for (int i = 0; i < n; i++)
                {
                    NerModel.Accumulate(w, ex.Features.AsSpan(ex.Offsets[i], ex.Offsets[i + 1] - ex.Offsets[i]), scores.AsSpan(i * S, S));
                    if (_options.Margin != 0)
                        for (int y = 0; y < labelCount; y++)
                            if (y != ex.Gold[i]) scores[i * S + y] += _options.Margin;
                }
                if (_options.CrfRate > 0)
                {
                    CrfUpdate(ex, n, scores, tw, labelCount, w, u, tu, c, crf ??= new CrfWork(maxLen));
                    c++;
                    continue;
                }
                Viterbi.Decode(scores, tw, n, back, predicted, labelCount);
                for (int i = 0; i < n; i++)
                {
                    int g = ex.Gold[i], p = predicted[i];
                    if (g != p)
                    {
                        for (int k = ex.Offsets[i]; k < ex.Offsets[i + 1]; k++)
                        {
                            int f = ex.Features[k] * S;
                            w[f + g] += 1; u[f + g] += c;
                            w[f + p] -= 1; u[f + p] -= c;
                        }
                    }
                    int gp = i == 0 ? Viterbi.StartRow : ex.Gold[i - 1];
                    int pp = i == 0 ? Viterbi.StartRow : predicted[i - 1];
                    if (gp != pp || g != p)
                    {
                        tw[gp * S + g] += 1; tu[gp * S + g] += c;
                        tw[pp * S + p] -= 1; tu[pp * S + p] -= c;
                    }
                }
                c++;
            }
            model = Averaged(w, u, tw, tu, c);
            afterEpoch?.Invoke(epoch, model, clock.Elapsed);
        }
        return model ?? Averaged(w, u, tw, tu, c);
    }

    /// <summary>Scratch of <see cref="CrfUpdate"/>: scaled forward and backward vectors, node marginals, emission potentials.</summary>
    private sealed class CrfWork(int maxLen)
    {
        public readonly double[] Alpha = new double[maxLen * Viterbi.Stride], Beta = new double[maxLen * Viterbi.Stride];
        public readonly double[] Phi = new double[maxLen * Viterbi.Stride], Mu = new double[maxLen * Viterbi.Stride];
        public readonly double[] Psi = new double[Viterbi.TransitionLength];
    }

    /// <summary>
    /// One stochastic gradient step of the linear-chain CRF on <paramref name="ex"/>: forward–backward (scaled, in doubles,
    /// forbidden transitions at probability 0) gives the node and edge marginals; every feature of token i moves label y by
    /// rate × ([gold_i = y] − P(y_i = y)), every transition by rate × ([gold edge] − P(edge)); <paramref name="u"/> and
    /// <paramref name="tu"/> get the same steps times the step count, for the average (as the perceptron's).
    /// </summary>
    private void CrfUpdate(Example ex, int n, float[] scores, float[] tw, int L, float[] w, double[] u, double[] tu, long c, CrfWork k)
    {
        const int S = Viterbi.Stride, Start = Viterbi.StartRow;
        float rate = _options.CrfRate;
        var mask = Viterbi.Mask(L);
        var (alpha, beta, phi, mu, psi) = (k.Alpha, k.Beta, k.Phi, k.Mu, k.Psi);
        for (int p = 0; p < S; p++)
            for (int y = 0; y < L; y++)
                psi[p * S + y] = mask[p * S + y] < 0 ? 0 : Math.Exp(tw[p * S + y]);
        for (int i = 0; i < n; i++)
        {
            float max = float.NegativeInfinity;
            for (int y = 0; y < L; y++) max = MathF.Max(max, scores[i * S + y]);
            for (int y = 0; y < L; y++) phi[i * S + y] = Math.Exp(scores[i * S + y] - max);
        }
        static void Normalise(double[] v, int at, int count)
        {
            double sum = 0;
            for (int y = 0; y < count; y++) sum += v[at + y];
            if (sum > 0) for (int y = 0; y < count; y++) v[at + y] /= sum;
        }
        for (int y = 0; y < L; y++) alpha[y] = psi[Start * S + y] * phi[y];
        Normalise(alpha, 0, L);
        for (int i = 1; i < n; i++)
        {
            for (int y = 0; y < L; y++)
            {
                double a = 0;
                for (int p = 0; p < L; p++) a += alpha[(i - 1) * S + p] * psi[p * S + y];
                alpha[i * S + y] = a * phi[i * S + y];
            }
            Normalise(alpha, i * S, L);
        }
        for (int y = 0; y < L; y++) beta[(n - 1) * S + y] = Bilou.CanEnd(y) ? 1 : 0;
        for (int i = n - 2; i >= 0; i--)
        {
            for (int p = 0; p < L; p++)
            {
                double b = 0;
                for (int y = 0; y < L; y++) b += psi[p * S + y] * phi[(i + 1) * S + y] * beta[(i + 1) * S + y];
                beta[i * S + p] = b;
            }
            Normalise(beta, i * S, L);
        }
        for (int i = 0; i < n; i++)
        {
            for (int y = 0; y < L; y++) mu[i * S + y] = alpha[i * S + y] * beta[i * S + y];
            Normalise(mu, i * S, L);
        }
        double step = rate, stepC = rate * (double)c;
        for (int i = 0; i < n; i++)
        {
            int g = ex.Gold[i];
            for (int y = 0; y < L; y++)
            {
                double grad = (y == g ? 1 : 0) - mu[i * S + y];
                if (Math.Abs(grad) < 1e-4) continue;
                float d = (float)(step * grad);
                double du = stepC * grad;
                for (int f = ex.Offsets[i]; f < ex.Offsets[i + 1]; f++)
                {
                    int at = ex.Features[f] * S + y;
                    w[at] += d;
                    u[at] += du;
                }
            }
            // Transitions: the gold edge up, the expected edges down.
            int gp = i == 0 ? Start : ex.Gold[i - 1];
            tw[gp * S + g] += (float)step; tu[gp * S + g] += stepC;
            if (i == 0)
            {
                for (int y = 0; y < L; y++)
                {
                    double m = mu[y];
                    if (m < 1e-4) continue;
                    tw[Start * S + y] -= (float)(step * m); tu[Start * S + y] -= stepC * m;
                }
                continue;
            }
            double z = 0;
            for (int p = 0; p < L; p++)
                for (int y = 0; y < L; y++) z += alpha[(i - 1) * S + p] * psi[p * S + y] * phi[i * S + y] * beta[i * S + y];
            if (!(z > 0)) continue;
            for (int p = 0; p < L; p++)
            {
                double ap = alpha[(i - 1) * S + p];
                if (ap == 0) continue;
                for (int y = 0; y < L; y++)
                {
                    double m = ap * psi[p * S + y] * phi[i * S + y] * beta[i * S + y] / z;
                    if (m < 1e-4) continue;
                    tw[p * S + y] -= (float)(step * m); tu[p * S + y] -= stepC * m;
                }
            }
        }
    }

    /// <summary>
    /// <paramref name="ex"/> with each feature left out with probability <see cref="NerTrainingOptions.FeatureDropout"/>, written
    /// into <paramref name="bag"/> (reused across visits; its gold labels are <paramref name="ex"/>'s).
    /// </summary>
    private Example Bagged(Example ex, Random rng, Example bag)
    {
        double p = _options.FeatureDropout;
        int kept = 0;
        for (int i = 0; i < ex.Length; i++)
        {
            bag.Offsets[i] = kept;
            for (int k = ex.Offsets[i]; k < ex.Offsets[i + 1]; k++)
                if (rng.NextDouble() >= p) bag.Features[kept++] = ex.Features[k];
        }
        bag.Offsets[ex.Length] = kept;
        bag.Gold = ex.Gold;
        return bag;
    }

    private NerModel Averaged(float[] w, double[] u, float[] tw, double[] tu, long c)
    {
        var aw = new float[w.Length];
        for (int i = 0; i < w.Length; i++) aw[i] = (float)(w[i] - u[i] / c);
        var at = new float[tw.Length];
        for (int i = 0; i < tw.Length; i++) at[i] = (float)(tw[i] - tu[i] / c);
        return new NerModel(_language, _options.HashBits, _templates, aw, at, _lexicon, labelCount: _options.LabelCount);
    }
}
