using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Morphology;
using Extraction.Normalization;
using Extraction.Tests.Morphology;
using Extraction.Tests.TestSupport;
using Xunit.Abstractions;

namespace Extraction.Tests.Normalization;

/// <summary>
/// Normal-form quality on gold data the normalizer never trained on (it has no training; its weights were tuned
/// looking at BSNLP asia_bibi + brexit errors, so ec + trump are reported separately as untouched topics).
/// BSNLP is measured on the text: every distinct surface form (per document and type) of the gold spans the reader
/// finds (case-insensitively, so the lower-cased ec + trump annotation lists count) against its gold base form.
/// Thresholds are the figures in models/ru-morph.md minus a small margin.
/// </summary>
public sealed class NormalizationQualityTests(ITestOutputHelper output)
{
    private (double Folded, double Exact, Dictionary<string, double> PerType) Bsnlp(params string[] topics)
    {
        var n = new Dictionary<string, int>();
        var folded = new Dictionary<string, int>();
        var exact = new Dictionary<string, int>();
        int inDocumentPer = 0;
        var stage = new NormalizeStage(ShippedModels.Normalizer);
        foreach (var topic in topics)
            foreach (var doc in Extraction.Corpora.Bsnlp.ReadTopic(SharedData.Path_("bsnlp_ru", topic)))
            {
                var text = doc.Gold.Text;
                // The same forms read in their document (every gold span a mention), as the pipeline reads them.
                var document = new Document(doc.Gold.Id, text);
                foreach (var span in doc.Gold.Spans) document.AddMention(new Mention(span.Range, span.Type, "gold"));
                stage.Process(document);
                var inDocument = document.Mentions.DistinctBy(m => (m.Range, m.Type)).ToDictionary(m => (m.Range, m.Type), m => m.Normal);
                foreach (var span in doc.Gold.Spans.DistinctBy(s => (text[s.Range.Start..s.Range.End], s.Type)))
                {
                    var key = span.Type.ToString();
                    var got = ShippedModels.Normalizer.Normalize(text[span.Range.Start..span.Range.End], span.Type);
                    n[key] = n.GetValueOrDefault(key) + 1;
                    if (Letters.Fold(got) == Letters.Fold(span.Normal!)) folded[key] = folded.GetValueOrDefault(key) + 1;
                    if (got == span.Normal) exact[key] = exact.GetValueOrDefault(key) + 1;
                    if (span.Type == EntityType.PER && Letters.Fold(inDocument[(span.Range, span.Type)]!) == Letters.Fold(span.Normal!)) inDocumentPer++;
                }
            }
        int total = n.Values.Sum();
        var perType = n.ToDictionary(kv => kv.Key, kv => folded.GetValueOrDefault(kv.Key) / (double)kv.Value);
        var result = (folded.Values.Sum() / (double)total, exact.Values.Sum() / (double)total, perType);
        output.WriteLine($"BSNLP {string.Join('+', topics)}: {total} mention forms, accuracy {result.Item1:F3} (case-insensitive, ё=е), " +
                         $"{result.Item2:F3} exact; {string.Join(", ", perType.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value:F3} (n={n[kv.Key]})"))}; " +
                         $"PER read in the document {inDocumentPer / (double)n["PER"]:F3}");
        return result;
    }

    [QualityFact]
    public void Bsnlp_asia_bibi_and_brexit()
    {
        var (folded, exact, perType) = Bsnlp("asia_bibi", "brexit");
        Assert.True(folded >= 0.952, $"accuracy {folded:F3} < 0.952");
        Assert.True(exact >= 0.95, $"exact accuracy {exact:F3} < 0.95");
        Assert.True(perType["PER"] >= 0.94 && perType["ORG"] >= 0.96 && perType["LOC"] >= 0.97, "per-type accuracy below the card");
    }

    [QualityFact]
    public void Bsnlp_ec_and_trump_untouched_topics_with_lower_cased_annotations()
    {
        // The gold base forms are lower case here, so only the case-insensitive figure means anything.
        var (folded, _, perType) = Bsnlp("ec", "trump");
        Assert.True(folded >= 0.94, $"accuracy {folded:F3} < 0.94");
        Assert.True(perType["PER"] >= 0.90, $"PER accuracy {perType["PER"]:F3} < 0.90");
    }

    /// <summary>
    /// factRuEval-2016 devset persons: the mention's name, surname and patronymic spans (one of each at most, no initials,
    /// Cyrillic) against the entity's nominative firstname / lastname / patronymic from the .coref file, in text order.
    /// Scored the way the pipeline works: each document gets every gold person mention (the range of its name,
    /// surname and patronymic spans) and goes through the normalize stage, so bare names are read in the light of the
    /// document's full names. The mention-alone figure (each surface form normalised on its own) is printed beside it.
    /// </summary>
    [QualityFact]
    public void FactRuEval_person_nominatives()
    {
        int n = 0, ok = 0, alone = 0;
        var misses = new List<string>();
        var key = new Dictionary<string, string> { ["name"] = "firstname", ["surname"] = "lastname", ["patronymic"] = "patronymic" };
        var stage = new NormalizeStage(ShippedModels.Normalizer);
        foreach (var objects in Directory.GetFiles(SharedData.Path_("factrueval2016", "devset"), "*.objects").Order(StringComparer.Ordinal))
        {
            var stem = objects[..^".objects".Length];
            var text = File.ReadAllText(stem + ".txt");
            var spans = new Dictionary<string, (string Type, int Start, int Length)>();
            foreach (var line in File.ReadLines(stem + ".spans"))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length >= 4) spans[f[0]] = (f[1], int.Parse(f[2]), int.Parse(f[3]));
            }
            var attributes = new Dictionary<string, Dictionary<string, string>>();
            foreach (var block in File.ReadAllText(stem + ".coref").Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                var lines = block.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var attrs = new Dictionary<string, string>();
                foreach (var l in lines.Skip(1))
                    if (l.IndexOf(' ') is > 0 and var sp) attrs.TryAdd(l[..sp], l[(sp + 1)..].Trim());
                foreach (var id in lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)) attributes[id] = attrs;
            }
            var document = new Document(Path.GetFileName(stem), text);
            var scored = new List<(Mention Mention, string Expected)>();
            foreach (var line in File.ReadLines(objects))
            {
                var f = line.Split('#')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 3 || f[1] != "Person") continue;
                var parts = f.Skip(2).Where(spans.ContainsKey).Select(id => spans[id]).Where(s => key.ContainsKey(s.Type)).OrderBy(s => s.Start).ToList();
                if (parts.Count == 0) continue;
                // Every person mention is in the document (as the recogniser would give it), scored or not.
                var mention = new Mention(new TextRange(parts[0].Start, parts.Max(p => p.Start + p.Length)), EntityType.PER, "gold");
                document.AddMention(mention);
                if (!attributes.TryGetValue(f[0], out var attrs) || parts.GroupBy(p => p.Type).Any(g => g.Count() > 1)
                    || parts.Any(p => p.Length <= 2 || !attrs.ContainsKey(key[p.Type]))) continue;
                if (!document.Slice(mention.Range).Any(c => c is >= 'А' and <= 'я')) continue;
                scored.Add((mention, string.Join(' ', parts.Select(p => attrs[key[p.Type]]))));
            }
            stage.Process(document);
            foreach (var (mention, expected) in scored)
            {
                var surface = document.Slice(mention.Range);
                n++;
                if (Same(ShippedModels.Normalizer.Normalize(surface, EntityType.PER), expected)) alone++;
                if (Same(mention.Normal!, expected)) ok++;
                else misses.Add($"{document.Id}: {surface} → {mention.Normal} (gold {expected})");
            }
        }
        double accuracy = ok / (double)n;
        output.WriteLine($"factRuEval-2016 devset persons: in the document {ok}/{n} = {accuracy:F3}; mention alone {alone}/{n} = {alone / (double)n:F3}; misses in the document:");
        foreach (var miss in misses) output.WriteLine(miss);
        Assert.True(accuracy >= 0.942, $"accuracy {accuracy:F3} < 0.942");
    }

    /// <summary>Case-insensitive, ё = е, apostrophe and quote look-alikes made uniform (О’Рейли = О'Рейли).</summary>
    private static bool Same(string a, string b) => Letters.Fold(MentionText.Clean(a, russian: true)) == Letters.Fold(MentionText.Clean(b, russian: true));

    /// <summary>Lemma accuracy on NOUN and PROPN words of every UD Russian file (gold UPOS given, case-insensitive, ё=е).</summary>
    [QualityFact]
    public void Ud_russian_noun_and_proper_noun_lemmas()
    {
        int n = 0, ok = 0;
        foreach (var file in Directory.GetFiles(SharedData.Path_("ud_ru"), "*.conllu").Order(StringComparer.Ordinal))
        {
            int fn = 0, fok = 0;
            foreach (var sentence in ConllU.Read(file))
                foreach (var w in sentence.Words)
                {
                    if (w.Upos is not ("NOUN" or "PROPN")) continue;
                    fn++;
                    var lemma = ShippedModels.Morph.NounLemma(w.Form, w.Upos == "PROPN") ?? w.Form;
                    if (Letters.Fold(lemma) == Letters.Fold(w.Lemma)) fok++;
                }
            output.WriteLine($"{Path.GetFileName(file)}: {fok}/{fn} = {fok / (double)fn:F3}");
            n += fn;
            ok += fok;
        }
        double accuracy = ok / (double)n;
        output.WriteLine($"UD Russian NOUN+PROPN lemmas: {ok}/{n} = {accuracy:F3}");
        Assert.True(accuracy >= 0.945, $"accuracy {accuracy:F3} < 0.945");
    }
}
