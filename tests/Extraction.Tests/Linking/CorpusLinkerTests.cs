using Extraction.Documents;
using Extraction.Linking;
using Extraction.Output;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Linking;

public class CorpusLinkerTests
{
    private const EntityType PER = EntityType.PER, ORG = EntityType.ORG, LOC = EntityType.LOC;

    /// <summary>
    /// The four seeds with the mentions a tagger and normalizer would give them (surface, type, nominative form for
    /// Russian inflected forms when <paramref name="normalized"/>).
    /// </summary>
    private static List<Document> Seeds(bool normalized)
    {
        string? N(string normal) => normalized ? normal : null;
        var files = Directory.GetFiles(SharedData.SeedsDir).Order(StringComparer.Ordinal).ToArray();
        string Text(int i) => File.ReadAllText(files[i]);
        return
        [
            LinkingFixture.Annotate("000", Text(0),
                ("Russia", LOC, null), ("Kazakhstan", LOC, null), ("Sergei Shoigu", PER, null), ("Imangali Tasmagambetov", PER, null),
                ("Republic of Kazakhstan", LOC, null), ("Balkhash", LOC, null), ("Russian Defence Ministry", ORG, null),
                ("Kazakhsktan", LOC, null), ("Armed Forces of Kazakhstan", ORG, null), ("Nursultan Nazarbayev", PER, null),
                ("Afghanistan", LOC, null), ("Syria", LOC, null), ("Iraq", LOC, null), ("Russian Federation", LOC, null)),
            LinkingFixture.Annotate("001", Text(1),
                ("Russia", LOC, null), ("Kazakhstan", LOC, null), ("Serik Akhmetov", PER, null), ("Moscow", LOC, null),
                ("Russian Military-Industrial Commission", ORG, null), ("Oleg Bochkarev", PER, null), ("Tengrinews", ORG, null),
                ("Akhmetov", PER, null), ("Nazarbayev", PER, null), ("Dinara Urazova", PER, null), ("Yaroslav Radlovsky", PER, null)),
            LinkingFixture.Annotate("002", Text(2),
                ("Казахстан", LOC, null), ("Казахстана", LOC, N("Казахстан")), ("Казахстаном", LOC, N("Казахстан")),
                ("Россия", LOC, null), ("России", LOC, N("Россия")), ("Россией", LOC, N("Россия")), ("Нур-Султане", LOC, N("Нур-Султан")),
                ("Tengrinews.kz", ORG, null), ("Нурлана Ермекбаева", PER, N("Нурлан Ермекбаев")), ("Сергеем Шойгу", PER, N("Сергей Шойгу")),
                ("Минобороны", ORG, null), ("ОДКБ", ORG, null), ("ШОС", ORG, null), ("СНГ", ORG, null), ("Ермекбаев", PER, null),
                ("Минобороны Казахстана", ORG, null), ("Вооруженные силы Казахстана", ORG, null),
                ("Министерство обороны Казахстана", ORG, null), ("Минобороны России", ORG, null),
                ("Российской Федерации", LOC, N("Российская Федерация")), ("Вооруженных сил Российской Федерации", ORG, N("Вооруженные силы Российской Федерации")),
                ("Вооруженным Силам Республики Казахстан", ORG, N("Вооруженные Силы Республики Казахстан")),
                ("Республикой Казахстан", LOC, N("Республика Казахстан")), ("Нурлан Ермекбаев", PER, null),
                ("Министерством обороны Казахстана", ORG, N("Министерство обороны Казахстана")),
                ("Министерством обороны России", ORG, N("Министерство обороны России"))),
            LinkingFixture.Annotate("003", Text(3),
                ("МОСКВА", LOC, N("Москва")), ("ТАСС", ORG, null), ("РФ", LOC, null), ("Казахстана", LOC, N("Казахстан")),
                ("Минобороны России", ORG, null), ("Сергей Шойгу", PER, null), ("Русланом Жаксылыковым", PER, N("Руслан Жаксылыков")),
                ("Шойгу", PER, null), ("России", LOC, N("Россия")), ("ОДКБ", ORG, null), ("СНГ", ORG, null), ("ШОС", ORG, null),
                ("Казахстаном", LOC, N("Казахстан")), ("Казахстан", LOC, null), ("Минобороны РФ", ORG, null),
                ("Российской Федерации", LOC, N("Российская Федерация")), ("Республики Казахстан", LOC, N("Республика Казахстан"))),
        ];
    }

    private static (CorpusLinker Linker, List<Document> Docs) Run(bool normalized)
    {
        var linker = new CorpusLinker(LinkingFixture.Resources);
        var docs = Seeds(normalized);
        foreach (var d in docs) linker.Add(d);
        linker.Complete();
        return (linker, docs);
    }

    private static EntityRow Row(CorpusLinker linker, List<Document> docs, string docId, string surface)
    {
        var doc = docs.Single(d => d.Id == docId);
        var m = doc.Mentions.First(m => doc.Slice(m.Range) == surface);
        var id = linker.Resolve(m.EntityId!);
        return linker.Entities().Single(e => e.EntityId == id);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Seeds_people_countries_and_ministries_in_both_languages_are_one_row_each(bool normalized)
    {
        var (linker, docs) = Run(normalized);

        var shoigu = Row(linker, docs, "000", "Sergei Shoigu");
        Assert.Equal("per:sergei-shoigu", shoigu.EntityId);
        Assert.Same(shoigu, Row(linker, docs, "002", "Сергеем Шойгу"));
        Assert.Same(shoigu, Row(linker, docs, "003", "Шойгу"));
        Assert.Equal(3, shoigu.Documents);
        Assert.Equal("Sergei Shoigu", shoigu.NameEn);
        Assert.NotNull(shoigu.NameRu);

        var kz = Row(linker, docs, "000", "Kazakhstan");
        Assert.Equal("loc:kazakhstan", kz.EntityId);
        Assert.Equal(("Kazakhstan", "Казахстан", "Q232"), (kz.NameEn, kz.NameRu, kz.ExternalId));
        Assert.Same(kz, Row(linker, docs, "000", "Kazakhsktan"));
        Assert.Same(kz, Row(linker, docs, "002", "Казахстана"));
        Assert.Same(kz, Row(linker, docs, "003", "Республики Казахстан"));
        Assert.Equal(4, kz.Documents);

        var ru = Row(linker, docs, "000", "Russia");
        Assert.Equal("loc:russia", ru.EntityId);
        Assert.Same(ru, Row(linker, docs, "003", "РФ"));
        Assert.Same(ru, Row(linker, docs, "002", "Российской Федерации"));
        Assert.Same(ru, Row(linker, docs, "000", "Russian Federation"));

        var mod = Row(linker, docs, "000", "Russian Defence Ministry");
        Assert.Equal("org:ministry-of-defence-of-russia", mod.EntityId);
        Assert.Equal(("Ministry of Defence of Russia", "Министерство обороны России"), (mod.NameEn, mod.NameRu));
        Assert.Same(mod, Row(linker, docs, "002", "Минобороны России"));
        Assert.Same(mod, Row(linker, docs, "003", "Минобороны РФ"));

        var modKz = Row(linker, docs, "002", "Минобороны Казахстана");
        Assert.Equal("org:ministry-of-defence-of-kazakhstan", modKz.EntityId);
        Assert.Same(modKz, Row(linker, docs, "002", "Министерством обороны Казахстана"));
        Assert.Same(modKz, Row(linker, docs, "002", "Минобороны"));

        var forces = Row(linker, docs, "000", "Armed Forces of Kazakhstan");
        Assert.Same(forces, Row(linker, docs, "002", "Вооруженные силы Казахстана"));
        Assert.Same(forces, Row(linker, docs, "002", "Вооруженным Силам Республики Казахстан"));

        var csto = Row(linker, docs, "002", "ОДКБ");
        Assert.Equal("org:csto", csto.EntityId);
        Assert.Equal("Collective Security Treaty Organization", csto.NameEn);
        Assert.Equal(2, csto.Documents);

        var astana = Row(linker, docs, "002", "Нур-Султане");
        Assert.Equal(("loc:astana", "Q1520"), (astana.EntityId, astana.ExternalId));

        Assert.Same(Row(linker, docs, "001", "Serik Akhmetov"), Row(linker, docs, "001", "Akhmetov"));
        Assert.Same(Row(linker, docs, "000", "Nursultan Nazarbayev"), Row(linker, docs, "001", "Nazarbayev"));
        Assert.Same(Row(linker, docs, "002", "Нурлана Ермекбаева"), Row(linker, docs, "002", "Ермекбаев"));
        Assert.NotSame(Row(linker, docs, "001", "Serik Akhmetov"), Row(linker, docs, "002", "Ермекбаев"));
    }

    [Fact]
    public void Russian_only_person_gets_a_transliterated_English_name_and_id()
    {
        var (linker, docs) = Run(normalized: true);
        var row = Row(linker, docs, "003", "Русланом Жаксылыковым");
        Assert.Equal("per:ruslan-zhaksylykov", row.EntityId);
        Assert.Equal(("Ruslan Zhaksylykov", "Руслан Жаксылыков"), (row.NameEn, row.NameRu));
    }

    [Fact]
    public void Ids_and_rows_are_the_same_on_every_run()
    {
        var a = Run(normalized: true).Linker.Entities();
        var b = Run(normalized: true).Linker.Entities();
        Assert.Equal(a, b);
        Assert.Equal(a.Select(r => r.EntityId).Distinct().Count(), a.Count);
    }

    [Fact]
    public void Entity_name_is_the_most_frequent_form_and_aliases_hold_every_form()
    {
        var (linker, docs) = Run(normalized: true);
        var kz = Row(linker, docs, "000", "Kazakhstan");
        var forms = docs.SelectMany(d => d.Mentions.Where(m => linker.Resolve(m.EntityId ?? "") == kz.EntityId).Select(m => m.Normal ?? d.Slice(m.Range)));
        var mostFrequent = forms.GroupBy(f => f).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        Assert.Equal(mostFrequent, kz.Name);
        Assert.Contains("Казахстан", kz.Aliases.Split('|'));
        Assert.Contains("Kazakhsktan", kz.Aliases.Split('|'));
    }

    [Fact]
    public void A_person_is_named_by_its_fullest_common_name_and_a_rare_English_spelling_of_it()
    {
        // Eleven documents name «Дэвид Дэвис», one misreads «министр по вопросам Брексит Дэвид Дэвис» as one person and one
        // tags «Brexit» alone as a person; the short forms join them all into one entity.
        var linker = new CorpusLinker(LinkingFixture.Resources);
        var docs = new List<Document>();
        for (int i = 0; i < 11; i++) docs.Add(LinkingFixture.Annotate($"d{i:D2}", "Дэвид Дэвис выступил.", ("Дэвид Дэвис", PER, null)));
        docs.Add(LinkingFixture.Annotate("m", "Пост покидает министр по вопросам Брексит Дэвид Дэвис.", ("Брексит Дэвид Дэвис", PER, null)));
        docs.Add(LinkingFixture.Annotate("b", "Брексит обсуждали. Brexit обсуждали.", ("Брексит", PER, null), ("Brexit", PER, null)));
        // «Асия Биби» many times, «Asia Bibi» once: the English spelling is kept for name_en.
        for (int i = 0; i < 11; i++) docs.Add(LinkingFixture.Annotate($"a{i:D2}", "Асия Биби освобождена.", ("Асия Биби", PER, null)));
        docs.Add(LinkingFixture.Annotate("e", "Asia Bibi was freed.", ("Asia Bibi", PER, null)));
        foreach (var d in docs) linker.Add(d);
        linker.Complete();
        EntityRow RowOf(string docId) => linker.Entities().Single(e => e.EntityId == linker.Resolve(docs.Single(d => d.Id == docId).Mentions[0].EntityId!));

        var davis = RowOf("d00");
        Assert.Same(davis, RowOf("m"));
        Assert.Equal(("Дэвид Дэвис", "Дэвид Дэвис"), (davis.Name, davis.NameRu));
        Assert.DoesNotContain("brexit", davis.EntityId, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual("Brexit", davis.NameEn);

        var bibi = RowOf("a00");
        Assert.Same(bibi, RowOf("e"));
        Assert.Equal(("per:asia-bibi", "Asia Bibi", "Асия Биби"), (bibi.EntityId, bibi.NameEn, bibi.NameRu));
    }

    [Fact]
    public void A_mention_of_two_people_does_not_join_them_across_documents()
    {
        var linker = new CorpusLinker(LinkingFixture.Resources);
        var docs = new[]
        {
            LinkingFixture.Annotate("a", "Тамерлан и Джохар Царнаевы устроили взрыв.", ("Тамерлан и Джохар Царнаевы", PER, null)),
            LinkingFixture.Annotate("b", "Джохар Царнаев арестован.", ("Джохар Царнаев", PER, null)),
            LinkingFixture.Annotate("c", "Тамерлан Царнаев погиб.", ("Тамерлан Царнаев", PER, null)),
        };
        foreach (var d in docs) linker.Add(d);
        linker.Complete();
        string Id(int i) => linker.Resolve(docs[i].Mentions[0].EntityId!);
        Assert.Equal(3, new[] { Id(0), Id(1), Id(2) }.Distinct().Count());
    }

    [Fact]
    public void A_surname_seen_alone_stays_apart_when_the_corpus_knows_two_full_names()
    {
        var linker = new CorpusLinker(LinkingFixture.Resources);
        var docs = new[]
        {
            LinkingFixture.Annotate("a", "Ivan Petrov spoke.", ("Ivan Petrov", PER, null)),
            LinkingFixture.Annotate("b", "Oleg Petrov spoke.", ("Oleg Petrov", PER, null)),
            LinkingFixture.Annotate("c", "Petrov spoke.", ("Petrov", PER, null)),
            LinkingFixture.Annotate("d", "Anna Smirnova spoke.", ("Anna Smirnova", PER, null)),
            LinkingFixture.Annotate("e", "Смирнова сказала.", ("Смирнова", PER, null)),
        };
        foreach (var d in docs) linker.Add(d);
        linker.Complete();
        string Id(int i) => linker.Resolve(docs[i].Mentions[0].EntityId!);
        Assert.Equal(5 - 1, new[] { Id(0), Id(1), Id(2), Id(3), Id(4) }.Distinct().Count());
        Assert.Equal(Id(3), Id(4));
        Assert.Equal("per:petrov", Id(2));
    }

    [Fact]
    public void Works_without_resources()
    {
        var linker = new CorpusLinker(LinkingResources.None);
        var doc = LinkingFixture.Annotate("a", "Sergei Shoigu met Shoigu in Moscow.", ("Sergei Shoigu", PER, null), ("Shoigu", PER, null), ("Moscow", LOC, null));
        linker.Add(doc);
        linker.Complete();
        Assert.Equal(2, linker.Entities().Count);
        Assert.Equal("loc:moscow", linker.Resolve(doc.Mentions.Single(m => m.Type == LOC).EntityId!));
    }
}
