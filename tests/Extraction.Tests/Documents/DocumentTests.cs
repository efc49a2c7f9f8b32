using Extraction.Documents;

namespace Extraction.Tests.Documents;

public class DocumentTests
{
    [Fact]
    public void Ranges_are_half_open()
    {
        var r = new TextRange(2, 5);
        Assert.Equal(3, r.Length);
        Assert.True(r.Contains(2));
        Assert.False(r.Contains(5));
        Assert.True(r.Overlaps(new TextRange(4, 9)));
        Assert.False(r.Overlaps(new TextRange(5, 9)));
        Assert.Equal("cde", r.Of("abcdefg"));
    }

    [Fact]
    public void Mentions_outside_the_text_are_refused()
    {
        var doc = new Document("d", "Шойгу");
        doc.AddMention(new Mention(new TextRange(0, 5), EntityType.PER, "test"));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.AddMention(new Mention(new TextRange(3, 6), EntityType.PER, "test")));
        Assert.Throws<ArgumentOutOfRangeException>(() => doc.AddMention(new Mention(new TextRange(3, 2), EntityType.PER, "test")));
    }

    [Fact]
    public void Token_table_finds_tokens_covering_a_range()
    {
        var table = new TokenTable(1);
        table.Add(new Token(new TextRange(0, 3), TokenKind.Word, TokenFlags.None));
        table.Add(new Token(new TextRange(4, 7), TokenKind.Word, TokenFlags.None));
        table.Add(new Token(new TextRange(8, 9), TokenKind.Punctuation, TokenFlags.None));
        Assert.Equal((1, 3), table.Covering(new TextRange(5, 9)));
        Assert.Equal(2, table.FirstEndingAfter(7));
    }

    [Fact]
    public void Entity_type_codes_are_the_contract_strings()
    {
        Assert.Equal(["PER", "ORG", "LOC", "DATE"], EntityTypes.All.Select(t => t.Code()));
        Assert.Equal(EntityType.LOC, EntityTypes.Parse("LOC"));
        Assert.Throws<FormatException>(() => EntityTypes.Parse("GPE"));
    }

    [Fact]
    public void Respelt_applies_the_spelling_layer_to_a_range_and_keeps_its_length()
    {
        var doc = new Document("d", "НУР-СУЛТАН И ФСБ: ермекбаев");
        doc.Tokens.Add(new Token(new TextRange(0, 10), TokenKind.Word, TokenFlags.AllCaps));
        doc.Tokens.Add(new Token(new TextRange(11, 12), TokenKind.Word, TokenFlags.None));
        doc.Tokens.Add(new Token(new TextRange(13, 16), TokenKind.Word, TokenFlags.AllCaps));
        doc.Tokens.Add(new Token(new TextRange(16, 17), TokenKind.Punctuation, TokenFlags.None));
        doc.Tokens.Add(new Token(new TextRange(18, 27), TokenKind.Word, TokenFlags.Lower));
        Assert.Equal("ФСБ: ермекбаев", doc.Respelt(new TextRange(13, 27))); // no layer: the slice
        doc.Spelling = [TokenSpelling.Capitalised, TokenSpelling.Lower, TokenSpelling.Capitals, TokenSpelling.AsWritten, TokenSpelling.Capitalised];
        Assert.Equal("Нур-Султан и ФСБ: Ермекбаев", doc.Respelt(new TextRange(0, 27)));
        Assert.Equal("ур-Султан", doc.Respelt(new TextRange(1, 10))); // a cut token is respelt whole, then cut
        Assert.Equal("НУР-СУЛТАН И ФСБ: ермекбаев", doc.Text);
    }
}
