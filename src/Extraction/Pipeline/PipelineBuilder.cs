using System.Runtime.ExceptionServices;

namespace Extraction.Pipeline;

/// <summary>
/// Builds the stage chain from a <see cref="PipelineConfig"/>: order only from the file, options bound
/// per stage, and the requires/provides chain checked with every gap reported at once.
/// </summary>
public static class PipelineBuilder
{
    public static DocumentPipeline Build(PipelineConfig config, StageRegistry registry, StageContext context, string configPath = "pipeline.json")
    {
        var problems = new List<string>();
        var stages = new List<IStage>();
        if (config.Version != 1)
            problems.Add($"{configPath}: $.version is {config.Version}; this program reads version 1.");
        // Stages are built in parallel (loading their models is most of the start-up), then taken in the file's order.
        var built = new IStage?[config.Stages.Count];
        var failed = new Exception?[config.Stages.Count];
        Parallel.For(0, config.Stages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var entry = config.Stages[i];
            if (!entry.Enabled) return;
            var where = $"{configPath}: $.stages[{i}] ('{entry.Name}')";
            try
            {
                built[i] = registry.Create(entry.Name, entry.Options, where + ".options", context);
            }
            catch (Exception e)
            {
                failed[i] = e;
            }
        });
        for (int i = 0; i < config.Stages.Count; i++)
        {
            if (failed[i] is ConfigException e) problems.AddRange(e.Problems.Count > 0 ? e.Problems : [e.Message]);
            else if (failed[i] is { } other) ExceptionDispatchInfo.Throw(other);
            else if (built[i] is { } stage) stages.Add(stage);
        }
        if (problems.Count == 0) problems.AddRange(CheckChain(stages, configPath));
        if (problems.Count > 0) throw new ConfigException(problems);
        return new DocumentPipeline(stages);
    }

    /// <summary>Every stage's requirements must be provided by a stage before it; returns all gaps.</summary>
    public static List<string> CheckChain(IReadOnlyList<IStage> stages, string configPath = "pipeline.json")
    {
        var problems = new List<string>();
        var available = new HashSet<string>(StringComparer.Ordinal) { Layers.Text };
        var providers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in stages)
            foreach (var p in s.Provides)
                providers.TryAdd(p, s.Name);
        foreach (var stage in stages)
        {
            foreach (var need in stage.Requires)
            {
                if (available.Contains(need)) continue;
                var fix = providers.TryGetValue(need, out var later)
                    ? $"move '{later}' before '{stage.Name}'"
                    : "add a stage that provides it";
                problems.Add($"{configPath}: stage '{stage.Name}' requires '{need}', which no earlier stage provides; {fix}.");
            }
            foreach (var p in stage.Provides) available.Add(p);
        }
        return problems;
    }
}
