using Extraction.Documents;
using Extraction.Normalization;
using Extraction.Tests.Morphology;

namespace Extraction.Tests.Normalization;

public sealed class EnglishNormalizerTests
{
    [Theory]
    [InlineData("General of the Army Sergei Shoigu", "Sergei Shoigu")]
    [InlineData("President Nursultan Nazarbayev", "Nursultan Nazarbayev")]
    [InlineData("Kazakh President Nursultan Nazarbayev", "Nursultan Nazarbayev")]
    [InlineData("Prime Minister Theresa May", "Theresa May")]
    [InlineData("Secretary of State Mike Pompeo", "Mike Pompeo")]
    [InlineData("Mr. Smith", "Smith")]
    [InlineData("Nazarbayev's", "Nazarbayev")]
    [InlineData("Martin Luther King", "Martin Luther King")]
    [InlineData("John of Gaunt", "John of Gaunt")]
    [InlineData("Sergei  Shoigu’s", "Sergei Shoigu")]
    public void Persons_lose_titles_and_possessives(string surface, string expected) =>
        Assert.Equal(expected, EnglishNormalizer.Normalize(surface, person: true));

    [Theory]
    [InlineData("the Collective Security Treaty Organization", "Collective Security Treaty Organization")]
    [InlineData("the Kremlin", "Kremlin")]
    [InlineData("Nur‑Sultan", "Nur-Sultan")]
    [InlineData("“Rosneft”", "\"Rosneft\"")]
    [InlineData("The", "The")]
    [InlineData("The Guardian", "The Guardian")]
    [InlineData("The Wall Street Journal", "The Wall Street Journal")]
    [InlineData("Christie’s", "Christie's")]
    [InlineData("McDonald's", "McDonald's")]
    public void Organisations_and_places_lose_a_lower_case_article_only(string surface, string expected) =>
        Assert.Equal(expected, EnglishNormalizer.Normalize(surface, person: false));

    [Fact]
    public void The_facade_routes_by_script_and_refuses_dates()
    {
        Assert.Equal("Sergei Shoigu", ShippedModels.Normalizer.Normalize("General Sergei Shoigu", EntityType.PER));
        Assert.Equal("Сергей Шойгу", ShippedModels.Normalizer.Normalize("Сергеем Шойгу", EntityType.PER));
        Assert.Throws<ArgumentException>(() => ShippedModels.Normalizer.Normalize("2019", EntityType.DATE));
    }
}
