using Extraction.Output;
namespace Extraction.Pipeline;

/// <summary>Loads pipeline.json and builds the checked stage chain; model paths resolve against the config's folder.</summary>
public static class PipelineFactory
{
    public static (DocumentPipeline Pipeline, TableOptions Tables) Load(string configPath) => Build(PipelineConfig.Load(configPath), configPath);

    public static (DocumentPipeline Pipeline, TableOptions Tables) Build(PipelineConfig config, string configPath)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var context = new StageContext(Path.GetFullPath(Path.Combine(baseDir, config.Models)));
        var pipeline = PipelineBuilder.Build(config, StageCatalog.CreateDefault(), context, configPath);
        var tables = new TableOptions { SpreadsheetSafe = config.Output.SpreadsheetSafe, JsonLines = config.Output.JsonLines };
        return (pipeline, tables);
    }
}
