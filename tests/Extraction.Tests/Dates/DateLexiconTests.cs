using Extraction.Dates;

namespace Extraction.Tests.Dates;

public sealed class DateLexiconTests
{
    [Fact]
    public void EveryForm_PassesTheFilter_InAnyCase()
    {
        foreach (var key in DateLexicon.Keys)
        {
            Assert.True(DateLexicon.MayContain(key), key);
            Assert.True(DateLexicon.MayContain(key.ToLowerInvariant()), key);
            Assert.True(DateLexicon.TryGet(key.ToLowerInvariant(), out _), key);
        }
    }

    [Theory]
    [InlineData("Шойгу")]
    [InlineData("министерство")]
    [InlineData("Kazakhstan")]
    public void CommonNonDateWords_AreNotInTheLexicon(string word) => Assert.False(DateLexicon.TryGet(word, out _));

    [Fact]
    public void TheFilter_TurnsAwayMostWords()
    {
        string[] words = ["президент", "Казахстана", "заявил", "встреча", "министр", "обороны", "сотрудничества", "Республики",
            "government", "minister", "Nazarbayev", "defence", "agreement", "country", "security", "region", "армии", "учения"];
        Assert.True(words.Count(w => DateLexicon.MayContain(w)) <= words.Length / 3);
    }
}
