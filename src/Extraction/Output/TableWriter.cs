using System.Text;
using System.Text.Json;

namespace Extraction.Output;

/// <summary>Options for the CSV and JSON Lines tables.</summary>
public sealed record TableOptions
{
    /// <summary>UTF-8 BOM (Excel shows Cyrillic) and formula-injection escaping of text cells.</summary>
    public bool SpreadsheetSafe { get; init; } = true;
    public bool JsonLines { get; init; } = true;

    /// <summary>
    /// Use a second thread (a batch with more than one job): <see cref="TableWriter.WriteAll"/> writes <c>mentions.jsonl</c>
    /// there while this thread writes the other tables; a single table writes its CSV and JSON Lines twin side by side.
    /// </summary>
    public bool Concurrent { get; init; }
}

/// <summary>
/// Writes the three output tables: CSV (<see cref="CsvRows"/>: RFC 4180, a header row; UTF-8 with BOM and formula
/// escaping of text cells when <see cref="TableOptions.SpreadsheetSafe"/>) and the JSON Lines twin (<see cref="JsonLines"/>:
/// one object per row, keys = the CSV header). Every file is written to a temporary name and renamed over the target, so an
/// interrupted run never leaves a half-written table over a good one.
/// </summary>
public static class TableWriter
{
    /// <summary>
    /// <c>documents.csv</c>, <c>mentions.csv</c> and <c>entities.csv</c> (and their twins) in <paramref name="dir"/>. With
    /// <see cref="TableOptions.Concurrent"/>, the largest file, <c>mentions.jsonl</c>, is written on a second thread while
    /// this one writes the other five: the two threads take about as long, where writing each table's pair side by side
    /// left one thread waiting for the other three times.
    /// </summary>
    public static void WriteAll(string dir, IEnumerable<DocumentRow> documents, IEnumerable<MentionRow> mentions, IEnumerable<EntityRow> entities,
        TableOptions options)
    {
        Directory.CreateDirectory(dir);
        var one = options with { Concurrent = false };
        var mentionsPath = Path.Combine(dir, "mentions.csv");
        Task? mentionsJson = null;
        if (options.Concurrent && options.JsonLines)
        {
            mentionsJson = Task.Run(() => WriteMentions(mentionsPath, mentions, one, Parts.JsonLines));
            WriteMentions(mentionsPath, mentions, one, Parts.Csv);
        }
        else WriteMentions(mentionsPath, mentions, one);
        WriteDocuments(Path.Combine(dir, "documents.csv"), documents, one);
        WriteEntities(Path.Combine(dir, "entities.csv"), entities, one);
        mentionsJson?.GetAwaiter().GetResult();
    }

    /// <summary>Which files of a table to write.</summary>
    [Flags]
    private enum Parts
    {
        Csv = 1,
        JsonLines = 2,
        Both = Csv | JsonLines,
    }

    public static void WriteDocuments(string path, IEnumerable<DocumentRow> rows, TableOptions options) =>
        Write(path, DocumentRow.Header, rows, options, static (w, r) =>
        {
            w.Field(r.DocId); w.Field(r.Language); w.Field(r.Date); w.Number(r.Chars); w.Number(r.Tokens);
            w.Number(r.Sentences); w.Number(r.Mentions); w.Field(r.Status); w.Field(r.Error); w.Field(r.Encoding);
            w.Field(r.DateSource); w.Number(r.Bytes); w.Number(r.Pieces); w.Number(r.Replaced);
        }, static (j, r) =>
        {
            var n = DocumentNames;
            j.WriteString(n[0], r.DocId); j.WriteString(n[1], r.Language); j.WriteString(n[2], r.Date); j.WriteNumber(n[3], r.Chars);
            j.WriteNumber(n[4], r.Tokens); j.WriteNumber(n[5], r.Sentences); j.WriteNumber(n[6], r.Mentions); j.WriteString(n[7], r.Status);
            j.WriteString(n[8], r.Error); j.WriteString(n[9], r.Encoding); j.WriteString(n[10], r.DateSource); j.WriteNumber(n[11], r.Bytes);
            j.WriteNumber(n[12], r.Pieces); j.WriteNumber(n[13], r.Replaced);
        });

    /// <summary>Mention rows; a <see cref="ITableSource"/> (the batch's spool) writes its records itself, the same bytes.</summary>
    public static void WriteMentions(string path, IEnumerable<MentionRow> rows, TableOptions options) => WriteMentions(path, rows, options, Parts.Both);

    private static void WriteMentions(string path, IEnumerable<MentionRow> rows, TableOptions options, Parts parts) =>
        Write(path, MentionRow.Header, rows, options, static (w, r) =>
        {
            w.Field(r.DocId); w.Number(r.Start); w.Number(r.End); w.Field(r.Text); w.Field(r.Type);
            w.Field(r.Normalized); w.Field(r.EntityId); w.Number(r.Sentence); w.Field(r.Source);
            w.Number(r.Confidence, ConfidenceFormat);
        }, static (j, r) =>
        {
            var n = MentionNames;
            j.WriteString(n[0], r.DocId); j.WriteNumber(n[1], r.Start); j.WriteNumber(n[2], r.End); j.WriteString(n[3], r.Text);
            j.WriteString(n[4], r.Type); j.WriteString(n[5], r.Normalized); j.WriteString(n[6], r.EntityId); j.WriteNumber(n[7], r.Sentence);
            j.WriteString(n[8], r.Source); j.WriteNumber(n[9], r.Confidence);
        }, parts);

    public static void WriteEntities(string path, IEnumerable<EntityRow> rows, TableOptions options) =>
        Write(path, EntityRow.Header, rows, options, static (w, r) =>
        {
            w.Field(r.EntityId); w.Field(r.Type); w.Field(r.Name); w.Field(r.NameEn); w.Field(r.NameRu);
            w.Field(r.Aliases); w.Number(r.Mentions); w.Number(r.Documents); w.Field(r.ExternalId);
        }, static (j, r) =>
        {
            var n = EntityNames;
            j.WriteString(n[0], r.EntityId); j.WriteString(n[1], r.Type); j.WriteString(n[2], r.Name); j.WriteString(n[3], r.NameEn);
            j.WriteString(n[4], r.NameRu); j.WriteString(n[5], r.Aliases); j.WriteNumber(n[6], r.Mentions); j.WriteNumber(n[7], r.Documents);
            j.WriteString(n[8], r.ExternalId);
        });

    /// <summary>The CSV confidence column: three decimals at most (the JSON Lines twin keeps the float as it is).</summary>
    public const string ConfidenceFormat = "0.###";

    public static readonly JsonEncodedText[] MentionNames = JsonLines.Names(MentionRow.Header);
    private static readonly JsonEncodedText[] DocumentNames = JsonLines.Names(DocumentRow.Header);
    private static readonly JsonEncodedText[] EntityNames = JsonLines.Names(EntityRow.Header);

    /// <summary>Writes a header and rows to <paramref name="path"/> atomically (temp file, then rename); also the .jsonl twin when enabled.</summary>
    private static void Write<T>(string path, string[] header, IEnumerable<T> rows, TableOptions options, Action<CsvRows, T> csvRow,
        Action<Utf8JsonWriter, T> jsonRow, Parts parts = Parts.Both)
    {
        var source = rows as ITableSource;
        var list = source is null ? rows as IReadOnlyCollection<T> ?? rows.ToList() : null;
        bool writeJson = options.JsonLines && parts.HasFlag(Parts.JsonLines);
        var jsonLines = writeJson && options.Concurrent && parts.HasFlag(Parts.Csv) ? Task.Run(WriteJsonLines) : null;
        if (parts.HasFlag(Parts.Csv)) AtomicFile.Write(path, stream =>
        {
            using var csv = new CsvRows(stream, options.SpreadsheetSafe);
            if (options.SpreadsheetSafe) csv.ByteOrderMark();
            csv.Header(header);
            if (source is not null) source.WriteCsv(csv);
            else
                foreach (var row in list!)
                {
                    csvRow(csv, row);
                    csv.EndRecord();
                }
        });
        if (jsonLines is not null) jsonLines.GetAwaiter().GetResult();
        else if (writeJson) WriteJsonLines();

        void WriteJsonLines() =>
            AtomicFile.Write(Path.ChangeExtension(path, ".jsonl"), stream =>
            {
                using var json = new JsonLines(stream);
                if (source is not null) source.WriteJsonLines(json);
                else
                    foreach (var row in list!)
                    {
                        json.StartRecord();
                        jsonRow(json.Writer, row);
                        json.EndRecord();
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
