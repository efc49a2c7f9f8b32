using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Tests.TestSupport;
using Xunit.Abstractions;

namespace Extraction.Tests.Linking;

/// <summary>
/// Linking quality on data the linker was never tuned on as training data (it has no trained parameters):
/// factRuEval-2016 devset within-document coreference with gold mentions, and BSNLP Russian cross-document
/// entity ids. Thresholds are the figures in models/linking.md minus a small margin.
/// </summary>
public class LinkingQualityTests(ITestOutputHelper output)
{
    /// <summary>Runs in-document linking over gold mentions (surface forms only) and scores the clusters.</summary>
    public static (PrfScore BCubed, PrfScore Muc) FactRuEvalScores(IEnumerable<GoldDocument> docs, Action<string>? log = null)
    {
        var linker = new DocumentLinker(LinkingFixture.Resources);
        var gold = new List<string>();
        var pred = new List<string>();
        foreach (var g in docs)
        {
            var doc = new Document(g.Id, g.Text);
            var byMention = new Dictionary<Mention, string>();
            for (int i = 0; i < g.Spans.Count; i++)
            {
                var m = new Mention(g.Spans[i].Range, g.Spans[i].Type, "gold");
                doc.AddMention(m);
                byMention[m] = g.Spans[i].EntityId ?? $"{g.Id}/single{i}";
            }
            linker.Link(doc);
            foreach (var m in doc.Mentions)
            {
                gold.Add(byMention[m]);
                pred.Add(g.Id + "/" + m.Cluster);
            }
            if (log is not null) LogErrors(doc, byMention, log);
        }
        return (ClusterMetrics.BCubed(gold, pred), ClusterMetrics.Muc(gold, pred));
    }

    private static void LogErrors(Document doc, Dictionary<Mention, string> gold, Action<string> log)
    {
        var ms = doc.Mentions;
        for (int i = 0; i < ms.Count; i++)
            for (int j = i + 1; j < ms.Count; j++)
            {
                bool g = gold[ms[i]] == gold[ms[j]], p = ms[i].Cluster == ms[j].Cluster;
                if (g != p) log($"{doc.Id} {(g ? "MISS" : "FALSE")} {ms[i].Type} «{doc.Slice(ms[i].Range)}» ~ «{doc.Slice(ms[j].Range)}»");
            }
    }

    /// <summary>
    /// Corpus-links each BSNLP topic (real texts, every occurrence of an annotated form as a mention; gold base forms as
    /// normal forms when asked) and counts cross-document pairs over the annotation unit: one item per distinct form of a
    /// document, predicted by the entity of its first occurrence.
    /// </summary>
    public static PairCounts BsnlpCounts(IEnumerable<string> topics, bool goldBaseForms, Action<string>? log = null)
    {
        var total = new PairCounts();
        foreach (var topic in topics)
        {
            var linker = new CorpusLinker(LinkingFixture.Resources);
            var items = new List<(Mention M, string Gold, string Doc, string Form)>();
            foreach (var b in Bsnlp.ReadTopic(SharedData.Path_("bsnlp_ru", topic)))
            {
                var g = b.Gold;
                var doc = new Document(g.Id, g.Text) { Language = Language.Ru };
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var span in g.Spans)
                {
                    var m = new Mention(span.Range, span.Type, "gold") { Normal = goldBaseForms ? span.Normal : null };
                    doc.AddMention(m);
                    var form = doc.Slice(span.Range);
                    if (seen.Add(form)) items.Add((m, span.EntityId!, g.Id, form));
                }
                linker.Add(doc);
            }
            linker.Complete();
            var gold = items.Select(x => x.Gold).ToList();
            var pred = items.Select(x => linker.Resolve(x.M.EntityId!)).ToList();
            var counts = ClusterMetrics.Pairwise(gold, pred, items.Select(x => x.Doc).ToList());
            log?.Invoke($"{topic}: {counts.Score} ({counts.Both}/{counts.Predicted}/{counts.Gold})");
            if (log is not null)
            {
                for (int k = 0; k < 2; k++)
                    foreach (var c in Enumerable.Range(0, items.Count).GroupBy(i => k == 0 ? gold[i] : pred[i]))
                    {
                        var parts = c.GroupBy(i => k == 0 ? pred[i] : gold[i])
                            .Select(p => $"{p.Key}: {string.Join(", ", p.Select(i => items[i].M.Normal ?? items[i].Form).Distinct().Take(6))}").ToList();
                        if (parts.Count > 1) log($"  {(k == 0 ? "SPLIT" : "MERGED")} {c.Key} → {string.Join(" ‖ ", parts)}");
                    }
            }
            total += counts;
        }
        return total;
    }

    public static readonly string[] Topics = ["asia_bibi", "brexit", "ec", "trump"];

    [QualityFact]
    public void FactRuEval_within_document_coreference()
    {
        var (b3, muc) = FactRuEvalScores(FactRuEval.ReadDirectory(SharedData.Path_("factrueval2016", "devset")), Environment.GetEnvironmentVariable("LINK_VERBOSE") is null ? null : output.WriteLine);
        output.WriteLine($"factRuEval-2016 devset, gold mentions: B3 {b3}; MUC {muc}");
        // models/linking.md: B3 F1 0.981, MUC F1 0.970.
        Assert.True(b3.F1 >= 0.96, $"B3 F1 {b3.F1:F3} is below 0.96");
        Assert.True(muc.F1 >= 0.95, $"MUC F1 {muc.F1:F3} is below 0.95");
    }

    [QualityFact]
    public void Bsnlp_cross_document_pairs()
    {
        var verbose = Environment.GetEnvironmentVariable("LINK_VERBOSE") is null ? null : (Action<string>)output.WriteLine;
        var withBase = BsnlpCounts(Topics, goldBaseForms: true, verbose);
        var surface = BsnlpCounts(Topics, goldBaseForms: false);
        output.WriteLine($"BSNLP ru, cross-document pairs: with gold base forms {withBase.Score}; surface forms only {surface.Score}");
        // models/linking.md: F1 0.946 with gold base forms, 0.947 with surface forms only.
        Assert.True(withBase.Score.F1 >= 0.93, $"F1 {withBase.Score.F1:F3} (gold base forms) is below 0.93");
        Assert.True(surface.Score.F1 >= 0.93, $"F1 {surface.Score.F1:F3} (surface forms) is below 0.93");
    }
}
