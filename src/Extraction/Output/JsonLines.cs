using System.Buffers;
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
    }
}
