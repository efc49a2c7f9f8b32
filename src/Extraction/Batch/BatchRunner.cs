using System.Diagnostics;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Output;
using Extraction.Pipeline;
using Extraction.Reading;
using Serilog;

namespace Extraction.Batch;

/// <summary>Options of one batch run.</summary>
public sealed record BatchOptions
{
    /// <summary>Documents processed at once (default: all cores).</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public LoadOptions Load { get; init; } = new();
    public TableOptions Tables { get; init; } = new();
}

/// <summary>What a batch produced: the rows of the three tables and the run's figures.</summary>
public sealed record BatchResult(
    IReadOnlyList<DocumentRow> Documents, IReadOnlyList<MentionRow> Mentions, IReadOnlyList<EntityRow> Entities, BatchSummary Summary);

/// <summary>The figures of a run, printed at the end and logged.</summary>
public sealed record BatchSummary(int Documents, int Failed, long Tokens, long Mentions, int Entities, double Seconds, long PeakMemoryBytes)
{
    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;

    public override string ToString() =>
        $"{Documents} documents ({Failed} failed), {Tokens:N0} tokens, {Mentions:N0} mentions, {Entities:N0} entities, " +
        $"{Seconds:F2} s, {TokensPerSecond:N0} tokens/s, peak memory {PeakMemoryBytes / (1024 * 1024)} MB";
}

/// <summary>
/// Runs the per-document pipeline over many files, in parallel windows, handing documents to the corpus linker
/// in input order, so the tables are identical row for row whatever the number of jobs. A failing document is
/// caught here, once, and becomes a <c>failed</c> row; the batch goes on.
/// </summary>
public sealed class BatchRunner(DocumentPipeline pipeline, ICorpusLinker linker, BatchOptions options, ILogger log)
{
    private sealed record Outcome(InputFile File, Document? Document, DocumentRow Row);

    public BatchResult Run(IReadOnlyList<InputFile> files, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var docRows = new List<DocumentRow>(files.Count);
        var mentionRows = new List<MentionRow>();
        long tokens = 0, mentions = 0;
        int failed = 0;
        int jobs = Math.Max(1, options.Jobs);
        int window = jobs * 8;
        var outcomes = new Outcome[window];

        for (int start = 0; start < files.Count; start += window)
        {
            cancel.ThrowIfCancellationRequested();
            int n = Math.Min(window, files.Count - start);
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancel },
                i => outcomes[i] = ProcessOne(files[start + i]));
            for (int i = 0; i < n; i++)
            {
                var o = outcomes[i];
                outcomes[i] = null!;
                docRows.Add(o.Row);
                if (o.Document is { } d)
                {
                    linker.Add(d);
                    tokens += d.Tokens.Count;
                    mentions += d.Mentions.Count;
                    foreach (var m in d.Mentions)
                    {
                        var sentence = d.Tokens.Count > 0 ? d.Tokens[Math.Min(d.Tokens.FirstEndingAfter(m.Range.Start), d.Tokens.Count - 1)].Sentence : -1;
                        mentionRows.Add(new MentionRow(d.Id, m.Range.Start, m.Range.End, d.Slice(m.Range), m.Type.Code(),
                            m.Normal, m.EntityId, sentence, m.Source, m.Confidence));
                    }
                }
                else failed++;
                progress?.Invoke(start + i + 1);
            }
        }

        linker.Complete();
        for (int i = 0; i < mentionRows.Count; i++)
        {
            var r = mentionRows[i];
            if (r.EntityId is { } id) mentionRows[i] = r with { EntityId = linker.Resolve(id) };
        }
        var entities = linker.Entities();
        clock.Stop();
        var summary = new BatchSummary(files.Count, failed, tokens, mentions, entities.Count, clock.Elapsed.TotalSeconds,
            Process.GetCurrentProcess().PeakWorkingSet64);
        return new BatchResult(docRows, mentionRows, entities, summary);
    }

    private Outcome ProcessOne(InputFile file)
    {
        var sw = Stopwatch.StartNew();
        try
        {
            var (doc, decoded, bytes) = DocumentLoader.Load(file, options.Load);
            if (decoded.ReplacedBytes > 0)
                log.Warning("{DocId}: {Count} invalid byte sequences replaced with U+FFFD while decoding as {Encoding}", file.DocId, decoded.ReplacedBytes, decoded.Encoding);
            pipeline.Process(doc);
            log.Debug("{DocId}: {Language}, {Tokens} tokens, {Mentions} mentions in {Ms} ms", doc.Id, doc.Language.Code(), doc.Tokens.Count, doc.Mentions.Count, sw.ElapsedMilliseconds);
            var row = new DocumentRow(doc.Id, doc.Language.Code(), doc.Date?.Value, doc.Text.Length, doc.Tokens.Count, doc.Sentences.Count,
                doc.Mentions.Count, DocumentStatus.Ok, null, decoded.Encoding, doc.Date?.Source, bytes);
            return new Outcome(file, doc, row);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var reason = e switch
            {
                NotTextException => e.Message,
                FileNotFoundException => "file not found",
                UnauthorizedAccessException => "permission denied",
                IOException => $"cannot be read: {e.Message}",
                _ => $"{e.GetType().Name}: {e.Message}",
            };
            log.Error("{DocId}: failed: {Reason} ({Path})", file.DocId, reason, file.Path);
            if (e is not (NotTextException or IOException or UnauthorizedAccessException)) log.Debug(e, "{DocId}: stack", file.DocId);
            return new Outcome(file, null, new DocumentRow(file.DocId, "", null, 0, 0, 0, 0, DocumentStatus.Failed, reason));
        }
    }

    /// <summary>Writes documents.csv, mentions.csv and entities.csv (and JSON Lines twins) into <paramref name="outDir"/>.</summary>
    public static void WriteTables(string outDir, BatchResult result, TableOptions tables)
    {
        Directory.CreateDirectory(outDir);
        TableWriter.WriteDocuments(Path.Combine(outDir, "documents.csv"), result.Documents, tables);
        TableWriter.WriteMentions(Path.Combine(outDir, "mentions.csv"), result.Mentions, tables);
        TableWriter.WriteEntities(Path.Combine(outDir, "entities.csv"), result.Entities, tables);
    }
}
