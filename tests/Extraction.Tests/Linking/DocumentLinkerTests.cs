using Extraction.Documents;
using Extraction.Linking;

namespace Extraction.Tests.Linking;

public class DocumentLinkerTests
{
    private static readonly DocumentLinker Linker = new(LinkingFixture.Resources);

    private static Mention At(Document doc, string surface, int occurrence = 0) =>
        doc.Mentions.Where(m => doc.Slice(m.Range) == surface).ElementAt(occurrence);

    private static void Same(Document doc, string a, string b) => Assert.Equal(At(doc, a).Cluster, At(doc, b).Cluster);
    private static void Different(Document doc, string a, string b) => Assert.NotEqual(At(doc, a).Cluster, At(doc, b).Cluster);

    [Fact]
    public void Surname_joins_the_full_name_in_any_case_form()
    {
        var doc = LinkingFixture.Annotate("d", "Встреча с Сергеем Шойгу. Шойгу сказал, что Нурлан Ермекбаев согласен. Ермекбаева поблагодарили.",
            ("Сергеем Шойгу", EntityType.PER, null), ("Шойгу", EntityType.PER, null), ("Нурлан Ермекбаев", EntityType.PER, null),
            ("Ермекбаева", EntityType.PER, null));
        Linker.Link(doc);
        Same(doc, "Сергеем Шойгу", "Шойгу");
        Same(doc, "Нурлан Ермекбаев", "Ермекбаева");
        Different(doc, "Шойгу", "Ермекбаева");
        Assert.Equal("PER:serg shoig", At(doc, "Шойгу").LinkKey);
    }

    [Fact]
    public void A_leading_article_is_no_part_of_an_organisation_or_place_key()
    {
        var doc = LinkingFixture.Annotate("d",
            "The Wall Street Journal said; Wall Street Journal and WSJ. The Netherlands and Netherlands. The Hague; Guardian.",
            ("The Wall Street Journal", EntityType.ORG, null), ("Wall Street Journal", EntityType.ORG, null), ("WSJ", EntityType.ORG, null),
            ("The Netherlands", EntityType.LOC, null), ("Netherlands", EntityType.LOC, null), ("The Hague", EntityType.LOC, null),
            ("Guardian", EntityType.ORG, null));
        Linker.Link(doc);
        Same(doc, "The Wall Street Journal", "Wall Street Journal");
        Same(doc, "The Wall Street Journal", "WSJ");
        Same(doc, "The Netherlands", "Netherlands");
        Assert.StartsWith("gaz:", At(doc, "The Netherlands").LinkKey);
        Different(doc, "The Hague", "Netherlands");
        // Across documents names meet by their keys alone: one document's «The Guardian» is another's «Guardian».
        Assert.Equal(Linker.Analyze(EntityType.ORG, "Guardian").LinkKey, Linker.Analyze(EntityType.ORG, "The Guardian").LinkKey);
        Assert.Equal(Linker.Analyze(EntityType.LOC, "Oval").LinkKey, Linker.Analyze(EntityType.LOC, "The Oval").LinkKey);
        Assert.NotEqual(Linker.Analyze(EntityType.PER, "Rock").LinkKey, Linker.Analyze(EntityType.PER, "The Rock").LinkKey);
    }

    [Fact]
    public void Short_form_goes_to_the_nearest_preceding_full_name()
    {
        var doc = LinkingFixture.Annotate("d", "Ivan Petrov met Olga Petrova. Later Petrov left. Anna Petrova came; Petrova stayed.",
            ("Ivan Petrov", EntityType.PER, null), ("Olga Petrova", EntityType.PER, null), ("Petrov", EntityType.PER, null),
            ("Anna Petrova", EntityType.PER, null), ("Petrova", EntityType.PER, null));
        Linker.Link(doc);
        Same(doc, "Anna Petrova", "Petrova");
        Different(doc, "Ivan Petrov", "Olga Petrova");
    }

    [Fact]
    public void English_and_Russian_spellings_of_a_person_share_a_key()
    {
        var doc = LinkingFixture.Annotate("d", "Sergei Shoigu and Сергей Шойгу.",
            ("Sergei Shoigu", EntityType.PER, null), ("Сергей Шойгу", EntityType.PER, null));
        Linker.Link(doc);
        Same(doc, "Sergei Shoigu", "Сергей Шойгу");
    }

    [Fact]
    public void Acronyms_and_compound_short_forms_join_their_full_forms()
    {
        var doc = LinkingFixture.Annotate("d",
            "Федеральная служба охраны заявила. ФСО подтвердила. Мосгордума и Московская городская дума. Главное управление кадров, ГУК.",
            ("Федеральная служба охраны", EntityType.ORG, null), ("ФСО", EntityType.ORG, null), ("Мосгордума", EntityType.ORG, null),
            ("Московская городская дума", EntityType.ORG, null), ("Главное управление кадров", EntityType.ORG, null), ("ГУК", EntityType.ORG, null));
        Linker.Link(doc);
        Same(doc, "Федеральная служба охраны", "ФСО");
        Same(doc, "Мосгордума", "Московская городская дума");
        Same(doc, "Главное управление кадров", "ГУК");
        Different(doc, "ФСО", "ГУК");
    }

    [Fact]
    public void Ministries_resolve_through_the_lexicon_and_the_gazetteer()
    {
        var doc = LinkingFixture.Annotate("d",
            "Минобороны России и Министерство обороны Российской Федерации; Министерством обороны Казахстана; Russian Defence Ministry; Минобороны.",
            ("Минобороны России", EntityType.ORG, null), ("Министерство обороны Российской Федерации", EntityType.ORG, null),
            ("Министерством обороны Казахстана", EntityType.ORG, null), ("Russian Defence Ministry", EntityType.ORG, null),
            ("Минобороны", EntityType.ORG, null));
        Linker.Link(doc);
        Same(doc, "Минобороны России", "Министерство обороны Российской Федерации");
        Same(doc, "Минобороны России", "Russian Defence Ministry");
        Different(doc, "Минобороны России", "Министерством обороны Казахстана");
        Assert.Equal("body:defence@RU", At(doc, "Минобороны России").LinkKey);
        Assert.Equal("body:defence@RU", At(doc, "Минобороны").LinkKey); // nearest preceding body with a country
    }

    [Fact]
    public void Places_resolve_through_the_gazetteer_with_former_names()
    {
        var doc = LinkingFixture.Annotate("d", "В Нур-Султане и Астане; Nur-Sultan; Республики Казахстан, Казахстана.",
            ("Нур-Султане", EntityType.LOC, null), ("Астане", EntityType.LOC, null), ("Nur-Sultan", EntityType.LOC, null),
            ("Республики Казахстан", EntityType.LOC, null), ("Казахстана", EntityType.LOC, null));
        Linker.Link(doc);
        Same(doc, "Нур-Султане", "Астане");
        Same(doc, "Нур-Султане", "Nur-Sultan");
        Same(doc, "Республики Казахстан", "Казахстана");
        Assert.Equal("gaz:wd:Q1520", At(doc, "Астане").LinkKey);
        Assert.Equal("gaz:iso:KZ", At(doc, "Казахстана").LinkKey);
    }

    [Fact]
    public void A_one_word_adjective_names_a_place_only_when_the_place_is_named_alike()
    {
        var doc = LinkingFixture.Annotate("d", "Каннский фестиваль открылся; Московская область; город Канск.",
            ("Каннский", EntityType.LOC, null), ("Московская область", EntityType.LOC, null), ("Канск", EntityType.LOC, null));
        Linker.Link(doc);
        Assert.StartsWith("gaz:", At(doc, "Канск").LinkKey);
        Assert.DoesNotContain("gaz:", At(doc, "Каннский").LinkKey); // its skeleton is Канск's, its name is not
        Assert.NotEqual(At(doc, "Канск").LinkKey, At(doc, "Каннский").LinkKey);
        Assert.StartsWith("gaz:", At(doc, "Московская область").LinkKey);
    }

    [Fact]
    public void A_close_misspelling_joins_a_well_attested_name()
    {
        var doc = LinkingFixture.Annotate("d", "Kazakhstan and Russia. The Kazakhsktan ranges. Kazakhstan again. Zorbulak and Zorbulac.",
            ("Kazakhstan", EntityType.LOC, null), ("Russia", EntityType.LOC, null), ("Kazakhsktan", EntityType.LOC, null),
            ("Zorbulak", EntityType.LOC, null), ("Zorbulac", EntityType.LOC, null));
        Linker.Link(doc);
        Same(doc, "Kazakhstan", "Kazakhsktan");
        Different(doc, "Zorbulak", "Zorbulac"); // one mention each: not enough evidence
    }

    [Fact]
    public void A_short_word_wholly_different_is_another_name_not_a_misspelling()
    {
        // Skeletons one letter apart («ir»/«yn»), but the written words share no letter: two people. «Мэй»/«Мей» are one.
        var doc = LinkingFixture.Annotate("d", "Ким Чен Ир умер. Ким Чен Ир правил долго. Ким Чен Ын пришёл. Тереза Мэй и Тереза Мей. Тереза Мэй ушла.",
            ("Ким Чен Ир", EntityType.PER, null), ("Ким Чен Ир", EntityType.PER, null), ("Ким Чен Ын", EntityType.PER, null),
            ("Тереза Мэй", EntityType.PER, null), ("Тереза Мей", EntityType.PER, null), ("Тереза Мэй", EntityType.PER, null));
        Linker.Link(doc);
        Different(doc, "Ким Чен Ир", "Ким Чен Ын");
        Same(doc, "Тереза Мэй", "Тереза Мей");
    }

    [Fact]
    public void Two_namesakes_whose_skeletons_are_close_stay_two()
    {
        var doc = LinkingFixture.Annotate("d", "Джереми Хант заявил. Хант добавил. Джереми Хант ушёл. Джереми Райт назначен.",
            ("Джереми Хант", EntityType.PER, null), ("Хант", EntityType.PER, null), ("Джереми Хант", EntityType.PER, null),
            ("Джереми Райт", EntityType.PER, null));
        Linker.Link(doc);
        Different(doc, "Джереми Хант", "Джереми Райт");
    }

    [Fact]
    public void A_mention_of_several_people_is_none_of_them()
    {
        var doc = LinkingFixture.Annotate("d", "Тамерлан и Джохар Царнаевы устроили взрыв. Джохар Царнаев арестован. Тамерлан Царнаев погиб.",
            ("Тамерлан и Джохар Царнаевы", EntityType.PER, null), ("Джохар Царнаев", EntityType.PER, null), ("Тамерлан Царнаев", EntityType.PER, null));
        Linker.Link(doc);
        Different(doc, "Тамерлан и Джохар Царнаевы", "Джохар Царнаев");
        Different(doc, "Тамерлан и Джохар Царнаевы", "Тамерлан Царнаев");
        Different(doc, "Джохар Царнаев", "Тамерлан Царнаев");
        Assert.True(DocumentLinker.NamesSeveralPeople("Tom and Jerry"));
        Assert.False(DocumentLinker.NamesSeveralPeople("Procter & gamble")); // no capital after it
        Assert.False(DocumentLinker.NamesSeveralPeople("Сергей Шойгу"));
    }

    [Fact]
    public void Dates_are_left_alone()
    {
        var doc = LinkingFixture.Annotate("d", "On 5 May Putin spoke.", ("5 May", EntityType.DATE, "XXXX-05-05"), ("Putin", EntityType.PER, null));
        Linker.Link(doc);
        Assert.Equal(-1, At(doc, "5 May").Cluster);
        Assert.Null(At(doc, "5 May").LinkKey);
        Assert.Equal(0, At(doc, "Putin").Cluster);
    }
}
