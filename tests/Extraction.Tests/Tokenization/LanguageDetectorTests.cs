using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tests.Tokenization;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("Министр обороны встретился с коллегой из Казахстана.", Language.Ru)]
    [InlineData("The defence minister met his counterpart from Kazakhstan.", Language.En)]
    [InlineData("Der Verteidigungsminister traf seinen Amtskollegen aus Kasachstan in Berlin.", Language.Other)]
    [InlineData("Қорғаныс министрі Қазақстан әскери әріптесімен кездесті.", Language.Other)]
    [InlineData("Міністр оборони зустрівся з колегою і обговорив співпрацю.", Language.Other)]
    [InlineData("12345 67890 ---", Language.Other)]
    [InlineData("Le ministre de la Défense a rencontré son homologue et les deux pays ont signé un accord.", Language.Other)]
    [InlineData("SOCCER - AJAX BEAT PSV 3-1 Amsterdam 1996-08-30 Ajax 3 PSV 1 Feyenoord 2 Vitesse 0", Language.En)]
    [InlineData("Sergei Shoigu", Language.En)]
    public void Detects_the_language_of_a_text(string text, Language expected) => Assert.Equal(expected, LanguageDetector.Detect(text));

    [Fact]
    public void A_document_can_mix_languages_per_sentence()
    {
        var doc = new Document("t", "Defense Minister of Kazakhstan made the statement in Moscow.\n15 августа 2014 года, Москва\nThe officials discussed the plan.");
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        new LanguageStage(new LanguageOptions()).Process(doc);
        Assert.Equal([Language.En, Language.Ru, Language.En], doc.Sentences.Select(s => s.Language));
        Assert.Equal(Language.En, doc.Language);
    }

    [Fact]
    public void Forced_language_applies_to_all_sentences()
    {
        var doc = new Document("t", "Hello there. Привет.");
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        new LanguageStage(new LanguageOptions { Force = "ru" }).Process(doc);
        Assert.All(doc.Sentences, s => Assert.Equal(Language.Ru, s.Language));
    }
}
