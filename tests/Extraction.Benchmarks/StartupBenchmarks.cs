using BenchmarkDotNet.Attributes;
using Extraction.Linking;
using Extraction.Morphology;
using Extraction.Normalization;
using Extraction.Pipeline;
using Extraction.Tagging;

namespace Extraction.Benchmarks;

/// <summary>
/// Start-up of <c>extract run</c>: loading each shipped model alone, and building the configured pipeline plus the corpus
/// linker's resources as the run does (every model). The Allocated column is what each model costs in managed memory.
/// Run: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*StartupBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[ExtractRuntime]
public class StartupBenchmarks
{
    private static string Model(string name) => Path.Combine(BenchData.ModelsDir, name);

    [Benchmark]
    public object NerRussian() => NerModel.Load(Model("ner-ru.bin"));

    [Benchmark]
    public object NerEnglish() => NerModel.Load(Model("ner-en.bin"));

    [Benchmark]
    public object Morphology() => RussianMorphology.Load(Model("ru-morph.bin"));

    [Benchmark]
    public object Names() => NameRules.Load(Model("ru-names.bin"));

    [Benchmark]
    public object GazetteerAndLexicon()
    {
        var gazetteer = Gazetteer.Load(Model("gazetteer.bin"));
        return OrgLexicon.Load(Model("org-lexicon.tsv"), gazetteer);
    }

    /// <summary>What <c>extract run</c> loads before the first document: the stages of pipeline.json and the corpus linker.</summary>
    [Benchmark(Baseline = true)]
    public object Everything()
    {
        var configPath = Path.Combine(BenchData.RepoRoot, "pipeline.json");
        var config = PipelineConfig.Load(configPath);
        var context = PipelineFactory.Context(config, configPath);
        var (pipeline, _) = PipelineFactory.Build(config, configPath, context);
        var linking = LinkingResources.Load(context, config.Linking.Gazetteer, config.Linking.Lexicon, "linking");
        return (pipeline, linking);
    }
}
