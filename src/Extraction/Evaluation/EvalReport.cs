using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extraction.Output;

namespace Extraction.Evaluation;

/// <summary>An evaluation with what it was run on and the gate's verdict, written as JSON or Markdown.</summary>
public sealed record EvalReport(string Gold, string Format, string Predictions, EvalResult Result, GateResult? Gate = null)
{
    public SortedDictionary<string, double> Metrics => Result.Metrics();

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(), new RoundedDouble() },
    };

    /// <summary>Writes <c>.json</c> or <c>.md</c> by the file's extension.</summary>
    public void Write(string path)
    {
        CheckPath(path);
        AtomicFile.WriteText(path, IsJson(path) ? ToJson() : ToMarkdown());
    }

    /// <summary>Throws an <see cref="ArgumentException"/> unless the path ends in .json or .md (checked before a long run).</summary>
    public static void CheckPath(string path)
    {
        if (!IsJson(path) && !Path.GetExtension(path).Equals(".md", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"--report {path}: the report format follows the extension; use .json or .md.");
    }

    private static bool IsJson(string path) => Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase);

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public string ToMarkdown()
    {
        var r = Result;
        var sb = new StringBuilder();
        sb.AppendLine("# Evaluation").AppendLine();
        sb.AppendLine($"- gold: `{Gold}` ({Format}), {r.Documents} documents, types {string.Join(", ", r.Types)}");
        sb.AppendLine($"- predictions: {Predictions}");
        if (r.UnscoredPredictions > 0) sb.AppendLine($"- {r.UnscoredPredictions} predictions of other types were not scored");
        sb.AppendLine();

        sb.AppendLine("## Spans").AppendLine();
        sb.AppendLine("| type | gold | pred | strict P | strict R | strict F1 | partial P | partial R | partial F1 | token P | token R | token F1 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var type in r.Types)
        {
            var s = r.Strict.ByType[type];
            sb.AppendLine($"| {type} | {s.Gold} | {s.Predicted} | {Cells(s.ToPrf())} | {Cells(r.Partial.ByType[type].ToPrf())} | {Cells(r.Token.ByType[type].ToPrf())} |");
        }
        sb.AppendLine($"| micro | {r.Strict.Micro.Gold} | {r.Strict.Micro.Predicted} | {Cells(r.Strict.Micro.ToPrf())} | {Cells(r.Partial.Micro.ToPrf())} | {Cells(r.Token.Micro.ToPrf())} |");
        sb.AppendLine($"| macro | | | {Cells(r.Strict.Macro)} | {Cells(r.Partial.Macro)} | {Cells(r.Token.Macro)} |").AppendLine();

        sb.AppendLine("## Normal forms and date values (on strict matches)").AppendLine();
        sb.AppendLine("| what | scored | exact | folded (case, ё=е) |").AppendLine("|---|---:|---:|---:|");
        foreach (var (type, a) in r.Normalization) sb.AppendLine($"| {type} normal form | {a.Exact.Total} | {Acc(a.Exact)} | {Acc(a.Folded)} |");
        var all = r.NormalizationAll;
        sb.AppendLine($"| all normal forms | {all.Exact.Total} | {Acc(all.Exact)} | {Acc(all.Folded)} |");
        sb.AppendLine($"| DATE value | {r.DateValue.Total} | {Acc(r.DateValue)} | |").AppendLine();
        if (r.NormalExamples.Count > 0)
        {
            sb.AppendLine("| document | mention | gold normal form or value | predicted |").AppendLine("|---|---|---|---|");
            foreach (var x in r.NormalExamples)
                sb.AppendLine($"| {Esc(x.DocId)} | {Span(x.Type, x.Text, x.Start, x.End)} | {Esc(x.Gold)} | {(x.Predicted is null ? "(none)" : Esc(x.Predicted))} |");
            sb.AppendLine();
        }

        var e = r.Errors;
        sb.AppendLine("## Errors").AppendLine();
        sb.AppendLine("| missed | spurious | wrong type | wrong boundary |").AppendLine("|---:|---:|---:|---:|");
        sb.AppendLine($"| {e.Missed} | {e.Spurious} | {e.WrongType} | {e.WrongBoundary} |").AppendLine();
        if (r.Examples.Count > 0)
        {
            sb.AppendLine("| kind | document | gold | predicted |").AppendLine("|---|---|---|---|");
            foreach (var x in r.Examples)
                sb.AppendLine($"| {x.Kind} | {Esc(x.DocId)} | {Span(x.GoldType, x.GoldText, x.GoldStart, x.GoldEnd)} | {Span(x.PredType, x.PredText, x.PredStart, x.PredEnd)} |");
            sb.AppendLine();
        }

        if (r.WorstDocuments.Count > 0)
        {
            sb.AppendLine("## Worst documents").AppendLine();
            sb.AppendLine("| document | gold | pred | correct | strict F1 | missed | spurious | wrong type | wrong boundary |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var d in r.WorstDocuments)
                sb.AppendLine($"| {Esc(d.DocId)} | {d.Gold} | {d.Predicted} | {d.Correct} | {EvalResult.Format(d.F1)} | {d.Errors.Missed} | {d.Errors.Spurious} | {d.Errors.WrongType} | {d.Errors.WrongBoundary} |");
            sb.AppendLine();
        }

        if (Gate is { } g)
        {
            sb.AppendLine("## Gate").AppendLine();
            sb.AppendLine(g.Passed ? "**Passed**: no figure dropped by more than the tolerance." : $"**Failed**: {g.Drops.Count} figure(s) dropped.").AppendLine();
            foreach (var w in g.Warnings) sb.AppendLine($"- warning: {Esc(w)}");
            if (g.Drops.Count + g.Gains.Count > 0)
            {
                sb.AppendLine("| metric | baseline | now | change |").AppendLine("|---|---:|---:|---:|");
                foreach (var c in g.Drops.Concat(g.Gains))
                    sb.AppendLine($"| {c.Metric} | {EvalResult.Format(c.Baseline)} | {EvalResult.Format(c.Current)} | {c.Delta.ToString("+0.000;-0.000", CultureInfo.InvariantCulture)} |");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Cells(Prf p) => $"{EvalResult.Format(p.Precision)} | {EvalResult.Format(p.Recall)} | {EvalResult.Format(p.F1)}";

    private static string Acc(Accuracy a) => a.Total == 0 ? "—" : EvalResult.Format(a.Value);

    private static string Span(string? type, string? text, int? start, int? end) =>
        type is null ? "" : $"{type} «{Esc(text ?? "")}» [{start},{end})";

    /// <summary>Keeps a cell on one line and its pipes from splitting the table.</summary>
    private static string Esc(string s) => s.Replace("\r", " ").Replace("\n", " ").Replace("|", "\\|");

    /// <summary>Writes doubles rounded to 4 decimals so the JSON report reads as the terminal table does.</summary>
    private sealed class RoundedDouble : JsonConverter<double>
    {
        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();
        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(EvalResult.Round(value));
    }
}
