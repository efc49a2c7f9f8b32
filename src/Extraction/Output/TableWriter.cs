using System.Globalization;
using System.Text;
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
    private static readonly JsonSerializerOptions JsonlOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void WriteDocuments(string path, IEnumerable<DocumentRow> rows, TableOptions options) =>
        Write(path, DocumentRow.Header, rows, options, static (w, r) =>
        {
            w.WriteField(r.DocId); w.WriteField(r.Language); w.WriteField(r.Date); Int(w, r.Chars); Int(w, r.Tokens);
            Int(w, r.Sentences); Int(w, r.Mentions); w.WriteField(r.Status); w.WriteField(r.Error); w.WriteField(r.Encoding);
            w.WriteField(r.DateSource); w.WriteField(r.Bytes, "D"); Int(w, r.Pieces); Int(w, r.Replaced);
        });

    public static void WriteMentions(string path, IEnumerable<MentionRow> rows, TableOptions options) =>
        Write(path, MentionRow.Header, rows, options, static (w, r) =>
        {
            w.WriteField(r.DocId); Int(w, r.Start); Int(w, r.End); w.WriteField(r.Text); w.WriteField(r.Type);
            w.WriteField(r.Normalized); w.WriteField(r.EntityId); Int(w, r.Sentence); w.WriteField(r.Source);
            w.WriteField(r.Confidence.ToString("0.###", CultureInfo.InvariantCulture).AsSpan());
        });

    public static void WriteEntities(string path, IEnumerable<EntityRow> rows, TableOptions options) =>
        Write(path, EntityRow.Header, rows, options, static (w, r) =>
        {
            w.WriteField(r.EntityId); w.WriteField(r.Type); w.WriteField(r.Name); w.WriteField(r.NameEn); w.WriteField(r.NameRu);
            w.WriteField(r.Aliases); Int(w, r.Mentions); Int(w, r.Documents); w.WriteField(r.ExternalId);
        });

    private static void Int(CsvWriter w, int value) => w.WriteField(value, "D");

    /// <summary>Writes a header and rows to <paramref name="path"/> atomically (temp file, then rename); also the .jsonl twin when enabled.</summary>
    public static void Write<T>(string path, string[] header, IEnumerable<T> rows, TableOptions options, Action<CsvWriter, T> writeRow)
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

        void WriteJsonLines() =>
            AtomicFile.Write(Path.ChangeExtension(path, ".jsonl"), stream =>
            {
                using var jw = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JsonlOptions.Encoder, SkipValidation = true });
                foreach (var row in list)
                {
                    JsonSerializer.Serialize(jw, row, JsonlOptions);
                    jw.Flush();
                    stream.WriteByte((byte)'\n');
                    jw.Reset();
                }
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
