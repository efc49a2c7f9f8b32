using System.Diagnostics;
using System.Runtime.ExceptionServices;
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

    /// <summary>The run journal (see <see cref="Journal"/>); null runs without one.</summary>
    public string? JournalPath { get; init; }

    /// <summary>Take documents finished by an earlier run from the journal instead of processing them again.</summary>
    public bool Resume { get; init; }

    /// <summary>Identifies the configuration (pipeline file, encoding, piece size): a journal is only resumed under the same key.</summary>
    public string RunKey { get; init; } = "";

    /// <summary>When set, each document's decoded (or extracted) text is written to this folder as <c>&lt;doc_id&gt;[.txt]</c>.</summary>
    public string? KeepTextDirectory { get; init; }

    /// <summary>Document dates from outside the text (<c>--doc-date</c>, <c>--metadata</c>); they win over the dateline.</summary>
    public Dates.IDocumentDateProvider? DocumentDates { get; init; }

    /// <summary>Folder for the temporary file of mention rows (<see cref="MentionSpool"/>); null uses the system's temporary folder.</summary>
    public string? SpoolDirectory { get; init; }
}

/// <summary>
/// What a batch produced: the rows of the three tables and the run's figures. The mention rows are read from a temporary
/// file each time they are enumerated; disposing the result deletes it.
/// </summary>
public sealed record BatchResult(
    IReadOnlyList<DocumentRow> Documents, MentionSpool Mentions, IReadOnlyList<EntityRow> Entities, BatchSummary Summary) : IDisposable
{
    public void Dispose() => Mentions.Dispose();
}

/// <summary>
/// The figures of a run, printed at the end and logged. <see cref="Seconds"/> is the batch itself (reading, stages,
/// linking and, once the caller has written them, the tables); <see cref="StartupSeconds"/> is what came before it
/// (runtime start, configuration, loading the models), shown separately so tokens/s describes the steady state.
/// <see cref="PeakMemoryBytes"/> is the process's peak resident set (on Linux VmHWM, what <c>/usr/bin/time -v</c> reports).
/// </summary>
public sealed record BatchSummary(int Documents, int Failed, long Tokens, long Mentions, int Entities, double Seconds, long PeakMemoryBytes,
    int Resumed = 0, int NotStarted = 0, double StartupSeconds = 0)
{
    public double TokensPerSecond => Seconds > 0 ? Tokens / Seconds : 0;

    /// <summary>The run was interrupted before every input was processed.</summary>
    public bool Interrupted => NotStarted > 0;

    public override string ToString() =>
        $"{Documents} documents ({Failed} failed{(Resumed > 0 ? $", {Resumed} from the journal" : "")}), {Tokens:N0} tokens, " +
        $"{Mentions:N0} mentions, {Entities:N0} entities, {Seconds:F2} s{(StartupSeconds > 0 ? $" (+ start-up {StartupSeconds:F2} s)" : "")}, " +
        $"{TokensPerSecond:N0} tokens/s, peak memory {PeakMemoryBytes / (1024 * 1024)} MB" +
        (Interrupted ? $"; interrupted: {NotStarted} inputs not processed (run again with --resume)" : "");
}

/// <summary>
/// Runs the per-document pipeline over many files on <see cref="BatchOptions.Jobs"/> worker threads and hands the
/// documents to the corpus linker strictly in input order, so the tables are identical row for row whatever the
/// number of jobs. Memory stays bounded: at most four files per job are in flight, and a long text is read and
/// processed in pieces (<see cref="SourceText"/>), at most two pieces ahead of the consumer per file.
/// <para>
/// A long text keeps one <c>doc_id</c> and one <c>documents.csv</c> row (with the number of pieces); its mentions'
/// offsets and sentence numbers refer to the whole text, as if it had been processed at once. Each piece is a
/// separate <see cref="Document"/> (same id) for the stages and the linker, dated by the first piece; an entity cut by a
/// piece border (only possible inside a single enormous line) is lost. Workers with no file to start (none left, or the
/// files in flight wait behind a long text) process pieces of the long texts that others are reading
/// (<see cref="PieceHelp"/>); the reader hands them on in order.
/// </para>
/// <para>
/// Every input gets a row: a failing file (not text, unreadable, a stage error) is caught here, once, and becomes a
/// <c>failed</c> row with the reason; the batch goes on. Cancelling stops starting new files, lets the files in
/// flight finish (a long text stops at its next piece and gets an <c>interrupted</c> row), and returns the tables of
/// everything done; with a journal, <c>--resume</c> continues from there.
/// </para>
/// </summary>
public sealed class BatchRunner(DocumentPipeline pipeline, ICorpusLinker linker, BatchOptions options, ILogger log)
{
    /// <summary>
    /// Files a job may have in flight (started, not yet consumed), counted in slots: a short file takes one, a long one
    /// (over <see cref="LongFileBytes"/>) <see cref="LongFileSlots"/>, so that at most four long texts per job hold pieces
    /// in memory while short documents still have a deep queue: with four slots per job, workers on two cores waited for
    /// the consumer for 0.6–1.4 s of a 7–10 s run on `many/` (machine under load), with sixteen almost never.
    /// </summary>
    private const int FilesInFlightPerJob = 16;
    private const int LongFileSlots = 4;
    private const long LongFileBytes = 256 * 1024;
    private const int PiecesAhead = 2;
    private static readonly TimeSpan SlotPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>Layers cheap enough to recompute for documents restored from the journal.</summary>
    private static readonly HashSet<string> StructuralLayers = [Layers.Tokens, Layers.Sentences, Layers.Language, Layers.Furniture];

    /// <summary>
    /// The stages a restored document runs again: those that make structural layers and nothing else. A stage that reads
    /// the mentions (the check stages, which provide no layer of their own) is not one: run before the restored mentions are
    /// back it would add its own mentions a second time, beside the journal's.
    /// </summary>
    private readonly IStage[] _structural = pipeline.Stages
        .Where(s => s.Provides.Count > 0 && s.Provides.All(StructuralLayers.Contains) && !s.Requires.Contains(Layers.Entities)).ToArray();

    /// <summary>Mention blocks the consumer has spooled, for the workers to fill again (a few per file in flight).</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<MentionBlock> _blocks = new();
    private const int BlockBytesKept = 1 << 20;

    /// <summary>
    /// A processed piece: the document for the linker, plus what the worker already made of it for the tables (mention
    /// rows without entity ids, the journal line), so the ordered consumer does little more than link.
    /// </summary>
    private readonly record struct Piece(Document Document, MentionBlock Rows, byte[]? JournalLine);

    /// <summary>One input file on its way from a worker to the consumer.</summary>
    private sealed class Work(InputFile file, Doorbell bell, int slots)
    {
        public InputFile File { get; } = file;
        /// <summary>File slots this file holds until the consumer is done with it.</summary>
        public int Slots { get; } = slots;
        public Handoff<Piece> Pieces { get; } = new(PiecesAhead, bell);
        public string? Encoding { get; set; }
        public long Bytes { get; set; }
        public int Replaced { get; set; }
        public string? Error { get; set; }
        public bool Interrupted { get; set; }
        public JournalEntry? Restored { get; set; }
        public JournalDone? Done { get; set; }
    }

    public BatchResult Run(IReadOnlyList<InputFile> files, Action<int>? progress = null, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        using var journal = options.JournalPath is { } path ? Journal.Open(path, options.RunKey, options.Resume) : null;
        if (journal is { FinishedCount: > 0 })
            log.Information("Resuming: {Count} documents finished earlier are taken from {Journal}", journal.FinishedCount, options.JournalPath);

        var tables = new Tables(new MentionSpool(options.SpoolDirectory ?? Path.GetTempPath()));
        int jobs = Math.Clamp(options.Jobs, 1, 1024);
        var works = new Work?[files.Count];
        int active = jobs, producing = jobs;
        // The consumer wakes after about half the files in flight have moved on (each rings at least twice).
        var bell = new Doorbell(jobs * FilesInFlightPerJob);
        var help = new PieceHelp(jobs * FilesInFlightPerJob, bell, files.Count, i => SlotsFor(files[i]));
        int helpWindow = jobs;
        Exception? crash = null;
        using var quit = new CancellationTokenSource();
        using var noMoreStarts = CancellationTokenSource.CreateLinkedTokenSource(cancel, quit.Token);
        using var closeHelp = quit.Token.Register(help.Close);
        using var wakeHelp = noMoreStarts.Token.Register(help.WakeAll);

        void Worker()
        {
            try
            {
                while (true)
                {
                    // While the files in flight wait for an earlier long text to be consumed, help with that text's pieces.
                    int i, taken;
                    PieceJob? job;
                    while (help.TakeFile(out i, out taken, out job, noMoreStarts.Token)) job!.Run(this, null);
                    if (i < 0) break;
                    var work = new Work(files[i], bell, taken);
                    Volatile.Write(ref works[i], work);
                    Produce(work, journal, help, helpWindow, cancel, quit.Token);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref crash, e, null);
            }
            finally
            {
                if (Interlocked.Decrement(ref producing) == 0) help.Close();
            }
            // No files left to start: process pieces of the long texts still being read by the other workers.
            while (help.Wait(out var job)) job.Run(this, null);
            Interlocked.Decrement(ref active);
            bell.Ring(urgent: true);
        }

        var threads = new Thread[jobs];
        for (int k = 0; k < jobs; k++)
        {
            threads[k] = new Thread(Worker) { IsBackground = true, Name = $"batch-{k}" };
            threads[k].Start();
        }
        try
        {
            for (int i = 0; i < files.Count; i++)
            {
                int at = i;
                bell.WaitUntil(() => Volatile.Read(ref works[at]) is not null || Volatile.Read(ref active) == 0);
                var work = Volatile.Read(ref works[i]);
                if (work is null) break;
                tables.Documents.Add(Consume(work, journal, tables, bell));
                works[i] = null;
                help.ReleaseSlots(work.Slots);
                progress?.Invoke(i + 1);
                if (work.Interrupted) break;
            }
        }
        catch
        {
            tables.Mentions.Dispose();
            throw;
        }
        finally
        {
            quit.Cancel();
            foreach (var t in threads) t.Join();
        }
        if (crash is not null)
        {
            tables.Mentions.Dispose();
            ExceptionDispatchInfo.Throw(crash);
        }

        var documentsDone = clock.Elapsed;
        linker.Complete();
        var mentions = tables.Mentions;
        mentions.Complete(tables.Documents, linker.Resolve);
        var entities = linker.Entities();
        clock.Stop();
        log.Debug("Documents done in {Seconds:F2} s; corpus linking completed in {Ms:F0} ms more", documentsDone.TotalSeconds,
            (clock.Elapsed - documentsDone).TotalMilliseconds);
        var summary = new BatchSummary(tables.Documents.Count, tables.Failed, tables.Tokens, mentions.Count, entities.Count,
            clock.Elapsed.TotalSeconds, Process.GetCurrentProcess().PeakWorkingSet64, tables.Resumed, files.Count - tables.Documents.Count);
        return new BatchResult(tables.Documents, mentions, entities, summary);
    }

    /// <summary>Worker side: read the file piece by piece, run the stages (or restore from the journal) and queue the pieces.</summary>
    private void Produce(Work work, Journal? journal, PieceHelp help, int helpWindow, CancellationToken cancel, CancellationToken quit)
    {
        var file = work.File;
        var clock = Stopwatch.StartNew();
        TextKeeper? keep = null;
        try
        {
            using var source = SourceText.Open(file, options.Load);
            work.Encoding = source.Encoding;
            work.Bytes = source.Bytes;
            var info = new FileInfo(file.Path);
            long modified = info.LastWriteTimeUtc.Ticks;
            work.Restored = journal?.Finished(file.Path, source.Bytes, modified);
            if (options.KeepTextDirectory is { } dir) keep = new TextKeeper(dir, file.DocId);

            // Pieces after the first are processed in order here, or, while other workers have no files left, by them too
            // (PieceJobs); either way they are handed on in order. Every later piece is anchored to the first piece's date.
            DocumentDate? date = null;
            int sentences = 0;
            var pending = new Queue<PieceJob>();
            void HandOn(PieceJob job)
            {
                job.Wait();
                var (doc, piece) = (job.Document, job.Piece);
                var journalLine = journal is not null && work.Restored is null ? Journal.PieceRecord(piece.Index, piece.Offset, doc) : null;
                work.Pieces.Add(new Piece(doc, Rows(doc, piece.Offset, sentences), journalLine), quit);
                sentences += doc.Sentences.Count;
            }
            try
            {
                foreach (var piece in source.Pieces())
                {
                    if (piece.Index > 0 && cancel.IsCancellationRequested)
                    {
                        work.Interrupted = true;
                        break;
                    }
                    var job = new PieceJob(new Document(file.DocId, piece.Text) { Date = date }, piece);
                    keep?.Append(piece.Text);
                    if (piece.Index == 0)
                    {
                        if (options.DocumentDates?.DateFor(job.Document) is { } given) job.Document.Date = given;
                        job.Run(this, work.Restored);
                        date = job.Document.Date;
                        HandOn(job);
                        continue;
                    }
                    pending.Enqueue(job);
                    if (work.Restored is not null || !help.Share(job)) job.Run(this, work.Restored);
                    // At most one piece per job in flight: help with the queue, then wait for the oldest piece.
                    while (pending.Count > helpWindow || pending.Count > 0 && pending.Peek().IsDone)
                    {
                        if (!pending.Peek().IsDone && help.TryTake(out var other)) other.Run(this, null);
                        else HandOn(pending.Dequeue());
                    }
                }
                while (pending.Count > 0)
                {
                    if (!pending.Peek().IsDone && help.TryTake(out var other)) other.Run(this, null);
                    else HandOn(pending.Dequeue());
                }
            }
            finally
            {
                // Pieces still queued for helpers are not wanted any more (error or interruption): take them back.
                foreach (var job in pending) help.Withdraw(job);
            }
            work.Replaced = source.ReplacedSequences;
            if (work.Replaced > 0)
                log.Warning("{DocId}: {Count} invalid byte sequences replaced with U+FFFD while decoding as {Encoding}", file.DocId, work.Replaced, work.Encoding);
            if (!work.Interrupted)
            {
                keep?.Commit();
                work.Done = new JournalDone(file.Path, source.Bytes, modified);
            }
            log.Debug("{DocId}: {Encoding}, {Bytes} bytes in {Ms} ms{Restored}", file.DocId, work.Encoding, work.Bytes, clock.ElapsedMilliseconds,
                work.Restored is null ? "" : " (from the journal)");
        }
        catch (OperationCanceledException) when (quit.IsCancellationRequested)
        {
            // The consumer has stopped; nobody reads this file's pieces any more.
        }
        catch (Exception e)
        {
            work.Error = Reason(e);
            log.Error("{DocId}: failed: {Reason} ({Path})", file.DocId, work.Error, file.Path);
            if (e is not (NotTextException or IOException or UnauthorizedAccessException)) log.Debug(e, "{DocId}: stack", file.DocId);
        }
        finally
        {
            keep?.Dispose();
            work.Pieces.Complete();
        }
    }

    /// <summary>
    /// File slots a file takes while in flight: <see cref="LongFileSlots"/> when it is long, else one (also when it has a
    /// problem or its size cannot be read: such a file fails at once and holds no text).
    /// </summary>
    private static int SlotsFor(InputFile file)
    {
        try
        {
            return file.Problem is null && new FileInfo(file.Path).Length > LongFileBytes ? LongFileSlots : 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return 1;
        }
    }

    /// <summary>Runs the stages over a piece, or restores it from the journal entry of its finished document.</summary>
    private void ProcessPiece(Document doc, TextPiece piece, JournalEntry? restored)
    {
        if (restored is not null) Restore(doc, restored, piece);
        else pipeline.Process(doc);
    }

    /// <summary>A piece of a long text to process, by the worker reading the text or by one with no files left.</summary>
    private sealed class PieceJob(Document document, TextPiece piece)
    {
        private readonly object _gate = new();
        private bool _done;
        private Exception? _error;

        public Document Document => document;
        public TextPiece Piece => piece;
        public bool IsDone => Volatile.Read(ref _done);

        public void Run(BatchRunner runner, JournalEntry? restored)
        {
            try { runner.ProcessPiece(document, piece, restored); }
            catch (Exception e) { _error = e; }
            lock (_gate)
            {
                Volatile.Write(ref _done, true);
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>Waits until the piece is processed; a stage's exception is thrown here, to the worker that owns the text.</summary>
        public void Wait()
        {
            lock (_gate)
            {
                while (!_done) Monitor.Wait(_gate);
            }
            if (_error is { } e) ExceptionDispatchInfo.Throw(e);
        }
    }

    /// <summary>
    /// Pieces of long texts offered to workers that have no files left. A piece is shared only while some worker waits for
    /// one (otherwise its owner processes it at once); the owner also takes pieces back from here while it waits.
    /// </summary>
    private sealed class PieceHelp(int slots, Doorbell bell, int files, Func<int, int> slotsFor)
    {
        private readonly List<PieceJob> _jobs = [];
        private int _idle;
        private bool _closed;
        private readonly int _slots = slots;
        private int _freeSlots = slots;
        private int _slotWaiters;
        private int _next;
        /// <summary>Slots the file at <see cref="_next"/> needs (−1: not asked yet).</summary>
        private int _need = -1;

        /// <summary>
        /// Waits until the next file in input order may start and hands out its index and the slots it now holds (false,
        /// <paramref name="index"/> ≥ 0, <paramref name="taken"/> slots to release when the consumer is done with it),
        /// or, meanwhile, a piece to help with (true: run <paramref name="job"/>, then ask again). False with index −1: no
        /// files left, or <paramref name="stop"/> is cancelled. Files start strictly in order, each once its slots
        /// (<paramref name="slotsFor"/>, never more than there are) are free: a long file waiting for
        /// its slots is never overtaken by short files that would take them (the consumer, which frees slots, needs the long
        /// file first). A worker that has to wait rings the consumer urgently.
        /// </summary>
        public bool TakeFile(out int index, out int taken, out PieceJob? job, CancellationToken stop)
        {
            job = null;
            index = -1;
            taken = 0;
            lock (_jobs)
            {
                while (!stop.IsCancellationRequested && _next < files)
                {
                    if (_need < 0) _need = Math.Min(slotsFor(_next), _slots);
                    if (_freeSlots >= _need)
                    {
                        _freeSlots -= _need;
                        taken = _need;
                        _need = -1;
                        index = _next++;
                        return false;
                    }
                    if (TakeFirst(out var piece))
                    {
                        job = piece;
                        return true;
                    }
                    _idle++;
                    _slotWaiters++;
                    bell.Ring(urgent: true);
                    Monitor.Wait(_jobs, SlotPoll);
                    _idle--;
                    _slotWaiters--;
                }
                return false;
            }
        }

        /// <summary>The consumer is done with a file: its slots are free for the next ones.</summary>
        public void ReleaseSlots(int count)
        {
            lock (_jobs)
            {
                _freeSlots += count;
                if (_slotWaiters > 0) Monitor.PulseAll(_jobs);
            }
        }

        /// <summary>Wakes every waiting worker to look at the state again (the batch is stopping).</summary>
        public void WakeAll()
        {
            lock (_jobs) Monitor.PulseAll(_jobs);
        }

        public bool Share(PieceJob job)
        {
            lock (_jobs)
            {
                if (_idle == 0 || _closed) return false;
                _jobs.Add(job);
                Monitor.Pulse(_jobs);
                return true;
            }
        }

        public bool TryTake(out PieceJob job)
        {
            lock (_jobs) return TakeFirst(out job);
        }

        /// <summary>Removes a piece nobody has started (its owner stopped).</summary>
        public void Withdraw(PieceJob job)
        {
            lock (_jobs) _jobs.Remove(job);
        }

        /// <summary>Waits for a piece; false once no worker reads files any more (or the batch stops).</summary>
        public bool Wait(out PieceJob job)
        {
            lock (_jobs)
            {
                _idle++;
                try
                {
                    while (_jobs.Count == 0 && !_closed) Monitor.Wait(_jobs);
                    return TakeFirst(out job);
                }
                finally
                {
                    _idle--;
                }
            }
        }

        public void Close()
        {
            lock (_jobs)
            {
                _closed = true;
                Monitor.PulseAll(_jobs);
            }
        }

        private bool TakeFirst(out PieceJob job)
        {
            job = _jobs.Count > 0 ? _jobs[0] : null!;
            if (job is null) return false;
            _jobs.RemoveAt(0);
            return true;
        }
    }

    /// <summary>The mention rows of a piece: offsets and sentence numbers of the whole text (the piece starts at <paramref name="offset"/>, after <paramref name="sentenceBase"/> sentences).</summary>
    private MentionBlock Rows(Document d, int offset, int sentenceBase)
    {
        if (!_blocks.TryDequeue(out var rows)) rows = new MentionBlock();
        foreach (var m in d.Mentions)
        {
            int sentence = d.Tokens.Count > 0 ? d.Tokens[Math.Min(d.Tokens.FirstEndingAfter(m.Range.Start), d.Tokens.Count - 1)].Sentence : -1;
            rows.Add(m.Range.Start + offset, m.Range.End + offset, d.Text.AsSpan(m.Range.Start, m.Range.Length), m.Type.Code(), m.Normal,
                sentence >= 0 ? sentence + sentenceBase : -1, m.Source, m.Confidence);
        }
        return rows;
    }

    /// <summary>A piece of a finished document again: structural stages rerun, tagging results from the journal.</summary>
    private void Restore(Document doc, JournalEntry entry, TextPiece piece)
    {
        if (piece.Index >= entry.Pieces.Count || entry.Pieces[piece.Index] is not { } saved || saved.Offset != piece.Offset || saved.Chars != piece.Text.Length)
            throw new InvalidDataException("the file reads differently from when the journal was written; run without --resume");
        foreach (var stage in _structural) stage.Process(doc);
        doc.Date = saved.Date;
        foreach (var m in saved.Mentions) doc.AddMention(Journal.FromJournal(m, doc.Text));
        doc.SortMentions();
    }

    /// <summary>Rows and counters the consumer builds, in input order.</summary>
    private sealed class Tables(MentionSpool mentions)
    {
        public List<DocumentRow> Documents { get; } = [];
        public MentionSpool Mentions { get; } = mentions;
        public long Tokens { get; set; }
        public int Failed { get; set; }
        public int Resumed { get; set; }
    }

    /// <summary>Consumer side (one thread, input order): link each piece, give its rows their entity ids, spool them and journal the piece, then the document row.</summary>
    private DocumentRow Consume(Work work, Journal? journal, Tables tables, Doorbell bell)
    {
        var file = work.File;
        int pieces = 0, chars = 0, tokens = 0, sentences = 0, mentions = 0;
        var languageChars = new int[3];
        DocumentDate? date = null;
        while (true)
        {
            if (!work.Pieces.TryTake(out var piece))
            {
                if (work.Pieces.Finished) break;
                bell.WaitUntil(work.Pieces.Ready);
                continue;
            }
            var (d, rows, journalLine) = piece;
            linker.Add(d);
            for (int k = 0; k < rows.Count; k++) rows.EntityIds[k] = d.Mentions[k].EntityId;
            tables.Mentions.Add(tables.Documents.Count, rows);
            if (rows.Capacity <= BlockBytesKept)
            {
                rows.Clear();
                _blocks.Enqueue(rows);
            }
            if (journalLine is not null) journal?.AddPiece(journalLine);
            pieces++;
            chars += d.Text.Length;
            tokens += d.Tokens.Count;
            sentences += d.Sentences.Count;
            mentions += d.Mentions.Count;
            languageChars[(int)d.Language] += d.Text.Length;
            date ??= d.Date;
        }
        tables.Tokens += tokens;

        string status = DocumentStatus.Ok;
        string? error = null;
        if (work.Error is { } reason)
        {
            status = DocumentStatus.Failed;
            error = pieces == 0 ? reason : $"{reason} (after {pieces} pieces, {chars} characters, whose mentions are kept)";
            tables.Failed++;
        }
        else if (work.Interrupted)
        {
            status = DocumentStatus.Interrupted;
            error = $"run interrupted after {pieces} pieces ({chars} characters); run again with --resume to process the whole file";
        }
        else if (work.Done is { } done)
        {
            if (work.Restored is not null) tables.Resumed++;
            else journal?.AddDone(done);
        }
        var language = pieces == 0 ? "" : ((Language)Array.IndexOf(languageChars, languageChars.Max())).Code();
        return new DocumentRow(file.DocId, language, date?.Value, chars, tokens, sentences, mentions, status, error, work.Encoding,
            date?.Source, work.Bytes, pieces, work.Replaced);
    }

    private static string Reason(Exception e) => e switch
    {
        NotTextException or InvalidDataException => e.Message,
        FileNotFoundException => "file not found (it may have been removed during the run)",
        DirectoryNotFoundException => "folder not found (it may have been removed during the run)",
        UnauthorizedAccessException => "permission denied: the file cannot be opened for reading",
        IOException => $"cannot be read: {e.Message}",
        _ => $"processing error {e.GetType().Name}: {e.Message}",
    };

    /// <summary>Writes documents.csv, mentions.csv and entities.csv (and JSON Lines twins) into <paramref name="outDir"/>.</summary>
    public static void WriteTables(string outDir, BatchResult result, TableOptions tables) =>
        TableWriter.WriteAll(outDir, result.Documents, result.Mentions, result.Entities, tables);

    /// <summary>Writes a document's text to <c>&lt;folder&gt;/&lt;doc_id&gt;</c> (plus <c>.txt</c> unless it ends so) through a temporary file.</summary>
    private sealed class TextKeeper : IDisposable
    {
        private readonly string _path;
        private readonly string _tmp;
        private StreamWriter? _writer;

        public TextKeeper(string folder, string docId)
        {
            var name = docId.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? docId : docId + ".txt";
            _path = Path.GetFullPath(Path.Combine(folder, name));
            _tmp = _path + $".{Environment.ProcessId}.tmp";
        }

        public void Append(string text)
        {
            if (_writer is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
                _writer = new StreamWriter(_tmp, append: false, new System.Text.UTF8Encoding(false));
            }
            _writer.Write(text);
        }

        public void Commit()
        {
            if (_writer is null) return;
            _writer.Dispose();
            _writer = null;
            File.Move(_tmp, _path, overwrite: true);
        }

        public void Dispose()
        {
            _writer?.Dispose();
            if (File.Exists(_tmp)) File.Delete(_tmp);
        }
    }
}
