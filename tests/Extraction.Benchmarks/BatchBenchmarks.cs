using System.Runtime.InteropServices;
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
/// present). The one-job row runs on one core (on Linux the benchmark thread, and so the workers it starts, are pinned to
/// the first core, as <c>taskset -c 0</c> would), so it measures the one-core throughput the target compares with; the
/// two-job row uses both cores. Scaling = Mean of the one-job row / Mean of the two-job row (target ≥ 1.8; BenchmarkDotNet
/// shows each row as its own baseline, so its Ratio column says nothing here).
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*BatchBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
[ExtractRuntime]
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

    private ulong _mask;
    private bool _pinned;

    [IterationSetup]
    public void PinToOneCore()
    {
        // More than 64 cores (a mask wider than 64 bits) or another OS: the row runs unpinned.
        if (Jobs != 1 || !OperatingSystem.IsLinux() || SchedGetAffinity(0, sizeof(ulong), out _mask) != 0) return;
        ulong first = _mask & (ulong)-(long)_mask;
        _pinned = SchedSetAffinity(0, sizeof(ulong), ref first) == 0;
    }

    [IterationCleanup]
    public void Unpin()
    {
        if (_pinned) SchedSetAffinity(0, sizeof(ulong), ref _mask);
        _pinned = false;
    }

    [DllImport("libc", EntryPoint = "sched_getaffinity")]
    private static extern int SchedGetAffinity(int thread, nint size, out ulong mask);

    [DllImport("libc", EntryPoint = "sched_setaffinity")]
    private static extern int SchedSetAffinity(int thread, nint size, ref ulong mask);

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
