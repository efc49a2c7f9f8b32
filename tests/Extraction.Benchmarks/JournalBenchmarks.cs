using BenchmarkDotNet.Attributes;
using Extraction.Batch;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>
/// The run journal's worker-side cost: encoding the piece records of 1,000 documents (<see cref="BenchData.Texts"/>) tagged
/// by the repository's pipeline.json, as <c>extract run</c> does for every piece it processes (the consumer only appends
/// the bytes). The setup prints the journal bytes per mention and per document.
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*JournalBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class JournalBenchmarks
{
    private const int Documents = 1_000;
    private Document[] _documents = [];

    [GlobalSetup]
    public void Setup()
    {
        var configPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");
        var pipeline = PipelineFactory.Build(PipelineConfig.Load(configPath), configPath).Pipeline;
        _documents = BenchData.Texts(Documents).Select((text, i) =>
        {
            var doc = new Document("doc" + i, text);
            pipeline.Process(doc);
            return doc;
        }).ToArray();
        long bytes = PieceRecords();
        long mentions = _documents.Sum(d => (long)d.Mentions.Count);
        Console.WriteLine($"// journal piece records: {bytes:N0} bytes for {Documents:N0} documents, {mentions:N0} mentions " +
            $"({(double)bytes / mentions:F1} B/mention, {(double)bytes / Documents:F0} B/document)");
    }

    [Benchmark]
    public long PieceRecords()
    {
        long bytes = 0;
        foreach (var doc in _documents) bytes += Journal.PieceRecord(0, 0, doc).Length;
        return bytes;
    }
}
