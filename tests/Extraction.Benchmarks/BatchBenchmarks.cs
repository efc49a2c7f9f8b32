using BenchmarkDotNet.Attributes;
using Extraction.Batch;
using Extraction.Linking;
using Extraction.Pipeline;
using Extraction.Reading;

namespace Extraction.Benchmarks;

/// <summary>
/// Throughput of a whole batch (reading, decoding, the configured pipeline, ordered linking) over many documents with
/// one and two jobs. The acceptance target: two jobs at least 1.8× the one-job throughput (Ratio ≤ 0.56).
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*BatchBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int Documents = 2000;

    private string _root = "";
    private List<InputFile> _files = [];
    private DocumentPipeline _pipeline = null!;

    [Params(1, 2)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("extraction-batch-bench-").FullName;
        var seeds = BenchData.Seeds();
        for (int i = 0; i < Documents; i++)
            File.WriteAllText(Path.Combine(_root, $"doc{i:D5}.txt"), seeds[i % seeds.Count].Text);
        _files = CorpusReader.Enumerate([_root]).ToList();
        (_pipeline, _) = PipelineFactory.Load(Path.Combine(BenchData.RepoRoot, "pipeline.json"));
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Description = "batch of 2000 seed-sized documents")]
    public int Run() =>
        new BatchRunner(_pipeline, new SimpleCorpusLinker(), new BatchOptions { Jobs = Jobs }, Serilog.Core.Logger.None).Run(_files).Documents.Count;
}
