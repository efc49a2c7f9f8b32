using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Evaluation;

/// <summary>The gold formats <c>extract eval</c> reads.</summary>
public enum GoldFormat
{
    /// <summary>CoNLL-2003 / BIO column file (optionally .gz): PER, ORG, LOC; MISC dropped.</summary>
    Conll,
    /// <summary>brat standoff folder (NAME.txt + NAME.ann), NEREL types mapped.</summary>
    Brat,
    /// <summary>factRuEval-2016 folder (book_N.txt, .tokens, .spans, .objects, .coref).</summary>
    FactRu,
    /// <summary>Our TSV (<see cref="Tsv"/>).</summary>
    Tsv,
    /// <summary>
    /// MEANTIME XML folder (English, TIMEX3 values): named PER/ORG/LOC mentions (NAM, PRE.NAM) and TIMEX3 of type
    /// DATE or TIME; nominal and pronoun mentions, durations and sets are left out, as a name and date extractor does not find them.
    /// </summary>
    Meantime,
}

/// <summary>Reads a gold corpus in any <see cref="GoldFormat"/>, telling the format from the path when it is not given.</summary>
public static class GoldCorpus
{
    public const string FormatNames = "conll, brat, factru, tsv or meantime";

    public static bool TryParseFormat(string name, out GoldFormat format)
    {
        switch (name.ToLowerInvariant())
        {
            case "conll": case "bio": format = GoldFormat.Conll; return true;
            case "brat": format = GoldFormat.Brat; return true;
            case "factru": case "factrueval": format = GoldFormat.FactRu; return true;
            case "tsv": format = GoldFormat.Tsv; return true;
            case "meantime": format = GoldFormat.Meantime; return true;
            default: format = default; return false;
        }
    }

    public static string Name(GoldFormat format) => format.ToString().ToLowerInvariant();

    /// <summary>
    /// A <c>.tsv</c> file is TSV and any other file CoNLL; a folder with <c>.ann</c> files is brat, one with
    /// <c>.spans</c> files factRuEval, and one with <c>.xml</c> files (at any depth) MEANTIME. Otherwise an
    /// <see cref="InvalidDataException"/> asks for <c>--format</c>.
    /// </summary>
    public static GoldFormat Detect(string path)
    {
        if (File.Exists(path))
            return Path.GetExtension(path).Equals(".tsv", StringComparison.OrdinalIgnoreCase) ? GoldFormat.Tsv : GoldFormat.Conll;
        if (!Directory.Exists(path)) throw new FileNotFoundException($"{path}: gold corpus not found; --gold takes a file or folder.", path);
        if (Directory.EnumerateFiles(path, "*.ann").Any()) return GoldFormat.Brat;
        if (Directory.EnumerateFiles(path, "*.spans").Any()) return GoldFormat.FactRu;
        if (Directory.EnumerateFiles(path, "*.xml", SearchOption.AllDirectories).Any()) return GoldFormat.Meantime;
        throw new InvalidDataException($"{path}: cannot tell the gold format of this folder; pass --format brat, factru, meantime or tsv (a TSV is given as the .tsv file).");
    }

    /// <summary>
    /// Reads the first <paramref name="limit"/> documents (all when null) in the reader's stable order, checking every
    /// span lies inside its text. Any failure becomes an <see cref="InvalidDataException"/> that names the path and format.
    /// </summary>
    /// <param name="namesOnly">Reduce PER/ORG/LOC spans to what the NER stage is trained to find (<see cref="Tagging.NerCorpus.Targets"/>:
    /// spans starting with a lower-case letter are descriptions and go, of nested names the outermost stays); DATE spans stay.</param>
    public static IReadOnlyList<GoldDocument> Read(string path, GoldFormat format, int? limit = null, bool outermost = false, bool namesOnly = false)
    {
        try
        {
            IEnumerable<GoldDocument> docs = format switch
            {
                GoldFormat.Conll => File.Exists(path) ? Conll.Read(path) : throw new FileNotFoundException($"CoNLL gold is a file; '{path}' is not one."),
                GoldFormat.Brat => Brat.ReadDirectory(path),
                GoldFormat.FactRu => FactRuEval.ReadDirectory(path),
                GoldFormat.Meantime => Meantime.ReadDirectory(path).Select(NamesAndDates),
                _ => Tsv.Read(path),
            };
            if (limit is { } n) docs = docs.Take(n);
            var list = new List<GoldDocument>();
            foreach (var d in docs)
            {
                foreach (var s in d.Spans)
                    if (s.Range.Start < 0 || s.Range.End <= s.Range.Start || s.Range.End > d.Text.Length)
                        throw new InvalidDataException($"document '{d.Id}': span {s.Range} is not inside its text of {d.Text.Length} characters.");
                var doc = outermost ? d with { Spans = Brat.Outermost(d.Spans) } : d;
                if (namesOnly) doc = doc with { Spans = NamesOnly(doc) };
                list.Add(doc);
            }
            return list;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidDataException($"cannot read gold {path} as {Name(format)}: {e.Message}", e);
        }
    }

    private static List<GoldSpan> NamesOnly(GoldDocument d)
    {
        var spans = Tagging.NerCorpus.Targets(d.Text, d.Spans).Concat(d.Spans.Where(s => s.Type == EntityType.DATE)).ToList();
        spans.Sort((a, b) => a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : b.Range.End.CompareTo(a.Range.End));
        return spans;
    }

    /// <summary>The MEANTIME spans a name and date extractor is scored on (see <see cref="GoldFormat.Meantime"/>).</summary>
    public static GoldDocument NamesAndDates(GoldDocument d) => d with
    {
        Spans = d.Spans.Where(s => s.Type == EntityType.DATE ? s.OriginalLabel is "DATE" or "TIME" : s.OriginalLabel is "NAM" or "PRE.NAM").ToList(),
    };
}
