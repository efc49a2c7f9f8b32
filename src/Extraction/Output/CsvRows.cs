using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Extraction.Output;

/// <summary>
/// Writes CSV records as UTF-8 to a stream, through a buffer that goes out in large writes. Fields follow RFC 4180: a field
/// holding a quote, a comma, CR or LF is quoted, with its quotes doubled; records end with CR LF. When
/// <paramref name="spreadsheetSafe"/> is set, a text field that starts with <c>= + - @</c>, tab or CR (what a spreadsheet
/// would read as a formula) gets a leading <c>'</c> and is quoted, so Excel shows it as text; numbers are written as they
/// are. The encoding works on UTF-8 bytes (every character it looks at is ASCII), so text kept as UTF-8 is copied without
/// being decoded. The small per-field methods are inlined into callers' row loops (a table is written once per run, and
/// as separate calls they ran as unoptimized tier-0 code for much of it).
/// </summary>
public sealed class CsvRows(Stream stream, bool spreadsheetSafe) : IDisposable
{
    private static readonly SearchValues<byte> Special = SearchValues.Create("\",\r\n"u8);
    private static readonly SearchValues<byte> FormulaStart = SearchValues.Create("=+-@\t\r"u8);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private byte[] _scratch = ArrayPool<byte>.Shared.Rent(256);
    private int _used;
    private bool _recordStarted;

    /// <summary>The UTF-8 byte order mark: Excel reads a CSV file without it in the system's ANSI code page.</summary>
    public void ByteOrderMark() => Append("\uFEFF"u8);

    /// <summary>A text field given as UTF-8 bytes.</summary>
    public void Field(ReadOnlySpan<byte> utf8)
    {
        Separator();
        bool formula = spreadsheetSafe && utf8.Length > 0 && FormulaStart.Contains(utf8[0]);
        if (!formula && !utf8.ContainsAny(Special))
        {
            Append(utf8);
            return;
        }
        Ensure(utf8.Length * 2 + 3);
        _buffer[_used++] = (byte)'"';
        if (formula) _buffer[_used++] = (byte)'\'';
        while (utf8.IndexOf((byte)'"') is var q and >= 0)
        {
            utf8[..(q + 1)].CopyTo(_buffer.AsSpan(_used));
            _used += q + 1;
            _buffer[_used++] = (byte)'"';
            utf8 = utf8[(q + 1)..];
        }
        utf8.CopyTo(_buffer.AsSpan(_used));
        _used += utf8.Length;
        _buffer[_used++] = (byte)'"';
    }

    /// <summary>A text field; null is written as an empty field. Text that is not valid UTF-16 has its lone surrogates replaced by U+FFFD.</summary>
    public void Field(ReadOnlySpan<char> text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_scratch.Length < max)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = ArrayPool<byte>.Shared.Rent(max);
        }
        Utf8.FromUtf16(text, _scratch, out _, out int written);
        Field(_scratch.AsSpan(0, written));
    }

    public void Field(string? text) => Field(text.AsSpan());

    /// <summary>A number field (never escaped: <c>-1</c> is a number, not a formula).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(long value)
    {
        Separator();
        Ensure(20);
        value.TryFormat(_buffer.AsSpan(_used), out int written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>A number field with a .NET format (e.g. <c>0.###</c> for three decimals at most).</summary>
    public void Number(float value, string format)
    {
        Separator();
        Ensure(64);
        value.TryFormat(_buffer.AsSpan(_used), out int written, format, CultureInfo.InvariantCulture);
        _used += written;
    }

    /// <summary>A header row of plain names.</summary>
    public void Header(IEnumerable<string> names)
    {
        foreach (var name in names) Field(name);
        EndRecord();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndRecord()
    {
        Append("\r\n"u8);
        _recordStarted = false;
        if (_used >= 1 << 15) Flush();
    }

    /// <summary>Writes what is buffered to the stream.</summary>
    public void Flush()
    {
        stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    public void Dispose()
    {
        Flush();
        ArrayPool<byte>.Shared.Return(_buffer);
        ArrayPool<byte>.Shared.Return(_scratch);
        _buffer = _scratch = [];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separator()
    {
        if (_recordStarted) Append(","u8);
        _recordStarted = true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_used));
        _used += bytes.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Ensure(int more)
    {
        if (_used + more > _buffer.Length) Grow(more);
    }

    private void Grow(int more)
    {
        Flush();
        if (more <= _buffer.Length) return;
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = ArrayPool<byte>.Shared.Rent(more);
    }
}
