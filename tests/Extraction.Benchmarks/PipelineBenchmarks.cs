using BenchmarkDotNet.Attributes;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>
/// The per-document pipeline of the shipped <c>pipeline.json</c> (shipped models) on one core, over the four seeds repeated
/// to 200 documents (mixed Russian and English news, about 48,000 tokens per operation; printed at setup).
/// <see cref="UpTo"/> runs the stages from the first one up to and including the named one, so the difference between
/// two consecutive rows is the cost of that stage on exactly the input it meets in a run; the row of the last stage
/// is the whole pipeline. Tokens per second = tokens / mean; bytes per token = Allocated / tokens.
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*PipelineBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private const int Documents = 200;
    private static readonly string ConfigPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");

    private IStage[] _stages = [];
    private string[] _texts = [];

    /// <summary>The configured stages in order.</summary>
    public static IEnumerable<string> StageNames() => PipelineFactory.Load(ConfigPath).Pipeline.Stages.Select(s => s.Name);

    [ParamsSource(nameof(StageNames))]
    public string UpTo { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var all = PipelineFactory.Load(ConfigPath).Pipeline.Stages;
        int last = all.Select(s => s.Name).ToList().IndexOf(UpTo);
        _stages = all.Take(last + 1).ToArray();
        var seeds = BenchData.Seeds();
        _texts = Enumerable.Range(0, Documents).Select(i => seeds[i % seeds.Count].Text).ToArray();
        long tokens = 0;
        foreach (var text in _texts)
        {
            var doc = new Document("d", text);
            new Tokenization.TokenizeStage(new Tokenization.TokenizeOptions()).Process(doc);
            tokens += doc.Tokens.Count;
        }
        Console.WriteLine($"// PipelineBenchmarks: {tokens} tokens, {_texts.Sum(t => t.Length)} chars per operation; stages {string.Join(" ", _stages.Select(s => s.Name))}");
    }

    [Benchmark]
    public int Run()
    {
        int mentions = 0;
        for (int i = 0; i < _texts.Length; i++)
        {
            var doc = new Document("d" + i, _texts[i]);
            foreach (var stage in _stages) stage.Process(doc);
            mentions += doc.Mentions.Count;
        }
        return mentions;
    }
}
