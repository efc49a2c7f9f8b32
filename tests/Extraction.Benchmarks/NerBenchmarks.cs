using BenchmarkDotNet.Attributes;
using Extraction.Documents;
using Extraction.Pipeline;
using Extraction.Tagging;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>
/// The <c>ner</c> stage over the seeds repeated to ~1 MB of text (Russian and English sentences, shipped models).
/// <c>OperationsPerInvoke</c> is the token count, so the reported mean is the time per token (tokens/s = 1 / mean).
/// The environment variable <c>NER_RU_MODEL</c> (a file path) benchmarks a candidate Russian model instead of the shipped one.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private const int Tokens = 100_000;
    private Document _document = null!;
    private NerStage _stage = null!;

    [GlobalSetup]
    public void Setup()
    {
        _document = new Document("bench", BenchData.SeedText(1 << 20));
        new TokenizeStage(new TokenizeOptions()).Process(_document);
        new LanguageStage(new LanguageOptions()).Process(_document);
        // Keep exactly Tokens tokens' worth of sentences so OperationsPerInvoke is exact.
        int keep = _document.Sentences.FindIndex(s => s.EndToken >= Tokens);
        if (keep < 0) throw new InvalidOperationException("Seed text too short for the benchmark.");
        var last = _document.Sentences[keep];
        _document.Sentences.RemoveRange(keep, _document.Sentences.Count - keep);
        _document.Sentences.Add(last with { EndToken = Tokens, Range = new TextRange(last.Range.Start, _document.Tokens[Tokens - 1].End) });
        var ru = Environment.GetEnvironmentVariable("NER_RU_MODEL") is { Length: > 0 } candidate ? Path.GetFullPath(candidate) : new NerOptions().Ru;
        _stage = new NerStage(new NerOptions { Ru = ru }, new StageContext(BenchData.ModelsDir));
    }

    [Benchmark(OperationsPerInvoke = Tokens)]
    public int TagTokens()
    {
        _document.Mentions.Clear();
        _stage.Process(_document);
        return _document.Mentions.Count;
    }
}
