using Extraction.Checking;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Tests.Morphology;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Checking;

public sealed class PlaceCheckStageTests
{
    private static readonly PlaceCheckStage Stage = new(new Gazetteer(
    [
        new Place("wd:Q878", PlaceKind.Country, "Q878", "AE", 100, "United Arab Emirates", "Объединённые Арабские Эмираты",
            ["United Arab Emirates", "UAE"], ["Объединённые Арабские Эмираты", "ОАЭ"], [], []),
        new Place("wd:Q800", PlaceKind.Country, "Q800", "CR", 90, "Costa Rica", "Коста-Рика", ["Costa Rica"], ["Коста-Рика"], [], []),
        new Place("wd:Q956", PlaceKind.City, "Q956", "CN", 80, "Beijing", "Пекин", ["Beijing", "San Jose"], ["Пекин", "Сан-Хосе"], [], []),
        new Place("wd:Q61", PlaceKind.City, "Q61", "US", 80, "Washington", "Вашингтон", ["Washington"], ["Вашингтон"], [], []),
        new Place("wd:Q423", PlaceKind.Country, "Q423", "KP", 90, "North Korea", "КНДР", ["North Korea", "DPRK"], ["КНДР", "Северная Корея"], [], []),
    ], []));

    /// <summary>Tags <paramref name="words"/> (first occurrence) as PER, runs the check, returns the type it ends with.</summary>
    private static EntityType TypeAfter(string text, string words)
    {
        var doc = StageRun.Tagged(Stage, text, EntityType.PER, 0.7f, Language.Other, words);
        var m = Assert.Single(doc.Mentions);
        Assert.Equal(words, doc.Slice(m.Range));
        Assert.Equal(0.7f, m.Confidence);
        return m.Type;
    }

    [Theory]
    [InlineData("Сборная прибыла в Объединённые Арабские Эмираты.", "Объединённые Арабские Эмираты")]
    [InlineData("Матч прошёл в Коста Рике.", "Коста Рике")] // written apart, as often in news
    [InlineData("Матч прошёл в Коста-Рике.", "Коста-Рике")]
    public void A_country_read_as_a_person_becomes_a_place(string text, string words) => Assert.Equal(EntityType.LOC, TypeAfter(text, words));

    [Theory]
    [InlineData("Об этом сказал Вашингтон.", "Вашингтон")] // one word: the tagger's call stands
    [InlineData("Приехал Сан Хосе.", "Сан Хосе")] // a city, not a country or region
    [InlineData("Сергей Шойгу прибыл.", "Сергей Шойгу")]
    public void Persons_stay_persons(string text, string words) => Assert.Equal(EntityType.PER, TypeAfter(text, words));

    [Theory]
    [InlineData("Говорят, что после смерти Кима Чен Ира КНДР падёт.", "Кима Чен Ира КНДР")]
    [InlineData("Говорят, что после смерти Кима Чен Ира — КНДР падёт.", "Кима Чен Ира — КНДР")] // the person ends at its last word
    public void A_person_run_into_the_country_after_it_is_split(string text, string tagged)
    {
        var doc = StageRun.Tagged(Stage, text, EntityType.PER, 0.8f, Language.Other, tagged);
        Assert.Equal(["PER Кима Чен Ира ner", "LOC КНДР place-check"], doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)} {m.Source}"));
    }

    [Theory]
    [InlineData("Приехал Джордж Вашингтон.", "Джордж Вашингтон")] // a city, and two words
    [InlineData("Приехал Ким Чен Ын.", "Ким Чен Ын")]
    public void A_person_ending_in_no_country_stays_whole(string text, string words) => Assert.Equal(EntityType.PER, TypeAfter(text, words));

    [Theory]
    [InlineData("Как сообщает ИА Regnum Минченко, всё спокойно.", Language.Ru, "ИА Regnum Минченко", "Минченко")]
    [InlineData("— цитирует Хвана Чжан Епа Lenta.ru.", Language.Ru, "Хвана Чжан Епа Lenta.ru", "Хвана Чжан Епа")]
    [InlineData("Он встретил Елизавету II в Лондоне.", Language.Ru, "Елизавету II", "Елизавету II")] // a Roman numeral is no script
    [InlineData("Сообщает Regnum Бенедикт XVI сказал.", Language.Ru, "Regnum Бенедикт XVI", "Бенедикт XVI")] // it stays with its name
    [InlineData("Эксперт Joshua Wolf заявил.", Language.Ru, "Joshua Wolf", "Joshua Wolf")] // one script: left alone
    [InlineData("Said Interfax Сергей Шойгу today.", Language.En, "Interfax Сергей Шойгу", "Interfax")] // the document's script first
    public void A_person_in_two_scripts_keeps_one(string text, Language language, string tagged, string kept)
    {
        var doc = StageRun.Tagged(Stage, text, EntityType.PER, 0.8f, language, tagged);
        var m = Assert.Single(doc.Mentions);
        Assert.Equal((EntityType.PER, kept), (m.Type, doc.Slice(m.Range)));
    }

    private static readonly PlaceCheckStage WithDictionary = new(new Gazetteer([], []), ShippedModels.Morph);

    /// <summary>Tags <paramref name="tagged"/> as <paramref name="type"/> in a Russian document, runs the check with the dictionary, lists the mentions.</summary>
    private static string[] Mentions(string text, EntityType type, params string[] tagged)
    {
        var doc = StageRun.Tagged(WithDictionary, text, type, 0.7f, Language.Ru, tagged);
        return [.. doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)} {m.Source}")];
    }

    [Theory]
    [InlineData("Рыбаки вышли в воды Чесапикского залива утром.", "Чесапикского", "Чесапикского залива")]
    [InlineData("Спор о Курильских островах продолжается.", "Курильских", "Курильских островах")]
    [InlineData("Глава Чеченской республики прибыл.", "Чеченской", "Чеченской республики")]
    public void A_place_ending_in_an_adjective_takes_the_geographic_noun_after_it(string text, string tagged, string place) =>
        Assert.Equal([$"LOC {place} ner"], Mentions(text, EntityType.LOC, tagged));

    [Theory]
    [InlineData("Договорились с Пакистаном о поставках.", "Пакистаном")] // not an adjective; «о» abbreviates «остров» too
    [InlineData("Российский президент прибыл.", "Российский")] // no geographic noun
    [InlineData("Спор о Курильских, островах и море.", "Курильских")] // a comma between
    [InlineData("Жители Московской области и области соседей.", "Московской области")] // already there
    public void Other_places_keep_their_span(string text, string tagged) =>
        Assert.Equal([$"LOC {tagged} ner"], Mentions(text, EntityType.LOC, tagged));

    [Theory]
    [InlineData("Делегация прибыла в Иерусалим утром.", "Иерусалим")]
    [InlineData("Об этом сказал Вашингтон.", "Вашингтон")] // metonymy: the document names no person Вашингтон
    [InlineData("Он родился в древнем городе Кострома.", "Кострома")]
    public void A_person_the_dictionary_knows_only_as_a_place_becomes_one(string text, string word) =>
        Assert.Equal([$"LOC {word} place-check"], Mentions(text, EntityType.PER, word));

    [Theory]
    [InlineData("Его поддержал Муром вчера.", "Муром")] // also a surname's form in the dictionary (Мур)
    [InlineData("Приехал Сергей вчера.", "Сергей")]
    public void A_person_the_dictionary_also_knows_as_a_name_stays(string text, string word) =>
        Assert.Equal([$"PER {word} ner"], Mentions(text, EntityType.PER, word));

    [Theory]
    [InlineData("Министр Кан Гён Хва прибыла. Позже Кан заявила о переговорах.", "Кан Гён Хва", "Кан", "Позже")] // the dictionary knows «Кан» only as a place
    [InlineData("Хиллари Клинтон выступила. Жители штата Хиллари поддержали.", "Хиллари Клинтон", "Хиллари", "штата")] // after a place noun
    public void A_word_the_document_uses_in_a_longer_person_name_stays_a_person(string text, string name, string word, string before)
    {
        var doc = StageRun.TaggedAt(WithDictionary, text, EntityType.PER, 0.7f, Language.Ru,
            StageRun.At(text, name), StageRun.At(text, word, text.IndexOf(before, StringComparison.Ordinal)));
        Assert.Equal([$"PER {name}", $"PER {word}"], doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)}"));
    }

    [Fact]
    public void An_organisation_the_dictionary_knows_only_as_a_place_is_left_to_the_org_rules() =>
        Assert.Equal(["ORG Иерусалим ner"], Mentions("Делегация прибыла в Иерусалим утром.", EntityType.ORG, "Иерусалим"));

    [Theory]
    [InlineData("Аппарат сел на Луне вчера вечером.", "Луне", EntityType.PER)]
    [InlineData("Аппарат полетит к Марсу в июле.", "Марсу", EntityType.ORG)]
    public void A_celestial_body_tagged_as_a_person_or_organisation_becomes_a_place(string text, string word, EntityType type) =>
        Assert.Equal([$"LOC {word} place-check"], Mentions(text, type, word));

    [Theory]
    [InlineData("Экипаж вернулся на Землю в пятницу.", "Землю")]
    [InlineData("Корабль облетел Луну и Солнце не закрыло.", "Луну")]
    public void An_untagged_celestial_body_inside_a_sentence_is_added(string text, string word)
    {
        var doc = StageRun.Tagged(WithDictionary, text, EntityType.PER, 0.7f, Language.Ru);
        var m = doc.Mentions.First();
        Assert.Equal((EntityType.LOC, word, PlaceCheckStage.Source, PlaceCheckStage.AddedConfidence), (m.Type, doc.Slice(m.Range), m.Source, m.Confidence));
    }

    [Theory]
    [InlineData("Земля вращается вокруг своей оси.")] // a sentence start says nothing of the capital
    [InlineData("Экспедиция высадилась на Новой Земле летом.")] // part of a longer name
    [InlineData("Экспедиция высадилась на Земле Франца-Иосифа летом.")]
    [InlineData("Экипаж вернулся на землю в пятницу.")] // lower case: soil, ground
    [InlineData("Пришла Венера Петровна, а потом Венера ушла.")] // a first name the document uses in a longer name
    public void Other_capitalised_words_are_not_added(string text)
    {
        var tagged = text.Contains("Венера Петровна", StringComparison.Ordinal) ? new[] { "Венера Петровна" } : [];
        var doc = StageRun.Tagged(WithDictionary, text, EntityType.PER, 0.7f, Language.Ru, tagged);
        Assert.DoesNotContain(doc.Mentions, m => m.Type == EntityType.LOC);
    }

    [Fact]
    public void English_documents_are_not_read_with_the_Russian_dictionary()
    {
        var doc = StageRun.Tagged(WithDictionary, "Делегация прибыла в Иерусалим утром.", EntityType.PER, 0.7f, Language.En, "Иерусалим");
        Assert.Equal(EntityType.PER, Assert.Single(doc.Mentions).Type);
    }

    [Theory]
    [InlineData("Премьер Нетаньяху Иерусалим не покинет, сказал он.", "Нетаньяху Иерусалим", "PER Нетаньяху ner|LOC Иерусалим place-check")]
    [InlineData("Премьер-министр земли Гессен Фолькер Буфье напомнил.", "Гессен Фолькер Буфье", "LOC Гессен place-check|PER Фолькер Буфье ner")]
    [InlineData("За Челси Фрэнк Лэмпард забил гол.", "Челси Фрэнк Лэмпард", "ORG Челси place-check|PER Фрэнк Лэмпард ner")]
    public void A_place_or_organisation_run_into_a_person_is_split_off(string text, string tagged, string expected) =>
        Assert.Equal(expected.Split('|'), Mentions(text, EntityType.PER, tagged));

    [Theory]
    [InlineData("Приехал Джордж Вашингтон.", "Джордж Вашингтон")] // a lone first name before the place word
    [InlineData("Песню спела Уитни Хьюстон. Позже Уитни Хьюстон уехала.", "Уитни Хьюстон")] // the name comes back whole
    [InlineData("Министр Кан Гён Хва прибыла.", "Кан Гён Хва")] // «Гён» is no first name of one person
    public void A_person_whose_surname_is_a_place_stays_whole(string text, string name)
    {
        var doc = StageRun.TaggedAt(WithDictionary, text, EntityType.PER, 0.7f, Language.Ru, StageRun.Every(text, name));
        Assert.All(doc.Mentions, m => Assert.Equal((EntityType.PER, name), (m.Type, doc.Slice(m.Range))));
    }

    [Theory]
    [InlineData("Он переехал с родителями в графство Эссекс.", "Эссекс")]
    [InlineData("Нарушение режима выявили в микрорайоне Затон вчера.", "Затон")]
    [InlineData("Водолазы округа Чарльз обнаружили тело.", "Чарльз")] // one word: a first name too, the noun decides
    [InlineData("Она уехала в местность Шейди Сайд к матери.", "Шейди Сайд")]
    public void A_person_right_after_a_noun_of_a_kind_of_place_is_that_place(string text, string name) =>
        Assert.Equal([$"LOC {name} place-check"], Mentions(text, EntityType.PER, name));

    [Fact]
    public void The_documents_other_mentions_of_that_word_follow()
    {
        const string text = "Рыба погибла в реке Славянка. Отходы снова сбросили в Славянку.";
        var doc = StageRun.Tagged(WithDictionary, text, EntityType.PER, 0.6f, Language.Ru, "Славянка", "Славянку");
        Assert.Equal(["LOC Славянка", "LOC Славянку"], doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)}"));
    }

    [Theory]
    [InlineData("Мэр города Сергей Собянин заявил.", "Сергей Собянин")] // a first name
    [InlineData("Губернатор Кемеровской области Аман Тулеев заявил.", "Аман Тулеев")] // the noun ends a place name
    [InlineData("Глава района Петров заявил.", "Петров")] // a surname the dictionary knows, and no place
    [InlineData("Судья штата Том Паркер заявил.", "Том Паркер")]
    [InlineData("Губернатор области С. Дарькин заявил.", "С. Дарькин")] // an initial
    [InlineData("Встреча с Хиллари прошла.", "Хиллари")] // «с» and «у» abbreviate «село» and «уезд» in the dictionary: no place noun
    public void A_person_after_such_a_noun_stays_when_it_reads_as_a_person(string text, string name) =>
        Assert.Equal([$"PER {name} ner"], Mentions(text, EntityType.PER, name));
}
