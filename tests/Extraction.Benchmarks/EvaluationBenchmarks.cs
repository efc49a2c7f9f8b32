using BenchmarkDotNet.Attributes;
using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Evaluation;

namespace Extraction.Benchmarks;

/// <summary>
/// Scoring cost of <c>extract eval</c> (every metric, error kinds, worst documents) over the seeds repeated to 200 documents,
/// with synthetic gold (every capitalized word, types in rotation) and predictions that keep, shift, retype or drop them.
/// Characters per second = <see cref="Chars"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private EvalDocument[] _docs = [];

    public long Chars { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var seeds = BenchData.Seeds();
        _docs = Enumerable.Range(0, 200).Select(i => Synthetic("d" + i, seeds[i % seeds.Count].Text)).ToArray();
        Chars = _docs.Sum(d => (long)d.Text.Length);
        Console.WriteLine($"// {Chars} characters, {_docs.Sum(d => d.Gold.Count)} gold spans per operation");
    }

    private static EvalDocument Synthetic(string id, string text)
    {
        var gold = new List<GoldSpan>();
        var pred = new List<GoldSpan>();
        int n = 0;
        foreach (var t in EvalTokens.Tokenize(text))
        {
            if (!char.IsUpper(text[t.Start])) continue;
            var type = (EntityType)(n % 3);
            gold.Add(new GoldSpan(t, type));
            switch (n++ % 5)
            {
                case 0: case 1: pred.Add(new GoldSpan(t, type)); break;
                case 2: pred.Add(new GoldSpan(new TextRange(t.Start, t.End - 1), type)); break;
                case 3: pred.Add(new GoldSpan(t, (EntityType)((n + 1) % 3))); break;
            }
        }
        return new EvalDocument(id, text, gold, pred);
    }

    [Benchmark]
    public double Evaluate() => Evaluator.Evaluate(_docs).Strict.Micro.F1;
}
