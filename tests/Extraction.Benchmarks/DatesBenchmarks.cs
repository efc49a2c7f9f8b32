using BenchmarkDotNet.Attributes;
using Extraction.Dates;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>
/// Speed of the <c>dates</c> stage alone (grammar scan, document date, resolution) over pre-tokenized text:
/// the seeds repeated to 1 MB (about 170k tokens; mixed Russian/English news, date-dense). Tokens per second =
/// <see cref="Tokens"/> / mean time. Target: at least 2 million tokens/s on one core.
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*DatesBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
public class DatesBenchmarks
{
    private Document _doc = null!;
    private DatesStage _stage = null!;

    /// <summary>Tokens in the benchmark document (printed at setup).</summary>
    public int Tokens => _doc.Tokens.Count;

    [GlobalSetup]
    public void Setup()
    {
        _doc = new Document("bench", BenchData.SeedText(1 << 20));
        new TokenizeStage(new TokenizeOptions()).Process(_doc);
        _stage = new DatesStage(new DatesOptions());
        Console.WriteLine($"// DatesBenchmarks: {Tokens} tokens, {_doc.Text.Length} chars");
    }

    [Benchmark]
    public int DatesStage()
    {
        _doc.Mentions.Clear();
        _stage.Process(_doc);
        return _doc.Mentions.Count;
    }
}
