using BenchmarkDotNet.Attributes;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>
/// The whole per-document pipeline of the shipped <c>pipeline.json</c> (every stage, shipped models) on one core, over the
/// seeds repeated to ~200 documents; and each stage alone on documents already carrying the layers it needs.
/// Tokens per second = <see cref="Tokens"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private DocumentPipeline _pipeline = null!;
    private string[] _texts = [];

    public long Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        (_pipeline, _) = PipelineFactory.Load(Path.Combine(BenchData.RepoRoot, "pipeline.json"));
        var seeds = BenchData.Seeds();
        _texts = Enumerable.Range(0, 200).Select(i => seeds[i % seeds.Count].Text).ToArray();
        Tokens = Run();
        Console.WriteLine($"// {Tokens} tokens per operation; stages: {string.Join(" ", _pipeline.Stages.Select(s => s.Name))}");
    }

    [Benchmark]
    public long Run()
    {
        long tokens = 0;
        for (int i = 0; i < _texts.Length; i++)
        {
            var doc = new Document("d" + i, _texts[i]);
            _pipeline.Process(doc);
            tokens += doc.Tokens.Count;
        }
        return tokens;
    }
}
