using BenchmarkDotNet.Attributes;
using Extraction.Documents;
using Extraction.Pipeline;
using Extraction.Reading;
using Extraction.Tagging;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>
/// The <c>ner</c> stage over the seeds repeated to ~1 MB of text (Russian and English sentences, shipped models:
/// <see cref="TagTokens"/>), and over distinct short documents as <c>extract run</c> sees them (<see cref="TagDocuments"/>:
/// the benchmark corpus, <see cref="BenchData.Texts"/>, tokenized, furniture found; a larger vocabulary, so more weight rows
/// come from memory, and the per-document costs). <c>OperationsPerInvoke</c> is the token count, so the reported mean is
/// the time per token (tokens/s = 1 / mean).
/// The environment variable <c>NER_RU_MODEL</c> (a file path) benchmarks a candidate Russian model instead of the shipped one.
/// </summary>
[MemoryDiagnoser]
public class NerBenchmarks
{
    private const int Tokens = 100_000;
    private Document _document = null!;
    private List<Document> _documents = [];
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
        // Distinct documents in corpus order until exactly Tokens tokens (the last one cut at a sentence, as above).
        int total = 0;
        foreach (var text in BenchData.Texts(4000))
        {
            var d = new Document($"doc{_documents.Count}", text);
            new TokenizeStage(new TokenizeOptions()).Process(d);
            new LanguageStage(new LanguageOptions()).Process(d);
            new FurnitureStage(new FurnitureOptions()).Process(d);
            int over = total + d.Tokens.Count - Tokens;
            if (over >= 0)
            {
                int cut = d.Sentences.FindIndex(x => x.EndToken >= Tokens - total);
                if (cut < 0) continue;
                var final = d.Sentences[cut];
                d.Sentences.RemoveRange(cut, d.Sentences.Count - cut);
                d.Sentences.Add(final with { EndToken = Tokens - total, Range = new TextRange(final.Range.Start, d.Tokens[Tokens - total - 1].End) });
            }
            _documents.Add(d);
            total = Math.Min(Tokens, total + d.Tokens.Count);
            if (total == Tokens) break;
        }
        if (total != Tokens) throw new InvalidOperationException("Benchmark documents too short for the benchmark.");
    }

    [Benchmark(OperationsPerInvoke = Tokens)]
    public int TagTokens()
    {
        _document.Mentions.Clear();
        _stage.Process(_document);
        return _document.Mentions.Count;
    }

    [Benchmark(OperationsPerInvoke = Tokens)]
    public int TagDocuments()
    {
        int mentions = 0;
        foreach (var d in _documents)
        {
            d.Mentions.Clear();
            _stage.Process(d);
            mentions += d.Mentions.Count;
        }
        return mentions;
    }
}
