using Extraction.Documents;
using Extraction.Tagging;

namespace Extraction.Tests.Tagging;

public class NerStageFilterTests
{
    private static TaggerLexicon Lexicon()
    {
        var b = new LexiconBuilder();
        foreach (var w in (string[])["полиция", "голос", "власти", "the"]) b.AddBits(FeatureHash.OfLower(w), LexBits.MostlyLower);
        b.AddBits(FeatureHash.OfLower("россия"), LexBits.Country | LexBits.MostlyLower);
        return b.Lexicon;
    }

    private static bool Noun(string text, int token) =>
        NerStage.SentenceStartNoun(TaggingTestData.Doc(text, Language.Ru), token, Lexicon());

    [Fact]
    public void A_sentence_initial_common_noun_is_recognised()
    {
        Assert.True(Noun("Полиция Бельгии задержала его. Он позвонил в полицию.", 0));
        Assert.True(Noun("Он уехал. Власти США промолчали.", 3));
        Assert.True(Noun("«Власти США промолчали», — сказал он.", 1));
    }

    [Fact]
    public void Names_mid_sentence_words_latin_words_and_names_the_document_capitalises_are_not()
    {
        Assert.False(Noun("Он позвонил в Полиция Бельгии.", 3)); // not at the sentence start
        Assert.False(Noun("Россия ответила.", 0)); // a name in the lexicon
        Assert.False(Noun("The Guardian пишет.", 0)); // Latin script
        Assert.False(Noun("Голос Америки сообщил. Он говорил с «Голоса Америки» вчера.", 0)); // the document writes «Голоса» capitalised
        Assert.False(Noun("Армия ответила.", 0)); // unknown to the lexicon
    }
}
