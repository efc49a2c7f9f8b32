using System.CommandLine;

namespace Extraction.Cli;

/// <summary>
/// The <c>extract</c> console program. Exit codes: 0 all documents succeeded; 1 some documents failed (tables still
/// written) or a quality gate failed; 2 usage, configuration or model errors.
/// </summary>
public static class Program
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int UsageError = 2;

    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = new RootCommand("Extraction: people, organisations, places and dates from Russian and English text.");
        root.Add(RunCommand.Create());
        foreach (var extra in ExtraCommands.All()) root.Add(extra);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine($"error: {e.Message}");
            Console.Error.WriteLine("Run 'extract --help' for usage.");
            return UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
