using Extraction.Normalization;
using Extraction.Tests.Morphology;

namespace Extraction.Tests.Normalization;

public sealed class NameRulesTests
{
    private static NameRules Names => ShippedModels.Names;

    [Theory]
    [InlineData("нурлан", NameGender.Male)]
    [InlineData("анна", NameGender.Female)]
    [InlineData("ермекбаев", NameGender.Unknown)]
    public void First_name_list(string name, NameGender gender) => Assert.Equal(gender, Names.FirstName(name));

    [Theory]
    [InlineData(NameRole.Last, "ермекбаев", NameGender.Male)]
    [InlineData(NameRole.Last, "ермекбаева", NameGender.Female)]
    [InlineData(NameRole.Middle, "сергеевич", NameGender.Male)]
    [InlineData(NameRole.Middle, "сергеевна", NameGender.Female)]
    public void Gender_rules_by_ending(NameRole role, string word, NameGender gender) => Assert.Equal(gender, Names.ByRule(role, word));

    [Theory]
    [InlineData(NameRole.Last, NameGender.Male, "ермекбаева", 1, "ермекбаев")]
    [InlineData(NameRole.Last, NameGender.Male, "жаксылыковым", 4, "жаксылыков")]
    [InlineData(NameRole.Last, NameGender.Female, "ермекбаевой", 4, "ермекбаева")]
    [InlineData(NameRole.First, NameGender.Male, "нурлану", 2, "нурлан")]
    [InlineData(NameRole.Last, NameGender.Male, "скрипаля", 1, "скрипаль")]
    [InlineData(NameRole.Last, NameGender.Male, "шойгу", 3, "шойгу")]
    public void Declension_rules_read_backwards_give_the_nominative(NameRole role, NameGender gender, string form, int c, string nominative) =>
        Assert.Contains(nominative, Names.Nominatives(role, gender, form, c));

    [Fact]
    public void Backward_candidates_decline_forward_to_the_form()
    {
        foreach (var n in Names.Nominatives(NameRole.Last, NameGender.Male, "жаксылыковым", 4))
            Assert.Equal("жаксылыковым", Names.RuleFor(NameRole.Last, NameGender.Male, n)!.Apply(n, 4));
    }
}
