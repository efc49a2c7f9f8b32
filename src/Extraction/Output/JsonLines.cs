using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Extraction.Output;

/// <summary>
/// Writes JSON Lines (one JSON object per line, UTF-8, LF) to a stream: each record is built with <see cref="Writer"/>
/// between <see cref="StartRecord"/> and <see cref="EndRecord"/>, into a buffer that goes out in large writes (a
/// <see cref="Utf8JsonWriter"/> over the file stream itself flushes the stream at every record, one system call per row).
/// Non-ASCII text is written as it is, not as <c>\u</c> escapes.
/// </summary>
public sealed class JsonLines : IDisposable
{
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private readonly Stream _stream;
    private readonly ArrayBufferWriter<byte> _buffer = new(1 << 17);

    public JsonLines(Stream stream)
    {
        _stream = stream;
        Writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
    }

    /// <summary>The writer of the current record's properties.</summary>
    public Utf8JsonWriter Writer { get; }

    // ---- hand-written records ----------------------------------------------------------------------------------
    // A large table (the mention rows) writes its records with the methods below instead of Writer: the same bytes,
    // without the writer's per-call state checks. Strings that need escaping (rare) and text that is not valid UTF-16 go
    // through a scratch Utf8JsonWriter, so every escape is exactly the writer's. The per-field methods are inlined into
    // the caller's row loop: the table is written once per run, and as separate calls they ran as unoptimized (tier-0)
    // code for much of it.

    private readonly ArrayBufferWriter<byte> _scratch = new(256);
    private Utf8JsonWriter? _scratchWriter;
    private bool _firstProperty;

    /// <summary>Starts a hand-written record (instead of <see cref="StartRecord"/>); end it with <see cref="CloseRecord"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OpenRecord()
    {
        Raw("{"u8);
        _firstProperty = true;
    }

    /// <summary>A string property given as UTF-8 bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(JsonEncodedText name, ReadOnlySpan<byte> utf8)
    {
        if (Encoder.FindFirstCharacterToEncodeUtf8(utf8) >= 0)
        {
            Escaped(name, utf8.ToArray());
            return;
        }
        Name(name);
        var span = _buffer.GetSpan(utf8.Length + 2);
        span[0] = (byte)'"';
        utf8.CopyTo(span[1..]);
        span[utf8.Length + 1] = (byte)'"';
        _buffer.Advance(utf8.Length + 2);
    }

    /// <summary>A string property given as UTF-16 (text that is not valid UTF-16 is written as <see cref="Utf8JsonWriter"/> writes it).</summary>
    public void String(JsonEncodedText name, ReadOnlySpan<char> text) => Escaped(name, text.ToArray());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Null(JsonEncodedText name)
    {
        Name(name);
        Raw("null"u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, long value)
    {
        Name(name);
        value.TryFormat(_buffer.GetSpan(20), out int written, default, CultureInfo.InvariantCulture);
        _buffer.Advance(written);
    }

    /// <summary>A float as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, float)"/> writes it (the shortest text that reads back the same).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, float value)
    {
        if (!float.IsFinite(value))
        {
            NonFinite(name, value);
            return;
        }
        Name(name);
        value.TryFormat(_buffer.GetSpan(32), out int written, default, CultureInfo.InvariantCulture);
        _buffer.Advance(written);
    }

    /// <summary>Ends a hand-written record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CloseRecord()
    {
        Raw("}\n"u8);
        if (_buffer.WrittenCount >= 1 << 16) Flush();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Name(JsonEncodedText name)
    {
        var bytes = name.EncodedUtf8Bytes;
        var span = _buffer.GetSpan(bytes.Length + 4);
        int k = 0;
        if (!_firstProperty) span[k++] = (byte)',';
        _firstProperty = false;
        span[k++] = (byte)'"';
        bytes.CopyTo(span[k..]);
        k += bytes.Length;
        span[k++] = (byte)'"';
        span[k++] = (byte)':';
        _buffer.Advance(k);
    }

    // The slow paths are methods of their own: a lambda capturing a parameter allocates its closure at the start of the
    // method that declares it, on every call.
    private void Escaped(JsonEncodedText name, byte[] utf8) => Scratch(name, w => w.WriteString(name, utf8));

    private void Escaped(JsonEncodedText name, char[] text) => Scratch(name, w => w.WriteString(name, text));

    private void NonFinite(JsonEncodedText name, float value) => Scratch(name, w => w.WriteNumber(name, value));

    /// <summary>One property written by a <see cref="Utf8JsonWriter"/> into a scratch object, copied without the braces.</summary>
    private void Scratch(JsonEncodedText name, Action<Utf8JsonWriter> write)
    {
        _scratch.ResetWrittenCount();
        _scratchWriter ??= new Utf8JsonWriter(_scratch, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
        _scratchWriter.Reset();
        _scratchWriter.WriteStartObject();
        write(_scratchWriter);
        _scratchWriter.WriteEndObject();
        _scratchWriter.Flush();
        var property = _scratch.WrittenSpan[1..^1];
        if (!_firstProperty) Raw(","u8);
        _firstProperty = false;
        Raw(property);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.GetSpan(bytes.Length));
        _buffer.Advance(bytes.Length);
    }

    /// <summary>Property names encoded once, for a table's columns.</summary>
    public static JsonEncodedText[] Names(IEnumerable<string> columns) => [.. columns.Select(c => JsonEncodedText.Encode(c, Encoder))];

    public void StartRecord() => Writer.WriteStartObject();

    public void EndRecord()
    {
        Writer.WriteEndObject();
        Writer.Flush();
        Writer.Reset();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        if (_buffer.WrittenCount >= 1 << 16) Flush();
    }

    public void Flush()
    {
        _stream.Write(_buffer.WrittenSpan);
        _buffer.ResetWrittenCount();
    }

    public void Dispose()
    {
        Flush();
        Writer.Dispose();
        _scratchWriter?.Dispose();
    }
}
