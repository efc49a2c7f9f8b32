using Extraction.Checking;
using Extraction.Documents;
using Extraction.Tests.Morphology;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Checking;

public sealed class AdjectiveCheckStageTests
{
    private static readonly AdjectiveCheckStage Stage = new(ShippedModels.Morph);

    /// <summary>Tags <paramref name="word"/> (its first occurrence) as a PER mention, runs the check, and says whether it stayed.</summary>
    private static bool Kept(string text, string word, EntityType type = EntityType.PER) =>
        StageRun.Tagged(Stage, text, type, 0.9f, Language.Other, word).Mentions.Count == 1;

    [Theory]
    [InlineData("Шойгу пригласил коллегу на Московскую конференцию по безопасности.", "Московскую")]
    [InlineData("\"Базовым элементом сотрудничества остаются учения\", - сказал он.", "Базовым")]
    [InlineData("Он получил Нобелевскую премию по физике.", "Нобелевскую")]
    [InlineData("Войска Османской империи отступили.", "Османской")]
    [InlineData("Новые правила вступают в силу.", "Новые")]
    [InlineData("У него был Горький опыт.", "Горький")]
    public void AnAdjectiveBeforeItsNoun_IsNotAPerson(string text, string word) => Assert.False(Kept(text, word));

    [Theory]
    // Surnames of adjective form have surname readings.
    [InlineData("Роман написал Толстой летом.", "Толстой")]
    [InlineData("Встреча с Достоевским прошла утром.", "Достоевским")]
    // No agreeing noun after it: «Московская» alone, or a noun in another case.
    [InlineData("Об этом сообщила Московская.", "Московская")]
    [InlineData("Приехал Белый вчера.", "Белый")]
    [InlineData("Об этом писал Горький много лет назад.", "Горький")]
    // A noun that does not agree (genitive after a nominative adjective).
    [InlineData("Решила Московская конференции отложить.", "Московская")]
    public void NamesAndUnagreedWords_Stay(string text, string word) => Assert.True(Kept(text, word));

    [Fact]
    public void OnlyPersonsAreChecked() =>
        Assert.True(Kept("Войска Османской империи отступили.", "Османской", EntityType.LOC));

    /// <summary>Tags <paramref name="tagged"/> as a PER mention, runs the check, returns the mention's text after it.</summary>
    private static string After(string text, string tagged)
    {
        var doc = StageRun.Tagged(Stage, text, EntityType.PER, 0.9f, Language.Other, tagged);
        return doc.Slice(Assert.Single(doc.Mentions).Range);
    }

    [Theory]
    [InlineData("Академик Сагдеев сказал, что всё хорошо.", "Академик Сагдеев", "Сагдеев")]
    [InlineData("Он устал. Президент Путин подписал указ.", "Президент Путин", "Путин")]
    [InlineData("Вера Брежнева спела.", "Вера Брежнева", "Вера Брежнева")] // a name first
    [InlineData("Об этом сказал Министр Лавров.", "Министр Лавров", "Министр Лавров")] // no sentence start: left to the tagger
    [InlineData("Кит Флинт умер. Друзья вспоминают, что Кит Флинт любил музыку.", "Кит Флинт", "Кит Флинт")] // capitalised mid-sentence too
    public void A_title_that_opens_a_sentence_is_no_part_of_the_name(string text, string tagged, string kept) =>
        Assert.Equal(kept, After(text, tagged));

    [Theory]
    [InlineData("Суд отложен. Адвокат заявил, что обжалует решение.", "Адвокат", false)]
    [InlineData("Эксперты считают, что цены вырастут.", "Эксперты", false)]
    [InlineData("Суд отложен. Адвокат Адвокатов заявил.", "Адвокатов", true)] // a surname
    public void A_lone_title_that_opens_a_sentence_is_no_person(string text, string word, bool kept) =>
        Assert.Equal(kept, Kept(text, word));

    [Theory]
    [InlineData("Секретарь Совета безопасности получил полный контроль.", "Совета безопасности получил", EntityType.ORG, "Совета безопасности")]
    [InlineData("Вчера Сергей Шойгу заявил о переговорах.", "Сергей Шойгу заявил", EntityType.PER, "Сергей Шойгу")]
    [InlineData("Об этом сообщил фонд «Живи активно».", "Живи активно", EntityType.ORG, "Живи активно")] // capitalised, and an adverb last
    [InlineData("Совет по правам человека собрался.", "Совет по правам человека", EntityType.ORG, "Совет по правам человека")]
    public void A_mention_does_not_end_in_a_verb(string text, string tagged, EntityType type, string kept)
    {
        var doc = StageRun.Tagged(Stage, text, type, 0.9f, Language.Other, tagged);
        Assert.Equal(kept, doc.Slice(Assert.Single(doc.Mentions).Range));
    }

    [Theory]
    [InlineData("Кардинал обвинён.\nАдмирал Военно-морских сил США Уильям Фэллон ушёл.", "Адмирал Военно-морских сил США", "Военно-морских сил США")]
    [InlineData("Друзья прибыли. Общество Красного Креста помогло.", "Общество Красного Креста", "Общество Красного Креста")] // no person noun
    public void A_title_that_opens_a_sentence_is_no_part_of_an_organisation(string text, string tagged, string kept)
    {
        var doc = StageRun.Tagged(Stage, text, EntityType.ORG, 0.9f, Language.Other, tagged);
        Assert.Equal(kept, doc.Slice(Assert.Single(doc.Mentions).Range));
    }
}
