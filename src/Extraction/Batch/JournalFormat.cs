using System.Buffers.Binary;
using System.Text;
using Extraction.Documents;

namespace Extraction.Batch;

/// <summary>
/// The byte layout of the run journal (<see cref="Journal"/>), format version 2 (version 1 was JSON Lines):
/// <code>
///   file     = magic "EXJOURNL" (8 bytes), then records; the first record is the header
///   record   = varint n, payload (n bytes), CRC-32 (IEEE) of the payload (4 bytes, little-endian)
///   payload  = kind (1 byte), then by kind:
///     1 header : varint format version, str configuration key
///     2 piece  : varint piece index, varint offset (characters before the piece), varint chars, date,
///                varint mention count, mentions
///     3 done   : varint shared, str rest: the path is the first `shared` UTF-16 characters of the previous done
///                record's path followed by `rest`; varint file bytes, modification ticks (8 bytes, little-endian),
///                varint piece count
///   date     = byte 0 (none) | 1 str value, str source | 2 str value, str source, varint start, varint length
///   mention  = flags (1 byte: bits 0-1 type PER/ORG/LOC/DATE, bit 2 confidence is 1, bit 3 cluster is -1),
///              zigzag varint start minus the previous mention's start (0 before the first), varint length,
///              ref source, [confidence: float32 little-endian unless bit 2], ref normal,
///              [zigzag varint cluster unless bit 3], ref link key
///   ref      = varint: 0 null | 1 the mention's own text (normal forms equal to the surface) |
///              2 a new string follows (str), which joins the piece's string table | k ≥ 3 entry k − 3 of that table
///   str      = varint byte count, UTF-8 bytes
///   varint   = unsigned LEB128 (7 bits a byte, low first); zigzag maps n to 2n (n ≥ 0) or −2n − 1 (n &lt; 0)
/// </code>
/// A piece record carries no path: a document's pieces are the piece records since the last piece 0 before its done
/// record, numbered 0 … count − 1. Every string a piece repeats (sources, normal forms, link keys) is stored once in it.
/// </summary>
internal static class JournalFormat
{
    public static ReadOnlySpan<byte> Magic => "EXJOURNL"u8;
    public const int Version = 2;
    public const byte HeaderKind = 1, PieceKind = 2, DoneKind = 3;

    /// <summary>Records longer than this are taken for garbage (a corrupt length).</summary>
    public const int MaxRecord = 1 << 30;

    private const byte ConfidenceOne = 1 << 2, NoCluster = 1 << 3;
    private const int RefNull = 0, RefText = 1, RefNew = 2, RefTable = 3;

    /// <summary>UTF-8; a lone surrogate (never in decoded text) would become U+FFFD rather than fail the document.</summary>
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Each thread's record buffer and piece string table (workers make piece records, the consumer done records).</summary>
    [ThreadStatic] private static RecordWriter? t_writer;

    /// <summary>A piece record, framed (length, payload, checksum), made from the tagged <paramref name="document"/>.</summary>
    public static byte[] Piece(int piece, int offset, Document document)
    {
        var w = t_writer ??= new RecordWriter();
        w.Start(PieceKind);
        w.VarUInt((uint)piece);
        w.VarUInt((uint)offset);
        w.VarUInt((uint)document.Text.Length);
        if (document.Date is { } date)
        {
            w.Byte(date.Range is null ? (byte)1 : (byte)2);
            w.String(date.Value);
            w.String(date.Source);
            if (date.Range is { } range)
            {
                w.VarUInt((uint)range.Start);
                w.VarUInt((uint)range.Length);
            }
        }
        else w.Byte(0);
        var mentions = document.Mentions;
        w.VarUInt((uint)mentions.Count);
        int previous = 0;
        foreach (var m in mentions)
        {
            bool one = m.Confidence == 1f, noCluster = m.Cluster == -1;
            w.Byte((byte)((byte)m.Type | (one ? ConfidenceOne : 0) | (noCluster ? NoCluster : 0)));
            w.ZigZag(m.Range.Start - previous);
            w.VarUInt((uint)m.Range.Length);
            previous = m.Range.Start;
            w.Ref(m.Source, default);
            if (!one) w.Float(m.Confidence);
            w.Ref(m.Normal, document.Text.AsSpan(m.Range.Start, m.Range.Length));
            if (!noCluster) w.ZigZag(m.Cluster);
            w.Ref(m.LinkKey, default);
        }
        return w.Framed();
    }

    /// <summary>A done record, framed, its path coded against <paramref name="previousPath"/> (the previous done record's).</summary>
    public static byte[] Done(JournalDone done, int pieces, string previousPath) => Framed(DoneKind, w =>
    {
        int shared = done.Path.AsSpan().CommonPrefixLength(previousPath);
        if (shared > 0 && shared < done.Path.Length && char.IsLowSurrogate(done.Path[shared])) shared--;
        w.VarUInt((uint)shared);
        w.String(done.Path.AsSpan(shared));
        w.VarUInt((ulong)done.Bytes);
        w.Int64(done.ModifiedTicks);
        w.VarUInt((uint)pieces);
    });

    /// <summary>The header record, framed.</summary>
    public static byte[] Header(string key) => Framed(HeaderKind, w =>
    {
        w.VarUInt(Version);
        w.String(key);
    });

    private static byte[] Framed(byte kind, Action<RecordWriter> body)
    {
        var w = t_writer ??= new RecordWriter();
        w.Start(kind);
        body(w);
        return w.Framed();
    }

    /// <summary>
    /// Reads the next record from <paramref name="stream"/> into <paramref name="buffer"/> (grown as needed): its payload
    /// and, in front of it, its length prefix, so <c>buffer[..frame]</c> is the record as written. False at the end of the
    /// stream and at a torn or corrupt record (bad length, missing bytes, checksum mismatch).
    /// </summary>
    public static bool TryRead(Stream stream, ref byte[] buffer, out int prefix, out int payload)
    {
        prefix = payload = 0;
        ulong n = 0;
        for (int shift = 0; ; shift += 7)
        {
            int b = stream.ReadByte();
            if (b < 0 || shift > 28) return false;
            if (prefix >= buffer.Length) return false;
            buffer[prefix++] = (byte)b;
            n |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) break;
        }
        if (n == 0 || n > MaxRecord) return false;
        payload = (int)n;
        int frame = prefix + payload + 4;
        if (buffer.Length < frame) Array.Resize(ref buffer, Math.Max(frame, buffer.Length * 2));
        if (stream.ReadAtLeast(buffer.AsSpan(prefix, payload + 4), payload + 4, throwOnEndOfStream: false) < payload + 4) return false;
        var body = buffer.AsSpan(prefix, payload);
        return Crc32.Of(body) == BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(prefix + payload, 4));
    }

    /// <summary>The configuration key of a header payload, or null when the payload is no header of this version.</summary>
    public static string? ReadHeader(ReadOnlySpan<byte> payload)
    {
        var r = new RecordReader(payload);
        if (r.Byte() != HeaderKind || r.VarUInt() != Version) return null;
        return r.String();
    }

    /// <summary>The piece index of a piece payload.</summary>
    public static int PieceIndex(ReadOnlySpan<byte> payload)
    {
        var r = new RecordReader(payload);
        r.Byte();
        return (int)r.VarUInt();
    }

    /// <summary>The piece index of a framed piece record (as <see cref="Piece"/> made it).</summary>
    public static int PieceIndexOfRecord(ReadOnlySpan<byte> record)
    {
        int prefix = 1;
        while (record[prefix - 1] >= 0x80) prefix++;
        return PieceIndex(record[prefix..]);
    }

    /// <summary>A done payload (its path coded against <paramref name="previousPath"/>): the document and its piece count.</summary>
    public static (JournalDone Done, int Pieces) ReadDone(ReadOnlySpan<byte> payload, string previousPath)
    {
        var r = new RecordReader(payload);
        r.Byte();
        int shared = (int)r.VarUInt();
        if (shared > previousPath.Length) throw new InvalidDataException("a done record shares more of the previous path than there is");
        var path = string.Concat(previousPath.AsSpan(0, shared), r.String());
        return (new JournalDone(path, (long)r.VarUInt(), r.Int64()), (int)r.VarUInt());
    }

    public static JournalPiece ReadPiece(string path, ReadOnlySpan<byte> payload)
    {
        var r = new RecordReader(payload);
        if (r.Byte() != PieceKind) throw new InvalidDataException("a piece record was expected");
        int index = (int)r.VarUInt(), offset = (int)r.VarUInt(), chars = (int)r.VarUInt();
        DocumentDate? date = r.Byte() switch
        {
            0 => null,
            1 => new DocumentDate(r.String(), r.String()),
            2 => new DocumentDate(r.String(), r.String(), r.Range()),
            var b => throw new InvalidDataException($"unknown date form {b}"),
        };
        int count = (int)r.VarUInt();
        var mentions = new JournalMention[count];
        var table = new List<string>();
        int previous = 0;
        for (int i = 0; i < count; i++)
        {
            byte flags = r.Byte();
            int start = previous + (int)r.ZigZag();
            int end = start + (int)r.VarUInt();
            previous = start;
            var source = r.Ref(table, out _) ?? throw new InvalidDataException("a mention without a source");
            float confidence = (flags & ConfidenceOne) != 0 ? 1f : r.Float();
            var normal = r.Ref(table, out bool normalIsText);
            int cluster = (flags & NoCluster) != 0 ? -1 : (int)r.ZigZag();
            var linkKey = r.Ref(table, out _);
            mentions[i] = new JournalMention(start, end, (EntityType)(flags & 3), source, confidence, normal, normalIsText, cluster, linkKey);
        }
        if (!r.AtEnd) throw new InvalidDataException("a piece record has bytes left over");
        return new JournalPiece(path, index, offset, chars, date, mentions);
    }

    /// <summary>Builds one record's payload in a reusable buffer; <see cref="Framed"/> copies it out with length and checksum.</summary>
    private sealed class RecordWriter
    {
        private byte[] _bytes = new byte[1 << 14];
        private int _length;
        private readonly Dictionary<string, int> _table = new(StringComparer.Ordinal);

        public void Start(byte kind)
        {
            _length = 0;
            _table.Clear();
            Byte(kind);
        }

        private Span<byte> Room(int count)
        {
            if (_length + count > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_length + count, _bytes.Length * 2));
            return _bytes.AsSpan(_length, count);
        }

        public void Byte(byte b)
        {
            Room(1)[0] = b;
            _length++;
        }

        public void VarUInt(ulong n)
        {
            var room = Room(10);
            int i = 0;
            while (n >= 0x80)
            {
                room[i++] = (byte)(n | 0x80);
                n >>= 7;
            }
            room[i++] = (byte)n;
            _length += i;
        }

        public void ZigZag(int n) => VarUInt((uint)((n << 1) ^ (n >> 31)));

        public void Float(float f)
        {
            BinaryPrimitives.WriteSingleLittleEndian(Room(4), f);
            _length += 4;
        }

        public void Int64(long n)
        {
            BinaryPrimitives.WriteInt64LittleEndian(Room(8), n);
            _length += 8;
        }

        public void String(ReadOnlySpan<char> s)
        {
            int count = Utf8.GetByteCount(s);
            VarUInt((uint)count);
            Utf8.GetBytes(s, Room(count));
            _length += count;
        }

        /// <summary>A string reference (see the layout): null, the mention's own text, a table entry or a new entry.</summary>
        public void Ref(string? s, ReadOnlySpan<char> text)
        {
            if (s is null) VarUInt(RefNull);
            else if (!text.IsEmpty && text.SequenceEqual(s)) VarUInt(RefText);
            else if (_table.TryGetValue(s, out int k)) VarUInt((uint)(RefTable + k));
            else
            {
                _table.Add(s, _table.Count);
                VarUInt(RefNew);
                String(s);
            }
        }

        public byte[] Framed()
        {
            var payload = _bytes.AsSpan(0, _length);
            int prefix = 1;
            for (uint n = (uint)_length; n >= 0x80; n >>= 7) prefix++;
            var record = new byte[prefix + _length + 4];
            uint m = (uint)_length;
            int i = 0;
            while (m >= 0x80)
            {
                record[i++] = (byte)(m | 0x80);
                m >>= 7;
            }
            record[i] = (byte)m;
            payload.CopyTo(record.AsSpan(prefix));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(prefix + _length), Crc32.Of(payload));
            return record;
        }
    }

    /// <summary>Reads a payload back; running past its end is corrupt data.</summary>
    private ref struct RecordReader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        private ReadOnlySpan<byte> Take(int count)
        {
            if ((uint)count > (uint)(_bytes.Length - _at)) throw new InvalidDataException("a journal record ends early");
            var s = _bytes.Slice(_at, count);
            _at += count;
            return s;
        }

        public byte Byte() => Take(1)[0];

        public ulong VarUInt()
        {
            ulong n = 0;
            for (int shift = 0; shift < 64; shift += 7)
            {
                byte b = Byte();
                n |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) return n;
            }
            throw new InvalidDataException("a journal varint is too long");
        }

        public long ZigZag()
        {
            uint n = (uint)VarUInt();
            return (int)(n >> 1) ^ -(int)(n & 1);
        }

        public float Float() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public string String() => Utf8.GetString(Take((int)VarUInt()));

        public TextRange Range()
        {
            int start = (int)VarUInt();
            return new TextRange(start, start + (int)VarUInt());
        }

        public string? Ref(List<string> table, out bool isText)
        {
            isText = false;
            ulong r = VarUInt();
            switch (r)
            {
                case RefNull: return null;
                case RefText: isText = true; return null;
                case RefNew:
                    var s = String();
                    table.Add(s);
                    return s;
                default:
                    ulong k = r - RefTable;
                    return k < (ulong)table.Count ? table[(int)k] : throw new InvalidDataException("a journal string reference points past its table");
            }
        }
    }
}

/// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), table-driven.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    private static uint[] Build()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }

    public static uint Of(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (var b in data) c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        return ~c;
    }
}
