using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Extraction.Output;

namespace Extraction.Batch;

/// <summary>
/// The mention rows of one document piece, encoded by the worker that processed it: everything but the entity ids, which
/// the corpus linker assigns later, in input order. The consumer fills <see cref="EntityIds"/> and appends the block to
/// the <see cref="MentionSpool"/>, so the ordered part of a batch copies bytes instead of building rows.
/// </summary>
public sealed class MentionBlock
{
    private readonly MemoryStream _bytes = new();
    private readonly BinaryWriter _writer;
    private byte[] _buffer = new byte[256];

    public MentionBlock() => _writer = new BinaryWriter(_bytes, Encoding.UTF8, leaveOpen: true);

    /// <summary>Rows in the block.</summary>
    public int Count => EntityIds.Count;

    /// <summary>The provisional entity id of each row (null for none); rows start with null, the consumer sets them after linking.</summary>
    public List<string?> EntityIds { get; } = [];

    /// <summary>Appends a row.</summary>
    public void Add(int start, int end, ReadOnlySpan<char> text, string type, string? normalized, int sentence, string source, float confidence)
    {
        _writer.Write(start);
        _writer.Write(end);
        _writer.Write(sentence);
        _writer.Write(confidence);
        SpoolStrings.Write(_writer, type, ref _buffer);
        SpoolStrings.Write(_writer, source, ref _buffer);
        SpoolStrings.Write(_writer, text, ref _buffer);
        SpoolStrings.Write(_writer, normalized, ref _buffer);
        EntityIds.Add(null);
    }

    internal ReadOnlySpan<byte> Rows
    {
        get
        {
            _writer.Flush();
            return _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length);
        }
    }
}

/// <summary>
/// The mention rows of a batch, kept in a temporary file instead of memory: the consumer appends each piece's
/// <see cref="MentionBlock"/> as its document is linked, and after <see cref="Complete"/> the rows are read back in the same
/// order, as often as needed (the CSV and the JSON Lines table), with the linker's final entity ids. Memory stays the same
/// whatever the corpus size. The file (<c>.mentions-*.spool.tmp</c>) is deleted when the spool is disposed, or when the
/// process closes it.
/// <para>
/// Layout (little-endian; "n" is a 7-bit encoded int as <see cref="BinaryWriter.Write7BitEncodedInt"/> writes it), one block
/// per piece with mentions: n document ordinal (index into the batch's document rows, whose <c>doc_id</c> it stands for) ·
/// n row count · per row: string entity id (provisional) · then per row: int32 start · int32 end · int32 sentence ·
/// float32 confidence · string type · string source · string text · string normalized. A string is n = 0 for null, else
/// n = 1 + (length &lt;&lt; 1 | u) followed by length UTF-8 bytes (u = 0) or length UTF-16 code units (u = 1, only for text
/// that is not valid UTF-16, so it reads back unchanged).
/// </para>
/// </summary>
public sealed class MentionSpool : IReadOnlyCollection<MentionRow>, ITableSource, IDisposable
{
    private readonly string _path;
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
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

    /// <summary>Appends the rows of <paramref name="block"/> as rows of document <paramref name="document"/> (before <see cref="Complete"/>).</summary>
    public void Add(int document, MentionBlock block)
    {
        if (_documents is not null) throw new InvalidOperationException("The spool is complete: no rows can be added.");
        if (block.Count == 0) return;
        _writer.Write7BitEncodedInt(document);
        _writer.Write7BitEncodedInt(block.Count);
        foreach (var id in block.EntityIds) SpoolStrings.Write(_writer, id, ref _buffer);
        _writer.Write(block.Rows);
        Count += block.Count;
    }

    /// <summary>Ends writing. Rows read back name their document by <paramref name="documents"/>[ordinal] and resolve entity ids with <paramref name="resolve"/>.</summary>
    public void Complete(IReadOnlyList<DocumentRow> documents, Func<string, string> resolve)
    {
        _writer.Flush();
        _file.Flush();
        _documents = documents;
        _resolve = resolve;
    }

    public IEnumerator<MentionRow> GetEnumerator()
    {
        var (documents, resolve) = Completed();
        return Read(documents, resolve);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<MentionRow> Read(IReadOnlyList<DocumentRow> documents, Func<string, string> resolve)
    {
        using var rows = new RowReader(_path, Count);
        while (rows.NextBlock())
        {
            var docId = documents[rows.Document].DocId;
            for (int k = 0; k < rows.Rows; k++)
            {
                rows.NextRow();
                yield return new MentionRow(docId, rows.Start, rows.End, rows.Text.String()!, rows.Type.String()!, rows.Normalized.String(),
                    rows.Ids[k] is { } id ? resolve(id) : null, rows.Sentence, rows.Source.String()!, rows.Confidence);
            }
        }
    }

    /// <summary>The CSV records of the rows, the same bytes <see cref="TableWriter"/> writes for the row objects, without making them.</summary>
    public void WriteCsv(CsvRows csv)
    {
        var (documents, resolve) = Completed();
        using var rows = new RowReader(_path, Count);
        while (rows.NextBlock())
        {
            var docId = Encoding.UTF8.GetBytes(documents[rows.Document].DocId);
            for (int k = 0; k < rows.Rows; k++)
            {
                rows.NextRow();
                csv.Field(docId); csv.Number(rows.Start); csv.Number(rows.End); rows.Text.To(csv); rows.Type.To(csv);
                rows.Normalized.To(csv); csv.Field(rows.Ids[k] is { } id ? resolve(id) : null); csv.Number(rows.Sentence); rows.Source.To(csv);
                csv.Number(rows.Confidence, TableWriter.ConfidenceFormat);
                csv.EndRecord();
            }
        }
    }

    /// <summary>The JSON Lines records of the rows, as <see cref="TableWriter"/> writes them for the row objects.</summary>
    public void WriteJsonLines(JsonLines json)
    {
        var (documents, resolve) = Completed();
        var n = TableWriter.MentionNames;
        var j = json.Writer;
        using var rows = new RowReader(_path, Count);
        while (rows.NextBlock())
        {
            var docId = Encoding.UTF8.GetBytes(documents[rows.Document].DocId);
            for (int k = 0; k < rows.Rows; k++)
            {
                rows.NextRow();
                json.StartRecord();
                j.WriteString(n[0], docId); j.WriteNumber(n[1], rows.Start); j.WriteNumber(n[2], rows.End); rows.Text.To(j, n[3]);
                rows.Type.To(j, n[4]); rows.Normalized.To(j, n[5]); j.WriteString(n[6], rows.Ids[k] is { } id ? resolve(id) : null);
                j.WriteNumber(n[7], rows.Sentence); rows.Source.To(j, n[8]); j.WriteNumber(n[9], rows.Confidence);
                json.EndRecord();
            }
        }
    }

    private (IReadOnlyList<DocumentRow>, Func<string, string>) Completed() =>
        _documents is { } documents && _resolve is { } resolve ? (documents, resolve) : throw new InvalidOperationException("The spool is read after Complete.");

    /// <summary>
    /// Reads the spool file back block by block and row by row, parsing from a large buffer (a reader over the file stream
    /// makes several stream calls per row); a row's strings stay bytes until asked for.
    /// </summary>
    private sealed class RowReader(string path, int count) : IDisposable
    {
        private readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        private byte[] _buffer = new byte[1 << 16];
        private int _position, _length;
        private int _read;

        public int Document { get; private set; }
        public int Rows { get; private set; }
        public List<string?> Ids { get; } = [];
        public int Start { get; private set; }
        public int End { get; private set; }
        public int Sentence { get; private set; }
        public float Confidence { get; private set; }
        public SpoolField Type { get; } = new();
        public SpoolField Source { get; } = new();
        public SpoolField Text { get; } = new();
        public SpoolField Normalized { get; } = new();

        public bool NextBlock()
        {
            if (_read >= count) return false;
            Document = Read7Bit();
            Rows = Read7Bit();
            Ids.Clear();
            for (int k = 0; k < Rows; k++)
            {
                var (isNull, utf16, bytes) = StringHeader();
                var span = Take(bytes);
                Ids.Add(isNull ? null : utf16 ? new string(MemoryMarshal.Cast<byte, char>(span)) : Encoding.UTF8.GetString(span));
            }
            return true;
        }

        public void NextRow()
        {
            var fixedPart = Take(16);
            Start = BinaryPrimitives.ReadInt32LittleEndian(fixedPart);
            End = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[4..]);
            Sentence = BinaryPrimitives.ReadInt32LittleEndian(fixedPart[8..]);
            Confidence = BinaryPrimitives.ReadSingleLittleEndian(fixedPart[12..]);
            ReadField(Type);
            ReadField(Source);
            ReadField(Text);
            ReadField(Normalized);
            _read++;
        }

        private void ReadField(SpoolField field)
        {
            var (isNull, utf16, bytes) = StringHeader();
            field.Set(isNull, utf16, Take(bytes));
        }

        private (bool Null, bool Utf16, int Bytes) StringHeader()
        {
            int n = Read7Bit();
            if (n == 0) return (true, false, 0);
            int length = (n - 1) >> 1;
            bool utf16 = ((n - 1) & 1) == 1;
            return (false, utf16, utf16 ? length * 2 : length);
        }

        private int Read7Bit()
        {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = Take(1)[0];
                value |= (b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw new InvalidDataException("mention spool: bad 7-bit encoded number");
        }

        /// <summary>The next <paramref name="n"/> bytes; valid until the next call.</summary>
        private ReadOnlySpan<byte> Take(int n)
        {
            if (_length - _position < n) Fill(n);
            var span = _buffer.AsSpan(_position, n);
            _position += n;
            return span;
        }

        private void Fill(int n)
        {
            int left = _length - _position;
            if (n > _buffer.Length) Array.Resize(ref _buffer, Math.Max(n, _buffer.Length * 2));
            Buffer.BlockCopy(_buffer, _position, _buffer, 0, left);
            _position = 0;
            _length = left;
            while (_length < n)
            {
                int got = _file.Read(_buffer, _length, _buffer.Length - _length);
                if (got == 0) throw new EndOfStreamException("mention spool: the file ends inside a row");
                _length += got;
            }
        }

        public void Dispose() => _file.Dispose();
    }

    /// <summary>A string of a spooled row as stored: UTF-8 bytes, UTF-16 code units (text that is not valid UTF-16), or null.</summary>
    private sealed class SpoolField
    {
        private byte[] _bytes = new byte[256];
        private int _length;
        private bool _null, _utf16;

        private ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, _length);

        public void Set(bool isNull, bool utf16, ReadOnlySpan<byte> bytes)
        {
            (_null, _utf16, _length) = (isNull, utf16, bytes.Length);
            if (_bytes.Length < bytes.Length) _bytes = new byte[Math.Max(bytes.Length, _bytes.Length * 2)];
            bytes.CopyTo(_bytes);
        }

        public string? String() => _null ? null : _utf16 ? new string(MemoryMarshal.Cast<byte, char>(Bytes)) : Encoding.UTF8.GetString(Bytes);

        public void To(CsvRows csv)
        {
            if (_utf16) csv.Field(MemoryMarshal.Cast<byte, char>(Bytes));
            else csv.Field(Bytes);
        }

        public void To(Utf8JsonWriter json, JsonEncodedText name)
        {
            if (_null) json.WriteNull(name);
            else if (_utf16) json.WriteString(name, MemoryMarshal.Cast<byte, char>(Bytes));
            else json.WriteString(name, Bytes);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
        _file.Dispose();
    }
}

/// <summary>The spool's string encoding (see <see cref="MentionSpool"/>).</summary>
internal static class SpoolStrings
{
    public static void Write(BinaryWriter writer, string? s, ref byte[] buffer)
    {
        if (s is null) writer.Write7BitEncodedInt(0);
        else Write(writer, s.AsSpan(), ref buffer);
    }

    public static void Write(BinaryWriter writer, ReadOnlySpan<char> s, ref byte[] buffer)
    {
        int max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (buffer.Length < max) buffer = new byte[Math.Max(max, buffer.Length * 2)];
        if (Utf8.FromUtf16(s, buffer, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            writer.Write7BitEncodedInt(1 + (written << 1));
            writer.Write(buffer.AsSpan(0, written));
        }
        else
        {
            writer.Write7BitEncodedInt(1 + (s.Length << 1 | 1));
            writer.Write(MemoryMarshal.AsBytes(s));
        }
    }
}
