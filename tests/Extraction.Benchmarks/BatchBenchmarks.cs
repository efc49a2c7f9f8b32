using BenchmarkDotNet.Attributes;
using Extraction.Batch;
using Extraction.Linking;
using Extraction.Pipeline;
using Extraction.Reading;

namespace Extraction.Benchmarks;

/// <summary>
/// A whole batch as <c>extract run</c> does it, models already loaded: reading and decoding files, the configured stages on
/// <see cref="Jobs"/> worker threads, corpus linking in input order, the mention spool, and the three tables with their
/// JSON Lines twins written. 2000 documents (<see cref="BenchData.Texts"/>: distinct ones from the benchmark corpus when
/// present). Scaling = 1 / Ratio of the two-job row (near-linear: Ratio ≤ 0.56).
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*BatchBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int Documents = 2000;
    private static readonly string ConfigPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");

    private string _root = "";
    private List<InputFile> _files = [];
    private PipelineConfig _config = null!;
    private StageContext _context = null!;

    [Params(1, 2)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("extraction-batch-bench-").FullName;
        var texts = BenchData.Texts(Documents);
        for (int i = 0; i < Documents; i++)
            File.WriteAllText(Path.Combine(_root, $"doc{i:D5}.txt"), texts[i]);
        _files = CorpusReader.Enumerate([_root]).ToList();
        _config = PipelineConfig.Load(ConfigPath);
        _context = PipelineFactory.Context(_config, ConfigPath);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true, Description = "batch of 2000 documents, tables written")]
    public long Run()
    {
        // Fresh stages and linker each time (models shared), as a new run has them.
        var (pipeline, tables) = PipelineFactory.Build(_config, ConfigPath, _context);
        var linker = new CorpusLinker(LinkingResources.Load(_context, _config.Linking.Gazetteer, _config.Linking.Lexicon, "linking"), _config.Linking);
        var outDir = Path.Combine(_root, "out");
        using var result = new BatchRunner(pipeline, linker, new BatchOptions { Jobs = Jobs, SpoolDirectory = outDir }, Serilog.Core.Logger.None).Run(_files);
        BatchRunner.WriteTables(outDir, result, tables with { Concurrent = Jobs > 1 });
        return result.Summary.Tokens;
    }
}
