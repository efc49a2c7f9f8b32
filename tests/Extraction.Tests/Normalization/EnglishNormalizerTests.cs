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
    [InlineData("the Kremlin's", "Kremlin")]
    [InlineData("Nur‑Sultan", "Nur-Sultan")]
    [InlineData("“Rosneft”", "\"Rosneft\"")]
    [InlineData("The", "The")]
    public void Organisations_and_places_lose_the_article_and_possessive(string surface, string expected) =>
        Assert.Equal(expected, EnglishNormalizer.Normalize(surface, person: false));

    [Fact]
    public void The_facade_routes_by_script_and_refuses_dates()
    {
        Assert.Equal("Sergei Shoigu", ShippedModels.Normalizer.Normalize("General Sergei Shoigu", EntityType.PER));
        Assert.Equal("Сергей Шойгу", ShippedModels.Normalizer.Normalize("Сергеем Шойгу", EntityType.PER));
        Assert.Throws<ArgumentException>(() => ShippedModels.Normalizer.Normalize("2019", EntityType.DATE));
    }
}
