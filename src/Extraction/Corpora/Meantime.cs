using System.Text;
using System.Xml.Linq;
using Extraction.Documents;

namespace Extraction.Corpora;

/// <summary>
/// Reads MEANTIME (NewsReader, English Wikinews) intra-document XML files into <see cref="GoldDocument"/>s.
/// The text is the gold tokens joined by single spaces, one sentence per line, and covers only the sentences that
/// were annotated (MEANTIME annotates each article's title and first sentences; the rest carries no markables and
/// would count every date found there as a false positive). Gold spans:
/// <list type="bullet">
/// <item>every TIMEX3 with tokens as <see cref="EntityType.DATE"/>, <see cref="GoldSpan.Value"/> = its ISO value and
/// <see cref="GoldSpan.OriginalLabel"/> = its TIMEX3 type (DATE, TIME, DURATION, SET) — evaluations choose which types count;</item>
/// <item>entity mentions whose entity is PER, ORG or LOC, <see cref="GoldSpan.OriginalLabel"/> = the mention's syntactic
/// type (NAM, NOM, PRO, PRE.NAM…), <see cref="GoldSpan.EntityId"/> = the entity's id.</item>
/// </list>
/// <see cref="GoldDocument.DocumentDate"/> is the TIMEX3 marked CREATION_TIME.
/// </summary>
public static class Meantime
{
    /// <summary>Reads every <c>*.xml</c> under <paramref name="directory"/> (recursively), in path order.</summary>
    public static IEnumerable<GoldDocument> ReadDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(ReadFile);

    public static GoldDocument ReadFile(string path)
    {
        var root = XDocument.Load(path).Root ?? throw new InvalidDataException($"{path}: empty XML document.");
        var id = (string?)root.Attribute("doc_name") ?? Path.GetFileNameWithoutExtension(path);
        var markables = root.Element("Markables");

        // The annotated part ends with the last sentence any markable touches.
        var tokens = root.Elements("token").Select(t => (
            Id: (string)t.Attribute("t_id")!, Sentence: (int)t.Attribute("sentence")!, Text: t.Value)).ToList();
        var sentenceOf = tokens.ToDictionary(t => t.Id, t => t.Sentence);
        int lastSentence = -1;
        foreach (var a in markables?.Descendants("token_anchor") ?? [])
            if (sentenceOf.TryGetValue((string)a.Attribute("t_id")!, out int s)) lastSentence = Math.Max(lastSentence, s);

        var text = new StringBuilder();
        var ranges = new Dictionary<string, TextRange>();
        var tokenRanges = new List<TextRange>();
        var sentences = new List<TextRange>();
        int current = -1, sentenceStart = 0;
        foreach (var t in tokens)
        {
            if (t.Sentence > lastSentence) break;
            if (t.Sentence != current)
            {
                if (current >= 0)
                {
                    sentences.Add(new TextRange(sentenceStart, text.Length));
                    text.Append('\n');
                }
                current = t.Sentence;
                sentenceStart = text.Length;
            }
            else text.Append(' ');
            var r = new TextRange(text.Length, text.Length + t.Text.Length);
            text.Append(t.Text);
            ranges[t.Id] = r;
            tokenRanges.Add(r);
        }
        if (current >= 0) sentences.Add(new TextRange(sentenceStart, text.Length));

        var spans = new List<GoldSpan>();
        string? creation = null;
        foreach (var timex in markables?.Elements("TIMEX3") ?? [])
        {
            if ((string?)timex.Attribute("functionInDocument") == "CREATION_TIME") creation ??= (string?)timex.Attribute("value");
            if (Span(timex, ranges) is not { } range) continue;
            spans.Add(new GoldSpan(range, EntityType.DATE) { Value = (string?)timex.Attribute("value"), OriginalLabel = (string?)timex.Attribute("type") });
        }

        var entityType = new Dictionary<string, EntityType>();
        foreach (var e in markables?.Elements("ENTITY") ?? [])
        {
            var type = (string?)e.Attribute("ent_type") switch { "PER" => EntityType.PER, "ORG" => EntityType.ORG, "LOC" => EntityType.LOC, _ => (EntityType?)null };
            if (type is { } t) entityType[(string)e.Attribute("m_id")!] = t;
        }
        var targetOf = new Dictionary<string, string>();
        foreach (var rel in root.Element("Relations")?.Elements("REFERS_TO") ?? [])
        {
            var target = (string?)rel.Element("target")?.Attribute("m_id");
            if (target is null) continue;
            foreach (var src in rel.Elements("source")) targetOf[(string)src.Attribute("m_id")!] = target;
        }
        foreach (var m in markables?.Elements("ENTITY_MENTION") ?? [])
        {
            var mid = (string)m.Attribute("m_id")!;
            if (!targetOf.TryGetValue(mid, out var entity) || !entityType.TryGetValue(entity, out var type)) continue;
            if (Span(m, ranges) is not { } range) continue;
            spans.Add(new GoldSpan(range, type) { EntityId = entity, OriginalLabel = (string?)m.Attribute("syntactic_type") });
        }
        spans.Sort((a, b) => a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : b.Range.End.CompareTo(a.Range.End));

        return new GoldDocument(id, text.ToString(), spans)
        {
            Tokens = tokenRanges,
            Sentences = sentences,
            DocumentDate = creation,
            Language = Language.En,
        };
    }

    /// <summary>The range from the first to the last anchored token, or null when the markable has no tokens in the text.</summary>
    private static TextRange? Span(XElement markable, Dictionary<string, TextRange> ranges)
    {
        int start = int.MaxValue, end = -1;
        foreach (var a in markable.Elements("token_anchor"))
        {
            if (!ranges.TryGetValue((string)a.Attribute("t_id")!, out var r)) return null;
            start = Math.Min(start, r.Start);
            end = Math.Max(end, r.End);
        }
        return end < 0 ? null : new TextRange(start, end);
    }
}
