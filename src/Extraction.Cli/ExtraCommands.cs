using System.CommandLine;

namespace Extraction.Cli;

/// <summary>The verbs besides <c>run</c>; each lives in its own file (TrainCommand.cs, EvalCommand.cs, …).</summary>
internal static class ExtraCommands
{
    public static IEnumerable<Command> All()
    {
        yield return EvalCommand.Create();
        yield return TrainCommand.Create();
        yield return MorphCommand.Create();
        yield return GazetteerCommand.Create();
    }
}
