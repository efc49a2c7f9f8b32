using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Evaluation;
using Extraction.Pipeline;
using Extraction.Tokenization;
using static Extraction.Tests.Evaluation.EvaluatorTests;

namespace Extraction.Tests.Evaluation;

/// <summary>The regression gate: saved figures, drops beyond the tolerance, and a deliberately degraded tagger failing it.</summary>
public class GateTests
{
    /// <summary>A stand-in tagger: tags the tokens its lexicon lists. Removing entries degrades it the way a worse model would.</summary>
    private sealed class LexiconTagger(IReadOnlyDictionary<string, EntityType> lexicon) : IStage
    {
        public string Name => "lexicon";
        public IReadOnlyList<string> Requires => [Layers.Tokens];
        public IReadOnlyList<string> Provides => [Layers.Entities];

        public void Process(Document document)
        {
            foreach (ref var t in document.Tokens.AsSpan())
                if (lexicon.TryGetValue(document.Slice(t.Range), out var type))
                    document.AddMention(new Mention(t.Range, type, Name) { Normal = document.Slice(t.Range) });
        }
    }

    private sealed class Crashing : IStage
    {
        public string Name => "crash";
        public IReadOnlyList<string> Requires => [];
        public IReadOnlyList<string> Provides => [];
        public void Process(Document document) => throw new InvalidOperationException("boom");
    }

    private static readonly Dictionary<string, EntityType> Lexicon = new(StringComparer.Ordinal)
    {
        ["Putin"] = EntityType.PER, ["Merkel"] = EntityType.PER, ["Moscow"] = EntityType.LOC, ["Berlin"] = EntityType.LOC,
        ["Gazprom"] = EntityType.ORG, ["Siemens"] = EntityType.ORG,
    };

    private static IReadOnlyList<GoldDocument> Gold()
    {
        GoldDocument Doc(string id, string text, params (string Word, EntityType Type)[] spans) => new(id, text,
            spans.Select(s => new GoldSpan(TextRange.FromLength(text.IndexOf(s.Word, StringComparison.Ordinal), s.Word.Length), s.Type)).ToList());
        return
        [
            Doc("a", "Putin met Merkel in Berlin.", ("Putin", EntityType.PER), ("Merkel", EntityType.PER), ("Berlin", EntityType.LOC)),
            Doc("b", "Gazprom and Siemens signed in Moscow.", ("Gazprom", EntityType.ORG), ("Siemens", EntityType.ORG), ("Moscow", EntityType.LOC)),
            Doc("c", "Nothing happened.", []),
        ];
    }

    private static EvalResult Run(IReadOnlyDictionary<string, EntityType> lexicon)
    {
        var pipeline = new DocumentPipeline([new TokenizeStage(new TokenizeOptions()), new LexiconTagger(lexicon)]);
        var (docs, failed) = EvalRunner.Predict(pipeline, Gold(), jobs: 2);
        Assert.Empty(failed);
        return Evaluator.Evaluate(docs);
    }

    private static Baseline BaselineOf(EvalResult r) => new() { Gold = "mem", Format = "tsv", Types = r.Types, Documents = r.Documents, Metrics = r.Metrics() };

    [Fact]
    public void The_same_tagger_passes_its_own_baseline()
    {
        var baseline = BaselineOf(Run(Lexicon));
        Assert.Equal(1.0, baseline.Metrics["strict.micro.f1"]);
        var gate = GateResult.Compare(baseline, Run(Lexicon), 0.005);
        Assert.True(gate.Passed);
        Assert.Empty(gate.Gains);
        Assert.Empty(gate.Warnings);
    }

    [Fact]
    public void A_degraded_tagger_fails_the_gate_and_names_the_drops()
    {
        var baseline = BaselineOf(Run(Lexicon));
        var degraded = Lexicon.Where(kv => kv.Key != "Berlin" && kv.Key != "Siemens").ToDictionary();
        var gate = GateResult.Compare(baseline, Run(degraded), 0.005);
        Assert.False(gate.Passed);
        var drops = gate.Drops.ToDictionary(d => d.Metric);
        Assert.Equal(0.5, drops["strict.ORG.r"].Current);
        Assert.Equal(0.5, drops["strict.LOC.r"].Current);
        Assert.Equal(4.0 / 6, drops["strict.micro.r"].Current, 1e-4);
        Assert.DoesNotContain("strict.PER.r", drops.Keys);
        Assert.True(drops["strict.micro.r"].Delta < 0);
    }

    [Fact]
    public void A_crashing_pipeline_scores_its_documents_as_empty_and_fails_the_gate()
    {
        var baseline = BaselineOf(Run(Lexicon));
        var (docs, failed) = EvalRunner.Predict(new DocumentPipeline([new Crashing()]), Gold());
        Assert.Equal(3, failed.Count);
        Assert.Contains("boom", failed[0]);
        Assert.False(GateResult.Compare(baseline, Evaluator.Evaluate(docs), 0.005).Passed);
    }

    [Fact]
    public void Drops_within_the_tolerance_pass_and_gains_are_reported()
    {
        var baseline = new Baseline { Gold = "g", Format = "tsv", Metrics = new() { ["strict.micro.f1"] = 0.800, ["strict.PER.f1"] = 0.700 } };
        var current = Evaluator.Evaluate([new EvalDocument("d", "Bob Tom Ann Eve", [S(0, 3, EntityType.PER), S(4, 7, EntityType.PER)], [S(0, 3, EntityType.PER), S(8, 11, EntityType.PER)])]);
        // strict micro F1 = PER F1 = 0.5
        Assert.False(GateResult.Compare(baseline, current, 0.005).Passed);
        var lenient = GateResult.Compare(baseline, current, 0.35);
        Assert.True(lenient.Passed);
        Assert.True(GateResult.Compare(baseline with { Metrics = new() { ["strict.micro.f1"] = 0.503 } }, current, 0.005).Passed);
        var gains = GateResult.Compare(baseline with { Metrics = new() { ["strict.micro.f1"] = 0.3 } }, current, 0.005).Gains;
        Assert.Contains(gains, g => g.Metric == "strict.micro.f1");
        Assert.Contains(gains, g => g.Metric == "token.PER.p"); // new figure, not in the baseline
    }

    [Fact]
    public void A_figure_that_disappears_counts_as_a_drop_to_zero()
    {
        var baseline = new Baseline { Gold = "g", Format = "tsv", Metrics = new() { ["date.value"] = 0.9 } };
        var current = Evaluator.Evaluate([new EvalDocument("d", "Bob", [S(0, 3, EntityType.PER)], [S(0, 3, EntityType.PER)])]);
        var drop = Assert.Single(GateResult.Compare(baseline, current, 0.005).Drops);
        Assert.Equal(("date.value", 0.0), (drop.Metric, drop.Current));
    }

    [Fact]
    public void Differences_in_documents_or_types_are_warned_about()
    {
        var current = Evaluator.Evaluate([new EvalDocument("d", "Bob", [S(0, 3, EntityType.PER)], [])]);
        var gate = GateResult.Compare(new Baseline { Gold = "g", Format = "tsv", Documents = 5, Types = ["PER", "LOC"], Metrics = new() }, current, 0.005);
        Assert.Equal(2, gate.Warnings.Count);
    }

    [Fact]
    public void Baselines_round_trip_and_bad_files_name_the_fix()
    {
        var dir = Directory.CreateTempSubdirectory("eval-gate-").FullName;
        try
        {
            var path = Path.Combine(dir, "b.json");
            var baseline = BaselineOf(Run(Lexicon)) with { Command = "extract eval …", Limit = 3 };
            baseline.Save(path);
            var loaded = Baseline.Load(path);
            Assert.Equal(baseline.Metrics, loaded.Metrics);
            Assert.Equal((3, "mem"), (loaded.Limit!.Value, loaded.Gold));

            File.WriteAllText(path, "{ \"metrics\": 3 }");
            Assert.Contains("--save-baseline", Assert.Throws<InvalidDataException>(() => Baseline.Load(path)).Message);
            Assert.Throws<FileNotFoundException>(() => Baseline.Load(Path.Combine(dir, "missing.json")));
        }
        finally { Directory.Delete(dir, true); }
    }
}
