using Extraction.Documents;
using Extraction.Normalization;
using Extraction.Pipeline;
using Extraction.Tests.Morphology;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Normalization;

public sealed class NormalizeStageTests
{
    private static Mention Add(Document doc, string surface, EntityType type, int from = 0)
    {
        int start = doc.Text.IndexOf(surface, from, StringComparison.Ordinal);
        var m = new Mention(new TextRange(start, start + surface.Length), type, "test");
        doc.AddMention(m);
        return m;
    }

    [Fact]
    public void Sets_normal_forms_of_entities_and_leaves_dates_alone()
    {
        var doc = new Document("d", "23 июня Сергей Шойгу встретился с Нурланом Ермекбаевым в Нур-Султане, сообщило Министерство обороны России.");
        var date = Add(doc, "23 июня", EntityType.DATE);
        date.Normal = "XXXX-06-23";
        var shoigu = Add(doc, "Сергей Шойгу", EntityType.PER);
        var guest = Add(doc, "Нурланом Ермекбаевым", EntityType.PER);
        var city = Add(doc, "Нур-Султане", EntityType.LOC);
        var ministry = Add(doc, "Министерство обороны России", EntityType.ORG);

        new NormalizeStage(ShippedModels.Normalizer).Process(doc);

        Assert.Equal("XXXX-06-23", date.Normal);
        Assert.Equal("Сергей Шойгу", shoigu.Normal);
        Assert.Equal("Нурлан Ермекбаев", guest.Normal);
        Assert.Equal("Нур-Султан", city.Normal);
        Assert.Equal("Министерство обороны России", ministry.Normal);
    }

    [Fact]
    public void Is_registered_and_loads_its_models_from_the_models_folder()
    {
        var context = new StageContext(SharedData.ModelsDir);
        var stage = StageCatalog.CreateDefault().Create("normalize", null, "stages[3]", context);
        Assert.Equal("normalize", stage.Name);
        Assert.Contains(Layers.Normal, stage.Provides);
        var doc = new Document("e", "General of the Army Sergei Shoigu arrived.");
        var m = Add(doc, "General of the Army Sergei Shoigu", EntityType.PER);
        stage.Process(doc);
        Assert.Equal("Sergei Shoigu", m.Normal);
    }

    [Fact]
    public void A_missing_model_is_a_configuration_error_naming_the_option()
    {
        var context = new StageContext(Path.GetTempPath());
        var e = Assert.Throws<ConfigException>(() => new NormalizeStage(new NormalizeOptions { Morphology = "nope.bin" }, context));
        Assert.Contains("normalize.morphology", e.Message);
    }
}
