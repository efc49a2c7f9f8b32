using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Evaluation;

namespace Extraction.Tests.Evaluation;

public class CaseVariantTests
{
    [Fact]
    public void Case_variants_keep_length_and_spans()
    {
        var gold = new GoldDocument("g", "Шойгу прилетел в Москву.", [new GoldSpan(new TextRange(0, 5), EntityType.PER)]);
        var upper = CaseVariants.Apply(gold, CaseVariant.Upper);
        var lower = CaseVariants.Apply(gold, CaseVariant.Lower);
        Assert.Equal("ШОЙГУ ПРИЛЕТЕЛ В МОСКВУ.", upper.Text);
        Assert.Equal("шойгу прилетел в москву.", lower.Text);
        Assert.Same(gold.Spans, upper.Spans);
        Assert.Same(gold, CaseVariants.Apply(gold, CaseVariant.AsIs));
    }

    [Theory]
    [InlineData("upper", CaseVariant.Upper)]
    [InlineData("LOWER", CaseVariant.Lower)]
    [InlineData("as-is", CaseVariant.AsIs)]
    public void Names_parse(string name, CaseVariant expected)
    {
        Assert.True(CaseVariants.TryParse(name, out var v));
        Assert.Equal(expected, v);
    }

    [Fact]
    public void Unknown_names_do_not_parse() => Assert.False(CaseVariants.TryParse("title", out _));
}
