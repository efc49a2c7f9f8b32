using Extraction.Checking;
using Extraction.Documents;
using Extraction.Linking;
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
}
