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
}
