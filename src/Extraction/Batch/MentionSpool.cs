using System.Buffers;
using System.Buffers.Binary;
using System.Collections;
using System.Runtime.CompilerServices;
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
    // The rows as the spool stores them (see MentionSpool), encoded straight into one growing buffer.
    private byte[] _bytes = new byte[1024];
    private int _length;

    /// <summary>Rows in the block.</summary>
    public int Count => EntityIds.Count;

    /// <summary>The provisional entity id of each row (null for none); rows start with null, the consumer sets them after linking.</summary>
    public List<string?> EntityIds { get; } = [];

    /// <summary>Appends a row.</summary>
    public void Add(int start, int end, ReadOnlySpan<char> text, string type, string? normalized, int sentence, string source, float confidence)
    {
        var numbers = Room(16);
        BinaryPrimitives.WriteInt32LittleEndian(numbers, start);
        BinaryPrimitives.WriteInt32LittleEndian(numbers[4..], end);
        BinaryPrimitives.WriteInt32LittleEndian(numbers[8..], sentence);
        BinaryPrimitives.WriteSingleLittleEndian(numbers[12..], confidence);
        _length += 16;
        String(type);
        String(source);
        String(text);
        if (normalized is null)
        {
            Room(1)[0] = 0;
            _length++;
        }
        else String(normalized);
        EntityIds.Add(null);
    }

    /// <summary>A string as the spool stores it: n = 1 + (length &lt;&lt; 1 | u), then UTF-8 bytes (u = 0) or, for text that is not valid UTF-16, UTF-16 code units (u = 1).</summary>
    private void String(ReadOnlySpan<char> s)
    {
        var room = Room(5 + Encoding.UTF8.GetMaxByteCount(s.Length));
        // The length prefix is written after the text, once its byte count is known: leave room for the longest prefix.
        int header = VarIntLength((uint)(1 + (Encoding.UTF8.GetMaxByteCount(s.Length) << 1 | 1)));
        if (Utf8.FromUtf16(s, room[header..], out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done)
        {
            int n = 1 + (written << 1);
            int used = VarIntLength((uint)n);
            if (used != header) room.Slice(header, written).CopyTo(room[used..]);
            WriteVarInt(room, (uint)n);
            _length += used + written;
        }
        else
        {
            int n = 1 + (s.Length << 1 | 1);
            int used = WriteVarInt(room, (uint)n);
            MemoryMarshal.AsBytes(s).CopyTo(room[used..]);
            _length += used + s.Length * 2;
        }
    }

    private static int VarIntLength(uint value)
    {
        int n = 1;
        while (value >= 0x80) { value >>= 7; n++; }
        return n;
    }

    /// <summary>Writes <paramref name="value"/> as <see cref="BinaryWriter.Write7BitEncodedInt"/> does; returns the bytes written.</summary>
    private static int WriteVarInt(Span<byte> to, uint value)
    {
        int k = 0;
        while (value >= 0x80)
        {
            to[k++] = (byte)(value | 0x80);
            value >>= 7;
        }
        to[k++] = (byte)value;
        return k;
    }

    /// <summary>At least <paramref name="bytes"/> free bytes at the end of the block.</summary>
    private Span<byte> Room(int bytes)
    {
        if (_bytes.Length - _length < bytes) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes));
        return _bytes.AsSpan(_length);
    }

    /// <summary>Empties the block for another piece (its buffer is kept).</summary>
    public void Clear()
    {
        _length = 0;
        EntityIds.Clear();
    }

    /// <summary>Bytes the block holds on to.</summary>
    internal int Capacity => _bytes.Length;

    internal ReadOnlySpan<byte> Rows => _bytes.AsSpan(0, _length);
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
/// n row count · n payload bytes · payload: per row, string entity id (provisional); then per row: int32 start · int32 end ·
/// int32 sentence · float32 confidence · string type · string source · string text · string normalized. A string is n = 0
/// for null, else n = 1 + (length &lt;&lt; 1 | u) followed by length UTF-8 bytes (u = 0) or length UTF-16 code units (u = 1,
/// only for text that is not valid UTF-16, so it reads back unchanged).
/// </para>
/// <para>
/// The tables are written after the batch by one thread (two with <see cref="TableOptions.Concurrent"/>), so this part is
/// kept lean: a block is read whole and its rows are parsed in place, strings stay UTF-8 bytes from the file to the
/// table, and each provisional entity id is resolved and encoded once, not once per row.
/// </para>
/// </summary>
public sealed class MentionSpool : IReadOnlyCollection<MentionRow>, ITableSource, IDisposable
{
    private readonly string _path;
    private readonly FileStream _file;
    private readonly BinaryWriter _writer;
    private readonly MemoryStream _ids = new();
    private readonly BinaryWriter _idWriter;
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
        _idWriter = new BinaryWriter(_ids, Encoding.UTF8, leaveOpen: true);
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
        _ids.SetLength(0);
        foreach (var id in block.EntityIds) SpoolStrings.Write(_idWriter, id, ref _buffer);
        _idWriter.Flush();
        var rows = block.Rows;
        _writer.Write7BitEncodedInt(document);
        _writer.Write7BitEncodedInt(block.Count);
        _writer.Write7BitEncodedInt(checked((int)_ids.Length + rows.Length));
        _writer.Write(_ids.GetBuffer().AsSpan(0, (int)_ids.Length));
        _writer.Write(rows);
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
        using var blocks = new BlockReader(_path, Count);
        var rows = new List<MentionRow>();
        while (blocks.Next(out int document, out int count))
        {
            // A block's bytes are only valid until the next block is read: its rows are made first, then handed out.
            rows.Clear();
            var docId = documents[document].DocId;
            var ids = new string?[count];
            var p = new SpoolCursor(blocks.Payload);
            for (int k = 0; k < count; k++) ids[k] = p.String().ToString();
            for (int k = 0; k < count; k++)
            {
                var (start, end, sentence, confidence) = p.Numbers();
                var type = p.String();
                var source = p.String();
                var text = p.String();
                var normalized = p.String();
                rows.Add(new MentionRow(docId, start, end, text.ToString()!, type.ToString()!, normalized.ToString(),
                    ids[k] is { } id ? resolve(id) : null, sentence, source.ToString()!, confidence));
            }
            foreach (var row in rows) yield return row;
        }
    }

    /// <summary>The CSV records of the rows, the same bytes <see cref="TableWriter"/> writes for the row objects, without making them.</summary>
    public void WriteCsv(CsvRows csv)
    {
        var ids = new EntityIds(Completed().Resolve);
        ForEachRecord((docId, in r) =>
        {
            csv.Field(docId); csv.Number(r.Start); csv.Number(r.End); r.Text.To(csv); r.Type.To(csv); r.Normalized.To(csv);
            if (r.Id.IsNull) csv.Field(ReadOnlySpan<byte>.Empty);
            else if (ids.Final(r.Id) is (byte[] utf8, _)) csv.Field(utf8);
            else csv.Field(ids.Final(r.Id).Text);
            csv.Number(r.Sentence); r.Source.To(csv);
            if (r.Confidence == 1f) csv.Number(1);
            else csv.Number(r.Confidence, TableWriter.ConfidenceFormat);
            csv.EndRecord();
        });
    }

    /// <summary>The JSON Lines records of the rows, as <see cref="TableWriter"/> writes them for the row objects.</summary>
    public void WriteJsonLines(JsonLines json)
    {
        var n = TableWriter.MentionNames;
        var ids = new EntityIds(Completed().Resolve);
        ForEachRecord((docId, in r) =>
        {
            json.OpenRecord();
            json.String(n[0], docId); json.Number(n[1], r.Start); json.Number(n[2], r.End); r.Text.To(json, n[3]);
            r.Type.To(json, n[4]); r.Normalized.To(json, n[5]);
            if (r.Id.IsNull) json.Null(n[6]);
            else if (ids.Final(r.Id) is (byte[] utf8, _)) json.String(n[6], utf8);
            else json.String(n[6], ids.Final(r.Id).Text.AsSpan());
            json.Number(n[7], r.Sentence); r.Source.To(json, n[8]); json.Number(n[9], r.Confidence);
            json.CloseRecord();
        });
    }

    /// <summary>One spooled row over its block's bytes: the provisional entity id and the fields, valid during the call.</summary>
    private readonly ref struct SpoolRecord(SpoolString id, int start, int end, int sentence, float confidence,
        SpoolString type, SpoolString source, SpoolString text, SpoolString normalized)
    {
        public SpoolString Id { get; } = id;
        public int Start { get; } = start;
        public int End { get; } = end;
        public int Sentence { get; } = sentence;
        public float Confidence { get; } = confidence;
        public SpoolString Type { get; } = type;
        public SpoolString Source { get; } = source;
        public SpoolString Text { get; } = text;
        public SpoolString Normalized { get; } = normalized;
    }

    private delegate void RecordAction(ReadOnlySpan<byte> docId, in SpoolRecord record);

    /// <summary>Walks the spool block by block and hands each row, in input order, with its document id as UTF-8.</summary>
    private void ForEachRecord(RecordAction action)
    {
        var documents = Completed().Documents;
        using var blocks = new BlockReader(_path, Count);
        byte[] docId = [];
        int lastDocument = -1;
        while (blocks.Next(out int document, out int count))
        {
            if (document != lastDocument) (docId, lastDocument) = (Encoding.UTF8.GetBytes(documents[document].DocId), document);
            // A block holds its rows' provisional ids first, then the rows: one cursor on each.
            var p = new SpoolCursor(blocks.Payload);
            var q = new SpoolCursor(blocks.Payload);
            for (int k = 0; k < count; k++) q.String();
            for (int k = 0; k < count; k++)
            {
                var id = p.String();
                var (start, end, sentence, confidence) = q.Numbers();
                var type = q.String();
                var source = q.String();
                var text = q.String();
                var normalized = q.String();
                action(docId, new SpoolRecord(id, start, end, sentence, confidence, type, source, text, normalized));
            }
        }
    }

    private (IReadOnlyList<DocumentRow> Documents, Func<string, string> Resolve) Completed() =>
        _documents is { } documents && _resolve is { } resolve ? (documents, resolve) : throw new InvalidOperationException("The spool is read after Complete.");

    /// <summary>
    /// Final entity ids, resolved and encoded once per provisional id (the rows of one entity repeat it): as UTF-8, or as
    /// UTF-16 when the id is not valid UTF-16 (written as the row objects' writers write such text).
    /// </summary>
    private sealed class EntityIds
    {
        private readonly Func<string, string> _resolve;
        private readonly Dictionary<string, (byte[]? Utf8, string Text)> _final = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (byte[]? Utf8, string Text)>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private char[] _chars = new char[64];

        public EntityIds(Func<string, string> resolve)
        {
            _resolve = resolve;
            _lookup = _final.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public (byte[]? Utf8, string Text) Final(SpoolString provisional)
        {
            var chars = provisional.Chars(ref _chars);
            if (_lookup.TryGetValue(chars, out var final)) return final;
            var id = chars.ToString();
            var text = _resolve(id);
            var utf8 = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
            final = (Utf8.FromUtf16(text, utf8, out _, out int written, replaceInvalidSequences: false) == OperationStatus.Done ? utf8[..written] : null, text);
            _final[id] = final;
            return final;
        }
    }

    /// <summary>Reads the spool file back block by block, each block whole into one buffer (a few large reads for the file).</summary>
    private sealed class BlockReader(string path, int count) : IDisposable
    {
        private readonly FileStream _file = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        private byte[] _buffer = new byte[1 << 16];
        private int _position, _length;
        private int _read;
        private int _payloadStart, _payloadLength;

        /// <summary>The current block's ids and rows; valid until the next call of <see cref="Next"/>.</summary>
        public ReadOnlySpan<byte> Payload => _buffer.AsSpan(_payloadStart, _payloadLength);

        public bool Next(out int document, out int rows)
        {
            document = rows = 0;
            if (_read >= count) return false;
            document = Read7Bit();
            rows = Read7Bit();
            _payloadLength = Read7Bit();
            if (_length - _position < _payloadLength) Fill(_payloadLength);
            _payloadStart = _position;
            _position += _payloadLength;
            _read += rows;
            return true;
        }

        private int Read7Bit()
        {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                if (_position == _length) Fill(1);
                byte b = _buffer[_position++];
                value |= (b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw new InvalidDataException("mention spool: bad 7-bit encoded number");
        }

        /// <summary>Makes at least <paramref name="n"/> unread bytes available from <c>_position</c>.</summary>
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
                if (got == 0) throw new EndOfStreamException("mention spool: the file ends inside a block");
                _length += got;
            }
        }

        public void Dispose() => _file.Dispose();
    }

    /// <summary>Parses a block's payload in place.</summary>
    private ref struct SpoolCursor(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public (int Start, int End, int Sentence, float Confidence) Numbers()
        {
            var fixedPart = _bytes.Slice(_at, 16);
            _at += 16;
            return (BinaryPrimitives.ReadInt32LittleEndian(fixedPart), BinaryPrimitives.ReadInt32LittleEndian(fixedPart[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(fixedPart[8..]), BinaryPrimitives.ReadSingleLittleEndian(fixedPart[12..]));
        }

        public SpoolString String()
        {
            int n = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift == 35) throw new InvalidDataException("mention spool: bad 7-bit encoded number");
                byte b = _bytes[_at++];
                n |= (b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            if (n == 0) return default;
            int length = (n - 1) >> 1;
            bool utf16 = ((n - 1) & 1) == 1;
            var bytes = _bytes.Slice(_at, utf16 ? length * 2 : length);
            _at += bytes.Length;
            return new SpoolString(bytes, utf16);
        }
    }

    /// <summary>A string of a spooled row as stored: UTF-8 bytes, UTF-16 code units (text that is not valid UTF-16), or null (default).</summary>
    private readonly ref struct SpoolString(ReadOnlySpan<byte> bytes, bool utf16)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private readonly bool _utf16 = utf16;
        private readonly bool _notNull = true;

        public bool IsNull => !_notNull;

        public override string? ToString() => IsNull ? null : _utf16 ? new string(MemoryMarshal.Cast<byte, char>(_bytes)) : Encoding.UTF8.GetString(_bytes);

        /// <summary>The text as UTF-16, in <paramref name="scratch"/> unless it is stored so.</summary>
        public ReadOnlySpan<char> Chars(ref char[] scratch)
        {
            if (_utf16) return MemoryMarshal.Cast<byte, char>(_bytes);
            if (scratch.Length < _bytes.Length) scratch = new char[Math.Max(_bytes.Length, scratch.Length * 2)];
            int n = Encoding.UTF8.GetChars(_bytes, scratch);
            return scratch.AsSpan(0, n);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void To(CsvRows csv)
        {
            if (_utf16) csv.Field(MemoryMarshal.Cast<byte, char>(_bytes));
            else csv.Field(_bytes);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void To(JsonLines json, JsonEncodedText name)
        {
            if (IsNull) json.Null(name);
            else if (_utf16) json.String(name, MemoryMarshal.Cast<byte, char>(_bytes));
            else json.String(name, _bytes);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
        _idWriter.Dispose();
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
