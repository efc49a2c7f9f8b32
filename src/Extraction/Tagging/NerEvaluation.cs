using System.Text;
using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Tagging;

/// <summary>True positives, false positives and false negatives per type, with precision, recall and F1.</summary>
public sealed class NerScores
{
    private readonly Dictionary<EntityType, (long Tp, long Fp, long Fn)> _counts = [];

    public void Add(EntityType type, long tp, long fp, long fn)
    {
        var c = _counts.GetValueOrDefault(type);
        _counts[type] = (c.Tp + tp, c.Fp + fp, c.Fn + fn);
    }

    public (long Tp, long Fp, long Fn) Counts(EntityType type) => _counts.GetValueOrDefault(type);

    public (long Tp, long Fp, long Fn) Micro => _counts.Values.Aggregate((0L, 0L, 0L), (a, c) => (a.Item1 + c.Tp, a.Item2 + c.Fp, a.Item3 + c.Fn));

    public static (double P, double R, double F1) Prf((long Tp, long Fp, long Fn) c)
    {
        double p = c.Tp + c.Fp == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fp);
        double r = c.Tp + c.Fn == 0 ? 0 : (double)c.Tp / (c.Tp + c.Fn);
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    public double F1(EntityType type) => Prf(Counts(type)).F1;
    public double MicroF1 => Prf(Micro).F1;

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var t in Bilou.Types)
        {
            var (p, r, f) = Prf(Counts(t));
            sb.Append($"{t.Code()} P {p:F3} R {r:F3} F1 {f:F3}; ");
        }
        var (mp, mr, mf) = Prf(Micro);
        sb.Append($"micro P {mp:F3} R {mr:F3} F1 {mf:F3}");
        return sb.ToString();
    }
}

/// <summary>
/// Scores a tagger against gold documents. The text is tokenized and split by the pipeline's own tokenizer (as in production),
/// and the model tags every sentence. Strict: a predicted span counts when its character range and type equal a gold
/// span: by default one of the <see cref="NerCorpus.Targets"/> (outermost names), with <c>raw</c> every outermost
/// PER/ORG/LOC span of the corpus, descriptions included; with a <c>profile</c>, the targets leave out sentence-initial descriptions too. Token level (naeval style): per type, the gold tokens covered by gold spans of that type
/// against the gold tokens overlapping predicted spans of that type.
/// </summary>
public static class NerEvaluation
{
    public static NerScores Strict(NerModel model, IEnumerable<GoldDocument> documents, bool raw = false, CaseProfile? profile = null)
    {
        var scores = new NerScores();
        foreach (var gold in documents)
        {
            var predicted = Predict(model, gold);
            var expected = raw ? Brat.Outermost(gold.Spans.Where(s => Bilou.IndexOf(s.Type) >= 0).ToList()) : NerCorpus.Targets(gold.Text, gold.Spans, profile);
            foreach (var t in Bilou.Types)
            {
                var g = expected.Where(s => s.Type == t).Select(s => s.Range).ToHashSet();
                var p = predicted.Where(m => m.Type == t).Select(m => m.Range).ToHashSet();
                int tp = p.Count(g.Contains);
                scores.Add(t, tp, p.Count - tp, g.Count - tp);
            }
        }
        return scores;
    }

    public static NerScores TokenLevel(NerModel model, IEnumerable<GoldDocument> documents)
    {
        var scores = new NerScores();
        foreach (var gold in documents)
        {
            var tokens = gold.Tokens ?? throw new ArgumentException($"{gold.Id}: token-level scoring needs the corpus tokenization.");
            var predicted = Predict(model, gold);
            foreach (var t in Bilou.Types)
            {
                var goldRanges = gold.Spans.Where(s => s.Type == t).Select(s => s.Range).ToList();
                var predRanges = predicted.Where(m => m.Type == t).Select(m => m.Range).ToList();
                long tp = 0, fp = 0, fn = 0;
                foreach (var tok in tokens)
                {
                    bool g = goldRanges.Any(r => r.Overlaps(tok));
                    bool p = predRanges.Any(r => r.Overlaps(tok));
                    if (g && p) tp++;
                    else if (p) fp++;
                    else if (g) fn++;
                }
                scores.Add(t, tp, fp, fn);
            }
        }
        return scores;
    }

    /// <summary>
    /// Fits the confidence temperature: of the candidates, the one whose span confidences best predict (log loss) whether a
    /// predicted span is right (strict match with a target span) on <paramref name="documents"/>.
    /// </summary>
    public static float CalibrateTemperature(NerModel model, IReadOnlyList<GoldDocument> documents)
    {
        float best = model.Temperature;
        double bestLoss = double.PositiveInfinity;
        foreach (var t in (float[])[1, 2, 3, 4, 6, 8, 12, 16, 24, 32])
        {
            var candidate = model.WithTemperature(t);
            double loss = 0;
            foreach (var gold in documents)
            {
                var targets = NerCorpus.Targets(gold.Text, gold.Spans).Select(s => (s.Range, s.Type)).ToHashSet();
                foreach (var m in Predict(candidate, gold))
                {
                    double p = Math.Clamp(m.Confidence, 1e-4, 1 - 1e-4);
                    loss -= targets.Contains((m.Range, m.Type)) ? Math.Log(p) : Math.Log(1 - p);
                }
            }
            if (loss < bestLoss) { bestLoss = loss; best = t; }
        }
        return best;
    }

    /// <summary>Runs the tagger over a gold document's text as the pipeline would and returns its mentions.</summary>
    public static IReadOnlyList<Mention> Predict(NerModel model, GoldDocument gold)
    {
        var doc = NerCorpus.ToDocument(gold, model.Language, goldTokens: false);
        var stage = model.Language == Language.Ru ? new NerStage(model, null) : new NerStage(null, model);
        stage.Process(doc);
        return doc.Mentions;
    }
}
