using System.Text.Json;
using System.Text.Json.Serialization;

namespace Extraction.Pipeline;

/// <summary>
/// The shape of <c>pipeline.json</c>: the ordered stage list, each with a registered <c>name</c> and
/// an <c>options</c> object bound to that stage's own <c>sealed record</c>. Unknown keys anywhere are errors.
/// </summary>
public sealed record PipelineConfig
{
    /// <summary>Format version of the configuration file.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Folder that model paths in stage options are relative to (relative to the config file).</summary>
    public string Models { get; init; } = "models";

    public IReadOnlyList<StageConfig> Stages { get; init; } = [];

    public OutputOptions Output { get; init; } = new();

    /// <summary>Corpus linking options (the in-document <c>link</c> stage has its own entry in <see cref="Stages"/>).</summary>
    public Linking.LinkingOptions Linking { get; init; } = new();

    /// <summary>The JSON settings every options record binds with: camelCase, unknown members rejected, comments allowed.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>Reads and binds a config file; problems become a <see cref="ConfigException"/> naming the file and JSON path.</summary>
    public static PipelineConfig Load(string path)
    {
        if (!File.Exists(path))
            throw new ConfigException($"{path}: configuration file not found. Pass --config FILE or run from the repository root, where pipeline.json lives.");
        try
        {
            var config = JsonSerializer.Deserialize<PipelineConfig>(File.ReadAllText(path), Json)
                ?? throw new ConfigException($"{path}: the file is empty; it must hold an object with a \"stages\" list.");
            return config;
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: {Describe(e)}", e);
        }
    }

    /// <summary>Binds <paramref name="json"/> to an options record, turning binding failures into messages with the path.</summary>
    public static T BindOptions<T>(JsonElement? json, string where) where T : new()
    {
        if (json is null || json.Value.ValueKind == JsonValueKind.Undefined || json.Value.ValueKind == JsonValueKind.Null)
            return new T();
        try
        {
            return json.Value.Deserialize<T>(Json) ?? new T();
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{where}: {Describe(e)}", e);
        }
    }

    internal static string Describe(JsonException e)
    {
        var msg = e.Message;
        // System.Text.Json phrases unknown members as "The JSON property 'x' could not be mapped to any .NET member contained in type 'T'."
        if (msg.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = msg.IndexOf('\'');
            var end = start >= 0 ? msg.IndexOf('\'', start + 1) : -1;
            var key = start >= 0 && end > start ? msg[(start + 1)..end] : "?";
            return $"unknown key '{key}' at {e.Path ?? "$"}; remove it or check its spelling against the README's pipeline.json reference.";
        }
        var cut = msg.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0) msg = msg[..cut];
        return $"bad value at {e.Path ?? "$"}: {msg}";
    }
}

/// <summary>One entry of the stage list.</summary>
public sealed record StageConfig
{
    public required string Name { get; init; }
    /// <summary>Set false to keep an entry in the file but skip it.</summary>
    public bool Enabled { get; init; } = true;
    public JsonElement? Options { get; init; }
}

/// <summary>Output options: spreadsheet safety and the extra JSON Lines output.</summary>
public sealed record OutputOptions
{
    /// <summary>Neutralise cells that a spreadsheet would run as formulas, and write a UTF-8 BOM.</summary>
    public bool SpreadsheetSafe { get; init; } = true;
    /// <summary>Also write documents.jsonl, mentions.jsonl and entities.jsonl.</summary>
    public bool JsonLines { get; init; } = true;
}
