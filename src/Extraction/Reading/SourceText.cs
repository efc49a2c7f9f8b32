using System.Buffers;
using System.Text;

namespace Extraction.Reading;

/// <summary>Options for turning files into text.</summary>
public sealed record LoadOptions
{
    /// <summary>Force one encoding for every file instead of detecting it.</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>
    /// The most characters processed as one <see cref="Documents.Document"/>. A longer text is read and processed in
    /// pieces of at most this size (cut at paragraph, line or word breaks), so memory stays bounded whatever the file size.
    /// </summary>
    public int PieceChars { get; init; } = 1 << 20;

    /// <summary>HTML is parsed whole, so larger HTML files are refused with a reason.</summary>
    public long MaxHtmlBytes { get; init; } = 64L << 20;
}

/// <summary>
/// One input file opened for reading: its encoding (detected from the head, or forced) and its text as a sequence of
/// <see cref="TextPiece"/>s. Plain text is decoded as a stream, so only one piece (plus a read buffer) is in memory at a
/// time; HTML is parsed whole and its extracted text is cut the same way. Offsets of pieces refer to the whole decoded
/// (or extracted) text, exactly as if it had been read at once; concatenating the pieces gives that text.
/// </summary>
public sealed class SourceText : IDisposable
{
    private const int ReadChunk = 1 << 16;

    private readonly FileStream _stream;
    private readonly byte[] _head;
    private readonly LoadOptions _options;
    private readonly bool _html;
    private readonly EncodingChoice _choice;
    private readonly ReplacementCounter _replaced = new();

    private SourceText(FileStream stream, byte[] head, EncodingChoice choice, bool html, LoadOptions options)
    {
        _stream = stream;
        _head = head;
        _choice = choice;
        _html = html;
        _options = options;
    }

    /// <summary>Size of the file in bytes.</summary>
    public long Bytes => _stream.Length;

    /// <summary>Name of the encoding used (utf-8, utf-8-bom, utf-16le, utf-16be, windows-1251, koi8-r).</summary>
    public string Encoding => _choice.Name;

    /// <summary>Invalid byte sequences replaced with U+FFFD so far.</summary>
    public int ReplacedSequences => _replaced.Count;

    /// <summary>
    /// Opens a file and detects its encoding. Throws <see cref="NotTextException"/> for entries that are not text (a
    /// problem found while listing inputs, empty, binary, HTML over the size limit) and the usual
    /// IO exceptions for files that cannot be read.
    /// </summary>
    public static SourceText Open(InputFile file, LoadOptions options)
    {
        if (file.Problem is not null) throw new NotTextException(file.Problem);
        var info = new FileInfo(file.Path);
        if (!info.Exists) throw new FileNotFoundException("file not found (it may have been removed during the run)", file.Path);
        // Checked before opening: pipes and devices report 0 bytes, and opening a pipe would block the reader.
        if (info.Length == 0) throw new NotTextException("empty file (0 bytes)");
        bool html = IsHtml(file.Path);
        if (html && info.Length > options.MaxHtmlBytes)
            throw new NotTextException($"HTML file of {info.Length >> 20} MB is over the {options.MaxHtmlBytes >> 20} MB limit for HTML; convert it to text first");

        // No FileStream buffer: reads are whole chunks already.
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            var head = new byte[(int)Math.Min(stream.Length, Decoder.SampleBytes)];
            stream.ReadExactly(head);
            var choice = Decoder.Detect(head, complete: stream.Position >= stream.Length, options.Encoding);
            return new SourceText(stream, head, choice, html, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The whole decoded (or extracted) text of a file, for gold corpora and tools that need it at once.</summary>
    public static string ReadAll(InputFile file, LoadOptions? options = null)
    {
        // A decoded text has no more characters than the file has bytes, so one piece holds it all.
        long bytes = file.Problem is null && File.Exists(file.Path) ? new FileInfo(file.Path).Length : 0;
        using var source = Open(file, (options ?? new LoadOptions()) with { PieceChars = (int)Math.Clamp(bytes + 1, 1, 1L << 30) });
        var sb = new StringBuilder();
        foreach (var piece in source.Pieces()) sb.Append(piece.Text);
        return sb.ToString();
    }

    public static bool IsHtml(string path)
    {
        var ext = Path.GetExtension(path);
        return ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text in pieces of at most <see cref="LoadOptions.PieceChars"/> characters. Enumerate once.</summary>
    public IEnumerable<TextPiece> Pieces() =>
        _html ? HtmlPieces()
        : _head.Length == _stream.Length ? PieceCutter.Pieces(_replaced.Decode(_choice.Encoding, _head.AsSpan(_choice.BomLength)), _options.PieceChars)
        : StreamPieces();

    private IEnumerable<TextPiece> HtmlPieces()
    {
        var bytes = new byte[_stream.Length];
        _head.CopyTo(bytes, 0);
        _stream.ReadExactly(bytes, _head.Length, bytes.Length - _head.Length);
        var html = _replaced.Decode(_choice.Encoding, bytes.AsSpan(_choice.BomLength));
        return PieceCutter.Pieces(HtmlText.Extract(html), _options.PieceChars);
    }

    /// <summary>
    /// Files larger than the head are decoded chunk by chunk into one pooled buffer of at most a piece plus a chunk, so
    /// neither the bytes nor the text of the whole file are ever in memory.
    /// </summary>
    private IEnumerable<TextPiece> StreamPieces()
    {
        int max = _options.PieceChars;
        var decoder = _replaced.Wrap(_choice.Encoding).GetDecoder();
        long fileChars = _choice.Encoding.GetMaxCharCount((int)Math.Min(_stream.Length, int.MaxValue / 4));
        var chars = ArrayPool<char>.Shared.Rent((int)Math.Min(max, fileChars) + _choice.Encoding.GetMaxCharCount(ReadChunk) + 1);
        var bytes = ArrayPool<byte>.Shared.Rent(ReadChunk);
        try
        {
            int count = decoder.GetChars(_head, _choice.BomLength, _head.Length - _choice.BomLength, chars, 0, flush: false);
            int offset = 0, index = 0;
            bool eof = false;
            while (true)
            {
                while (count > max || (eof && (count > 0 || index == 0)))
                {
                    int cut = PieceCutter.Cut(chars.AsSpan(0, count), max);
                    if ((long)offset + cut > int.MaxValue)
                        throw new NotTextException("text is longer than 2^31 characters, beyond what offsets can address; split the file");
                    yield return new TextPiece(index++, offset, new string(chars, 0, cut));
                    offset += cut;
                    count -= cut;
                    Array.Copy(chars, cut, chars, 0, count);
                }
                if (eof) yield break;
                int read = _stream.Read(bytes, 0, ReadChunk);
                eof = read == 0;
                count += decoder.GetChars(bytes, 0, read, chars, count, flush: eof);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public void Dispose() => _stream.Dispose();
}
