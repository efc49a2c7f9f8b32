using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Corpora;

public class FactRuEvalTests
{
    //                      0         1         2         3         4         5         6
    //                      0123456789012345678901234567890123456789012345678901234567890123456789
    private const string Text = "мэра Москвы Юрия Лужкова посетил глава компании «Газпром» в Тверской области.";

    private static readonly string[] TokenLines =
    [
        "1 0 4 мэра", "2 5 6 Москвы", "3 12 4 Юрия", "4 17 7 Лужкова", "5 25 7 посетил", "6 33 5 глава", "7 39 8 компании",
        "8 48 1 «", "9 49 7 Газпром", "10 56 1 »", "11 58 1 в", "12 60 8 Тверской", "13 69 7 области", "14 76 1 .", "",
    ];

    private static readonly string[] SpanLines =
    [
        "21 job 0 4 1 1  # 1 мэра",
        "22 loc_name 5 6 2 1  # 2 Москвы",
        "23 name 12 4 3 1  # 3 Юрия",
        "24 surname 17 7 4 1  # 4 Лужкова",
        "25 org_descr 39 8 7 1  # 7 компании",
        "26 org_name 49 7 9 1  # 9 Газпром",
        "27 loc_name 60 8 12 1  # 12 Тверской",
        "28 loc_descr 69 7 13 1  # 13 области",
    ];

    private static readonly string[] ObjectLines =
    [
        "101 LocOrg 22 # Москвы",
        "102 Person 23 24 # Юрия Лужкова",
        "103 Org 25 26 # компании Газпром",
        "104 Location 27 28 # Тверской области",
        "105 Org 21 22 # мэра Москвы",
    ];

    private static readonly string[] CorefLines =
    [
        "1 101", "name Москва", "",
        "2 102", "firstname Юрий", "lastname Лужков", "",
        "3 103", "descriptor компания", "name Газпром", "",
        "4 104", "descriptor область", "name Тверская область", "",
    ];

    private static GoldDocument Doc() => FactRuEval.Parse("book_1", Text, TokenLines, SpanLines, ObjectLines, CorefLines);

    [Fact]
    public void Builds_spans_from_name_parts_only()
    {
        var d = Doc();
        Assert.Equal(
            [("Москвы", EntityType.LOC), ("Юрия Лужкова", EntityType.PER), ("Газпром", EntityType.ORG), ("Тверской", EntityType.LOC)],
            d.Spans.Select(s => (s.Range.Of(Text), s.Type)));
        Assert.Equal(["LocOrg", "Person", "Org", "Location"], d.Spans.Select(s => s.OriginalLabel));
    }

    [Fact]
    public void Takes_normal_forms_and_clusters_from_coref()
    {
        var d = Doc();
        Assert.Equal(["Москва", "Юрий Лужков", "Газпром", "Тверская"], d.Spans.Select(s => s.Normal));
        Assert.Equal("book_1/2", d.Spans[1].EntityId);
    }

    [Fact]
    public void Keeps_gold_tokens_and_sentences()
    {
        var d = Doc();
        Assert.Equal(14, d.Tokens!.Count);
        Assert.Equal("Газпром", d.Tokens[8].Of(Text));
        Assert.Equal(Text, Assert.Single(d.Sentences!).Of(Text));
        Assert.Equal(Language.Ru, d.Language);
    }

    [QualityFact]
    public void Reads_the_devset()
    {
        var docs = FactRuEval.ReadDirectory(SharedData.Path_("factrueval2016", "devset")).ToList();
        Assert.Equal(122, docs.Count);
        Assert.Equal(30940, docs.Sum(d => d.Tokens!.Count));
        var spans = docs.SelectMany(d => d.Spans).ToList();
        Assert.InRange(spans.Count(s => s.Type == EntityType.PER), 700, 741);
        Assert.True(spans.Count(s => s.Normal is not null) > spans.Count * 0.7);
    }
}
