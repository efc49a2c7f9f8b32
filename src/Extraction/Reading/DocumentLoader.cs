using System.Text;
using Extraction.Documents;

namespace Extraction.Reading;

/// <summary>Options for turning files into documents.</summary>
public sealed record LoadOptions
{
    /// <summary>Force one encoding for every file instead of detecting it.</summary>
    public Encoding? Encoding { get; init; }
    /// <summary>Files larger than this are refused with a clear reason (bytes).</summary>
    public long MaxBytes { get; init; } = 256L << 20;
}

/// <summary>Reads one input file into a <see cref="Document"/>: bytes, encoding detection, HTML to text.</summary>
public static class DocumentLoader
{
    public static (Document Document, DecodedText Decoded, long Bytes) Load(InputFile file, LoadOptions options)
    {
        if (file.Problem is not null) throw new NotTextException(file.Problem);
        var info = new FileInfo(file.Path);
        if (!info.Exists) throw new FileNotFoundException("file not found (it may have been removed during the run)", file.Path);
        if (info.Length > options.MaxBytes)
            throw new NotTextException($"file is {info.Length / (1 << 20)} MB, over the {options.MaxBytes / (1 << 20)} MB limit; split it or raise the limit");
        var bytes = File.ReadAllBytes(file.Path);
        var decoded = Decoder.Decode(bytes, options.Encoding);
        var text = decoded.Text;
        if (IsHtml(file.Path)) text = HtmlText.Extract(text);
        return (new Document(file.DocId, text), decoded, bytes.LongLength);
    }

    public static bool IsHtml(string path)
    {
        var ext = Path.GetExtension(path);
        return ext.Equals(".html", StringComparison.OrdinalIgnoreCase) || ext.Equals(".htm", StringComparison.OrdinalIgnoreCase);
    }
}
