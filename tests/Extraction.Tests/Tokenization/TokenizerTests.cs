using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tests.Tokenization;

public class TokenizerTests
{
    private static List<string> Surface(string text, out TokenTable table)
    {
        table = new TokenTable();
        Tokenizer.Tokenize(text, table);
        var list = new List<string>();
        foreach (ref readonly var t in table.AsSpan())
        {
            Assert.Equal(t.Range.Length, t.End - t.Start);
            Assert.InRange(t.Start, 0, text.Length);
            Assert.InRange(t.End, t.Start + 1, text.Length);
            list.Add(text[t.Start..t.End]);
        }
        return list;
    }

    private static List<string> Surface(string text) => Surface(text, out _);

    [Theory]
    [InlineData("С. Шойгу", new[] { "С.", "Шойгу" })]
    [InlineData("С.Шойгу прибыл", new[] { "С.", "Шойгу", "прибыл" })]
    [InlineData("Mr. Smith", new[] { "Mr.", "Smith" })]
    [InlineData("в 2015 г. в г. Москве", new[] { "в", "2015", "г.", "в", "г.", "Москве" })]
    [InlineData("т.е. так", new[] { "т.е.", "так" })]
    [InlineData("the U.S. army", new[] { "the", "U.S.", "army" })]
    [InlineData("В Нур-Султане", new[] { "В", "Нур-Султане" })]
    [InlineData("Центрально-Азиатском регионе", new[] { "Центрально-Азиатском", "регионе" })]
    [InlineData("Military-Industrial Commission", new[] { "Military-Industrial", "Commission" })]
    [InlineData("«Казахтелеком»", new[] { "«", "Казахтелеком", "»" })]
    [InlineData("\"Stop\", he said", new[] { "\"", "Stop", "\"", ",", "he", "said" })]
    [InlineData("about 1,6 million", new[] { "about", "1,6", "million" })]
    [InlineData("7,500 km", new[] { "7,500", "km" })]
    [InlineData("23.12.2015 (15:27)", new[] { "23.12.2015", "(", "15:27", ")" })]
    [InlineData("for 2022-2024.", new[] { "for", "2022-2024", "." })]
    [InlineData("в 1990-х годах", new[] { "в", "1990-х", "годах" })]
    [InlineData("see https://example.com/a?b=1, then", new[] { "see", "https://example.com/a?b=1", ",", "then" })]
    [InlineData("write to info@mod.gov.kz.", new[] { "write", "to", "info@mod.gov.kz", "." })]
    [InlineData("Реклама +7(700) 388 81 09", new[] { "Реклама", "+7(700) 388 81 09" })]
    [InlineData("©Yaroslav Radlovsky", new[] { "©", "Yaroslav", "Radlovsky" })]
    [InlineData("передает Tengrinews.kz.", new[] { "передает", "Tengrinews.kz", "." })]
    [InlineData("Russia’s state order", new[] { "Russia", "’s", "state", "order" })]
    [InlineData("S-300 and COVID-19", new[] { "S-300", "and", "COVID-19" })]
    [InlineData("Wait... what?!", new[] { "Wait", "...", "what", "?!" })]
    public void Splits_as_expected(string text, string[] expected) => Assert.Equal(expected, Surface(text));

    [Fact]
    public void Offsets_are_half_open_utf16_ranges_into_the_text()
    {
        const string text = "  Сергей\u00A0Шойгу 😀 met\r\nShoigu.";
        Surface(text, out var table);
        var t = table.AsSpan();
        Assert.Equal(new TextRange(2, 8), t[0].Range);       // Сергей
        Assert.Equal(new TextRange(9, 14), t[1].Range);      // Шойгу after a no-break space
        Assert.Equal(new TextRange(15, 17), t[2].Range);     // the emoji: a surrogate pair stays one token
        Assert.Equal("met", text[t[3].Start..t[3].End]);
        Assert.True(t[4].Has(TokenFlags.LineStart));
        Assert.Equal("Shoigu", text[t[4].Start..t[4].End]);
    }

    [Fact]
    public void Kinds_and_flags_describe_the_token()
    {
        const string text = "МОСКВА С. Mr. 2015 Tengrinews.kz +7 700 388 81 09 lower";
        Surface(text, out var table);
        var t = table.AsSpan();
        Assert.True(t[0].Has(TokenFlags.AllCaps | TokenFlags.HasCyrillic));
        Assert.Equal(TokenKind.Initial, t[1].Kind);
        Assert.Equal(TokenKind.Abbreviation, t[2].Kind);
        Assert.Equal(TokenKind.Number, t[3].Kind);
        Assert.True(t[4].Has(TokenFlags.HasLatin | TokenFlags.Capitalized));
        Assert.Equal(TokenKind.Phone, t[5].Kind);
        Assert.True(t[6].Has(TokenFlags.Lower));
    }

    [Theory]
    [InlineData("Дж. Коми", "Дж.", "Коми")]
    [InlineData("Дж.Коми", "Дж.", "Коми")]
    [InlineData("Б.Обама", "Б.", "Обама")]
    public void A_name_initial_is_one_token_with_its_dot(string text, string initial, string name)
    {
        var words = Surface(text, out var table);
        Assert.Equal([initial, name], words);
        Assert.Equal(TokenKind.Initial, table.AsSpan()[0].Kind);
    }

    [Theory]
    [InlineData("Бодуэна I. Альберт", "Бодуэна", "I", ".", "Альберт")]
    [InlineData("Кигели V.", "Кигели", "V", ".")]
    [InlineData("Карлом X.", "Карлом", "X", ".")]
    public void A_latin_numeral_after_a_cyrillic_word_keeps_its_dot_apart(string text, params string[] expected)
    {
        Assert.Equal(expected, Surface(text, out _));
    }

    [Theory]
    [InlineData("John F. Kennedy", "F.")]
    [InlineData("Иван V.Петров", "V.")]
    [InlineData("сказал И. Петров", "И.")]
    [InlineData("Mr I. Smith", "I.")]
    public void An_initial_elsewhere_keeps_its_dot(string text, string initial)
    {
        var words = Surface(text, out var table);
        int at = words.IndexOf(initial);
        Assert.True(at >= 0, string.Join("|", words));
        Assert.Equal(TokenKind.Initial, table.AsSpan()[at].Kind);
    }

    [Fact]
    public void A_very_long_run_of_letters_is_cut_into_bounded_tokens()
    {
        var text = new string('ж', 10_000);
        var tokens = Surface(text);
        Assert.All(tokens, s => Assert.True(s.Length <= Tokenizer.MaxTokenLength));
        Assert.Equal(text, string.Concat(tokens));
    }

    [Fact]
    public void Lone_surrogates_and_control_characters_do_not_break_offsets()
    {
        var text = "a\uD800b\u0001c \uDC00 д";
        var tokens = Surface(text);
        Assert.NotEmpty(tokens);
    }
}
