using BenchmarkDotNet.Attributes;
using Extraction.Batch;
using Extraction.Linking;
using Extraction.Output;
using Extraction.Pipeline;
using Extraction.Reading;

namespace Extraction.Benchmarks;

/// <summary>
/// The serial tail of a batch: after the workers finish, one thread completes the corpus linker and writes the mention
/// tables from the spool (<c>mentions.csv</c> and <c>mentions.jsonl</c>, the largest outputs). The setup runs a batch over
/// the benchmark corpus once (<see cref="BenchData.CorpusDir"/>, else the seeds); each benchmark writes the whole mention
/// table to <see cref="Stream.Null"/>, so the disk is not measured, only reading the spool and encoding the rows.
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*TablesBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class TablesBenchmarks
{
    private string _root = "";
    private BatchResult _result = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Directory.CreateTempSubdirectory("extraction-tables-bench-").FullName;
        var input = BenchData.CorpusDir ?? BenchData.SeedsDir;
        var files = CorpusReader.Enumerate([input]).ToList();
        var configPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");
        var config = PipelineConfig.Load(configPath);
        var context = PipelineFactory.Context(config, configPath);
        var (pipeline, _) = PipelineFactory.Build(config, configPath, context);
        var linker = new CorpusLinker(LinkingResources.Load(context, config.Linking.Gazetteer, config.Linking.Lexicon, "linking"), config.Linking);
        _result = new BatchRunner(pipeline, linker, new BatchOptions { Jobs = 2, SpoolDirectory = _root }, Serilog.Core.Logger.None).Run(files);
        Console.WriteLine($"// {files.Count} documents from {input}: {_result.Mentions.Count:N0} mention rows, spool {_result.Mentions.Bytes:N0} bytes");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _result.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Benchmark(Description = "mentions.csv")]
    public void MentionsCsv()
    {
        using var csv = new CsvRows(Stream.Null, spreadsheetSafe: true);
        _result.Mentions.WriteCsv(csv);
    }

    [Benchmark(Description = "mentions.jsonl")]
    public void MentionsJsonLines()
    {
        using var json = new JsonLines(Stream.Null);
        _result.Mentions.WriteJsonLines(json);
    }
}
