using Extraction.Documents;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Linking;

/// <summary>A gold mention for linking evaluation: range, type, gold cluster label, and optionally a gold base form.</summary>
public sealed record GoldLinkMention(TextRange Range, EntityType Type, string Cluster, string? BaseForm = null);

/// <summary>A document of a linking corpus: its text and gold mentions with cluster labels.</summary>
public sealed record GoldLinkDocument(string Id, string Text, IReadOnlyList<GoldLinkMention> Mentions, string Group = "");

/// <summary>
/// Reads the coreference layers the linking quality tests need: factRuEval-2016 (.txt/.spans/.objects/.coref) and BSNLP
/// (annotated forms with cross-document entity ids). Quality tests only; unit tests never touch ../shared/data.
/// </summary>
public static class LinkingCorpora
{
    /// <summary>factRuEval-2016 devset: Person → PER, Org → ORG, Location and LocOrg → LOC; clusters from .coref.</summary>
    public static List<GoldLinkDocument> FactRuEval(int? take = null)
    {
        var dir = SharedData.Path_("factrueval2016", "devset");
        var docs = new List<GoldLinkDocument>();
        foreach (var txt in Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Take(take ?? int.MaxValue))
        {
            var stem = txt[..^4];
            var text = File.ReadAllText(txt);
            var spans = new Dictionary<string, TextRange>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(stem + ".spans"))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length >= 4) spans[f[0]] = TextRange.FromLength(int.Parse(f[2]), int.Parse(f[3]));
            }
            var cluster = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var block in File.ReadAllText(stem + ".coref").Split("\n\n"))
            {
                var first = block.Trim().Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                foreach (var m in first.Skip(1)) cluster[m] = first[0];
            }
            var mentions = new List<GoldLinkMention>();
            foreach (var line in File.ReadLines(stem + ".objects"))
            {
                var head = line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (head.Length < 3) continue;
                EntityType? type = head[1] switch
                {
                    "Person" => EntityType.PER,
                    "Org" => EntityType.ORG,
                    "Location" or "LocOrg" => EntityType.LOC,
                    _ => null,
                };
                if (type is null) continue;
                var ranges = head.Skip(2).Select(s => spans[s]).ToList();
                var range = new TextRange(ranges.Min(r => r.Start), ranges.Max(r => r.End));
                mentions.Add(new GoldLinkMention(range, type.Value, cluster.GetValueOrDefault(head[0]) ?? "single:" + head[0]));
            }
            docs.Add(new GoldLinkDocument(Path.GetFileName(stem), text, mentions));
        }
        return docs;
    }

    /// <summary>
    /// BSNLP Russian: each annotated file lists the distinct mention forms of a document with base form, type and
    /// cross-document entity id. A document here is those forms, one per line (no offsets exist in the data);
    /// PER/ORG/LOC only. The group is the topic: entity ids are compared within a topic.
    /// </summary>
    public static List<GoldLinkDocument> Bsnlp(string topic)
    {
        var dir = SharedData.Path_("bsnlp_ru", topic, "annotated");
        var docs = new List<GoldLinkDocument>();
        foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
        {
            var text = new System.Text.StringBuilder();
            var mentions = new List<GoldLinkMention>();
            foreach (var line in File.ReadLines(file).Skip(1))
            {
                var f = line.Split('\t');
                if (f.Length < 4 || !EntityTypes.TryParse(f[2].Trim(), out var type) || type == EntityType.DATE) continue;
                var form = f[0].Trim();
                if (form.Length == 0) continue;
                int start = text.Length;
                text.Append(form).Append('\n');
                mentions.Add(new GoldLinkMention(TextRange.FromLength(start, form.Length), type, f[3].Trim(), f[1].Trim()));
            }
            docs.Add(new GoldLinkDocument(topic + "/" + Path.GetFileName(file), text.ToString(), mentions, topic));
        }
        return docs;
    }
}
