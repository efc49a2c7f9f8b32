using CsvHelper;
using Extraction.Pipeline;

namespace Extraction.Dates;

/// <summary>
/// Reads a metadata file of document dates: CSV (comma-separated, RFC 4180, header row) with the columns <c>doc_id</c>
/// (as <c>extract run</c> writes it: the path relative to the input root) and <c>date</c> (ISO 8601: <c>2015-12-23</c>,
/// <c>2015-12-23T15:27</c>, <c>2015-12</c>); other columns are ignored. Problems are <see cref="ConfigException"/>s
/// naming the row and the fix.
/// </summary>
public static class MetadataDates
{
    public static MapDocumentDateProvider Read(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"{path}: metadata file not found; pass a CSV with columns doc_id,date.");
        var dates = new Dictionary<string, string>(StringComparer.Ordinal);
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true });
        if (!csv.TryGetFieldIndex("doc_id", out var idColumn) || !csv.TryGetFieldIndex("date", out var dateColumn))
            throw new ConfigException($"{path}: the header must name the columns doc_id and date.");
        while (csv.Read())
        {
            var id = csv.GetString(idColumn);
            var value = csv.GetString(dateColumn).Trim();
            if (value.Length == 0) continue;
            if (!TimexValue.TryParseDate(value, out var t) || t.Year is null)
                throw new ConfigException($"{path}, data row {csv.RowNumber}: '{value}' is not a date; write it as ISO 8601, e.g. 2015-12-23.");
            dates[id] = value;
        }
        return new MapDocumentDateProvider(dates);
    }
}
