using CsvHelper;
using Extraction.Documents;
using Extraction.Reading;

namespace Extraction.Corpora;

/// <summary>
/// The simple gold format: one tab-separated file with a header row and the columns
/// <c>doc  start  end  type  text  normalized</c> (<c>text</c> and <c>normalized</c> may be left out; other columns are
/// ignored), no quoting. <c>doc</c> is the path of a text file relative to the TSV's folder, exactly the <c>doc_id</c> that
/// <c>extract run</c> on that folder writes; offsets are UTF-16 code units into the text as <c>extract run</c> reads it
/// (BOM dropped, HTML turned into text). Every text file under the folder is a gold document, so a file without rows
/// is a document with no entities. <c>normalized</c> is the normal form, or the ISO value for DATE.
/// When <c>text</c> is given it must equal the span's text (white space compared loosely), which catches shifted offsets.
/// </summary>
public static class Tsv
{
    private static readonly CsvReaderOptions Options = new() { Separator = '\t', HasHeader = true, Mode = CsvMode.NoEscape };

    /// <summary>Reads the gold documents in path order. Problems are <see cref="InvalidDataException"/>s naming the row.</summary>
    public static IReadOnlyList<GoldDocument> Read(string tsvPath)
    {
        if (!File.Exists(tsvPath)) throw new FileNotFoundException($"{tsvPath}: gold TSV not found.", tsvPath);
        var root = Path.GetDirectoryName(Path.GetFullPath(tsvPath))!;
        var files = CorpusReader.Enumerate([root]).Where(f => f.Problem is null).ToList();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in files) texts[f.DocId] = ReadText(f);

        var spans = new Dictionary<string, List<GoldSpan>>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(tsvPath))
        using (var tsv = CsvReader.Create(stream, Options))
        {
            int doc = Column(tsv, tsvPath, "doc"), start = Column(tsv, tsvPath, "start"), end = Column(tsv, tsvPath, "end"),
                type = Column(tsv, tsvPath, "type");
            int text = tsv.TryGetFieldIndex("text", out var ti) ? ti : -1;
            int normal = tsv.TryGetFieldIndex("normalized", out var ni) ? ni : -1;
            while (tsv.Read())
            {
                var where = $"{tsvPath}, data row {tsv.RowNumber}";
                var id = tsv.GetString(doc);
                if (!texts.TryGetValue(id, out var content))
                    throw new InvalidDataException($"{where}: document '{id}' is not a text file under {root}; 'doc' is a path relative to the TSV's folder.");
                if (!tsv.TryParse<int>(start, out var s) || !tsv.TryParse<int>(end, out var e) || s < 0 || e <= s || e > content.Length)
                    throw new InvalidDataException($"{where}: start and end must satisfy 0 <= start < end <= {content.Length} (the length of '{id}').");
                var code = tsv.GetString(type);
                if (!EntityTypes.TryParse(code, out var t))
                    throw new InvalidDataException($"{where}: type '{code}' is not PER, ORG, LOC or DATE.");
                var range = new TextRange(s, e);
                if (text >= 0 && !tsv.IsNull(text) && !SameText(range.Slice(content), tsv.GetString(text)))
                    throw new InvalidDataException($"{where}: the text column '{tsv.GetString(text)}' is not the text at [{s},{e}) of '{id}', which is '{range.Of(content)}'.");
                var norm = normal >= 0 && !tsv.IsNull(normal) ? tsv.GetString(normal) : null;
                var span = t == EntityType.DATE ? new GoldSpan(range, t) { Value = norm } : new GoldSpan(range, t) { Normal = norm };
                if (!spans.TryGetValue(id, out var list)) spans[id] = list = [];
                list.Add(span);
            }
        }
        return files.Select(f => new GoldDocument(f.DocId, texts[f.DocId], spans.GetValueOrDefault(f.DocId) ?? [])).ToList();
    }

    /// <summary>The whole text of a file as <c>extract run</c> reads it; a file that is not text names itself in the error.</summary>
    private static string ReadText(InputFile file)
    {
        try
        {
            return SourceText.ReadAll(file);
        }
        catch (Exception e) when (e is NotTextException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{file.Path}: {e.Message}", e);
        }
    }

    private static int Column(CsvReader tsv, string path, string name) =>
        tsv.TryGetFieldIndex(name, out var i) ? i
            : throw new InvalidDataException($"{path}: no '{name}' column; the header must name doc, start, end, type (and optionally text, normalized), tab-separated.");

    /// <summary>Equal when every run of white space in either counts as one space (a TSV cell cannot hold tabs or line breaks).</summary>
    private static bool SameText(ReadOnlySpan<char> span, ReadOnlySpan<char> cell)
    {
        int i = 0, j = 0;
        while (true)
        {
            bool wi = i < span.Length && char.IsWhiteSpace(span[i]), wj = j < cell.Length && char.IsWhiteSpace(cell[j]);
            if (wi || wj)
            {
                if (!(wi && wj)) return false;
                while (i < span.Length && char.IsWhiteSpace(span[i])) i++;
                while (j < cell.Length && char.IsWhiteSpace(cell[j])) j++;
                continue;
            }
            if (i == span.Length || j == cell.Length) return i == span.Length && j == cell.Length;
            if (span[i++] != cell[j++]) return false;
        }
    }
}
