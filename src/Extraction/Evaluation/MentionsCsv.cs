using CsvHelper;
using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Evaluation;

/// <summary>
/// Reads predictions from a <c>mentions.csv</c> written by <c>extract run</c> (columns found by header name:
/// <c>doc_id, start, end, type, normalized</c>; others ignored). Spreadsheet-safe escaping (a <c>'</c> before a cell
/// starting with <c>= + - @</c>, tab or CR) is undone.
/// </summary>
public static class MentionsCsv
{
    private static readonly CsvReaderOptions Options = new() { Separator = ',', HasHeader = true };

    /// <summary>Predictions by document id, in file order. A malformed row is an <see cref="InvalidDataException"/> naming its row.</summary>
    public static Dictionary<string, List<GoldSpan>> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: predictions file not found (expected the mentions.csv of 'extract run').", path);
        using var stream = File.OpenRead(path);
        using var csv = CsvReader.Create(stream, Options);
        int doc = Column(csv, path, "doc_id"), start = Column(csv, path, "start"), end = Column(csv, path, "end"),
            type = Column(csv, path, "type");
        int normal = csv.TryGetFieldIndex("normalized", out var n) ? n : -1;
        var byDoc = new Dictionary<string, List<GoldSpan>>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var where = $"{path}, data row {csv.RowNumber}";
            if (!csv.TryParse<int>(start, out var s) || !csv.TryParse<int>(end, out var e) || s < 0 || e < s)
                throw new InvalidDataException($"{where}: start and end must be offsets with 0 <= start <= end.");
            var code = csv.GetString(type);
            if (!EntityTypes.TryParse(code, out var t))
                throw new InvalidDataException($"{where}: type '{code}' is not PER, ORG, LOC or DATE.");
            var id = Unescape(csv.GetString(doc));
            var norm = normal >= 0 && !csv.IsNull(normal) ? Unescape(csv.GetString(normal)) : null;
            if (!byDoc.TryGetValue(id, out var list)) byDoc[id] = list = [];
            list.Add(EvalDocument.Prediction(new TextRange(s, e), t, norm));
        }
        return byDoc;
    }

    private static int Column(CsvReader csv, string path, string name) =>
        csv.TryGetFieldIndex(name, out var i) ? i
            : throw new InvalidDataException($"{path}: no '{name}' column; --pred takes the mentions.csv that 'extract run' writes.");

    /// <summary>Undoes the formula-injection escape of spreadsheet-safe tables.</summary>
    internal static string Unescape(string cell) =>
        cell.Length >= 2 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
