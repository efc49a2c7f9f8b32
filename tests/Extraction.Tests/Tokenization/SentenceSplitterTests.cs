using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tests.Tokenization;

public class SentenceSplitterTests
{
    private static List<string> Sentences(string text)
    {
        var doc = new Document("t", text);
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        return doc.Sentences.Select(s => text[s.Range.Start..s.Range.End]).ToList();
    }

    [Fact]
    public void Splits_after_terminal_punctuation_before_a_capital() =>
        Assert.Equal(["Шойгу прибыл.", "Встреча прошла в Москве!", "Why?"], Sentences("Шойгу прибыл. Встреча прошла в Москве! Why?"));

    [Fact]
    public void No_break_after_an_initial_or_a_title_abbreviation() =>
        Assert.Equal(["Министр С. Шойгу и Mr. Smith встретились.", "Потом ушли."],
            Sentences("Министр С. Шойгу и Mr. Smith встретились. Потом ушли."));

    [Theory]
    [InlineData("Сенат утвердит кандидатуру Дж. Коми в среду.")]
    [InlineData("Сенат утвердит кандидатуру Дж.Коми в среду.")]
    public void No_break_after_a_two_letter_initial(string text) => Assert.Equal([text], Sentences(text));

    [Theory]
    [InlineData("Судьи освободили заключённых из-за риска заражения коронавирусом\u2024 Судьи опасались вспышки.")] // one-dot leader
    [InlineData("Судьи освободили заключённых из-за риска заражения коронавирусом\u3002 Судьи опасались вспышки.")]
    [InlineData("Судьи освободили заключённых из-за риска заражения коронавирусом\uFF01 Судьи опасались вспышки.")]
    public void Full_stop_look_alikes_end_a_sentence(string text) => Assert.Equal(2, Sentences(text).Count);

    [Fact]
    public void City_abbreviation_does_not_end_a_sentence_but_year_abbreviation_can() =>
        Assert.Equal(["Встреча в г. Москве прошла в 2015 г.", "Затем стороны подписали договор."],
            Sentences("Встреча в г. Москве прошла в 2015 г. Затем стороны подписали договор."));

    [Fact]
    public void Headlines_and_lines_without_final_punctuation_end_a_sentence() =>
        Assert.Equal(["23.12.2015 (15:27)", "Ministers of Defence summed up results", "Today they met."],
            Sentences("23.12.2015 (15:27)\n\nMinisters of Defence summed up results\n\nToday they met."));

    [Fact]
    public void A_wrapped_line_that_continues_in_lower_case_stays_one_sentence() =>
        Assert.Equal(["The minister said that the\nagreement was signed."], Sentences("The minister said that the\nagreement was signed."));

    [Fact]
    public void Closing_quote_after_the_terminal_belongs_to_the_sentence() =>
        Assert.Equal(["«Мы готовы.»", "Так сказал министр."], Sentences("«Мы готовы.» Так сказал министр."));

    [Fact]
    public void Every_token_gets_its_sentence_index_and_the_first_is_marked()
    {
        var doc = new Document("t", "One. Two three.\nFour");
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        var t = doc.Tokens.AsSpan();
        Assert.Equal(3, doc.Sentences.Count);
        for (int s = 0; s < doc.Sentences.Count; s++)
        {
            var sent = doc.Sentences[s];
            Assert.True(t[sent.FirstToken].Has(TokenFlags.SentenceStart));
            for (int i = sent.FirstToken; i < sent.EndToken; i++) Assert.Equal(s, t[i].Sentence);
        }
    }

    [Fact]
    public void Overlong_runs_are_cut_at_the_cap()
    {
        var text = string.Join(' ', Enumerable.Repeat("слово", 1000));
        var doc = new Document("t", text);
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        Assert.All(doc.Sentences, s => Assert.True(s.TokenCount <= SentenceSplitter.MaxTokens));
        Assert.Equal(1000, doc.Sentences.Sum(s => s.TokenCount));
    }

    [Fact]
    public void Numbered_list_items_keep_their_number() =>
        Assert.Equal(["1. Main", "2. Learn"], Sentences("1. Main\n2. Learn"));

    [Fact]
    public void Agency_dateline_is_one_sentence() =>
        Assert.Equal(["МОСКВА, 23 июня. /ТАСС/.", "Совершенствование системы продолжается."],
            Sentences("МОСКВА, 23 июня. /ТАСС/. Совершенствование системы продолжается."));
}
