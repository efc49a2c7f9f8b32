using Serilog;
using Serilog.Events;

namespace Extraction.Cli;

/// <summary>Serilog setup: structured events to the console (stderr) and to a log file.</summary>
internal static class Logging
{
    public static Serilog.Core.Logger Create(string? logFile, bool verbose, bool quietConsole = false)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(
                restrictedToMinimumLevel: quietConsole ? LogEventLevel.Warning : (verbose ? LogEventLevel.Debug : LogEventLevel.Information),
                outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose);
        if (logFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logFile))!);
            config = config.WriteTo.File(logFile, restrictedToMinimumLevel: LogEventLevel.Debug,
                outputTemplate: "{Timestamp:yyyy-MM-dd HH:mm:ss.fff} {Level:u3} {Message:lj}{NewLine}{Exception}");
        }
        return config.CreateLogger();
    }
}
