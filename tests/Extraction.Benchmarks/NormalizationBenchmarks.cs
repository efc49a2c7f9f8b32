using BenchmarkDotNet.Attributes;
using Extraction.Documents;
using Extraction.Normalization;
using Extraction.Pipeline;

namespace Extraction.Benchmarks;

/// <summary>
/// The <c>normalize</c> stage over the mentions the shipped pipeline's stages before it find in 500 documents
/// (<see cref="BenchData.Texts"/>), with fresh caches each iteration (<see cref="Warm"/>: after one pass over the documents).
/// <see cref="Stage"/> is the stage as shipped (Russian person names read in the light of their document);
/// <see cref="ContextFree"/> sets every mention's cached context-free normal form only, so the ratio of the two is the
/// cost of the document context. Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*NormalizationBenchmarks*' --job short</c>
/// </summary>
[MemoryDiagnoser]
public class NormalizationBenchmarks
{
    private const int Documents = 500;
    private Document[] _documents = [];
    private StageContext _context = null!;
    private PipelineConfig _config = null!;
    private MentionNormalizer _normalizer = null!;
    private NormalizeStage _stage = null!;
    private NormalCache _cache = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");
        _config = PipelineConfig.Load(configPath);
        _context = PipelineFactory.Context(_config, configPath);
        var stages = PipelineFactory.Build(_config, configPath, _context).Pipeline.Stages;
        var before = stages.TakeWhile(s => s.Name != "normalize").ToArray();
        _documents = BenchData.Texts(Documents).Select((text, i) =>
        {
            var doc = new Document("d" + i, text);
            foreach (var stage in before) stage.Process(doc);
            return doc;
        }).ToArray();
        var options = new NormalizeOptions();
        var morph = _context.Cache.Get(_context.ModelPath(options.Morphology, "normalize.morphology"), Morphology.RussianMorphology.Load);
        var names = _context.Cache.Get(_context.ModelPath(options.Names, "normalize.names"), NameRules.Load);
        _normalizer = new MentionNormalizer(new RussianNormalizer(morph, names));
        Console.WriteLine($"// NormalizationBenchmarks: {_documents.Sum(d => d.Mentions.Count)} mentions, " +
                          $"{_documents.Sum(d => d.Mentions.Count(m => m.Type == EntityType.PER))} PER per operation");
    }

    /// <summary>Warm: the caches have seen these documents once (a long run's steady state); cold: fresh caches.</summary>
    [Params(false, true)]
    public bool Warm { get; set; }

    [IterationSetup]
    public void FreshCaches()
    {
        _stage = new NormalizeStage(_normalizer);
        _cache = new NormalCache();
        if (!Warm) return;
        ContextFree();
        Stage();
    }

    [Benchmark(Baseline = true)]
    public int ContextFree()
    {
        int n = 0;
        foreach (var doc in _documents)
            foreach (var mention in doc.Mentions)
            {
                if (mention.Type == EntityType.DATE) continue;
                mention.Normal = _cache.Get(doc.Slice(mention.Range), mention.Type, _normalizer.Normalize);
                n++;
            }
        return n;
    }

    [Benchmark]
    public int Stage()
    {
        foreach (var doc in _documents) _stage.Process(doc);
        return _documents.Length;
    }
}
