using System.Text.Json;
using System.Text.Json.Serialization;
using Extraction.Output;

namespace Extraction.Evaluation;

/// <summary>
/// Saved figures of one evaluation, the reference the gate compares with. Besides <see cref="Metrics"/> it records how
/// it was made (<see cref="Gold"/>, <see cref="Format"/>, <see cref="Types"/>, <see cref="Limit"/>, <see cref="Case"/>, <see cref="Config"/>),
/// so the project's quality tests can rerun exactly that evaluation and <see cref="Command"/> can regenerate it.
/// </summary>
public sealed record Baseline
{
    public int Version { get; init; } = 1;
    /// <summary>The command that writes this file again.</summary>
    public string? Command { get; init; }
    public required string Gold { get; init; }
    public required string Format { get; init; }
    public IReadOnlyList<string> Types { get; init; } = [];
    public int? Limit { get; init; }
    /// <summary>Nested gold spans were reduced to the outermost ones (<c>--outermost</c>).</summary>
    public bool Outermost { get; init; }
    /// <summary>PER/ORG/LOC gold spans were reduced to the NER stage's targets: names only, outermost (<c>--names-only</c>).</summary>
    public bool NamesOnly { get; init; }
    /// <summary>The gold texts were rewritten in this case before extraction (<c>--case upper</c> or <c>lower</c>); null = as they are.</summary>
    public string? Case { get; init; }
    /// <summary>The pipeline configuration that was scored, or null when <see cref="Predictions"/> was.</summary>
    public string? Config { get; init; }
    /// <summary>The mentions.csv that was scored (<c>--pred</c>), if any.</summary>
    public string? Predictions { get; init; }
    public int Documents { get; init; }
    public required SortedDictionary<string, double> Metrics { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public void Save(string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>Reads a baseline; a missing or malformed file is an <see cref="InvalidDataException"/> that names it.</summary>
    public static Baseline Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: baseline not found; write one with --save-baseline {path}.", path);
        try
        {
            return JsonSerializer.Deserialize<Baseline>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: the baseline is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a baseline file ({e.Message}); write it again with --save-baseline.", e);
        }
    }
}

/// <summary>A gated figure whose current value differs from the baseline by more than the tolerance.</summary>
public sealed record MetricChange(string Metric, double Baseline, double Current)
{
    public double Delta => Current - Baseline;
}

/// <summary>The gate's verdict: the figures that dropped (which fail it) and those that rose (a hint to save a new baseline).</summary>
public sealed record GateResult(IReadOnlyList<MetricChange> Drops, IReadOnlyList<MetricChange> Gains, IReadOnlyList<string> Warnings)
{
    public bool Passed => Drops.Count == 0;

    /// <summary>
    /// Compares every figure of the baseline with the current one. A figure missing now counts as 0 (a type that is
    /// no longer predicted at all has dropped); figures that are new now are not gated until a baseline has them.
    /// </summary>
    public static GateResult Compare(Baseline baseline, EvalResult current, double tolerance)
    {
        const double eps = 1e-9;
        var now = current.Metrics();
        var drops = new List<MetricChange>();
        var gains = new List<MetricChange>();
        foreach (var (key, before) in baseline.Metrics)
        {
            double after = now.GetValueOrDefault(key);
            if (before - after > tolerance + eps) drops.Add(new MetricChange(key, before, after));
            else if (after - before > tolerance + eps) gains.Add(new MetricChange(key, before, after));
        }
        foreach (var (key, after) in now)
            if (!baseline.Metrics.ContainsKey(key) && after > tolerance + eps) gains.Add(new MetricChange(key, 0, after));

        var warnings = new List<string>();
        if (baseline.Documents != 0 && baseline.Documents != current.Documents)
            warnings.Add($"the baseline scored {baseline.Documents} documents, this run {current.Documents}: the figures may not be comparable");
        if (baseline.Types.Count > 0 && !baseline.Types.SequenceEqual(current.Types))
            warnings.Add($"the baseline scored types {string.Join(",", baseline.Types)}, this run {string.Join(",", current.Types)}");
        return new GateResult(drops, gains, warnings);
    }
}
