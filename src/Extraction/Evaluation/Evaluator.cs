using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Evaluation;

/// <summary>What to score and how much detail to keep.</summary>
public sealed record EvalOptions
{
    /// <summary>Types to score; null scores the types that occur in the gold.</summary>
    public IReadOnlyList<EntityType>? Types { get; init; }
    public int WorstDocuments { get; init; } = 10;
    public int ExamplesPerKind { get; init; } = 5;
}

/// <summary>
/// Scores predictions against gold. Every figure is a sum over documents of per-document counts, so documents
/// can be scored in any order. Within a document, spans with the same range and type count once.
/// </summary>
public static class Evaluator
{
    private const int TypeCount = 4;

    public static EvalResult Evaluate(IReadOnlyList<EvalDocument> documents, EvalOptions? options = null)
    {
        options ??= new EvalOptions();
        var types = options.Types ?? TypesInGold(documents);
        var scored = new bool[TypeCount];
        foreach (var t in types) scored[(int)t] = true;

        var totals = new DocumentCounts();
        var docScores = new List<DocumentScore>(documents.Count);
        var examples = new List<ErrorExample>();
        var examplesByKind = new int[4];
        var normalExamples = new List<NormalExample>();
        int unscored = 0;
        foreach (var doc in documents)
        {
            foreach (var p in doc.Predicted) if (!scored[(int)p.Type]) unscored++;
            var counts = new DocumentCounts();
            var gold = Distinct(doc.Gold, scored);
            var pred = Distinct(doc.Predicted, scored);
            ScoreStrict(doc, gold, pred, counts, normalExamples, options.ExamplesPerKind);
            ScorePartial(gold, pred, counts);
            ScoreTokens(doc.Text, gold, pred, counts);
            foreach (var e in ClassifyErrors(doc, gold, pred, counts))
                if (examplesByKind[(int)e.Kind]++ < options.ExamplesPerKind) examples.Add(e);
            totals.Add(counts);
            var strict = Sum(counts.Strict);
            docScores.Add(new DocumentScore(doc.Id, gold.Count, pred.Count, strict.PredictedCorrect, strict.F1, counts.Errors));
        }

        var worst = docScores.Where(d => d.Errors.Total > 0)
            .OrderByDescending(d => d.Errors.Total).ThenBy(d => d.F1).ThenBy(d => d.DocId, StringComparer.Ordinal)
            .Take(options.WorstDocuments).ToList();
        var ordered = EntityTypes.All.Where(t => scored[(int)t]).ToList();
        return new EvalResult
        {
            Documents = documents.Count,
            Types = ordered.Select(t => t.Code()).ToList(),
            Strict = Table(totals.Strict, ordered),
            Partial = Table(totals.Partial, ordered),
            Token = Table(totals.Token, ordered),
            Normalization = ordered.Where(t => t != EntityType.DATE).ToDictionary(t => t.Code(), t => totals.Normal[(int)t]),
            DateValue = totals.DateValue,
            Errors = totals.Errors,
            UnscoredPredictions = unscored,
            Examples = examples.OrderBy(e => e.Kind).ToList(),
            NormalExamples = normalExamples,
            WorstDocuments = worst,
        };
    }

    /// <summary>The types that have at least one gold span, in PER, ORG, LOC, DATE order.</summary>
    public static IReadOnlyList<EntityType> TypesInGold(IEnumerable<EvalDocument> documents)
    {
        var seen = new bool[TypeCount];
        foreach (var d in documents)
            foreach (var s in d.Gold) seen[(int)s.Type] = true;
        return EntityTypes.All.Where(t => seen[(int)t]).ToList();
    }

    /// <summary>Case-folded form for the folded normalization accuracy: lower case, ё as е.</summary>
    public static string Fold(string s) => s.ToLowerInvariant().Replace('ё', 'е');

    private sealed class DocumentCounts
    {
        public readonly PrfCounts[] Strict = new PrfCounts[TypeCount];
        public readonly PrfCounts[] Partial = new PrfCounts[TypeCount];
        public readonly PrfCounts[] Token = new PrfCounts[TypeCount];
        public readonly NormalAccuracy[] Normal = new NormalAccuracy[TypeCount];
        public Accuracy DateValue;
        public ErrorCounts Errors;

        public void Add(DocumentCounts o)
        {
            for (int i = 0; i < TypeCount; i++)
            {
                Strict[i] += o.Strict[i]; Partial[i] += o.Partial[i]; Token[i] += o.Token[i]; Normal[i] += o.Normal[i];
            }
            DateValue += o.DateValue;
            Errors += o.Errors;
        }
    }

    private static PrfCounts Sum(PrfCounts[] counts) => counts.Aggregate(default(PrfCounts), (a, b) => a + b);

    private static ScoreTable Table(PrfCounts[] counts, List<EntityType> types) =>
        ScoreTable.From(types.ToDictionary(t => t.Code(), t => counts[(int)t]));

    /// <summary>Spans of the scored types, one per (range, type), sorted by start with the longer first.</summary>
    private static List<GoldSpan> Distinct(IReadOnlyList<GoldSpan> spans, bool[] scored)
    {
        var seen = new HashSet<(TextRange, EntityType)>();
        var list = new List<GoldSpan>(spans.Count);
        foreach (var s in spans)
            if (scored[(int)s.Type] && seen.Add((s.Range, s.Type))) list.Add(s);
        list.Sort(static (a, b) => a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : b.Range.End.CompareTo(a.Range.End));
        return list;
    }

    private static void ScoreStrict(EvalDocument doc, List<GoldSpan> gold, List<GoldSpan> pred, DocumentCounts counts,
        List<NormalExample> mismatches, int keep)
    {
        var byKey = gold.ToDictionary(g => (g.Range, g.Type));
        foreach (var g in gold) counts.Strict[(int)g.Type] += new PrfCounts(0, 0, 1, 0);
        foreach (var p in pred)
        {
            bool hit = byKey.TryGetValue((p.Range, p.Type), out var g);
            counts.Strict[(int)p.Type] += hit ? new PrfCounts(1, 1, 0, 1) : new PrfCounts(1, 0, 0, 0);
            if (!hit) continue;
            if (p.Type == EntityType.DATE)
            {
                if (string.IsNullOrEmpty(g!.Value)) continue;
                bool same = string.Equals(p.Value, g.Value, StringComparison.Ordinal);
                counts.DateValue += new Accuracy(1, same ? 1 : 0);
                if (!same && mismatches.Count < keep) mismatches.Add(Mismatch(doc, p, g.Value, p.Value));
            }
            else if (!string.IsNullOrEmpty(g!.Normal))
            {
                bool exact = string.Equals(p.Normal, g.Normal, StringComparison.Ordinal);
                bool folded = p.Normal is not null && string.Equals(Fold(p.Normal), Fold(g.Normal), StringComparison.Ordinal);
                counts.Normal[(int)p.Type] += new NormalAccuracy(new Accuracy(1, exact ? 1 : 0), new Accuracy(1, folded ? 1 : 0));
                if (!exact && mismatches.Count < keep) mismatches.Add(Mismatch(doc, p, g.Normal, p.Normal));
            }
        }
    }

    private static void ScorePartial(List<GoldSpan> gold, List<GoldSpan> pred, DocumentCounts counts)
    {
        foreach (var p in pred)
            counts.Partial[(int)p.Type] += new PrfCounts(1, gold.Exists(g => g.Type == p.Type && g.Range.Overlaps(p.Range)) ? 1 : 0, 0, 0);
        foreach (var g in gold)
            counts.Partial[(int)g.Type] += new PrfCounts(0, 0, 1, pred.Exists(p => p.Type == g.Type && p.Range.Overlaps(g.Range)) ? 1 : 0);
    }

    private static void ScoreTokens(string text, List<GoldSpan> gold, List<GoldSpan> pred, DocumentCounts counts)
    {
        if (gold.Count == 0 && pred.Count == 0) return;
        var tokens = EvalTokens.Tokenize(text);
        var goldLabels = Label(tokens, gold);
        var predLabels = Label(tokens, pred);
        for (int i = 0; i < tokens.Count; i++)
        {
            int g = goldLabels[i], p = predLabels[i];
            if (p >= 0) counts.Token[p] += new PrfCounts(1, p == g ? 1 : 0, 0, 0);
            if (g >= 0) counts.Token[g] += new PrfCounts(0, 0, 1, p == g ? 1 : 0);
        }
    }

    /// <summary>The type of each token: that of the first span (by start, longer first) that contains it whole, or -1.</summary>
    private static int[] Label(List<TextRange> tokens, List<GoldSpan> spans)
    {
        var labels = new int[tokens.Count];
        Array.Fill(labels, -1);
        for (int s = spans.Count - 1; s >= 0; s--)
        {
            var range = spans[s].Range;
            int i = FirstStartingAtOrAfter(tokens, range.Start);
            for (; i < tokens.Count && tokens[i].End <= range.End; i++) labels[i] = (int)spans[s].Type;
        }
        return labels;
    }

    private static int FirstStartingAtOrAfter(List<TextRange> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// Sorts every span left unmatched by the strict comparison into one error: a prediction with the range of a gold
    /// span is a wrong type; then overlapping pairs are matched greedily (same type first, then larger overlap) and are
    /// wrong boundaries (same type) or wrong types; what is left is missed (gold) or spurious (predicted).
    /// </summary>
    private static IEnumerable<ErrorExample> ClassifyErrors(EvalDocument doc, List<GoldSpan> gold, List<GoldSpan> pred, DocumentCounts counts)
    {
        var goldKeys = gold.Select(g => (g.Range, g.Type)).ToHashSet();
        var predKeys = pred.Select(p => (p.Range, p.Type)).ToHashSet();
        var g = gold.Where(x => !predKeys.Contains((x.Range, x.Type))).ToList();
        var p = pred.Where(x => !goldKeys.Contains((x.Range, x.Type))).ToList();
        var goldUsed = new bool[g.Count];
        var predUsed = new bool[p.Count];
        var errors = new List<ErrorExample>();

        for (int i = 0; i < p.Count; i++)
        {
            int j = g.FindIndex(x => x.Range == p[i].Range);
            while (j >= 0 && goldUsed[j]) j = g.FindIndex(j + 1, x => x.Range == p[i].Range);
            if (j < 0) continue;
            goldUsed[j] = predUsed[i] = true;
            errors.Add(Example(ErrorKind.WrongType, doc, g[j], p[i]));
        }

        var pairs = new List<(int P, int G, bool SameType, int Overlap)>();
        for (int i = 0; i < p.Count; i++)
        {
            if (predUsed[i]) continue;
            for (int j = 0; j < g.Count; j++)
            {
                if (goldUsed[j] || !p[i].Range.Overlaps(g[j].Range)) continue;
                int overlap = Math.Min(p[i].Range.End, g[j].Range.End) - Math.Max(p[i].Range.Start, g[j].Range.Start);
                pairs.Add((i, j, p[i].Type == g[j].Type, overlap));
            }
        }
        foreach (var (i, j, same, _) in pairs.OrderByDescending(x => x.SameType).ThenByDescending(x => x.Overlap).ThenBy(x => x.P).ThenBy(x => x.G))
        {
            if (predUsed[i] || goldUsed[j]) continue;
            goldUsed[j] = predUsed[i] = true;
            errors.Add(Example(same ? ErrorKind.WrongBoundary : ErrorKind.WrongType, doc, g[j], p[i]));
        }

        for (int j = 0; j < g.Count; j++)
            if (!goldUsed[j]) errors.Add(Example(ErrorKind.Missed, doc, g[j], null));
        for (int i = 0; i < p.Count; i++)
            if (!predUsed[i]) errors.Add(Example(ErrorKind.Spurious, doc, null, p[i]));

        foreach (var e in errors) counts.Errors = counts.Errors.Add(e.Kind);
        return errors.OrderBy(e => e.GoldStart ?? e.PredStart);
    }

    private static ErrorExample Example(ErrorKind kind, EvalDocument doc, GoldSpan? gold, GoldSpan? pred) => new(
        kind, doc.Id,
        gold?.Type.Code(), gold?.Range.Start, gold?.Range.End, gold is null ? null : Slice(doc.Text, gold.Range),
        pred?.Type.Code(), pred?.Range.Start, pred?.Range.End, pred is null ? null : Slice(doc.Text, pred.Range));

    private static NormalExample Mismatch(EvalDocument doc, GoldSpan pred, string gold, string? predicted) =>
        new(doc.Id, pred.Type.Code(), pred.Range.Start, pred.Range.End, Slice(doc.Text, pred.Range), gold, predicted);

    private static string Slice(string text, TextRange r) =>
        r.Start >= 0 && r.End <= text.Length && r.Start <= r.End ? r.Of(text) : $"[{r.Start},{r.End})";
}
