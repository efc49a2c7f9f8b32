using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Pipeline;
using Extraction.Tokenization;

namespace Extraction.Benchmarks;

/// <summary>
/// What linking adds to a run over 10,000 documents (<see cref="BenchData.Texts"/>: the 757 distinct documents of the
/// benchmark corpus in turn when it exists, else the seeds repeated). <c>Pipeline</c> runs the stages of the
/// repository's pipeline.json except <c>link</c>; when no stage tags PER/ORG/LOC yet, every run of capitalised words
/// becomes a mention (about 62 per document, denser than a tagger's). <c>PipelineAndLinking</c> adds in-document linking
/// and corpus linking with the shipped gazetteer and lexicon. The target: linking adds under 10%.
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*Linking*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class LinkingBenchmarks
{
    private const int Documents = 10_000;
    private string[] _texts = [];
    private (TextRange Range, EntityType Type)[][] _mentions = [];
    private DocumentPipeline _pipeline = null!;
    private bool _tagged;
    private LinkingResources _resources = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = BenchData.Texts(Documents);
        _mentions = _texts.Select(Capitalised).ToArray();
        var configPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");
        var config = PipelineConfig.Load(configPath);
        config = config with { Stages = config.Stages.Where(s => s.Name != "link").ToList() };
        _pipeline = PipelineFactory.Build(config, configPath).Pipeline;
        _tagged = _pipeline.Provides(Layers.Entities);
        var gaz = Gazetteer.Load(Path.Combine(BenchData.ModelsDir, "gazetteer.bin"));
        _resources = new LinkingResources(gaz, OrgLexicon.Load(Path.Combine(BenchData.ModelsDir, "org-lexicon.tsv"), gaz));
    }

    /// <summary>Runs of 1–3 capitalised words (not sentence-initial-looking single short words), typed in turn PER/ORG/LOC.</summary>
    private static (TextRange, EntityType)[] Capitalised(string text)
    {
        var found = new List<(TextRange, EntityType)>();
        int i = 0, n = 0;
        while (i < text.Length)
        {
            if (!CharClass.IsUpper(text[i]) || (i > 0 && CharClass.IsLetter(text[i - 1]))) { i++; continue; }
            int start = i, words = 0, end = i;
            while (i < text.Length && words < 3 && CharClass.IsUpper(text[i]))
            {
                while (i < text.Length && (CharClass.IsLetter(text[i]) || text[i] == '-')) i++;
                end = i;
                words++;
                if (i + 1 < text.Length && text[i] == ' ' && CharClass.IsUpper(text[i + 1])) i++;
                else break;
            }
            if (end - start >= 3) found.Add((new TextRange(start, end), (EntityType)(n++ % 3)));
            i = Math.Max(i, start + 1);
        }
        return found.ToArray();
    }

    private Document Make(int i)
    {
        var doc = new Document("doc" + i, _texts[i]);
        _pipeline.Process(doc);
        if (!_tagged)
            foreach (var (range, type) in _mentions[i % _mentions.Length]) doc.AddMention(new Mention(range, type, "bench"));
        return doc;
    }

    [Benchmark(Baseline = true)]
    public int Pipeline()
    {
        int tokens = 0;
        for (int i = 0; i < Documents; i++) tokens += Make(i).Tokens.Count;
        return tokens;
    }

    [Benchmark]
    public int PipelineAndLinking()
    {
        var stage = new LinkStage(_resources);
        var corpus = new CorpusLinker(_resources);
        int tokens = 0;
        for (int i = 0; i < Documents; i++)
        {
            var doc = Make(i);
            stage.Process(doc);
            corpus.Add(doc);
            tokens += doc.Tokens.Count;
        }
        corpus.Complete();
        return tokens + corpus.Entities().Count;
    }
}

/// <summary>In-process, few iterations: each operation handles 10,000 documents, and a separate benchmark build times out on a busy machine.</summary>
public sealed class InProcessConfig : ManualConfig
{
    public InProcessConfig() =>
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(5));
}
