using System.Globalization;

namespace Extraction.Evaluation;

/// <summary>The kinds of error the report counts; every unmatched gold or predicted span falls in exactly one.</summary>
public enum ErrorKind : byte
{
    /// <summary>A gold span no prediction touches.</summary>
    Missed = 0,
    /// <summary>A prediction that touches no gold span.</summary>
    Spurious = 1,
    /// <summary>A prediction over a gold span of another type (same boundaries, or overlapping ones).</summary>
    WrongType = 2,
    /// <summary>A prediction of the right type that overlaps a gold span with other boundaries.</summary>
    WrongBoundary = 3,
}

/// <summary>Error counts by kind.</summary>
public readonly record struct ErrorCounts(int Missed, int Spurious, int WrongType, int WrongBoundary)
{
    public int Total => Missed + Spurious + WrongType + WrongBoundary;

    public static ErrorCounts operator +(ErrorCounts a, ErrorCounts b) =>
        new(a.Missed + b.Missed, a.Spurious + b.Spurious, a.WrongType + b.WrongType, a.WrongBoundary + b.WrongBoundary);

    public ErrorCounts Add(ErrorKind kind) => kind switch
    {
        ErrorKind.Missed => this with { Missed = Missed + 1 },
        ErrorKind.Spurious => this with { Spurious = Spurious + 1 },
        ErrorKind.WrongType => this with { WrongType = WrongType + 1 },
        _ => this with { WrongBoundary = WrongBoundary + 1 },
    };
}

/// <summary>One error with the gold and predicted span involved (either may be absent), for the report's examples.</summary>
public sealed record ErrorExample(
    ErrorKind Kind, string DocId,
    string? GoldType, int? GoldStart, int? GoldEnd, string? GoldText,
    string? PredType, int? PredStart, int? PredEnd, string? PredText);

/// <summary>A strict match whose predicted normal form (or DATE value) differs from the gold one, for the report's examples.</summary>
public sealed record NormalExample(string DocId, string Type, int Start, int End, string Text, string Gold, string? Predicted);

/// <summary>Scores of one document, for the list of worst documents.</summary>
public sealed record DocumentScore(string DocId, int Gold, int Predicted, int Correct, double F1, ErrorCounts Errors);

/// <summary>
/// Everything <c>extract eval</c> reports for one corpus. <see cref="Metrics"/> flattens the figures the gate compares
/// into <c>family.row.measure</c> keys (for example <c>strict.PER.f1</c>, <c>token.micro.p</c>, <c>norm.all.folded</c>).
/// </summary>
public sealed record EvalResult
{
    public required int Documents { get; init; }
    /// <summary>The scored types, in PER, ORG, LOC, DATE order; spans of other types are ignored on both sides.</summary>
    public required IReadOnlyList<string> Types { get; init; }
    /// <summary>Same start, end and type.</summary>
    public required ScoreTable Strict { get; init; }
    /// <summary>A prediction is correct when it overlaps a gold span of its type; a gold span is found when such a prediction overlaps it.</summary>
    public required ScoreTable Partial { get; init; }
    /// <summary>Per-token labels (<see cref="EvalTokens"/>): a token takes the type of the outermost span containing it.</summary>
    public required ScoreTable Token { get; init; }
    /// <summary>Normal-form accuracy per type (PER/ORG/LOC) on strict matches whose gold has a normal form.</summary>
    public required IReadOnlyDictionary<string, NormalAccuracy> Normalization { get; init; }
    /// <summary>DATE value accuracy on strict matches whose gold has a value.</summary>
    public required Accuracy DateValue { get; init; }
    public required ErrorCounts Errors { get; init; }
    /// <summary>Predictions of types that were not scored (the gold does not annotate them, or <c>--types</c> left them out).</summary>
    public int UnscoredPredictions { get; init; }
    public required IReadOnlyList<ErrorExample> Examples { get; init; }
    /// <summary>The first normal forms and date values that differ from the gold (as many as examples of each error kind), in document order.</summary>
    public IReadOnlyList<NormalExample> NormalExamples { get; init; } = [];
    public required IReadOnlyList<DocumentScore> WorstDocuments { get; init; }

    public NormalAccuracy NormalizationAll => Normalization.Values.Aggregate(default(NormalAccuracy), (a, b) => a + b);

    /// <summary>
    /// The gated figures, sorted by key. Rows without support (nothing gold, nothing predicted) and accuracies over
    /// no items are left out, so a metric appears once it means something.
    /// </summary>
    public SortedDictionary<string, double> Metrics()
    {
        var m = new SortedDictionary<string, double>(StringComparer.Ordinal);
        Table("strict", Strict);
        Table("partial", Partial);
        Table("token", Token);
        foreach (var (type, acc) in Normalization) Normal(type, acc);
        Normal("all", NormalizationAll);
        if (DateValue.Total > 0) m["date.value"] = Round(DateValue.Value);
        return m;

        void Table(string family, ScoreTable t)
        {
            foreach (var (type, c) in t.ByType)
                if (c.HasSupport) Prf($"{family}.{type}", c.ToPrf());
            if (!t.Micro.HasSupport) return;
            Prf($"{family}.micro", t.Micro.ToPrf());
            Prf($"{family}.macro", t.Macro);
        }

        void Prf(string row, Prf s)
        {
            m[row + ".p"] = Round(s.Precision);
            m[row + ".r"] = Round(s.Recall);
            m[row + ".f1"] = Round(s.F1);
        }

        void Normal(string row, NormalAccuracy a)
        {
            if (a.Exact.Total == 0) return;
            m[$"norm.{row}.exact"] = Round(a.Exact.Value);
            m[$"norm.{row}.folded"] = Round(a.Folded.Value);
        }
    }

    /// <summary>Figures are kept to 4 decimals: enough for a 0.005 tolerance, and baselines stay readable in diffs.</summary>
    public static double Round(double v) => Math.Round(v, 4, MidpointRounding.AwayFromZero);

    public static string Format(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
