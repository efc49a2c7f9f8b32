using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;

namespace Extraction.Output;

/// <summary>Options for the CSV and JSON Lines tables.</summary>
public sealed record TableOptions
{
    /// <summary>UTF-8 BOM (Excel shows Cyrillic) and formula-injection escaping of text cells.</summary>
    public bool SpreadsheetSafe { get; init; } = true;
    public bool JsonLines { get; init; } = true;

    /// <summary>Write each CSV table and its JSON Lines twin at the same time, on two threads (a batch with more than one job).</summary>
    public bool Concurrent { get; init; }
}

/// <summary>
/// Writes the three output tables. CSV: RFC 4180 quoting via CsvHelper, a header row, UTF-8 with BOM and
/// text cells starting with <c>= + - @</c>, tab or CR escaped with <c>'</c> when <see cref="TableOptions.SpreadsheetSafe"/>.
/// Every file is written to a temporary name and renamed over the target, so an interrupted run never leaves a
/// half-written table over a good one.
/// </summary>
public static class TableWriter
{
    private static readonly JavaScriptEncoder JsonEncoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static void WriteDocuments(string path, IEnumerable<DocumentRow> rows, TableOptions options) =>
        Write(path, DocumentRow.Header, rows, options, static (w, r) =>
        {
            w.WriteField(r.DocId); w.WriteField(r.Language); w.WriteField(r.Date); Int(w, r.Chars); Int(w, r.Tokens);
            Int(w, r.Sentences); Int(w, r.Mentions); w.WriteField(r.Status); w.WriteField(r.Error); w.WriteField(r.Encoding);
            w.WriteField(r.DateSource); w.WriteField(r.Bytes, "D"); Int(w, r.Pieces); Int(w, r.Replaced);
        }, static (j, r) =>
        {
            var n = DocumentNames;
            j.WriteString(n[0], r.DocId); j.WriteString(n[1], r.Language); j.WriteString(n[2], r.Date); j.WriteNumber(n[3], r.Chars);
            j.WriteNumber(n[4], r.Tokens); j.WriteNumber(n[5], r.Sentences); j.WriteNumber(n[6], r.Mentions); j.WriteString(n[7], r.Status);
            j.WriteString(n[8], r.Error); j.WriteString(n[9], r.Encoding); j.WriteString(n[10], r.DateSource); j.WriteNumber(n[11], r.Bytes);
            j.WriteNumber(n[12], r.Pieces); j.WriteNumber(n[13], r.Replaced);
        });

    public static void WriteMentions(string path, IEnumerable<MentionRow> rows, TableOptions options) =>
        Write(path, MentionRow.Header, rows, options, static (w, r) =>
        {
            w.WriteField(r.DocId); Int(w, r.Start); Int(w, r.End); w.WriteField(r.Text); w.WriteField(r.Type);
            w.WriteField(r.Normalized); w.WriteField(r.EntityId); Int(w, r.Sentence); w.WriteField(r.Source);
            w.WriteField(r.Confidence.ToString("0.###", CultureInfo.InvariantCulture).AsSpan());
        }, static (j, r) =>
        {
            var n = MentionNames;
            j.WriteString(n[0], r.DocId); j.WriteNumber(n[1], r.Start); j.WriteNumber(n[2], r.End); j.WriteString(n[3], r.Text);
            j.WriteString(n[4], r.Type); j.WriteString(n[5], r.Normalized); j.WriteString(n[6], r.EntityId); j.WriteNumber(n[7], r.Sentence);
            j.WriteString(n[8], r.Source); j.WriteNumber(n[9], r.Confidence);
        });

    public static void WriteEntities(string path, IEnumerable<EntityRow> rows, TableOptions options) =>
        Write(path, EntityRow.Header, rows, options, static (w, r) =>
        {
            w.WriteField(r.EntityId); w.WriteField(r.Type); w.WriteField(r.Name); w.WriteField(r.NameEn); w.WriteField(r.NameRu);
            w.WriteField(r.Aliases); Int(w, r.Mentions); Int(w, r.Documents); w.WriteField(r.ExternalId);
        }, static (j, r) =>
        {
            var n = EntityNames;
            j.WriteString(n[0], r.EntityId); j.WriteString(n[1], r.Type); j.WriteString(n[2], r.Name); j.WriteString(n[3], r.NameEn);
            j.WriteString(n[4], r.NameRu); j.WriteString(n[5], r.Aliases); j.WriteNumber(n[6], r.Mentions); j.WriteNumber(n[7], r.Documents);
            j.WriteString(n[8], r.ExternalId);
        });

    // JSON Lines property names are the CSV header names, in the same order.
    private static readonly JsonEncodedText[] DocumentNames = Names(DocumentRow.Header);
    private static readonly JsonEncodedText[] MentionNames = Names(MentionRow.Header);
    private static readonly JsonEncodedText[] EntityNames = Names(EntityRow.Header);

    private static JsonEncodedText[] Names(string[] header) => [.. header.Select(h => JsonEncodedText.Encode(h, JsonEncoder))];

    private static void Int(CsvWriter w, int value) => w.WriteField(value, "D");

    /// <summary>
    /// Writes a header and rows to <paramref name="path"/> atomically (temp file, then rename); also the .jsonl twin, one
    /// JSON object per row with the header's names as keys, when enabled.
    /// </summary>
    private static void Write<T>(string path, string[] header, IEnumerable<T> rows, TableOptions options, Action<CsvWriter, T> writeRow,
        Action<Utf8JsonWriter, T> writeJson)
    {
        var list = rows as IReadOnlyCollection<T> ?? rows.ToList();
        var csvOptions = new CsvWriterOptions
        {
            WriteByteOrderMark = options.SpreadsheetSafe,
            Injection = options.SpreadsheetSafe ? CsvInjection.Escape : CsvInjection.None,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        var jsonLines = options.JsonLines ? (options.Concurrent ? Task.Run(WriteJsonLines) : null) : null;
        AtomicFile.Write(path, stream =>
        {
            using var w = CsvWriter.Create(stream, csvOptions, leaveOpen: true);
            w.WriteHeader(header);
            foreach (var row in list)
            {
                writeRow(w, row);
                w.EndRecord();
            }
            w.Flush();
        });
        if (jsonLines is not null) jsonLines.GetAwaiter().GetResult();
        else if (options.JsonLines) WriteJsonLines();

        // Rows are encoded into a buffer that goes to the file in large writes (a writer over the file stream itself would
        // flush the stream, one system call per row).
        void WriteJsonLines() =>
            AtomicFile.Write(Path.ChangeExtension(path, ".jsonl"), stream =>
            {
                var buffer = new ArrayBufferWriter<byte>(1 << 17);
                using var jw = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JsonEncoder, SkipValidation = true });
                foreach (var row in list)
                {
                    jw.WriteStartObject();
                    writeJson(jw, row);
                    jw.WriteEndObject();
                    jw.Flush();
                    jw.Reset();
                    buffer.GetSpan(1)[0] = (byte)'\n';
                    buffer.Advance(1);
                    if (buffer.WrittenCount >= 1 << 16)
                    {
                        stream.Write(buffer.WrittenSpan);
                        buffer.ResetWrittenCount();
                    }
                }
                stream.Write(buffer.WrittenSpan);
            });
    }
}

/// <summary>Writes a file through a temporary sibling and renames it over the target when complete.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var tmp = full + $".{Environment.ProcessId}.tmp";
        try
        {
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(fs);
                fs.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    public static void WriteText(string path, string text) =>
        Write(path, s => { var b = new UTF8Encoding(false).GetBytes(text); s.Write(b); });
}
