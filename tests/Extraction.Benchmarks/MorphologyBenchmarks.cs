using BenchmarkDotNet.Attributes;
using Extraction.Morphology;

namespace Extraction.Benchmarks;

/// <summary>
/// Russian morphology: model load time and word analyses per second over the Cyrillic words of the seeds
/// (one operation = one word analysed, so "ns/op" is the cost of one analysis).
/// </summary>
[MemoryDiagnoser]
public class MorphologyBenchmarks
{
    private const int Words = 20000;
    private RussianMorphology _morph = null!;
    private string[] _words = [];
    private readonly MorphParse[] _buffer = new MorphParse[64];

    private static string ModelPath => Path.Combine(BenchData.ModelsDir, "ru-morph.bin");

    [GlobalSetup]
    public void Setup()
    {
        _morph = RussianMorphology.Load(ModelPath);
        var words = System.Text.RegularExpressions.Regex.Matches(BenchData.SeedText(1 << 16), @"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
            .Select(m => m.Value).ToArray();
        _words = Enumerable.Range(0, Words).Select(i => words[i % words.Length]).ToArray();
    }

    [Benchmark]
    public RussianMorphology Load() => RussianMorphology.Load(ModelPath);

    [Benchmark(OperationsPerInvoke = Words)]
    public int AnalyseWords()
    {
        int total = 0;
        foreach (var w in _words) total += _morph.Analyse(w, _buffer);
        return total;
    }
}
