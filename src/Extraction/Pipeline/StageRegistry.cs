using System.Collections.Concurrent;
using System.Text.Json;

namespace Extraction.Pipeline;

/// <summary>What a stage factory gets besides its options: where models live and how to load them once.</summary>
public sealed class StageContext
{
    public StageContext(string modelsDirectory, ModelCache? cache = null)
    {
        ModelsDirectory = modelsDirectory;
        Cache = cache ?? new ModelCache();
    }

    public string ModelsDirectory { get; }
    public ModelCache Cache { get; }

    /// <summary>Resolves a model path from options (absolute, or relative to the models folder) and checks it exists.</summary>
    public string ModelPath(string configured, string where)
    {
        var path = Path.IsPathRooted(configured) ? configured : Path.Combine(ModelsDirectory, configured);
        if (!File.Exists(path))
            throw new ConfigException($"{where}: model file '{path}' not found. Check the path (relative to the models folder '{ModelsDirectory}') or train it (see README, 'Training').");
        return path;
    }
}

/// <summary>Loads each model file once per process, whichever stages share it.</summary>
public sealed class ModelCache
{
    // One entry per model, loaded by the first caller while others wait for it; different models load at the same time
    // (stages are built in parallel). A failed load is not kept, so the next caller tries again.
    private readonly ConcurrentDictionary<string, Lazy<object>> _models = new(StringComparer.Ordinal);

    public T Get<T>(string path, Func<string, T> load) where T : class
    {
        var key = typeof(T).FullName + "|" + Path.GetFullPath(path);
        var entry = _models.GetOrAdd(key, _ => new Lazy<object>(() => load(path), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return (T)entry.Value;
        }
        catch
        {
            _models.TryRemove(new KeyValuePair<string, Lazy<object>>(key, entry));
            throw;
        }
    }
}

/// <summary>
/// The table of stage names → factories. A factory binds its own options record from the JSON element
/// (unknown keys rejected) and builds the stage. Modules add their entries in <see cref="StageCatalog"/>.
/// </summary>
public sealed class StageRegistry
{
    private readonly Dictionary<string, Func<JsonElement?, string, StageContext, IStage>> _factories = new(StringComparer.Ordinal);

    public IEnumerable<string> Names => _factories.Keys.Order(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="name"/> with an options record <typeparamref name="TOptions"/>.</summary>
    public StageRegistry Add<TOptions>(string name, Func<TOptions, StageContext, IStage> create) where TOptions : new()
    {
        _factories.Add(name, (json, where, ctx) => create(PipelineConfig.BindOptions<TOptions>(json, where), ctx));
        return this;
    }

    public bool Contains(string name) => _factories.ContainsKey(name);

    public IStage Create(string name, JsonElement? options, string where, StageContext context)
    {
        if (!_factories.TryGetValue(name, out var factory))
            throw new ConfigException($"{where}: unknown stage '{name}'. Known stages: {string.Join(", ", Names)}.");
        return factory(options, where, context);
    }
}
