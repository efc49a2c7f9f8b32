using Extraction.Checking;
using Extraction.Documents;
using Extraction.Tests.Morphology;
using Extraction.Tokenization;

namespace Extraction.Tests.Checking;

public sealed class AdjectiveCheckStageTests
{
    private static readonly AdjectiveCheckStage Stage = new(ShippedModels.Morph);

    /// <summary>Tags <paramref name="word"/> (its first occurrence) as a PER mention, runs the check, and says whether it stayed.</summary>
    private static bool Kept(string text, string word, EntityType type = EntityType.PER)
    {
        var doc = new Document("t", text);
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        int start = text.IndexOf(word, StringComparison.Ordinal);
        doc.AddMention(new Mention(new TextRange(start, start + word.Length), type, "ner", 0.9f));
        Stage.Process(doc);
        return doc.Mentions.Count == 1;
    }

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
}
