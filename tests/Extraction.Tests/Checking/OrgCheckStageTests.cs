using Extraction.Checking;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Checking;

public sealed class OrgCheckStageTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"org-lexicon-{Guid.NewGuid():N}.tsv");
    private readonly OrgCheckStage _stage;

    public OrgCheckStageTests()
    {
        File.WriteAllLines(_path,
        [
            "#kind\tid\tcountry\twikidata\tnames_en\tnames_ru",
            "org\teu\t\tQ458\tEuropean Union|EU\tЕвропейский союз|Евросоюз|ЕС",
            "org\trosatom\tRU\t\tRosatom\tРосатом",
            "org\txinhua\t\t\tXinhua|Xinhua News Agency\tСиньхуа",
            "org\tgeorgia-party\t\t\tGeorgia\tГрузия", // an organisation spelt like a country: the gazetteer wins
            "body\tforeign\t\t\tMinistry of Foreign Affairs|Foreign Ministry\tМинистерство иностранных дел|МИД",
            "org\tfed-council\tRU\t\tFederation Council\tСовет Федерации",
            "org\thamas\t\t\tHamas\tХАМАС",
            "org\tec\t\t\tEuropean Commission\tЕврокомиссия",
            "org\twho\t\t\tWHO|World Health Organization\tВОЗ",
        ]);
        var gazetteer = new Gazetteer(
        [
            new Place("wd:Q230", PlaceKind.Country, "Q230", "GE", 90, "Georgia", "Грузия", ["Georgia"], ["Грузия"], [], []),
        ], []);
        _stage = new OrgCheckStage(OrgLexicon.Load(_path, gazetteer), gazetteer);
    }

    public void Dispose() => File.Delete(_path);

    /// <summary>Tags <paramref name="words"/> (first occurrence) as <paramref name="type"/>, runs the check, returns the type it ends with.</summary>
    private EntityType TypeAfter(string text, string words, EntityType type)
    {
        var doc = StageRun.Tagged(_stage, text, type, 0.6f, Language.Other, words);
        var m = Assert.Single(doc.Mentions);
        Assert.Equal(words, doc.Slice(m.Range));
        Assert.Equal(0.6f, m.Confidence);
        Assert.Equal(m.Type == type ? "ner" : OrgCheckStage.Source, m.Source);
        return m.Type;
    }

    [Theory]
    [InlineData("Страны договорились с Евросоюзом.", "Евросоюзом", EntityType.LOC)] // any case form of a Russian name
    [InlineData("В ЕС это обсуждают.", "ЕС", EntityType.LOC)]
    [InlineData("Об этом сообщает Синьхуа.", "Синьхуа", EntityType.PER)]
    [InlineData("The report was carried by Xinhua.", "Xinhua", EntityType.PER)]
    [InlineData("Заявление сделал МИД.", "МИД", EntityType.LOC)] // a state body, with or without its country
    public void A_known_organisation_read_as_a_place_or_person_becomes_an_organisation(string text, string words, EntityType type) =>
        Assert.Equal(EntityType.ORG, TypeAfter(text, words, type));

    [Theory]
    [InlineData("Mr Rosati said so.", "Rosati", EntityType.PER)] // Latin text matches only as written, not by skeleton («Rosatom»)
    [InlineData("Делегация прибыла в Грузию.", "Грузию", EntityType.LOC)] // the gazetteer knows it as a place
    [InlineData("Сергей Шойгу прибыл.", "Сергей Шойгу", EntityType.PER)]
    public void Other_mentions_keep_their_type(string text, string words, EntityType type) => Assert.Equal(type, TypeAfter(text, words, type));

    [Fact]
    public void Organisations_and_dates_are_not_touched()
    {
        Assert.Equal(EntityType.ORG, TypeAfter("В ЕС это обсуждают.", "ЕС", EntityType.ORG));
        Assert.Equal(EntityType.DATE, TypeAfter("В ЕС это обсуждают.", "ЕС", EntityType.DATE));
    }

    [Theory]
    [InlineData("Злоумышленники оторвали букву «М» от опоры.", "М", EntityType.ORG)]
    [InlineData("Колонна вышла из пункта Б утром.", "Б", EntityType.LOC)]
    public void A_single_letter_is_no_organisation_or_place(string text, string letter, EntityType type) =>
        Assert.Empty(StageRun.Tagged(_stage, text, type, 0.9f, Language.Ru, letter).Mentions);

    [Theory]
    [InlineData("The platform X removed the post.", "X", Language.En)]
    [InlineData("Как пишет «Ъ», сделка сорвалась.", "Ъ", Language.Ru)] // the hard sign alone: Коммерсантъ
    public void A_single_Latin_letter_or_the_hard_sign_stays(string text, string letter, Language language) =>
        Assert.Single(StageRun.Tagged(_stage, text, EntityType.ORG, 0.9f, language, letter).Mentions);

    [Fact]
    public void A_single_letter_person_stays() =>
        Assert.Single(StageRun.Tagged(_stage, "Об этом сказал В. Петров.", EntityType.PER, 0.9f, Language.Ru, "В").Mentions);

    private static string[] Organisations(Document doc) =>
        doc.Mentions.Where(m => m.Type == EntityType.ORG).Select(m => doc.Slice(m.Range)).ToArray();

    [Theory]
    [InlineData("Заявление сделал МИД вчера.", "МИД")]
    [InlineData("Страны договорились с Евросоюзом о торговле.", "Евросоюзом")] // any case form
    [InlineData("The report was carried by Xinhua yesterday.", "Xinhua")]
    public void A_known_organisation_the_tagger_missed_is_added(string text, string words)
    {
        var doc = StageRun.Tagged(_stage, text, EntityType.PER, 0.9f, Language.Ru);
        Assert.Equal([words], Organisations(doc));
        var m = Assert.Single(doc.Mentions);
        Assert.Equal((OrgCheckStage.Source, OrgCheckStage.AddedConfidence), (m.Source, m.Confidence));
    }

    [Theory]
    [InlineData("МИД заявил.")] // in capitals at a sentence start: still an acronym
    [InlineData("Об этом сообщили в ЕС.", false)] // two letters: ambiguous
    [InlineData("Евросоюзом это решено.", false)] // a capitalised word opening a sentence may be an ordinary word
    [InlineData("Это обсуждал Суд ЕС вчера.", false)] // a word of a longer name
    [InlineData("Это обсуждали МИД Грузии.", false)]
    [InlineData("Кинотеатры «Евросоюз» и «Полёт».", false)] // quoted names are quote-check's
    [InlineData("Страна Грузия.", false)] // a place in the gazetteer
    public void Only_a_lone_word_of_three_letters_or_more_outside_quotes_is_added(string text, bool added = true) =>
        Assert.Equal(added ? 1 : 0, Organisations(StageRun.Tagged(_stage, text, EntityType.PER, 0.9f, Language.Ru)).Length);

    [Fact]
    public void A_word_inside_a_mention_is_not_added_again()
    {
        var doc = StageRun.Tagged(_stage, "Министр Иван Евросоюзов прибыл.", EntityType.PER, 0.9f, Language.Ru, "Иван Евросоюзов");
        Assert.Single(doc.Mentions);
        doc = StageRun.Tagged(_stage, "Посол в ЕС и МИД сказал.", EntityType.LOC, 0.9f, Language.Ru, "МИД");
        Assert.Equal(["МИД"], Organisations(doc)); // retyped, not doubled
        // The stages before may leave mentions out of text order: a covered word is still seen as covered.
        doc = StageRun.Tagged(_stage, "Вчера ВТО и затем Евросоюзом решено.", EntityType.ORG, 0.9f, Language.Ru, "Евросоюзом", "ВТО");
        Assert.Equal(2, doc.Mentions.Count);
    }

    [Theory]
    [InlineData("вчера в совете федерации обсудили закон.", "совете федерации")] // words of a name the lexicon knows, in lower case
    [InlineData("ВЧЕРА В СОВЕТЕ ФЕДЕРАЦИИ ОБСУДИЛИ ЗАКОН.", "СОВЕТЕ ФЕДЕРАЦИИ")] // … or in capitals
    [InlineData("вчера совет федерации и госдума обсудили закон.", "совет федерации")] // «и» joins, never ends a name
    [InlineData("представители еврокомиссии это отрицают вчера.", "еврокомиссии")] // one word: a compound of eight letters or more
    public void In_a_sentence_without_case_a_known_name_is_found_by_its_words(string text, string name) =>
        Assert.Equal([name], Organisations(StageRun.Tagged(_stage, text, EntityType.PER, 0.9f, Language.Ru)));

    [Theory]
    [InlineData("вчера министерство иностранных дел это отрицало.")] // a kind of body without its country: a description as often
    [InlineData("вчера в Совете Федерации обсудили закон.")] // ordinary text: capitals decide (the tagger's part)
    [InlineData("вчера в кинотеатре «совет федерации» был показ.")] // a quoted name is quote-check's
    [InlineData("вчера федерации совет обсудили закон.")] // names are looked for in the lexicon's word order
    [InlineData("представители хамас это отрицают вчера.")] // a short word may be an ordinary one; acronyms are the truecaser's
    [InlineData("THE MAN WHO KNEW TOO MUCH.")] // … «who» is no WHO
    public void Descriptions_and_ordinary_sentences_get_no_caseless_names(string text) =>
        Assert.Empty(Organisations(StageRun.Tagged(_stage, text, EntityType.PER, 0.9f, Language.Ru)));
}
