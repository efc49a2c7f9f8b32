using Extraction.Documents;
using Extraction.Evaluation;
using Extraction.Pipeline;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Evaluation;

/// <summary>
/// The project's own quality gate: each baseline in <c>tests/baselines/</c> records the evaluation that made it (gold slice,
/// format, types, configuration); these tests rerun it with the repository's pipeline and fail when any figure drops by
/// more than 0.005. Regenerate a baseline with the command stored in it (see docs/eval.md).
/// </summary>
public class QualityGateTests
{
    private const double Tolerance = 0.005;

    [QualityFact] public void FactRuEval_dev_slice_holds_its_baseline() => Gate("factru-dev.json");
    [QualityFact] public void Nerel_dev_slice_holds_its_baseline() => Gate("nerel-dev.json");
    // The same slice scored on the NER stage's targets (names only, outermost: the model card's convention).
    [QualityFact] public void Nerel_dev_slice_on_names_holds_its_baseline() => Gate("nerel-dev-names.json");
    [QualityFact] public void Conll_testa_slice_holds_its_baseline() => Gate("conll-testa.json");
    [QualityFact] public void Meantime_slice_holds_its_baseline() => Gate("meantime-en.json");
    // Robustness to case: the same slices with their texts in capitals or in lower case (extract eval --case).
    [QualityFact] public void Nerel_dev_slice_in_capitals_holds_its_baseline() => Gate("nerel-dev-upper.json");
    [QualityFact] public void Nerel_dev_slice_in_lower_case_holds_its_baseline() => Gate("nerel-dev-lower.json");
    [QualityFact] public void Conll_testa_slice_in_lower_case_holds_its_baseline() => Gate("conll-testa-lower.json");
    [QualityFact] public void Conll_testa_slice_in_capitals_holds_its_baseline() => Gate("conll-testa-upper.json");

    private static void Gate(string name)
    {
        var baseline = Baseline.Load(Path.Combine(SharedData.RepoRoot, "tests", "baselines", name));
        var format = GoldCorpus.TryParseFormat(baseline.Format, out var f) ? f : throw new InvalidDataException($"{name}: unknown format {baseline.Format}");
        var textCase = CaseVariants.Parse(baseline.Case);
        var gold = GoldCorpus.Read(ResolveGold(baseline.Gold), format, baseline.Limit, baseline.Outermost, baseline.NamesOnly)
            .Select(d => CaseVariants.Apply(d, textCase)).ToList();
        var (pipeline, _) = PipelineFactory.Load(Path.Combine(SharedData.RepoRoot, baseline.Config ?? "pipeline.json"));
        var (docs, failed) = EvalRunner.Predict(pipeline, gold);
        Assert.Empty(failed);
        var types = baseline.Types.Select(EntityTypes.Parse).ToList();
        var result = Evaluator.Evaluate(docs, new EvalOptions { Types = types });
        var gate = GateResult.Compare(baseline, result, Tolerance);
        Assert.Empty(gate.Warnings);
        Assert.True(gate.Passed,
            $"{name}: {gate.Drops.Count} figure(s) dropped by more than {Tolerance}:\n"
            + string.Join("\n", gate.Drops.Select(d => $"  {d.Metric}: {EvalResult.Format(d.Baseline)} -> {EvalResult.Format(d.Current)}"))
            + $"\nIf the drop is intended, regenerate the baseline from the repository root:\n  {baseline.Command}");
    }

    /// <summary>Baselines name the gold as <c>../shared/data/…</c> from the repository root; the shared folder may also be set by EXTRACTION_SHARED_DATA.</summary>
    private static string ResolveGold(string gold)
    {
        const string marker = "shared/data/";
        int i = gold.Replace('\\', '/').IndexOf(marker, StringComparison.Ordinal);
        return i >= 0 ? Path.Combine(SharedData.Root!, gold[(i + marker.Length)..]) : Path.GetFullPath(Path.Combine(SharedData.RepoRoot, gold));
    }
}
