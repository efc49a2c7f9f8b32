using System.CommandLine;
using System.Globalization;
using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Evaluation;
using Extraction.Pipeline;
using Spectre.Console;

namespace Extraction.Cli;

/// <summary>
/// <c>extract eval --gold PATH</c>: scores the pipeline (or a mentions.csv given with <c>--pred</c>) against a gold corpus,
/// prints the figures, writes reports, and gates them against a saved baseline.
/// Exit codes: 0 scored (and the gate passed); 1 the gate failed or documents failed in the pipeline; 2 unreadable gold,
/// predictions, baseline or configuration, or bad options.
/// </summary>
internal static class EvalCommand
{
    /// <summary>What one evaluation is run on, as the options give it.</summary>
    private sealed record Request(
        string Gold, string? Format, string Config, string? Types, string? Pred, string[] Reports, string? Baseline,
        double Tolerance, string? SaveBaseline, int? Limit, bool Outermost, bool NamesOnly, int Worst, int Examples, string? Case, int Jobs);

    public static Command Create()
    {
        var gold = new Option<string>("--gold", "-g") { Description = "Gold corpus: a CoNLL file, a brat, factRuEval or MEANTIME folder, or a TSV file.", Required = true };
        var format = new Option<string?>("--format", "-f") { Description = "Gold format: conll, brat, factru, meantime or tsv (default: told from the path)." };
        var config = new Option<string>("--config", "-c") { Description = "Pipeline configuration to evaluate.", DefaultValueFactory = _ => "pipeline.json" };
        var types = new Option<string?>("--types", "-t") { Description = "Types to score, e.g. PER,ORG,LOC,DATE (default: the types the gold has)." };
        var pred = new Option<string?>("--pred") { Description = "Score this mentions.csv (from 'extract run' on the gold texts) instead of running the pipeline." };
        var report = new Option<string[]>("--report", "-r") { Description = "Write a report; .json or .md by extension (repeatable).", Arity = ArgumentArity.ZeroOrMore };
        var baseline = new Option<string?>("--baseline", "-b") { Description = "Gate: compare with this saved baseline and exit 1 when a figure drops." };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest drop the gate lets pass.", DefaultValueFactory = _ => 0.005 };
        var save = new Option<string?>("--save-baseline") { Description = "Write the figures of this run as a baseline file." };
        var limit = new Option<int?>("--limit", "-n") { Description = "Score only the first N gold documents." };
        var outermost = new Option<bool>("--outermost") { Description = "Reduce nested gold spans to the outermost ones (what a flat tagger can find)." };
        var namesOnly = new Option<bool>("--names-only") { Description = "Score PER/ORG/LOC against the NER stage's targets: gold spans starting with a lower-case letter (descriptions such as «правительства Китая») dropped, of nested names the outermost (NEREL; see models/ner-ru.md)." };
        var worst = new Option<int>("--worst") { Description = "How many worst documents to list.", DefaultValueFactory = _ => 10 };
        var examples = new Option<int>("--examples") { Description = "How many errors of each kind (missed, spurious, wrong type, wrong boundary), and how many differing normal forms and date values, the reports list.", DefaultValueFactory = _ => 5 };
        var textCase = new Option<string?>("--case") { Description = "Rewrite the gold texts before extraction: as-is (default), upper (all capitals) or lower (all lower case); spans keep their ranges. Measures robustness to case." };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };

        var cmd = new Command("eval", "Score extraction against a gold corpus (strict, partial and token P/R/F1, normal forms, dates) and gate regressions.")
        {
            gold, format, config, types, pred, report, baseline, tolerance, save, limit, outermost, namesOnly, worst, examples, textCase, jobs,
        };
        cmd.SetAction(parse => Execute(new Request(
            parse.GetValue(gold)!, parse.GetValue(format), parse.GetValue(config)!, parse.GetValue(types), parse.GetValue(pred),
            parse.GetValue(report) ?? [], parse.GetValue(baseline), parse.GetValue(tolerance), parse.GetValue(save),
            parse.GetValue(limit), parse.GetValue(outermost), parse.GetValue(namesOnly), parse.GetValue(worst), parse.GetValue(examples), parse.GetValue(textCase), parse.GetValue(jobs))));
        return cmd;
    }

    private static int Execute(Request q)
    {
        var console = CreateConsole();
        try
        {
            if (q.Tolerance < 0) throw new ArgumentException("--tolerance must be 0 or more.");
            if (q.Limit is <= 0) throw new ArgumentException("--limit must be a positive number of documents.");
            if (q.Examples < 0) throw new ArgumentException("--examples must be 0 or more.");
            foreach (var path in q.Reports) EvalReport.CheckPath(path);
            var types = ParseTypes(q.Types);
            var format = q.Format is null ? GoldCorpus.Detect(q.Gold)
                : GoldCorpus.TryParseFormat(q.Format, out var f) ? f
                : throw new ArgumentException($"--format {q.Format}: unknown format; use {GoldCorpus.FormatNames}.");
            var baseline = q.Baseline is null ? null : Baseline.Load(q.Baseline);
            var textCase = CaseVariants.Parse(q.Case);
            var gold = GoldCorpus.Read(q.Gold, format, q.Limit, q.Outermost, q.NamesOnly).Select(d => CaseVariants.Apply(d, textCase)).ToList();

            IReadOnlyList<EvalDocument> docs;
            string source;
            int failed = 0;
            if (q.Pred is not null)
            {
                var (paired, unmatched) = EvalRunner.Pair(gold, MentionsCsv.Read(q.Pred));
                docs = paired;
                source = q.Pred;
                if (unmatched.Count > 0)
                    console.MarkupLine($"[yellow]warning[/]: {unmatched.Count} predicted document(s) are not in the gold and were ignored, e.g. {Markup.Escape(unmatched[0])}");
            }
            else
            {
                var (pipeline, _) = PipelineFactory.Load(q.Config);
                var (predicted, failures) = EvalRunner.Predict(pipeline, gold, q.Jobs);
                docs = predicted;
                failed = failures.Count;
                source = $"{q.Config} ({string.Join(" → ", pipeline.Stages.Select(s => s.Name))})";
                foreach (var e in failures.Take(5)) console.MarkupLine($"[red]failed[/]: {Markup.Escape(e)}");
            }

            var result = Evaluator.Evaluate(docs, new EvalOptions { Types = types, WorstDocuments = q.Worst, ExamplesPerKind = q.Examples });
            var gate = baseline is null ? null : GateResult.Compare(baseline, result, q.Tolerance);
            if (textCase != CaseVariant.AsIs) source += $"; gold texts rewritten in {CaseVariants.Name(textCase)} case (--case)";
            var evalReport = new EvalReport(q.Gold, GoldCorpus.Name(format), source, result, gate);
            Render(console, evalReport, q.Tolerance);
            foreach (var path in q.Reports)
            {
                evalReport.Write(path);
                console.MarkupLine($"Report written to {Markup.Escape(path)}");
            }
            if (q.SaveBaseline is not null)
            {
                SaveBaseline(q, format, result);
                console.MarkupLine($"Baseline written to {Markup.Escape(q.SaveBaseline)}");
            }
            if (failed > 0)
            {
                console.MarkupLine($"[red]{failed} document(s) failed in the pipeline[/] and were scored as empty.");
                return Program.SomeFailed;
            }
            return gate is { Passed: false } ? Program.SomeFailed : Program.Ok;
        }
        catch (Exception e) when (e is ConfigException or Models.ModelFormatException or InvalidDataException or IOException
                                      or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Program.UsageError;
        }
    }

    private static IReadOnlyList<EntityType>? ParseTypes(string? types)
    {
        if (string.IsNullOrWhiteSpace(types)) return null;
        var list = new List<EntityType>();
        foreach (var code in types.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            list.Add(EntityTypes.TryParse(code.ToUpperInvariant(), out var t) ? t
                : throw new ArgumentException($"--types: '{code}' is not PER, ORG, LOC or DATE."));
        return list.Distinct().Order().ToList();
    }

    private static void SaveBaseline(Request q, GoldFormat format, EvalResult result)
    {
        var command = $"extract eval --gold {q.Gold} --format {GoldCorpus.Name(format)} --types {string.Join(',', result.Types)}"
            + (q.Limit is { } n ? $" --limit {n}" : "") + (q.Outermost ? " --outermost" : "") + (q.NamesOnly ? " --names-only" : "")
            + (CaseVariants.Name(CaseVariants.Parse(q.Case)) is { } textCase ? $" --case {textCase}" : "")
            + (q.Pred is null ? $" --config {q.Config}" : $" --pred {q.Pred}") + $" --save-baseline {q.SaveBaseline}";
        new Baseline
        {
            Command = command,
            Gold = q.Gold,
            Format = GoldCorpus.Name(format),
            Types = result.Types,
            Limit = q.Limit,
            Outermost = q.Outermost,
            NamesOnly = q.NamesOnly,
            Case = CaseVariants.Name(CaseVariants.Parse(q.Case)),
            Config = q.Pred is null ? q.Config : null,
            Predictions = q.Pred,
            Documents = result.Documents,
            Metrics = result.Metrics(),
        }.Save(q.SaveBaseline!);
    }

    /// <summary>A console for the tables; when the output is redirected (CI logs) it is plain text, wide enough for the span table.</summary>
    private static IAnsiConsole CreateConsole()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = Console.IsOutputRedirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        if (Console.IsOutputRedirected) console.Profile.Width = 160;
        return console;
    }

    private static void Render(IAnsiConsole console, EvalReport report, double tolerance)
    {
        var r = report.Result;
        console.MarkupLine($"[bold]Gold[/]: {Markup.Escape(report.Gold)} ({report.Format}), {r.Documents} documents, types {string.Join(", ", r.Types)}");
        console.MarkupLine($"[bold]Predictions[/]: {Markup.Escape(report.Predictions)}");
        if (r.UnscoredPredictions > 0)
            console.MarkupLine($"{r.UnscoredPredictions} predictions of types outside {string.Join(",", r.Types)} were not scored (--types scores them).");

        var spans = new Table().Border(TableBorder.Rounded).Title("Spans");
        spans.AddColumn("type");
        foreach (var c in new[] { "gold", "pred", "strict P", "strict R", "strict F1", "partial P", "partial R", "partial F1", "token P", "token R", "token F1" })
            spans.AddColumn(new TableColumn(c).RightAligned());
        foreach (var type in r.Types)
        {
            var s = r.Strict.ByType[type];
            spans.AddRow([type, Int(s.Gold), Int(s.Predicted), .. Cells(s.ToPrf()), .. Cells(r.Partial.ByType[type].ToPrf()), .. Cells(r.Token.ByType[type].ToPrf())]);
        }
        spans.AddRow(["[bold]micro[/]", Int(r.Strict.Micro.Gold), Int(r.Strict.Micro.Predicted), .. Cells(r.Strict.Micro.ToPrf()), .. Cells(r.Partial.Micro.ToPrf()), .. Cells(r.Token.Micro.ToPrf())]);
        spans.AddRow(["[bold]macro[/]", "", "", .. Cells(r.Strict.Macro), .. Cells(r.Partial.Macro), .. Cells(r.Token.Macro)]);
        console.Write(spans);

        var all = r.NormalizationAll;
        if (all.Exact.Total + r.DateValue.Total > 0)
        {
            var norm = new Table().Border(TableBorder.Rounded).Title("Normal forms, DATE values");
            norm.AddColumn("what");
            foreach (var c in new[] { "strict matches", "exact", "folded" }) norm.AddColumn(new TableColumn(c).RightAligned());
            foreach (var (type, a) in r.Normalization)
                if (a.Exact.Total > 0) norm.AddRow($"{type} normal form", Int(a.Exact.Total), Acc(a.Exact), Acc(a.Folded));
            if (all.Exact.Total > 0) norm.AddRow("all normal forms", Int(all.Exact.Total), Acc(all.Exact), Acc(all.Folded));
            if (r.DateValue.Total > 0) norm.AddRow("DATE value", Int(r.DateValue.Total), Acc(r.DateValue), "");
            console.Write(norm);
        }

        var e = r.Errors;
        console.MarkupLine($"[bold]Errors[/]: missed {e.Missed}, spurious {e.Spurious}, wrong type {e.WrongType}, wrong boundary {e.WrongBoundary}");
        if (r.WorstDocuments.Count > 0)
        {
            var worst = new Table().Border(TableBorder.Rounded).Title("Worst documents");
            worst.AddColumn("document");
            foreach (var c in new[] { "gold", "pred", "strict F1", "missed", "spurious", "wrong type", "wrong boundary" })
                worst.AddColumn(new TableColumn(c).RightAligned());
            foreach (var d in r.WorstDocuments)
                worst.AddRow(Markup.Escape(d.DocId), Int(d.Gold), Int(d.Predicted), EvalResult.Format(d.F1), Int(d.Errors.Missed),
                    Int(d.Errors.Spurious), Int(d.Errors.WrongType), Int(d.Errors.WrongBoundary));
            console.Write(worst);
        }

        if (report.Gate is not { } gate) return;
        foreach (var w in gate.Warnings) console.MarkupLine($"[yellow]warning[/]: {Markup.Escape(w)}");
        foreach (var c in gate.Drops) console.MarkupLine($"[red]drop[/] {c.Metric}: {EvalResult.Format(c.Baseline)} → {EvalResult.Format(c.Current)} ({Delta(c)})");
        foreach (var c in gate.Gains) console.MarkupLine($"[green]gain[/] {c.Metric}: {EvalResult.Format(c.Baseline)} → {EvalResult.Format(c.Current)} ({Delta(c)})");
        var tol = tolerance.ToString("0.###", CultureInfo.InvariantCulture);
        console.MarkupLine(gate.Passed
            ? $"[green]Gate passed[/]: no figure dropped by more than {tol}" + (gate.Gains.Count > 0 ? "; figures rose, consider saving a new baseline." : ".")
            : $"[red]Gate failed[/]: {gate.Drops.Count} figure(s) dropped by more than {tol}.");
    }

    private static string Int(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string[] Cells(Prf p) => [EvalResult.Format(p.Precision), EvalResult.Format(p.Recall), EvalResult.Format(p.F1)];
    private static string Acc(Accuracy a) => EvalResult.Format(a.Value);
    private static string Delta(MetricChange c) => c.Delta.ToString("+0.000;-0.000", CultureInfo.InvariantCulture);
}
