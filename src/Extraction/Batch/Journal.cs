using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Batch;

/// <summary>A mention as the journal keeps it: offsets within its piece and everything the tagging stages set.</summary>
public sealed record JournalMention(
    int Start, int End, string Type, string Source, float Confidence, string? Normal, int Cluster, string? LinkKey);

/// <summary>The tagging results for one piece of a document.</summary>
public sealed record JournalPiece(string Path, int Piece, int Offset, int Chars, DocumentDate? Date, IReadOnlyList<JournalMention> Mentions);

/// <summary>A document finished in full: its file as it was then (size and modification time).</summary>
public sealed record JournalDone(string Path, long Bytes, long ModifiedTicks);

/// <summary>A finished document read back from the journal.</summary>
public sealed record JournalEntry(JournalDone Done, IReadOnlyList<JournalPiece> Pieces);

/// <summary>
/// The run journal, <c>out/run.journal</c>, which makes <c>--resume</c> possible. JSON Lines: a header
/// <c>{"header":{"version":1,"key":"…"}}</c> naming the run's configuration, then for every document finished, in input
/// order, one <c>{"piece":…}</c> line per piece (the tagging results: mentions with offsets in the piece, normal
/// forms, link keys, the document date) and a closing <c>{"done":…}</c> line with the file's size and modification
/// time. A document counts as finished only when its <c>done</c> line is there; a torn last line (the process was
/// killed) is ignored. Failed documents are not journaled, so a resumed run tries them again. On resume a document is
/// taken from the journal when its file still has the same size and modification time and the configuration key is
/// the same; its text is read again and the cheap structural stages (tokens, sentences, language, furniture) run again,
/// but the tagging stages do not.
/// </summary>
public sealed class Journal : IDisposable
{
    public const string FileName = "run.journal";
    private const int Version = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private sealed record Header(int Version, string Key);

    private sealed record Line(Header? Header = null, JournalPiece? Piece = null, JournalDone? Done = null);

    /// <summary>Where a finished document's piece lines are in the journal file (they are read again only when needed).</summary>
    private readonly record struct FinishedAt(JournalDone Done, long Offset, int Pieces);

    private static readonly UTF8Encoding Utf8 = new(false);

    private readonly string _path;
    private readonly FileStream _writer;
    private readonly Dictionary<string, FinishedAt> _finished;

    private Journal(string path, FileStream writer, Dictionary<string, FinishedAt> finished)
    {
        _path = path;
        _writer = writer;
        _finished = finished;
    }

    /// <summary>Documents finished by the earlier run (empty unless resuming).</summary>
    public int FinishedCount => _finished.Count;

    /// <summary>
    /// Starts a journal at <paramref name="path"/>. Without <paramref name="resume"/> any old journal is replaced. With it,
    /// the finished documents of the old journal are kept (copied to a fresh file, dropping a torn tail and unfinished
    /// documents; only their positions stay in memory) and new ones are appended; a journal written under another
    /// configuration key is a <see cref="ConfigException"/>.
    /// </summary>
    public static Journal Open(string path, string key, bool resume)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var finished = new Dictionary<string, FinishedAt>(StringComparer.Ordinal);
        var tmp = path + ".tmp";
        using (var fresh = new StreamWriter(tmp, append: false, Utf8))
        {
            long position = 0;
            void Put(string line)
            {
                fresh.Write(line);
                fresh.Write('\n');
                position += Utf8.GetByteCount(line) + 1;
            }
            Put(Serialize(new Line(Header: new Header(Version, key))));
            if (resume && File.Exists(path)) CopyFinished(path, key, Put, () => position, finished);
        }
        File.Move(tmp, path, overwrite: true);
        return new Journal(path, new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16), finished);
    }

    /// <summary>Copies the finished documents of an old journal through <paramref name="put"/>, noting where each one's pieces start.</summary>
    private static void CopyFinished(string path, string key, Action<string> put, Func<long> position, Dictionary<string, FinishedAt> finished)
    {
        var pending = new List<string>();
        string? pendingPath = null;
        bool first = true;
        foreach (var text in File.ReadLines(path))
        {
            Line? line;
            try { line = JsonSerializer.Deserialize<Line>(text, Json); }
            catch (JsonException) { break; }
            if (line is null) break;
            if (first)
            {
                if (line.Header is not { } h || h.Version != Version || h.Key != key)
                    throw new ConfigException($"{path}: this journal was written by a run with another configuration (pipeline file, encoding or piece size); " +
                        "run without --resume to start over, or resume with the same options.");
                first = false;
                continue;
            }
            if (line.Piece is { } p)
            {
                if (pendingPath != p.Path) pending.Clear();
                pendingPath = p.Path;
                pending.Add(text);
            }
            else if (line.Done is { } d)
            {
                if (pendingPath != d.Path) pending.Clear();
                long offset = position();
                foreach (var piece in pending) put(piece);
                put(text);
                finished[d.Path] = new FinishedAt(d, offset, pending.Count);
                pending.Clear();
                pendingPath = null;
            }
        }
    }

    /// <summary>The finished entry for a file, when the file has not changed since (its pieces read back from the journal).</summary>
    public JournalEntry? Finished(string path, long bytes, long modifiedTicks)
    {
        if (!_finished.TryGetValue(path, out var at) || at.Done.Bytes != bytes || at.Done.ModifiedTicks != modifiedTicks) return null;
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        file.Seek(at.Offset, SeekOrigin.Begin);
        using var reader = new StreamReader(file, Utf8);
        var pieces = new List<JournalPiece>(at.Pieces);
        for (int i = 0; i < at.Pieces; i++)
            pieces.Add(JsonSerializer.Deserialize<Line>(reader.ReadLine() ?? throw new InvalidDataException($"{_path} ends inside a finished document; run without --resume"), Json)?.Piece
                ?? throw new InvalidDataException($"{_path}: a finished document's piece cannot be read; run without --resume"));
        return new JournalEntry(at.Done, pieces);
    }

    private static readonly JsonWriterOptions LineOptions = new() { Encoder = Json.Encoder, SkipValidation = true };

    /// <summary>Each worker thread's buffer for <see cref="PieceLine"/>.</summary>
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_lineBuffer;

    /// <summary>
    /// A piece's journal line (UTF-8, with its line feed), written where the piece was processed (a worker thread) straight
    /// from the document, so the ordered consumer only appends bytes with <see cref="AddPiece"/>. It reads back as the
    /// <see cref="JournalPiece"/> of <paramref name="document"/>'s mentions (<see cref="ToJournal"/>).
    /// </summary>
    public static byte[] PieceLine(string path, int piece, int offset, Document document)
    {
        var buffer = t_lineBuffer ??= new ArrayBufferWriter<byte>(1 << 14);
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, LineOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("piece"u8);
            w.WriteString("path"u8, path);
            w.WriteNumber("piece"u8, piece);
            w.WriteNumber("offset"u8, offset);
            w.WriteNumber("chars"u8, document.Text.Length);
            if (document.Date is { } date)
            {
                w.WriteStartObject("date"u8);
                w.WriteString("value"u8, date.Value);
                w.WriteString("source"u8, date.Source);
                if (date.Range is { } range)
                {
                    w.WriteStartObject("range"u8);
                    w.WriteNumber("start"u8, range.Start);
                    w.WriteNumber("end"u8, range.End);
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteStartArray("mentions"u8);
            foreach (var m in document.Mentions)
            {
                w.WriteStartObject();
                w.WriteNumber("start"u8, m.Range.Start);
                w.WriteNumber("end"u8, m.Range.End);
                w.WriteString("type"u8, m.Type.Code());
                w.WriteString("source"u8, m.Source);
                w.WriteNumber("confidence"u8, m.Confidence);
                if (m.Normal is { } normal) w.WriteString("normal"u8, normal);
                w.WriteNumber("cluster"u8, m.Cluster);
                if (m.LinkKey is { } key) w.WriteString("linkKey"u8, key);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Appends a line made by <see cref="PieceLine"/>.</summary>
    public void AddPiece(byte[] pieceLine) => _writer.Write(pieceLine);

    /// <summary>Marks a document finished and flushes, so it survives an interruption.</summary>
    public void AddDone(JournalDone done)
    {
        _writer.Write(Utf8.GetBytes(Serialize(new Line(Done: done)) + "\n"));
        _writer.Flush();
    }

    private static string Serialize(Line line) => JsonSerializer.Serialize(line, Json);

    /// <summary>A mention for the journal (offsets within the piece).</summary>
    public static JournalMention ToJournal(Mention m) =>
        new(m.Range.Start, m.Range.End, m.Type.Code(), m.Source, m.Confidence, m.Normal, m.Cluster, m.LinkKey);

    /// <summary>The mention again, as the tagging stages left it.</summary>
    public static Mention FromJournal(JournalMention j)
    {
        if (!EntityTypes.TryParse(j.Type, out var type)) throw new InvalidDataException($"journal: unknown mention type '{j.Type}'");
        return new Mention(new TextRange(j.Start, j.End), type, j.Source, j.Confidence) { Normal = j.Normal, Cluster = j.Cluster, LinkKey = j.LinkKey };
    }

    public void Dispose() => _writer.Dispose();
}
