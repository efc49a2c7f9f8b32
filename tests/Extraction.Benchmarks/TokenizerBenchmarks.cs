using BenchmarkDotNet.Attributes;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>
/// Tokenization + sentence splitting over ~1 MB of seed text (Russian and English). Tokens per second =
/// <see cref="TokenCount"/> / mean time; the allocation column shows no per-token allocation.
/// </summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private string _text = "";
    private readonly TokenTable _table = new(1 << 18);
    private readonly List<Sentence> _sentences = new(1 << 14);

    public int TokenCount { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchData.SeedText(1 << 20);
        Tokenizer.Tokenize(_text, _table);
        TokenCount = _table.Count;
        Console.WriteLine($"// {TokenCount} tokens in {_text.Length} chars");
    }

    [Benchmark]
    public int Tokenize()
    {
        _table.Clear();
        Tokenizer.Tokenize(_text, _table);
        return _table.Count;
    }

    [Benchmark]
    public int TokenizeAndSplit()
    {
        _table.Clear();
        _sentences.Clear();
        Tokenizer.Tokenize(_text, _table);
        SentenceSplitter.Split(_text, _table, _sentences);
        return _sentences.Count;
    }
}
