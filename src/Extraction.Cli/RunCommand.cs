using System.CommandLine;
using Extraction.Batch;
using Extraction.Linking;
using Extraction.Output;
using Extraction.Pipeline;
using Extraction.Reading;
using Spectre.Console;

namespace Extraction.Cli;

/// <summary><c>extract run [INPUT...] [--out DIR] [--config FILE]</c>: the main job.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Files or folders to process (default: seeds/).", Arity = ArgumentArity.ZeroOrMore };
        var outDir = new Option<string>("--out", "-o") { Description = "Folder for the tables and the log.", DefaultValueFactory = _ => "out" };
        var config = new Option<string>("--config", "-c") { Description = "Pipeline configuration.", DefaultValueFactory = _ => "pipeline.json" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Documents processed in parallel (default: all cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var encoding = new Option<string?>("--encoding") { Description = "Force an input encoding (utf-8, utf-16le, utf-16be, windows-1251, koi8-r)." };
        var raw = new Option<bool>("--raw") { Description = "Write raw cell values: no BOM, no formula escaping." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Log one line per document." };

        var cmd = new Command("run", "Extract entities from files and write out/documents.csv, mentions.csv, entities.csv.")
        {
            inputs, outDir, config, jobs, encoding, raw, verbose,
        };
        cmd.SetAction((parse, cancel) => Task.FromResult(Execute(
            parse.GetValue(inputs) is { Length: > 0 } i ? i : ["seeds"],
            parse.GetValue(outDir)!, parse.GetValue(config)!, parse.GetValue(jobs), parse.GetValue(encoding),
            parse.GetValue(raw), parse.GetValue(verbose), cancel)));
        return cmd;
    }

    /// <summary>The corpus linker with the resources named in the config's <c>"linking"</c> section.</summary>
    private static CorpusLinker CreateLinker(PipelineConfig config, string configPath)
    {
        var baseDir = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var context = new StageContext(Path.GetFullPath(Path.Combine(baseDir, config.Models)));
        var o = config.Linking;
        return new CorpusLinker(LinkingResources.Load(context, o.Gazetteer, o.Lexicon, $"{configPath}: $.linking"), o);
    }

    public static int Execute(string[] inputs, string outDir, string configPath, int jobs, string? encodingName, bool raw, bool verbose, CancellationToken cancel)
    {
        Directory.CreateDirectory(outDir);
        bool interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
        using var log = Logging.Create(Path.Combine(outDir, "extract.log"), verbose, quietConsole: interactive);
        try
        {
            var pipelineConfig = PipelineConfig.Load(configPath);
            var (pipeline, tables) = PipelineFactory.Build(pipelineConfig, configPath);
            var linker = CreateLinker(pipelineConfig, configPath);
            var load = new LoadOptions { Encoding = encodingName is null ? null : Decoder.Resolve(encodingName) };
            var files = CorpusReader.Enumerate(inputs).ToList();
            log.Information("Run: {Files} files from {Inputs}, stages {Stages}, {Jobs} jobs", files.Count, string.Join(" ", inputs),
                string.Join(" → ", pipeline.Stages.Select(s => s.Name)), jobs);
            var runner = new BatchRunner(pipeline, linker,
                new BatchOptions { Jobs = jobs, Load = load, Tables = raw ? tables with { SpreadsheetSafe = false } : tables }, log);

            BatchResult result;
            if (interactive && files.Count > 1)
            {
                result = null!;
                AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var task = ctx.AddTask("documents", maxValue: files.Count);
                        result = runner.Run(files, n => task.Value = n, cancel);
                    });
            }
            else
            {
                int lastLogged = 0;
                result = runner.Run(files, n =>
                {
                    if (n - lastLogged >= 1000) { lastLogged = n; log.Information("{Done}/{Total} documents", n, files.Count); }
                }, cancel);
            }

            BatchRunner.WriteTables(outDir, result, raw ? tables with { SpreadsheetSafe = false } : tables);
            log.Information("Summary: {Summary}", result.Summary.ToString());
            log.Information("Tables written to {Out}", Path.GetFullPath(outDir));
            if (interactive) AnsiConsole.MarkupLine($"[green]Done[/]: {Markup.Escape(result.Summary.ToString())}\nTables: {Markup.Escape(Path.GetFullPath(outDir))}");
            return result.Summary.Failed > 0 ? Program.SomeFailed : Program.Ok;
        }
        catch (ConfigException e)
        {
            log.Error("Configuration error: {Message}", e.Message);
            Console.Error.WriteLine($"error: {e.Message}");
            return Program.UsageError;
        }
        catch (Models.ModelFormatException e)
        {
            log.Error("Model error: {Message}", e.Message);
            Console.Error.WriteLine($"error: {e.Message}");
            return Program.UsageError;
        }
        catch (Exception e) when (e is FileNotFoundException or ArgumentException)
        {
            log.Error("Usage error: {Message}", e.Message);
            Console.Error.WriteLine($"error: {e.Message}");
            return Program.UsageError;
        }
        catch (OperationCanceledException)
        {
            log.Warning("Interrupted: tables from earlier runs are left as they were");
            return 130;
        }
    }
}
