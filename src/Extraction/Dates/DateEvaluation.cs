using System.Text;
using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Dates;

/// <summary>Span precision/recall/F1 (exact boundaries) and value accuracy on matched spans.</summary>
public sealed record DateScore(int Gold, int Predicted, int Matched, int Valued, int ValueCorrect, int LenientMatched)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    /// <summary>Share of exactly matched spans with a gold value (<see cref="Valued"/>) whose value equals it.</summary>
    public double ValueAccuracy => Valued == 0 ? 0 : (double)ValueCorrect / Valued;
    /// <summary>F1 counting overlapping spans as matches (each gold and predicted span used once).</summary>
    public double LenientF1 => Gold + Predicted == 0 ? 0 : 2.0 * LenientMatched / (Gold + Predicted);

    public override string ToString() =>
        $"gold {Gold}, predicted {Predicted}, matched {Matched}: P {Precision:F3} R {Recall:F3} F1 {F1:F3} (overlap F1 {LenientF1:F3}), value accuracy {ValueAccuracy:F3}";
}

/// <summary>
/// Scores the dates stage against gold DATE spans: each gold document is tokenized with our tokenizer, run through
/// <see cref="DatesStage"/> anchored to the gold document date when the corpus gives one, and compared span by span.
/// Which gold spans and which predictions count is the caller's choice (e.g. TIMEX3 DATE+TIME vs durations).
/// </summary>
public sealed class DateEvaluation(Func<GoldSpan, bool> goldFilter, Func<Mention, bool> predictedFilter, DatesOptions? options = null,
    Func<string, string?, bool>? valueEquals = null)
{
    /// <summary>How a gold value is compared with ours: exact by default; a corpus with coarser values may relax it.</summary>
    private readonly Func<string, string?, bool> _valueEquals = valueEquals ?? ((gold, ours) => gold == ours);
    private int _gold, _predicted, _matched, _valued, _valueCorrect, _lenient;
    private readonly StringBuilder _errors = new();
    private readonly DatesOptions _options = options ?? new DatesOptions();

    public DateScore Score => new(_gold, _predicted, _matched, _valued, _valueCorrect, _lenient);

    /// <summary>One line per error: <c>FN</c>/<c>FP</c> spans and <c>VAL</c> value mismatches, with the document id.</summary>
    public string Errors => _errors.ToString();

    public void Add(GoldDocument gold)
    {
        var doc = new Document(gold.Id, gold.Text);
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        var options = gold.DocumentDate is { } dct && TimexValue.TryParseDate(Day(dct), out _) ? _options with { DocDate = Day(dct) } : _options;
        new DatesStage(options).Process(doc);

        var goldSpans = gold.Spans.Where(s => s.Type == EntityType.DATE && goldFilter(s)).ToList();
        var predicted = doc.Mentions.Where(m => m.Type == EntityType.DATE && predictedFilter(m)).ToList();
        _gold += goldSpans.Count;
        _predicted += predicted.Count;
        var usedGold = new bool[goldSpans.Count];
        var usedPred = new bool[predicted.Count];
        for (int i = 0; i < goldSpans.Count; i++)
        {
            int j = predicted.FindIndex(m => m.Range == goldSpans[i].Range);
            if (j < 0) continue;
            usedGold[i] = usedPred[j] = true;
            _matched++;
            if (goldSpans[i].Value is null) continue;
            _valued++;
            if (_valueEquals(goldSpans[i].Value!, predicted[j].Normal)) _valueCorrect++;
            else _errors.AppendLine($"VAL\t{gold.Id}\t{gold.Text[goldSpans[i].Range.Start..goldSpans[i].Range.End]}\tgold {goldSpans[i].Value}\tours {predicted[j].Normal}\t{predicted[j].Source}");
        }
        int lenient = 0;
        var lenGold = (bool[])usedGold.Clone();
        var lenPred = (bool[])usedPred.Clone();
        for (int i = 0; i < goldSpans.Count; i++)
        {
            if (lenGold[i]) { lenient++; continue; }
            int j = predicted.FindIndex(m => m.Range.Overlaps(goldSpans[i].Range));
            if (j >= 0 && !lenPred[j]) { lenPred[j] = lenGold[i] = true; lenient++; }
        }
        _lenient += lenient;
        for (int i = 0; i < goldSpans.Count; i++)
            if (!usedGold[i]) _errors.AppendLine($"FN\t{gold.Id}\t{gold.Text[goldSpans[i].Range.Start..goldSpans[i].Range.End]}\t{goldSpans[i].OriginalLabel}\t{goldSpans[i].Value}\t{Context(gold.Text, goldSpans[i].Range)}");
        for (int j = 0; j < predicted.Count; j++)
            if (!usedPred[j]) _errors.AppendLine($"FP\t{gold.Id}\t{doc.Slice(predicted[j].Range)}\t{predicted[j].Normal}\t{Context(gold.Text, predicted[j].Range)}");
    }

    /// <summary>The day part of a creation time (<c>2008-03-01T12:00</c> → <c>2008-03-01</c>).</summary>
    private static string Day(string value) => value.Length > 10 ? value[..10] : value;

    private static string Context(string text, TextRange r)
    {
        int a = Math.Max(0, r.Start - 40), b = Math.Min(text.Length, r.End + 40);
        return text[a..r.Start].Replace('\n', ' ') + "[[" + text[r.Start..r.End] + "]]" + text[r.End..b].Replace('\n', ' ');
    }
}
