using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Pipeline;
using Extraction.Tagging;
using Extraction.Tests.Morphology;

namespace Extraction.Tests.Tagging;

public class TruecaserTests
{
    private static TaggerLexicon Lexicon(params (string Word, LexBits Bits)[] words)
    {
        var b = new LexiconBuilder();
        foreach (var (word, bits) in words) b.AddBits(FeatureHash.OfLower(word), bits);
        return b.Lexicon;
    }

    private static readonly TaggerLexicon Words = Lexicon(
        ("фсб", LexBits.Abbreviation), ("шойгу", LexBits.Surname), ("москву", LexBits.City), ("министр", LexBits.MostlyLower),
        ("прилетел", LexBits.MostlyLower), ("вера", LexBits.FirstName | LexBits.MostlyLower), ("kremlin", LexBits.MostlyCapitalized),
        ("the", LexBits.MostlyLower));

    [Theory]
    [InlineData("ШОЙГУ ПРИЛЕТЕЛ В МОСКВУ.", Truecaser.SentenceCase.AllCaps)]
    [InlineData("шойгу прилетел в москву.", Truecaser.SentenceCase.AllLower)]
    [InlineData("Шойгу прилетел в Москву.", Truecaser.SentenceCase.Ordinary)]
    [InlineData("В докладе отмечается рост.", Truecaser.SentenceCase.Ordinary)] // one capital: ordinary text without names
    [InlineData("СНГ и ОДКБ провели учения.", Truecaser.SentenceCase.Ordinary)] // acronyms in ordinary text
    [InlineData("ok go.", Truecaser.SentenceCase.Ordinary)] // too few words to tell a style
    [InlineData("12:30 — ТАСС СООБЩАЕТ", Truecaser.SentenceCase.Ordinary)]
    [InlineData("12:30 — ТАСС СООБЩАЕТ ОБ УЧЕНИЯХ", Truecaser.SentenceCase.AllCaps)]
    public void Tells_sentences_without_case_distinctions(string text, Truecaser.SentenceCase expected)
    {
        var doc = TaggingTestData.Doc(text, Language.Ru);
        Assert.Equal(expected, Truecaser.CaseOf(doc, doc.Sentences[0]));
    }

    [Theory]
    [InlineData("фсб", false, TokenSpelling.Capitals)]
    [InlineData("фсб", true, TokenSpelling.Capitals)]
    [InlineData("шойгу", false, TokenSpelling.Capitalised)]
    [InlineData("москву", false, TokenSpelling.Capitalised)]
    [InlineData("kremlin", false, TokenSpelling.Capitalised)]
    [InlineData("министр", false, TokenSpelling.Lower)]
    [InlineData("министр", true, TokenSpelling.Capitalised)]
    [InlineData("вера", false, TokenSpelling.Lower)] // a name, but running text mostly writes it in lower case
    [InlineData("tengrinews", false, TokenSpelling.Capitalised)] // a Latin word nothing knows: taken for a name
    [InlineData("ok", false, TokenSpelling.Lower)] // too short to guess
    [InlineData("ермекбаев", false, TokenSpelling.Lower)] // Cyrillic: only the dictionary may call it unknown
    public void Spells_a_word_as_ordinary_text_would(string word, bool sentenceStart, TokenSpelling expected) =>
        Assert.Equal(expected, Truecaser.Spelling(word, new Truecaser.Words(Words, null), sentenceStart));

    [Fact]
    public void In_russian_sentences_a_latin_word_is_a_name_unless_known_as_a_lower_case_word()
    {
        // "monsanto" is listed (a word cluster, say) without case bits; "the" is a lower-case word.
        var lexicon = Lexicon(("monsanto", LexBits.None), ("the", LexBits.MostlyLower));
        Assert.Equal(TokenSpelling.Lower, Truecaser.Spelling("monsanto", new Truecaser.Words(lexicon, null), false));
        Assert.Equal(TokenSpelling.Capitalised, Truecaser.Spelling("monsanto", new Truecaser.Words(lexicon, null, LatinIsForeign: true), false));
        Assert.Equal(TokenSpelling.Lower, Truecaser.Spelling("the", new Truecaser.Words(lexicon, null, LatinIsForeign: true), false));
    }

    [Fact]
    public void A_cyrillic_word_the_dictionary_lacks_is_taken_for_a_name()
    {
        var morphology = ShippedModels.Morph;
        var words = new Truecaser.Words(Words, morphology);
        var unknown = "ыыщщзз";
        Assert.False(morphology.IsKnown(unknown));
        Assert.Equal(TokenSpelling.Capitalised, Truecaser.Spelling(unknown, words, false));
        const string known = "прилетели";
        Assert.True(morphology.IsKnown(known));
        Assert.Equal(TokenSpelling.Lower, Truecaser.Spelling(known, words, false));
    }

    [Theory]
    [InlineData("марта", TokenSpelling.Lower)]
    [InlineData("августа", TokenSpelling.Lower)]
    [InlineData("мая", TokenSpelling.Lower)]
    [InlineData("алексей", TokenSpelling.Capitalised)]
    public void A_month_is_no_name(string word, TokenSpelling expected)
    {
        var lexicon = Lexicon(("марта", LexBits.FirstName), ("августа", LexBits.FirstName), ("мая", LexBits.FirstName), ("алексей", LexBits.FirstName));
        Assert.Equal(expected, Truecaser.Spelling(word, new Truecaser.Words(lexicon, ShippedModels.Morph), false));
        Assert.Equal(TokenSpelling.Capitalised, Truecaser.Spelling(word, new Truecaser.Words(lexicon, null), false)); // no dictionary: the lexicon alone
    }

    [Fact]
    public void Ordinary_documents_get_no_copy()
    {
        var doc = TaggingTestData.Doc("Olga Green works for Hooli Inc in Oslo .");
        Assert.Null(Truecaser.Recase(doc, (_, _) => new Truecaser.Words(Words, null)));
        Assert.Null(doc.Spelling);
    }

    [Theory]
    [InlineData("В. В. ШОЙГУ ПРИЛЕТЕЛ В МОСКВУ, СООБЩИЛИ НА HTTPS://TASS.RU", "В. В. Шойгу прилетел в Москву, сообщили на HTTPS://TASS.RU")]
    public void Initials_take_capitals_and_web_addresses_stay_as_written(string text, string expected)
    {
        var lexicon = Lexicon(("шойгу", LexBits.Surname), ("москву", LexBits.City), ("прилетел", LexBits.MostlyLower));
        var doc = TaggingTestData.Doc(text, Language.Ru);
        var copy = Truecaser.Recase(doc, (_, _) => new Truecaser.Words(lexicon, null));
        Assert.NotNull(copy);
        Assert.Equal(expected, copy.Text);
    }

    [Theory]
    [InlineData("АЛЕКСЕЙ НАВАЛЬНЫЙ ПРИЕХАЛ В МОСКВУ.", "Алексей Навальный приехал в Москву.")] // a surname the dictionary reads as an adjective
    [InlineData("вчера дмитрий дедов приехал в москву.", "Вчера Дмитрий Дедов приехал в Москву.")] // … or as a noun
    [InlineData("вчера алексей приехал в москву.", "Вчера Алексей приехал в Москву.")] // a verb after the name stays a verb
    [InlineData("вчера алексей сегодня приехал.", "Вчера Алексей сегодня приехал.")] // so does an adverb
    [InlineData("слава богу, он приехал в москву.", "Слава богу, он приехал в Москву.")] // a first name that is also a common word
    [InlineData("приехал алексей громов.", "Приехал Алексей Громов.")] // a surname the lexicon knows as one
    [InlineData("28 марта уголовное дело закрыли.", "28 марта уголовное дело закрыли.")] // «марта» is a month as well as a name
    public void After_a_first_name_a_noun_or_adjective_is_taken_for_the_surname(string text, string expected)
    {
        var lexicon = Lexicon(("алексей", LexBits.FirstName), ("дмитрий", LexBits.FirstName), ("слава", LexBits.FirstName | LexBits.CommonWord),
            ("москву", LexBits.City), ("приехал", LexBits.MostlyLower), ("вчера", LexBits.MostlyLower), ("сегодня", LexBits.MostlyLower),
            ("громов", LexBits.Surname | LexBits.MostlyLower), ("марта", LexBits.FirstName), ("уголовное", LexBits.MostlyLower), ("дело", LexBits.MostlyLower), ("закрыли", LexBits.MostlyLower), ("богу", LexBits.MostlyLower), ("навальный", LexBits.MostlyLower),
            ("дедов", LexBits.MostlyLower), ("он", LexBits.MostlyLower));
        var doc = TaggingTestData.Doc(text, Language.Ru);
        var copy = Truecaser.Recase(doc, (_, _) => new Truecaser.Words(lexicon, ShippedModels.Morph));
        Assert.NotNull(copy);
        Assert.Equal(expected, copy.Text);
    }

    [Fact]
    public void The_copy_keeps_length_tokens_and_sentences_and_recomputes_case_flags()
    {
        var lexicon = Lexicon(("шойгу", LexBits.Surname), ("москву", LexBits.City), ("прилетел", LexBits.MostlyLower), ("фсб", LexBits.Abbreviation));
        const string text = "Вчера в Москве.\nШОЙГУ И ФСБ ПРИЛЕТЕЛИ В МОСКВУ «ЭКСПРЕСС-ТУР» ДНЁМ.";
        var doc = TaggingTestData.Doc(text, Language.Ru);
        var copy = Truecaser.Recase(doc, (_, _) => new Truecaser.Words(lexicon, null));
        Assert.NotNull(copy);
        // The first sentence has case and stays; the second is re-cased word by word (unknown Cyrillic words stay lower
        // without a dictionary; a quotation's first word takes a capital, each part of a hyphenated word too).
        Assert.Equal("Вчера в Москве.\nШойгу и ФСБ прилетели в Москву «Экспресс-Тур» днём.", copy.Text);
        Assert.Equal(doc.Tokens.Count, copy.Tokens.Count);
        for (int i = 0; i < doc.Tokens.Count; i++)
        {
            Assert.Equal(doc.Tokens[i].Range, copy.Tokens[i].Range);
            Assert.Equal(doc.Tokens[i].Sentence, copy.Tokens[i].Sentence);
        }
        Assert.Equal(doc.Sentences, copy.Sentences);
        // The document keeps its text and gets the spelling layer the copy was made from.
        Assert.Equal(text, doc.Text);
        Assert.Equal(copy.Text, doc.Respelt(new TextRange(0, text.Length)));
        int shoigu = text.IndexOf("ШОЙГУ", StringComparison.Ordinal);
        var token = copy.Tokens.AsSpan().ToArray().Single(t => t.Start == shoigu);
        Assert.True(token.Has(TokenFlags.Capitalized));
        Assert.False(token.Has(TokenFlags.AllCaps));
    }

    [Fact]
    public void The_stage_tags_lower_case_and_capitals_through_the_copy_and_keeps_the_original_text_in_mentions()
    {
        // A model trained on ordinarily cased text where lower-case words in the same places are no names, so it learns
        // that capitals matter; its lexicon knows the function words as lower-case words.
        var lexicon = Lexicon(("works", LexBits.MostlyLower), ("for", LexBits.MostlyLower), ("hired", LexBits.MostlyLower),
            ("in", LexBits.MostlyLower));
        var trainer = new NerTrainer(Language.En, lexicon, new NerTrainingOptions { Epochs = 5, HashBits = 14 });
        trainer.Add(NerTrainerTests.Corpus());
        string[] common = ["the boss", "a friend", "his son", "our team", "the chef", "my aunt"];
        string[] places = ["town", "spring", "secret", "public", "time", "vain"];
        trainer.Add(Enumerable.Range(0, 36).Select(i => new GoldDocument($"c{i}",
            $"{common[i % 6]} works for {common[(i / 6 + i) % 6]} in {places[(i + i / 6) % 6]} .", []) { Language = Language.En }).ToList());
        var model = trainer.Train();
        const string lower = "lena stone works for zorg ltd in rome .";  // names the model never saw

        var recased = TaggingTestData.Doc(lower);
        new NerStage(null, model).Process(recased);
        Assert.Equal(["PER lena stone", "ORG zorg ltd", "LOC rome"], recased.Mentions.Select(m => $"{m.Type} {recased.Slice(m.Range)}"));

        var plain = TaggingTestData.Doc(lower);
        new NerStage(null, model, recasing: new NerOptions { RecaseCaps = [], RecaseLower = [] }).Process(plain);
        Assert.NotEqual(recased.Mentions.Select(m => (m.Range, m.Type)), plain.Mentions.Select(m => (m.Range, m.Type)));

        // English sentences in capitals are re-cased when the whole document is in capitals (by default) ...
        var caps = TaggingTestData.Doc(lower.ToUpperInvariant());
        Assert.True(Truecaser.InCapitals(caps));
        new NerStage(null, model).Process(caps);
        Assert.Equal(["PER LENA STONE", "ORG ZORG LTD", "LOC ROME"], caps.Mentions.Select(m => $"{m.Type} {caps.Slice(m.Range)}"));
        Assert.NotNull(caps.Spelling);
        // ... and not when the document also has ordinary text, unless English is listed in recaseCaps.
        const string mixed = "Olga Green works for Hooli Inc in Oslo .\nLENA STONE WORKS FOR ZORG LTD IN ROME .";
        var headline = TaggingTestData.Doc(mixed);
        Assert.False(Truecaser.InCapitals(headline));
        new NerStage(null, model).Process(headline);
        Assert.Null(headline.Spelling);
        var listed = TaggingTestData.Doc(mixed);
        new NerStage(null, model, recasing: new NerOptions { RecaseCaps = ["en"] }).Process(listed);
        Assert.NotNull(listed.Spelling);
        Assert.Contains("PER LENA STONE", listed.Mentions.Select(m => $"{m.Type} {listed.Slice(m.Range)}"));
    }

    [Fact]
    public void Training_can_respell_its_case_variants_as_the_stage_reads_them()
    {
        var lexicon = Lexicon(("works", LexBits.MostlyLower), ("for", LexBits.MostlyLower), ("hired", LexBits.MostlyLower),
            ("in", LexBits.MostlyLower));
        NerModel Train(bool respell)
        {
            var trainer = new NerTrainer(Language.En, lexicon, new NerTrainingOptions
            {
                Epochs = 3, HashBits = 14, UpperCaseRate = 0.5, LowerCaseRate = 0.5, RespellCaseVariants = respell,
            });
            trainer.Add(NerTrainerTests.Corpus());
            return trainer.Train();
        }
        // Every sentence has a variant; respelt, the variants look like the ordinary sentences, so the weights differ.
        var raw = Train(false);
        var respelt = Train(true);
        Assert.False(raw.Weights.SameAs(respelt.Weights));
        Assert.True(respelt.Weights.SameAs(Train(true).Weights)); // and stay deterministic
    }

    [Fact]
    public void Unknown_languages_in_the_options_are_configuration_errors()
    {
        var e = Assert.Throws<ConfigException>(() => new NerStage(null, null, recasing: new NerOptions { RecaseLower = ["de"] }));
        Assert.Contains("'de'", e.Message);
        Assert.Contains("\"ru\" or \"en\"", e.Message);
    }
}
