namespace Extraction.Pipeline;

/// <summary>
/// A configuration problem: unknown stage or key, bad value, missing model, unmet requirement.
/// The message names the file, the JSON path and the fix; the console program exits with code 2.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string message) : base(message) { }
    public ConfigException(string message, Exception inner) : base(message, inner) { }

    public ConfigException(IReadOnlyList<string> problems)
        : base(problems.Count == 1 ? problems[0] : $"{problems.Count} problems:\n  - " + string.Join("\n  - ", problems))
        => Problems = problems;

    public IReadOnlyList<string> Problems { get; } = [];
}
