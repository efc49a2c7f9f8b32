namespace Extraction.Evaluation;

/// <summary>
/// Counts behind one precision/recall pair. <see cref="PredictedCorrect"/> counts predictions judged correct and
/// <see cref="GoldFound"/> gold items judged found; they are equal for strict and token matching and may differ for
/// partial overlap, where one gold span can be touched by several predictions.
/// Division by zero gives 0 (a type with no predictions has precision 0).
/// </summary>
public readonly record struct PrfCounts(int Predicted, int PredictedCorrect, int Gold, int GoldFound)
{
    public double Precision => Predicted == 0 ? 0 : (double)PredictedCorrect / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)GoldFound / Gold;
    public double F1 => Prf.Harmonic(Precision, Recall);

    /// <summary>Whether anything was predicted or annotated (rows without support are left out of averages and reports).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasSupport => Predicted + Gold > 0;

    public static PrfCounts operator +(PrfCounts a, PrfCounts b) =>
        new(a.Predicted + b.Predicted, a.PredictedCorrect + b.PredictedCorrect, a.Gold + b.Gold, a.GoldFound + b.GoldFound);

    public Prf ToPrf() => new(Precision, Recall, F1);
}

/// <summary>Precision, recall and F1.</summary>
public readonly record struct Prf(double Precision, double Recall, double F1)
{
    public static double Harmonic(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
}

/// <summary>
/// One metric family (strict, partial or token) over the scored types: counts per type, their sum (micro average)
/// and the unweighted mean of the per-type scores over types with support (macro average).
/// </summary>
public sealed record ScoreTable(IReadOnlyDictionary<string, PrfCounts> ByType, PrfCounts Micro, Prf Macro)
{
    public static ScoreTable From(IReadOnlyDictionary<string, PrfCounts> byType)
    {
        var micro = default(PrfCounts);
        double p = 0, r = 0, f = 0;
        int n = 0;
        foreach (var c in byType.Values)
        {
            micro += c;
            if (!c.HasSupport) continue;
            p += c.Precision; r += c.Recall; f += c.F1; n++;
        }
        return new ScoreTable(byType, micro, n == 0 ? default : new Prf(p / n, r / n, f / n));
    }
}

/// <summary>An accuracy: how many of <see cref="Total"/> items were right.</summary>
public readonly record struct Accuracy(int Total, int Correct)
{
    public double Value => Total == 0 ? 0 : (double)Correct / Total;
    public static Accuracy operator +(Accuracy a, Accuracy b) => new(a.Total + b.Total, a.Correct + b.Correct);
}

/// <summary>Normal-form accuracy on strictly matched spans whose gold has a normal form: exact, and folded (case, ё=е).</summary>
public readonly record struct NormalAccuracy(Accuracy Exact, Accuracy Folded)
{
    public static NormalAccuracy operator +(NormalAccuracy a, NormalAccuracy b) => new(a.Exact + b.Exact, a.Folded + b.Folded);
}
