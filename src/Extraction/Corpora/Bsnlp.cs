using Extraction.Documents;

namespace Extraction.Corpora;

/// <summary>One line of a BSNLP annotated file: a distinct mention form of the document with its gold base form.</summary>
/// <param name="Type">The corpus label: PER, ORG, LOC, EVT, PRO (2019 topics) or MISC (2017 topics).</param>
public sealed record BsnlpAnnotation(string Mention, string BaseForm, string Type, string EntityId);

/// <summary>A BSNLP document: its <see cref="GoldDocument"/> and the document-level annotation lines it was built from.</summary>
public sealed record BsnlpDocument(string Topic, GoldDocument Gold, IReadOnlyList<BsnlpAnnotation> Annotations);

/// <summary>
/// Reader for the BSNLP shared-task layout: <c>&lt;topic&gt;/raw/*</c> (lines: id, language, date, URL, then title and text)
/// and <c>&lt;topic&gt;/annotated/*</c> (line 1: id; then <c>mention TAB base form TAB type TAB entity id</c>).
/// Raw and annotated files are paired by the document id on their first line.
/// Annotations are document-level (no offsets), so gold spans are every whole-word occurrence of a listed form in
/// the text (title and body), in any letter case, longer forms first, never overlapping; only PER/ORG/LOC become spans.
/// </summary>
public static class Bsnlp
{
    private const int HeaderLines = 4;

    /// <summary>Reads every topic folder (one that has <c>raw/</c> and <c>annotated/</c>) under <paramref name="root"/>.</summary>
    public static IEnumerable<BsnlpDocument> ReadAll(string root)
    {
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"BSNLP folder '{root}' not found; point at the folder holding the topic folders (e.g. shared/data/bsnlp_ru).");
        foreach (var topic in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
            if (Directory.Exists(Path.Combine(topic, "raw")) && Directory.Exists(Path.Combine(topic, "annotated")))
                foreach (var d in ReadTopic(topic)) yield return d;
    }

    /// <summary>Reads one topic folder, documents in id order; raw files without annotations are skipped.</summary>
    public static IEnumerable<BsnlpDocument> ReadTopic(string topicDir)
    {
        var topic = Path.GetFileName(Path.TrimEndingDirectorySeparator(topicDir));
        var annotations = new Dictionary<string, IReadOnlyList<BsnlpAnnotation>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(topicDir, "annotated")))
        {
            var (id, list) = ReadAnnotations(file);
            annotations[id] = list;
        }
        var docs = new List<BsnlpDocument>();
        foreach (var file in Directory.GetFiles(Path.Combine(topicDir, "raw")))
        {
            var (id, text, date) = ReadRaw(file);
            if (!annotations.TryGetValue(id, out var list)) continue;
            var gold = new GoldDocument($"{topic}/{id}", text, FindSpans(text, list))
            {
                Language = Language.Ru,
                DocumentDate = string.IsNullOrWhiteSpace(date) ? null : date.Trim(),
            };
            docs.Add(new BsnlpDocument(topic, gold, list));
        }
        docs.Sort(static (a, b) => string.CompareOrdinal(a.Gold.Id, b.Gold.Id));
        return docs;
    }

    /// <summary>Reads an annotated file: its document id and annotation lines (malformed lines are skipped).</summary>
    public static (string Id, IReadOnlyList<BsnlpAnnotation> Annotations) ReadAnnotations(string path)
    {
        var lines = ReadLines(path);
        var id = lines.Length > 0 ? lines[0].Trim() : "";
        var list = new List<BsnlpAnnotation>();
        for (int i = 1; i < lines.Length; i++)
        {
            var f = lines[i].Split('\t');
            if (f.Length < 3 || f[0].Trim().Length == 0) continue;
            list.Add(new BsnlpAnnotation(f[0].Trim(), f[1].Trim(), f[2].Trim(), f.Length > 3 ? f[3].Trim() : ""));
        }
        return (id, list);
    }

    /// <summary>Reads a raw file: id (line 1), the text from the title line on (lines joined by '\n'), and the date (line 3).</summary>
    public static (string Id, string Text, string Date) ReadRaw(string path)
    {
        var lines = ReadLines(path);
        string Line(int i) => i < lines.Length ? lines[i] : "";
        var text = string.Join('\n', lines.Skip(HeaderLines)).Trim('\n');
        return (Line(0).Trim(), text, Line(2));
    }

    /// <summary>
    /// Every whole-word occurrence of the PER/ORG/LOC forms, longest forms first, without overlaps, sorted by start.
    /// Matching ignores case (the 2017 topics ec and trump list their forms in lower case over cased texts); an
    /// ordinal case-insensitive match has the form's length, so the spans are exact offsets into the text.
    /// </summary>
    public static List<GoldSpan> FindSpans(string text, IReadOnlyList<BsnlpAnnotation> annotations)
    {
        var taken = new bool[text.Length];
        var spans = new List<GoldSpan>();
        foreach (var a in annotations.OrderByDescending(a => a.Mention.Length).ThenBy(a => a.Mention, StringComparer.Ordinal))
        {
            if (!EntityTypes.TryParse(a.Type, out var type) || type == EntityType.DATE) continue;
            for (int at = text.IndexOf(a.Mention, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(a.Mention, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                int end = at + a.Mention.Length;
                if (!IsBoundary(text, at - 1) || !IsBoundary(text, end)) continue;
                if (taken.AsSpan(at, a.Mention.Length).Contains(true)) continue;
                taken.AsSpan(at, a.Mention.Length).Fill(true);
                spans.Add(new GoldSpan(new TextRange(at, end), type)
                {
                    Normal = a.BaseForm, EntityId = a.EntityId, OriginalLabel = a.Type,
                });
            }
        }
        spans.Sort(static (x, y) => x.Range.Start.CompareTo(y.Range.Start));
        return spans;
    }

    /// <summary>
    /// The document as silver NER training data in the outermost-name convention of <c>NerCorpus.Targets</c>: spans are the
    /// case-sensitive whole-word occurrences of its PER/ORG/LOC forms that start with a capital letter or a digit, longest
    /// first, without overlaps. Forms starting with a lower-case letter («британского правительства») are descriptions: they
    /// neither become spans nor hide the names inside them, which match on their own forms. Occurrences of capitalised EVT
    /// forms («Brexit») go to <see cref="SilverMarks.Explained"/>; of PRO and MISC forms («The Guardian») to
    /// <see cref="SilverMarks.Doubtful"/>. Case-sensitive because a cased topic lists a sentence-initial «Правительство
    /// Великобритании» as its own form; the lower-cased 2017 topics are no training data.
    /// </summary>
    public static GoldDocument Silver(BsnlpDocument doc)
    {
        var text = doc.Gold.Text;
        var taken = new bool[text.Length];
        var spans = new List<GoldSpan>();
        var explained = new List<TextRange>();
        var doubtful = new List<TextRange>();
        foreach (var a in doc.Annotations.OrderByDescending(a => a.Mention.Length).ThenBy(a => a.Mention, StringComparer.Ordinal))
        {
            bool name = !char.IsLower(a.Mention[0]);
            bool target = EntityTypes.TryParse(a.Type, out var type) && type != EntityType.DATE && name;
            var marks = target ? null : a.Type is "PRO" or "MISC" ? doubtful : a.Type == "EVT" && name ? explained : null;
            if (!target && marks is null) continue;
            foreach (var at in Occurrences(text, a.Mention))
            {
                var range = new TextRange(at, at + a.Mention.Length);
                if (marks is not null) { marks.Add(range); continue; }
                if (taken.AsSpan(at, range.Length).Contains(true)) continue;
                taken.AsSpan(at, range.Length).Fill(true);
                spans.Add(new GoldSpan(range, type) { Normal = a.BaseForm, EntityId = a.EntityId, OriginalLabel = a.Type });
            }
        }
        spans.Sort(static (x, y) => x.Range.Start.CompareTo(y.Range.Start));
        return doc.Gold with { Spans = spans, Silver = new SilverMarks(explained, doubtful) };
    }

    private static IEnumerable<int> Occurrences(string text, string form)
    {
        for (int at = text.IndexOf(form, StringComparison.Ordinal); at >= 0; at = text.IndexOf(form, at + 1, StringComparison.Ordinal))
            if (IsBoundary(text, at - 1) && IsBoundary(text, at + form.Length)) yield return at;
    }

    private static bool IsBoundary(string text, int i) => i < 0 || i >= text.Length || !char.IsLetterOrDigit(text[i]);

    private static string[] ReadLines(string path) =>
        File.ReadAllText(path).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
}
