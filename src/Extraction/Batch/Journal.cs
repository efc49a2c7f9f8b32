using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Batch;

/// <summary>
/// A mention as the journal keeps it: offsets within its piece and everything the tagging stages set. A normal form equal
/// to the mention's own text is kept as <paramref name="NormalIsText"/> (with <paramref name="Normal"/> null) and taken
/// from the text again by <see cref="Journal.FromJournal"/>.
/// </summary>
public sealed record JournalMention(
    int Start, int End, EntityType Type, string Source, float Confidence, string? Normal, bool NormalIsText, int Cluster, string? LinkKey);

/// <summary>The tagging results for one piece of a document.</summary>
public sealed record JournalPiece(string Path, int Piece, int Offset, int Chars, DocumentDate? Date, IReadOnlyList<JournalMention> Mentions);

/// <summary>A document finished in full: its file as it was then (size and modification time).</summary>
public sealed record JournalDone(string Path, long Bytes, long ModifiedTicks);

/// <summary>A finished document read back from the journal.</summary>
public sealed record JournalEntry(JournalDone Done, IReadOnlyList<JournalPiece> Pieces);

/// <summary>
/// The run journal, <c>out/run.journal</c>, which makes <c>--resume</c> possible. A compact binary file (byte layout:
/// <see cref="JournalFormat"/>): a header naming the run's configuration key, then for every document finished, in
/// input order, one record per piece (the tagging results: mentions with offsets in the piece, normal forms, link keys,
/// the document date) and a closing done record with the file's size and modification time. Every record carries its
/// length and a CRC-32, so a torn or corrupt tail (the process was killed) is detected and ignored. A document counts as
/// finished only when its done record is there. Failed documents are not marked done, so a resumed run tries them
/// again. On resume a document is taken from the journal when its file still has the same size and modification time
/// and the configuration key is the same; its text is read again and the cheap structural stages (tokens, sentences,
/// language, furniture) run again, but the tagging stages do not. Workers encode their piece records themselves
/// (<see cref="PieceRecord"/>); the ordered consumer only appends them.
/// </summary>
public sealed class Journal : IDisposable
{
    public const string FileName = "run.journal";

    /// <summary>Where a finished document's piece records are in the journal file (they are read again only when needed).</summary>
    private readonly record struct FinishedAt(JournalDone Done, long Offset, int Pieces);

    private readonly string _path;
    private readonly FileStream _writer;
    private readonly Dictionary<string, FinishedAt> _finished;

    /// <summary>Pieces appended for the current document (since its piece 0), written into its done record.</summary>
    private int _pieces;

    /// <summary>The path of the last done record written (done records code their path against it).</summary>
    private string _lastPath;

    private Journal(string path, FileStream writer, Dictionary<string, FinishedAt> finished, string lastPath)
    {
        _path = path;
        _writer = writer;
        _finished = finished;
        _lastPath = lastPath;
    }

    /// <summary>Documents finished by the earlier run (empty unless resuming).</summary>
    public int FinishedCount => _finished.Count;

    /// <summary>
    /// Starts a journal at <paramref name="path"/>. Without <paramref name="resume"/> any old journal is replaced. With it,
    /// the finished documents of the old journal are kept (copied to a fresh file, dropping a torn tail and unfinished
    /// documents; only their positions stay in memory) and new ones are appended; a journal written under another
    /// configuration key or in another format is a <see cref="ConfigException"/>.
    /// </summary>
    public static Journal Open(string path, string key, bool resume)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var finished = new Dictionary<string, FinishedAt>(StringComparer.Ordinal);
        var tmp = path + ".tmp";
        string lastPath = "";
        using (var fresh = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        {
            fresh.Write(JournalFormat.Magic);
            fresh.Write(JournalFormat.Header(key));
            if (resume && File.Exists(path)) lastPath = CopyFinished(path, key, fresh, finished);
        }
        File.Move(tmp, path, overwrite: true);
        return new Journal(path, new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16), finished, lastPath);
    }

    /// <summary>
    /// Copies the finished documents of an old journal to <paramref name="fresh"/>, noting where each one's pieces start;
    /// returns the path of the last done record written (done records are coded again, against the fresh file's paths).
    /// </summary>
    private static string CopyFinished(string path, string key, FileStream fresh, Dictionary<string, FinishedAt> finished)
    {
        using var old = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> magic = stackalloc byte[JournalFormat.Magic.Length];
        int got = old.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        if (!magic[..got].SequenceEqual(JournalFormat.Magic[..got]))
            throw Refused(path, "is not a journal of this version (an older JSON journal?)");
        var buffer = new byte[1 << 16];
        string oldLast = "", freshLast = "";
        if (got < magic.Length || !JournalFormat.TryRead(old, ref buffer, out int prefix, out int length)) return freshLast;
        if (JournalFormat.ReadHeader(buffer.AsSpan(prefix, length)) != key)
            throw Refused(path, "was written by a run with another configuration (pipeline file, encoding or piece size) or journal version");

        var pending = new List<byte[]>();
        while (JournalFormat.TryRead(old, ref buffer, out prefix, out length))
        {
            var payload = buffer.AsSpan(prefix, length);
            var record = buffer.AsSpan(0, prefix + length + 4);
            switch (payload[0])
            {
                case JournalFormat.PieceKind:
                    if (JournalFormat.PieceIndex(payload) == 0) pending.Clear();
                    pending.Add(record.ToArray());
                    break;
                case JournalFormat.DoneKind:
                    var (done, pieces) = JournalFormat.ReadDone(payload, oldLast);
                    oldLast = done.Path;
                    if (pieces == pending.Count)
                    {
                        long offset = fresh.Position;
                        foreach (var piece in pending) fresh.Write(piece);
                        fresh.Write(JournalFormat.Done(done, pieces, freshLast));
                        freshLast = done.Path;
                        finished[done.Path] = new FinishedAt(done, offset, pieces);
                    }
                    pending.Clear();
                    break;
                default:
                    return freshLast;
            }
        }
        return freshLast;
    }

    private static ConfigException Refused(string path, string why) =>
        new($"{path}: this journal {why}; run without --resume to start over, or resume with the same options.");

    /// <summary>The finished entry for a file, when the file has not changed since (its pieces read back from the journal).</summary>
    public JournalEntry? Finished(string path, long bytes, long modifiedTicks)
    {
        if (!_finished.TryGetValue(path, out var at) || at.Done.Bytes != bytes || at.Done.ModifiedTicks != modifiedTicks) return null;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        file.Seek(at.Offset, SeekOrigin.Begin);
        var buffer = new byte[1 << 12];
        var pieces = new List<JournalPiece>(at.Pieces);
        for (int i = 0; i < at.Pieces; i++)
        {
            if (!JournalFormat.TryRead(file, ref buffer, out int prefix, out int length))
                throw new InvalidDataException($"{_path}: a finished document's piece cannot be read; run without --resume");
            pieces.Add(JournalFormat.ReadPiece(path, buffer.AsSpan(prefix, length)));
        }
        return new JournalEntry(at.Done, pieces);
    }

    /// <summary>
    /// A piece's journal record (framed, with its checksum), made where the piece was processed (a worker thread, in a
    /// buffer of its own) straight from the document, so the ordered consumer only appends bytes with <see cref="AddPiece"/>.
    /// It reads back as the <see cref="JournalPiece"/> of <paramref name="document"/>'s mentions. The path is named by the
    /// document's done record.
    /// </summary>
    public static byte[] PieceRecord(int piece, int offset, Document document) => JournalFormat.Piece(piece, offset, document);

    /// <summary>Appends a record made by <see cref="PieceRecord"/>.</summary>
    public void AddPiece(byte[] pieceRecord)
    {
        _pieces = JournalFormat.PieceIndexOfRecord(pieceRecord) == 0 ? 1 : _pieces + 1;
        _writer.Write(pieceRecord);
    }

    /// <summary>Marks a document finished (its pieces are the ones appended since its piece 0) and flushes, so it survives an interruption.</summary>
    public void AddDone(JournalDone done)
    {
        _writer.Write(JournalFormat.Done(done, _pieces, _lastPath));
        _lastPath = done.Path;
        _pieces = 0;
        _writer.Flush();
    }

    /// <summary>The mention again, as the tagging stages left it; <paramref name="text"/> is its piece's text.</summary>
    public static Mention FromJournal(JournalMention j, string text) =>
        new(new TextRange(j.Start, j.End), j.Type, j.Source, j.Confidence)
        {
            Normal = j.NormalIsText ? text[j.Start..j.End] : j.Normal,
            Cluster = j.Cluster,
            LinkKey = j.LinkKey,
        };

    public void Dispose() => _writer.Dispose();
}
