using BenchmarkDotNet.Attributes;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>
/// The per-document pipeline of the shipped <c>pipeline.json</c> (shipped models) on one core over 500 documents
/// (<see cref="BenchData.Texts"/>: distinct Russian and English news from the benchmark corpus when
/// <c>scripts/make-bench-corpus.sh</c> has made it, else the seeds repeated; tokens per operation printed at setup).
/// <see cref="UpTo"/> runs the stages from the first up to and including the named one, so the difference between two
/// consecutive rows is the cost of that stage on exactly the input it meets in a run; the last stage's row is the whole
/// pipeline. The stages are built afresh (models shared) before each iteration, so caches inside stages start cold, as
/// in a run's first documents. Tokens per second = tokens / mean; bytes per token = Allocated / tokens.
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*PipelineBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[ExtractRuntime]
public class PipelineBenchmarks
{
    private const int Documents = 500;
    private static readonly string ConfigPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");

    private PipelineConfig _config = null!;
    private StageContext _context = null!;
    private IStage[] _stages = [];
    private string[] _texts = [];

    /// <summary>The configured stages in order.</summary>
    public static IEnumerable<string> StageNames() => PipelineFactory.Load(ConfigPath).Pipeline.Stages.Select(s => s.Name);

    [ParamsSource(nameof(StageNames))]
    public string UpTo { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _config = PipelineConfig.Load(ConfigPath);
        _context = PipelineFactory.Context(_config, ConfigPath);
        _texts = BenchData.Texts(Documents);
        long tokens = 0;
        var tokenize = new Tokenization.TokenizeStage(new Tokenization.TokenizeOptions());
        foreach (var text in _texts)
        {
            var doc = new Document("d", text);
            tokenize.Process(doc);
            tokens += doc.Tokens.Count;
        }
        Console.WriteLine($"// PipelineBenchmarks: {tokens} tokens, {_texts.Sum(t => (long)t.Length)} chars per operation");
    }

    [IterationSetup]
    public void FreshStages()
    {
        var all = PipelineFactory.Build(_config, ConfigPath, _context).Pipeline.Stages;
        _stages = all.Take(all.Select(s => s.Name).ToList().IndexOf(UpTo) + 1).ToArray();
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
