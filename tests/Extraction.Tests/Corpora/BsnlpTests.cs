using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Tests.Corpora;

public sealed class BsnlpTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "bsnlp-test-" + Guid.NewGuid().ToString("N"));

    public BsnlpTests()
    {
        var topic = Path.Combine(_root, "brexit");
        Directory.CreateDirectory(Path.Combine(topic, "raw"));
        Directory.CreateDirectory(Path.Combine(topic, "annotated"));
        File.WriteAllText(Path.Combine(topic, "raw", "a.txt"),
            "ru-7\r\nru\r\n2018-09-20\r\nhttps://example.org/x\r\nВизит в Лондон\r\nБорис Джонсон прибыл в Лондон. Джонсона встретили в Лондоне и Лондонском порту.\r\n");
        File.WriteAllText(Path.Combine(topic, "annotated", "a.out"),
            "ru-7\nБорис Джонсон\tБорис Джонсон\tPER\tPER-Boris-Johnson\nДжонсон\tДжонсон\tPER\tPER-Boris-Johnson\n" +
            "Джонсона\tДжонсон\tPER\tPER-Boris-Johnson\nЛондон\tЛондон\tLOC\tGPE-London\nЛондоне\tЛондон\tLOC\tGPE-London\nBrexit\tBrexit\tEVT\tEVT-Brexit\n");
        File.WriteAllText(Path.Combine(topic, "raw", "b.txt"), "ru-8\nru\n\n\nБез разметки.\n");
    }

    [Fact]
    public void Lower_cased_forms_match_the_cased_text_at_exact_offsets()
    {
        var text = "Визит Джонсона в Европейскую комиссию. ДЖОНСОН и европейская комиссия.";
        var spans = Bsnlp.FindSpans(text,
        [
            new BsnlpAnnotation("джонсона", "джонсон", "PER", "1"),
            new BsnlpAnnotation("джонсон", "джонсон", "PER", "1"),
            new BsnlpAnnotation("европейскую комиссию", "европейская комиссия", "ORG", "2"),
            new BsnlpAnnotation("европейская комиссия", "европейская комиссия", "ORG", "2"),
        ]);
        Assert.Equal(["Джонсона", "Европейскую комиссию", "ДЖОНСОН", "европейская комиссия"], spans.Select(s => text[s.Range.Start..s.Range.End]));
        Assert.Equal(["джонсон", "европейская комиссия", "джонсон", "европейская комиссия"], spans.Select(s => s.Normal));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Pairs_raw_and_annotated_files_by_id_and_reads_header()
    {
        var doc = Assert.Single(Bsnlp.ReadAll(_root));
        Assert.Equal("brexit", doc.Topic);
        Assert.Equal("brexit/ru-7", doc.Gold.Id);
        Assert.Equal("2018-09-20", doc.Gold.DocumentDate);
        Assert.Equal(Language.Ru, doc.Gold.Language);
        Assert.StartsWith("Визит в Лондон\nБорис Джонсон", doc.Gold.Text);
        Assert.Equal(6, doc.Annotations.Count);
        Assert.Equal(new BsnlpAnnotation("Джонсона", "Джонсон", "PER", "PER-Boris-Johnson"), doc.Annotations[2]);
    }

    [Fact]
    public void Spans_are_whole_word_occurrences_longest_first_without_overlap()
    {
        var doc = Bsnlp.ReadAll(_root).Single().Gold;
        var forms = doc.Spans.Select(s => (doc.Text[s.Range.Start..s.Range.End], s.Type, s.Normal)).ToList();
        Assert.Equal(
        [
            ("Лондон", EntityType.LOC, "Лондон"),
            ("Борис Джонсон", EntityType.PER, "Борис Джонсон"),
            ("Лондон", EntityType.LOC, "Лондон"),
            ("Джонсона", EntityType.PER, "Джонсон"),
            ("Лондоне", EntityType.LOC, "Лондон"),
        ], forms);
        Assert.All(doc.Spans, s => Assert.NotNull(s.EntityId));
        Assert.DoesNotContain(doc.Spans, s => s.OriginalLabel == "EVT");
    }

    [Fact]
    public void Silver_spans_match_case_sensitively_and_leave_descriptions_and_other_types_aside()
    {
        var text = "Брекзит обсудили в правительстве Великобритании. Правительство Великобритании и The Guardian молчат. Brexit и правительство.";
        var gold = new GoldDocument("ru-1", text, []) { Language = Language.Ru };
        var silver = Bsnlp.Silver(new BsnlpDocument("brexit", gold,
        [
            new BsnlpAnnotation("правительстве Великобритании", "правительство Великобритании", "ORG", "1"),
            new BsnlpAnnotation("Правительство Великобритании", "правительство Великобритании", "ORG", "1"),
            new BsnlpAnnotation("Великобритании", "Великобритания", "LOC", "2"),
            new BsnlpAnnotation("The Guardian", "The Guardian", "PRO", "3"),
            new BsnlpAnnotation("Brexit", "Brexit", "EVT", "4"),
            new BsnlpAnnotation("брекзит", "брекзит", "EVT", "4"),
        ]));
        // The description gives way to the name inside it; the sentence-initial form is its own (capitalised) name.
        Assert.Equal(["LOC Великобритании", "ORG Правительство Великобритании"], silver.Spans.Select(s => $"{s.Type} {text[s.Range.Start..s.Range.End]}"));
        Assert.Equal(["Brexit"], silver.Silver!.Explained.Select(r => text[r.Start..r.End]));
        Assert.Equal(["The Guardian"], silver.Silver.Doubtful.Select(r => text[r.Start..r.End]));
    }
}
