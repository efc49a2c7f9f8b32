using Extraction.Documents;
using System.CommandLine;
using System.Diagnostics;
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
        var resume = new Option<bool>("--resume") { Description = $"Continue an interrupted run: documents finished before (see {Journal.FileName} in the output folder) are not processed again." };
        var docDate = new Option<string?>("--doc-date") { Description = "The article date for every document (ISO, e.g. 2015-12-23): relative dates resolve against it." };
        var metadata = new Option<string?>("--metadata") { Description = "CSV with columns doc_id,date: a date per document (wins over the dateline)." };
        var keepText = new Option<bool>("--keep-text") { Description = "Also write each document's decoded or extracted text to OUT/text/, the text that offsets refer to." };

        var cmd = new Command("run", "Extract entities from files and write out/documents.csv, mentions.csv, entities.csv.")
        {
            inputs, outDir, config, jobs, encoding, raw, verbose, resume, keepText, docDate, metadata,
        };
        cmd.SetAction((parse, cancel) => Task.FromResult(Execute(new RunArguments(
            parse.GetValue(inputs) is { Length: > 0 } i ? i : ["seeds"],
            parse.GetValue(outDir)!, parse.GetValue(config)!, parse.GetValue(jobs), parse.GetValue(encoding),
            parse.GetValue(raw), parse.GetValue(verbose), parse.GetValue(resume), parse.GetValue(keepText), parse.GetValue(docDate), parse.GetValue(metadata)), cancel)));
        return cmd;
    }

    /// <summary>The corpus linker with the resources named in the config's <c>"linking"</c> section (from the stages' model cache).</summary>
    private static CorpusLinker CreateLinker(PipelineConfig config, string configPath, StageContext context)
    {
        var o = config.Linking;
        return new CorpusLinker(LinkingResources.Load(context, o.Gazetteer, o.Lexicon, $"{configPath}: $.linking"), o);
    }

    /// <summary>The values of the command line.</summary>
    public sealed record RunArguments(string[] Inputs, string OutDir, string ConfigPath, int Jobs, string? Encoding, bool Raw, bool Verbose,
        bool Resume = false, bool KeepText = false, string? DocDate = null, string? Metadata = null);

    /// <summary>Document dates given on the command line: one for all (<c>--doc-date</c>) or per document (<c>--metadata</c>).</summary>
    private static Dates.IDocumentDateProvider? DocumentDates(RunArguments args)
    {
        var perDocument = args.Metadata is { } file ? Dates.MetadataDates.Read(file) : null;
        var forAll = args.DocDate is { } date ? new Dates.FixedDocumentDateProvider(date) : null;
        return perDocument is null ? forAll : forAll is null ? perDocument : new FirstDate(perDocument, forAll);
    }

    /// <summary>The metadata file's date for a document, else the one given for all.</summary>
    private sealed class FirstDate(Dates.IDocumentDateProvider first, Dates.IDocumentDateProvider second) : Dates.IDocumentDateProvider
    {
        public DocumentDate? DateFor(Document document) => first.DateFor(document) ?? second.DateFor(document);
    }

    public static int Execute(RunArguments args, CancellationToken cancel)
    {
        var (inputs, outDir, configPath, jobs, encodingName, raw, verbose) = (args.Inputs, args.OutDir, args.ConfigPath, args.Jobs, args.Encoding, args.Raw, args.Verbose);
        if (jobs < 1)
        {
            Console.Error.WriteLine($"error: --jobs must be at least 1 (got {jobs}); leave it out to use all {Environment.ProcessorCount} cores.");
            return Program.UsageError;
        }
        Directory.CreateDirectory(outDir);
        bool interactive = !Console.IsErrorRedirected && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null;
        using var log = Logging.Create(Path.Combine(outDir, "extract.log"), verbose, quietConsole: interactive);
        try
        {
            var pipelineConfig = PipelineConfig.Load(configPath);
            var context = PipelineFactory.Context(pipelineConfig, configPath);
            var (pipeline, tables) = PipelineFactory.Build(pipelineConfig, configPath, context);
            var linker = CreateLinker(pipelineConfig, configPath, context);
            var startup = DateTime.Now - Process.GetCurrentProcess().StartTime;
            log.Information("Start-up {Seconds:F2} s (runtime, configuration, models)", startup.TotalSeconds);
            var clock = Stopwatch.StartNew();
            var load = new LoadOptions { Encoding = encodingName is null ? null : Decoder.Resolve(encodingName) };
            var skipped = new List<string>();
            var files = CorpusReader.Enumerate(inputs, skipped: skipped.Add).ToList();
            if (skipped.Count > 0)
            {
                log.Information("Skipped {Count} files whose extension is not {Extensions} (listed in the log with --verbose)", skipped.Count, string.Join(" ", CorpusReader.DefaultExtensions));
                foreach (var s in skipped) log.Debug("Skipped {Path}: extension not supported", s);
            }
            log.Information("Run: {Files} files from {Inputs}, stages {Stages}, {Jobs} jobs", files.Count, string.Join(" ", inputs),
                string.Join(" → ", pipeline.Stages.Select(s => s.Name)), jobs);
            var runner = new BatchRunner(pipeline, linker, new BatchOptions
            {
                Jobs = jobs,
                Load = load,
                Tables = raw ? tables with { SpreadsheetSafe = false } : tables,
                JournalPath = Path.Combine(outDir, Journal.FileName),
                Resume = args.Resume,
                RunKey = RunKey(configPath, encodingName, load) + args.DocDate + args.Metadata,
                KeepTextDirectory = args.KeepText ? Path.Combine(outDir, "text") : null,
                SpoolDirectory = outDir,
                DocumentDates = DocumentDates(args),
            }, log);
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

            var writing = Stopwatch.StartNew();
            using (result) BatchRunner.WriteTables(outDir, result, tables with { SpreadsheetSafe = tables.SpreadsheetSafe && !raw, Concurrent = jobs > 1 });
            log.Debug("Tables written in {Ms} ms", writing.ElapsedMilliseconds);
            var summary = result.Summary with
            {
                Seconds = clock.Elapsed.TotalSeconds, StartupSeconds = startup.TotalSeconds, PeakMemoryBytes = Process.GetCurrentProcess().PeakWorkingSet64,
            };
            log.Information("Summary: {Summary}", summary.ToString());
            log.Debug("Garbage collector: {Gen0} gen0, {Gen1} gen1, {Gen2} gen2 collections, {PauseMs:F0} ms paused, {AllocatedMb} MB allocated",
                GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds,
                GC.GetTotalAllocatedBytes() >> 20);
            log.Information("Tables written to {Out}", Path.GetFullPath(outDir));
            if (summary.Interrupted)
            {
                log.Warning("Interrupted: the tables hold the {Done} documents done; run the same command with --resume to continue", summary.Documents);
                return Interrupted;
            }
            if (interactive) AnsiConsole.MarkupLine($"[green]Done[/]: {Markup.Escape(summary.ToString())}\nTables: {Markup.Escape(Path.GetFullPath(outDir))}");
            return summary.Failed > 0 ? Program.SomeFailed : Program.Ok;
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
            log.Warning("Interrupted before processing began: tables from earlier runs are left as they were");
            return Interrupted;
        }
    }

    /// <summary>Exit code of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>
    /// What a resumable run must share with the run it continues: the pipeline file, the models (names, sizes, times),
    /// the forced encoding and the piece size. Documents from the journal are only reused under the same key.
    /// </summary>
    private static string RunKey(string configPath, string? encoding, LoadOptions load)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(File.ReadAllText(configPath)).Append('\n').Append(encoding).Append('\n').Append(load.PieceChars).Append('\n');
        var models = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, PipelineConfig.Load(configPath).Models);
        if (Directory.Exists(models))
            foreach (var f in Directory.GetFiles(models, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                sb.Append(Path.GetRelativePath(models, f)).Append(' ').Append(new FileInfo(f).Length).Append(' ').Append(File.GetLastWriteTimeUtc(f).Ticks).Append('\n');
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
