using Extraction.Output;
namespace Extraction.Pipeline;

/// <summary>Loads pipeline.json and builds the checked stage chain; model paths resolve against the config's folder.</summary>
public static class PipelineFactory
{
    public static (DocumentPipeline Pipeline, TableOptions Tables) Load(string configPath) => Build(PipelineConfig.Load(configPath), configPath);

    /// <summary>The context whose model cache a run shares between the stages and the corpus linker (each model loaded once).</summary>
    public static StageContext Context(PipelineConfig config, string configPath) =>
        new(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, config.Models)));

    public static (DocumentPipeline Pipeline, TableOptions Tables) Build(PipelineConfig config, string configPath, StageContext? context = null)
    {
        context ??= Context(config, configPath);
        var pipeline = PipelineBuilder.Build(config, StageCatalog.CreateDefault(), context, configPath);
        var tables = new TableOptions { SpreadsheetSafe = config.Output.SpreadsheetSafe, JsonLines = config.Output.JsonLines };
        return (pipeline, tables);
    }
}
