using Extraction.Checking;
using Extraction.Documents;
using Extraction.Tests.Morphology;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Checking;

public sealed class QuoteCheckStageTests
{
    private static readonly QuoteCheckStage Stage = new(ShippedModels.Morph);

    /// <summary>Tags <paramref name="words"/> as <paramref name="type"/> in a Russian document, runs the check, says whether the mention stayed.</summary>
    private static bool Kept(string text, string words, EntityType type = EntityType.ORG, Language language = Language.Ru) =>
        StageRun.Tagged(Stage, text, type, 0.8f, language, words).Mentions.Count == 1;

    [Theory]
    [InlineData("Начались съёмки фильма «Доктор Лиза» о жизни врача.", "Доктор", EntityType.PER)] // part of the title
    [InlineData("Астронавты вернулись на шаттле «Дискавери» вчера.", "Дискавери", EntityType.ORG)]
    [InlineData("В России он известен под торговыми марками «Раундап» и другими.", "Раундап", EntityType.ORG)]
    [InlineData("Из режиссёрских работ выбраны картины «Печки-лавочки» и другие.", "Печки-лавочки", EntityType.ORG)]
    [InlineData("Он получил премию \"Ника\" за роль.", "Ника", EntityType.PER)]
    [InlineData("Фильм «Москва слезам не верит» вышел в 1980 году.", "Москва", EntityType.LOC)] // a sentence-initial head
    public void A_quoted_name_after_a_kind_of_work_or_product_is_dropped(string text, string words, EntityType type) =>
        Assert.False(Kept(text, words, type));

    [Theory]
    [InlineData("Показы пройдут в кинофильмах «Звезда», «Космос» и «Юность».", "Юность")]
    [InlineData("Показы пройдут в кинофильмах «Звезда», «Космос» и «Юность».", "Космос")]
    public void A_list_of_quoted_names_after_the_kind_is_read_alike(string text, string words) => Assert.False(Kept(text, words));

    [Theory]
    [InlineData("Об этом сообщила газета «Известия» в среду.", "Известия")] // newspapers are organisations
    [InlineData("Он работает в компании «Газпром» давно.", "Газпром")]
    [InlineData("Фильм сняла студия «Мосфильм» в 1980 году.", "Мосфильм")] // the word before the quote is the studio
    [InlineData("Роль в фильме сыграл «Иван Петров» и другие.", "Иван Петров")] // the kind noun is not in front of the quote
    [InlineData("Он посмотрел фильм о «Газпроме» вчера.", "Газпроме")]
    [InlineData("Путин посмотрел фильм «Путин» вчера.", "Путин")] // the name outside the quotes
    public void Other_quoted_names_stay(string text, string words) => Assert.True(Kept(text, words));

    [Fact]
    public void A_mention_running_past_the_closing_quote_stays() =>
        Assert.True(Kept("Вышел фильм «Лиза» Анна Петрова сыграла.", "Лиза» Анна Петрова", EntityType.PER));

    [Fact]
    public void English_documents_are_left_alone() =>
        Assert.True(Kept("Начались съёмки фильма «Доктор Лиза» о жизни врача.", "Доктор", EntityType.PER, Language.En));

    [Theory]
    [InlineData("фильмом", true)]
    [InlineData("шаттле", true)]
    [InlineData("марками", true)]
    [InlineData("газеты", false)]
    [InlineData("компании", false)]
    public void Kind_nouns_are_found_in_any_case_form(string word, bool kind) => Assert.Equal(kind, Stage.IsKind(word));

    /// <summary>Runs the check over a Russian text with <paramref name="tagged"/> tagged as <paramref name="type"/>, lists the mentions.</summary>
    private static string[] Mentions(string text, EntityType type, params string[] tagged)
    {
        var doc = StageRun.Tagged(Stage, text, type, 0.8f, Language.Ru, tagged);
        return [.. doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)} {m.Source}")];
    }

    [Theory]
    [InlineData("Он занимал пост в руководстве предприятия «Уральская сталь» до 2015 года.", "ORG Уральская сталь quote-check")]
    [InlineData("В этом году депутаты партии «Новые люди» выступили против.", "ORG Новые люди quote-check")]
    [InlineData("В собственности МНКТ находится ООО \"ТНГК\" с 2010 года.", "ORG ТНГК quote-check")] // after a legal form
    public void A_quoted_name_after_a_noun_of_an_organisation_kind_is_an_organisation(string text, string expected) =>
        Assert.Equal([expected], Mentions(text, EntityType.ORG));

    [Fact]
    public void A_list_of_quoted_names_after_the_kind_are_organisations_each() =>
        Assert.Equal(["ORG Уральская сталь quote-check", "ORG Оскольский комбинат quote-check", "ORG УралМетКом quote-check"],
            Mentions("Его предприятия «Уральская сталь», «Оскольский комбинат» и «УралМетКом» работают.", EntityType.ORG));

    [Fact]
    public void A_whole_quoted_name_the_tagger_called_a_person_becomes_an_organisation() =>
        Assert.Equal(["ORG Рома quote-check"], Mentions("Он выступал за клуб «Рома» три сезона.", EntityType.PER, "Рома"));

    [Theory]
    [InlineData("Он выступал за клуб «Рома» три сезона.", "Ром", EntityType.PER)] // part of the name: the tagger's call stands
    [InlineData("Об этом сообщила газета «Известия» в среду.", "Известия", EntityType.ORG)]
    public void Other_tagged_quoted_names_are_left_alone(string text, string tagged, EntityType type) =>
        Assert.Equal([$"{type} {tagged} ner"], Mentions(text, type, tagged));

    [Theory]
    [InlineData("Он пользуется сетью «Интернет» каждый день.")] // «сеть» names other things as often
    [InlineData("Рядом находится архитектурный ансамбль «Могила Неизвестного солдата» и парк.")]
    [InlineData("Он сказал «Спасибо» и ушёл.")]
    [InlineData("Он играл в составе группы «Б» два года.")] // a single letter
    [InlineData("Члены партии (Единая Россия) проголосовали.")] // brackets are no quotes
    public void Other_quoted_names_are_not_tagged(string text) => Assert.Empty(Mentions(text, EntityType.ORG));

    private static string[] Organisations(string text, EntityType type = EntityType.PER, params string[] tagged)
    {
        var doc = StageRun.Tagged(Stage, text, type, 0.8f, Language.Ru, tagged);
        return [.. doc.Mentions.Where(m => m.Type == EntityType.ORG).Select(m => doc.Slice(m.Range))];
    }

    [Theory]
    [InlineData("В ответ немецкий концерн Bayer подал апелляцию.", "Bayer")]
    [InlineData("Об этом сообщил корреспондент агентства Associated Press вчера.", "Associated Press")]
    [InlineData("Кредит выдал банк Bank of America на днях.", "Bank of America")] // a short joiner inside
    [InlineData("Вчера организация Leave.EU начала кампанию.", "Leave.EU")] // a glued dot
    public void A_latin_name_after_a_noun_of_an_organisation_kind_is_an_organisation(string text, string name) =>
        Assert.Equal([name], Organisations(text));

    [Fact]
    public void The_latin_name_elsewhere_in_the_document_follows_and_a_tagged_person_is_retyped()
    {
        Assert.Equal(["Bayer", "Bayer"], Organisations("Концерн купил компанию. Позже концерн Bayer вырос. Акции Bayer упали."));
        Assert.Equal(["Pussy Riot"], Organisations("Участницы группы Pussy Riot вышли.", EntityType.PER, "Pussy Riot"));
    }

    [Theory]
    [InlineData("Участницы группе E. вышли на сцену.")] // one letter
    [InlineData("Его заметил певец Elton John вчера.")] // not an organisation noun
    [InlineData("Компания Bayer выросла.")] // the noun starts the sentence (the tagger's part)
    public void Other_latin_names_are_left_alone(string text) => Assert.Empty(Organisations(text));

    [Theory]
    [InlineData("Команда выступит на Международных армейских играх летом.", "Международных армейских играх")]
    [InlineData("Он пробежал дистанцию Уфимского международного марафона вчера.", "Уфимского международного марафона")]
    [InlineData("Начался XIV Кубок мира по биатлону.", "XIV Кубок мира")] // a number before the head
    public void An_organisation_named_by_an_event_noun_is_dropped(string text, string words) => Assert.False(Kept(text, words));

    [Theory]
    [InlineData("Об этом сообщила Национальная ассамблея вчера.", "Национальная ассамблея")]
    [InlineData("Команда вышла в финал Восточной конференции НБА.", "Восточной конференции НБА")] // a sports conference is an organisation
    [InlineData("Решение принял Олимпийский комитет России.", "Олимпийский комитет России")] // the head is another noun
    [InlineData("Спонсор турнира компания Игра-Сервис отказалась.", "Игра-Сервис")]
    public void Other_organisations_stay(string text, string words) => Assert.True(Kept(text, words));
}
