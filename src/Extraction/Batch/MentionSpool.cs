using System.Buffers;
using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using Extraction.Output;

namespace Extraction.Batch;

/// <summary>
/// The mention rows of a batch, kept in a temporary file instead of memory: the consumer appends each row as its document
/// is linked, and after <see cref="Complete"/> the rows are read back in the same order, as often as needed (the CSV and
/// the JSON Lines table), with the linker's final entity ids. Memory stays the same whatever the corpus size.
/// The file (<c>.mentions-*.spool.tmp</c>) is deleted when the spool is disposed, or when the process closes it.
/// <para>
/// Row layout (little-endian; "n" is a 7-bit encoded int as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it):
/// n document ordinal (index into the batch's document rows, whose <c>doc_id</c> it stands for) · int32 start · int32 end ·
/// int32 sentence · float32 confidence · label type · label source · string text · string normalized · string entity id
/// (provisional). A string is n = 0 for null, else n = 1 + (length &lt;&lt; 1 | u) followed by length UTF-8 bytes (u = 0)
/// or length UTF-16 code units (u = 1, only for text that is not valid UTF-16, so it reads back unchanged). A label
/// (few distinct values) is n = its index + 1 in the labels seen so far, or n = 0 followed by a string for a new one.
/// </para>
/// </summary>
public sealed class MentionSpool : IReadOnlyCollection<MentionRow>, IDisposable
{
    private readonly string _path;
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[256];
    private IReadOnlyList<DocumentRow>? _documents;
    private Func<string, string>? _resolve;
    private bool _disposed;

    public MentionSpool(string directory)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(Path.GetFullPath(directory), $".mentions-{Environment.ProcessId}-{Path.GetRandomFileName()}.spool.tmp");
        _file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_file, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>Rows written.</summary>
    public int Count { get; private set; }

    /// <summary>Bytes on disk.</summary>
    public long Bytes => _file.Length;

    /// <summary>Appends a row (before <see cref="Complete"/>).</summary>
    public void Add(int document, int start, int end, ReadOnlySpan<char> text, string type, string? normalized, string? entityId,
        int sentence, string source, float confidence)
    {
        if (_documents is not null) throw new InvalidOperationException("The spool is complete: no rows can be added.");
        _writer.Write7BitEncodedInt(document);
        _writer.Write(start);
        _writer.Write(end);
        _writer.Write(sentence);
        _writer.Write(confidence);
        WriteLabel(type);
        WriteLabel(source);
        WriteString(text, isNull: false);
        WriteString(normalized, normalized is null);
        WriteString(entityId, entityId is null);
        Count++;
    }

    /// <summary>Ends writing. Rows read back name their document by <paramref name="documents"/>[ordinal] and resolve entity ids with <paramref name="resolve"/>.</summary>
    public void Complete(IReadOnlyList<DocumentRow> documents, Func<string, string> resolve)
    {
        _writer.Flush();
        _file.Flush();
        _documents = documents;
        _resolve = resolve;
    }

    private void WriteLabel(string label)
    {
        if (_labels.TryGetValue(label, out int index))
        {
            _writer.Write7BitEncodedInt(index + 1);
            return;
        }
        _labels.Add(label, _labels.Count);
        _writer.Write7BitEncodedInt(0);
        WriteString(label, isNull: false);
    }

    private void WriteString(ReadOnlySpan<char> s, bool isNull)
    {
        if (isNull)
        {
            _writer.Write7BitEncodedInt(0);
            return;
        }
        int max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (_buffer.Length < max) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        if (Utf8.FromUtf16(s, _buffer, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            _writer.Write7BitEncodedInt(1 + (written << 1));
            _writer.Write(_buffer.AsSpan(0, written));
        }
        else
        {
            _writer.Write7BitEncodedInt(1 + (s.Length << 1 | 1));
            _writer.Write(MemoryMarshal.AsBytes(s));
        }
    }

    public IEnumerator<MentionRow> GetEnumerator()
    {
        if (_documents is null || _resolve is null) throw new InvalidOperationException("The spool is read after Complete.");
        return Read(_documents, _resolve);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<MentionRow> Read(IReadOnlyList<DocumentRow> documents, Func<string, string> resolve)
    {
        using var file = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
        using var reader = new BinaryReader(file, Encoding.UTF8);
        var labels = new List<string>();
        var buffer = new byte[256];
        for (int i = 0; i < Count; i++)
        {
            var docId = documents[reader.Read7BitEncodedInt()].DocId;
            int start = reader.ReadInt32(), end = reader.ReadInt32(), sentence = reader.ReadInt32();
            float confidence = reader.ReadSingle();
            var type = ReadLabel(reader, labels, ref buffer);
            var source = ReadLabel(reader, labels, ref buffer);
            var text = ReadString(reader, ref buffer)!;
            var normalized = ReadString(reader, ref buffer);
            var entityId = ReadString(reader, ref buffer);
            yield return new MentionRow(docId, start, end, text, type, normalized, entityId is null ? null : resolve(entityId), sentence, source, confidence);
        }
    }

    private static string ReadLabel(BinaryReader reader, List<string> labels, ref byte[] buffer)
    {
        int n = reader.Read7BitEncodedInt();
        if (n > 0) return labels[n - 1];
        var label = ReadString(reader, ref buffer)!;
        labels.Add(label);
        return label;
    }

    private static string? ReadString(BinaryReader reader, ref byte[] buffer)
    {
        int n = reader.Read7BitEncodedInt();
        if (n == 0) return null;
        int length = (n - 1) >> 1;
        bool utf16 = ((n - 1) & 1) == 1;
        int bytes = utf16 ? length * 2 : length;
        if (buffer.Length < bytes) buffer = new byte[Math.Max(bytes, buffer.Length * 2)];
        var span = buffer.AsSpan(0, bytes);
        reader.BaseStream.ReadExactly(span);
        return utf16 ? new string(MemoryMarshal.Cast<byte, char>(span)) : Encoding.UTF8.GetString(span);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
        _file.Dispose();
    }
}
