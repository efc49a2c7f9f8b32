using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

public sealed class LettersTests
{
    [Theory]
    [InlineData("Каннский", true)]
    [InlineData("Чесапикского", true)]
    [InlineData("Боденским", true)]
    [InlineData("Кунцевском", true)]
    [InlineData("КУРИЛЬСКИЕ", true)] // case aside
    [InlineData("Верхнеё", true)] // ё folds to е
    [InlineData("Россия", false)]
    [InlineData("Канск", false)]
    [InlineData("Курил", false)]
    [InlineData("Свой", false)] // four letters: too short to tell
    public void Tells_a_russian_adjective_ending(string word, bool expected) => Assert.Equal(expected, Letters.HasAdjectiveEnding(word));
}
