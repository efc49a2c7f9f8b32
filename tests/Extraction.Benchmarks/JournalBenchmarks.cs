using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Extraction.Batch;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>
/// The run journal's worker-side cost: encoding the piece records of 1,000 documents (<see cref="BenchData.Texts"/>) tagged
/// by the repository's pipeline.json, as <c>extract run</c> does for every piece it processes (the consumer only appends
/// the bytes); <c>JsonLines</c> is the JSON Lines piece line of journal format 1, which it replaced, for comparison. The
/// setup prints the bytes per mention and per document of both.
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
        long mentions = _documents.Sum(d => (long)d.Mentions.Count);
        foreach (var (name, bytes) in new[] { ("binary piece records", PieceRecords()), ("JSON Lines (format 1)", JsonLines()) })
            Console.WriteLine($"// journal {name}: {bytes:N0} bytes for {Documents:N0} documents, {mentions:N0} mentions " +
                $"({(double)bytes / mentions:F1} B/mention, {(double)bytes / Documents:F0} B/document)");
    }

    [Benchmark]
    public long PieceRecords()
    {
        long bytes = 0;
        foreach (var doc in _documents) bytes += Journal.PieceRecord(0, 0, doc).Length;
        return bytes;
    }

    [Benchmark(Baseline = true)]
    public long JsonLines()
    {
        long bytes = 0;
        foreach (var doc in _documents) bytes += JsonLine("/tmp/extraction-bench/base/doc.txt", 0, 0, doc).Length;
        return bytes;
    }

    private static readonly JsonWriterOptions LineOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> _line = new(1 << 14);

    /// <summary>A piece line of the JSON Lines journal (format 1), written as its writer did.</summary>
    private byte[] JsonLine(string path, int piece, int offset, Document document)
    {
        _line.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(_line, LineOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("piece"u8);
            w.WriteString("path"u8, path);
            w.WriteNumber("piece"u8, piece);
            w.WriteNumber("offset"u8, offset);
            w.WriteNumber("chars"u8, document.Text.Length);
            if (document.Date is { } date)
            {
                w.WriteStartObject("date"u8);
                w.WriteString("value"u8, date.Value);
                w.WriteString("source"u8, date.Source);
                if (date.Range is { } range)
                {
                    w.WriteStartObject("range"u8);
                    w.WriteNumber("start"u8, range.Start);
                    w.WriteNumber("end"u8, range.End);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteStartArray("mentions"u8);
            foreach (var m in document.Mentions)
            {
                w.WriteStartObject();
                w.WriteNumber("start"u8, m.Range.Start);
                w.WriteNumber("end"u8, m.Range.End);
                w.WriteString("type"u8, m.Type.Code());
                w.WriteString("source"u8, m.Source);
                w.WriteNumber("confidence"u8, m.Confidence);
                if (m.Normal is { } normal) w.WriteString("normal"u8, normal);
                w.WriteNumber("cluster"u8, m.Cluster);
                if (m.LinkKey is { } key) w.WriteString("linkKey"u8, key);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        _line.GetSpan(1)[0] = (byte)'\n';
        _line.Advance(1);
        return _line.WrittenSpan.ToArray();
    }
}
