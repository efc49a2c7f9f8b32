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
    public void A_name_in_capitals_in_ordinary_text_is_normalized_as_running_text_spells_it()
    {
        var doc = new Document("d", "МОСКВА, 15 мая. /ТАСС/. Делегация из РОСТОВА-НА-ДОНУ и КНР, а также СКФО и ИВАН ПЕТРОВ прибыли.");
        var city = Add(doc, "МОСКВА", EntityType.LOC);
        var other = Add(doc, "РОСТОВА-НА-ДОНУ", EntityType.LOC);
        var china = Add(doc, "КНР", EntityType.LOC);
        var district = Add(doc, "СКФО", EntityType.LOC); // one vowel: an acronym
        var agency = Add(doc, "ТАСС", EntityType.ORG); // organisations keep their capitals
        var person = Add(doc, "ИВАН ПЕТРОВ", EntityType.PER);

        new NormalizeStage(ShippedModels.Normalizer).Process(doc);

        Assert.Equal("Москва", city.Normal);
        Assert.Equal("Ростов-на-Дону", other.Normal);
        Assert.Equal("КНР", china.Normal);
        Assert.Equal("СКФО", district.Normal);
        Assert.Equal("ТАСС", agency.Normal);
        Assert.Equal("Иван Петров", person.Normal);
        Assert.Equal("МОСКВА", doc.Slice(city.Range));
    }

    [Fact]
    public void Mentions_in_sentences_without_case_are_normalized_as_respelt_and_keep_their_text()
    {
        var doc = new Document("d", "ВСТРЕЧА С НУРЛАНОМ ЕРМЕКБАЕВЫМ");
        int at = 0;
        foreach (var word in doc.Text.Split(' '))
        {
            doc.Tokens.Add(new Token(new TextRange(at, at + word.Length), TokenKind.Word, TokenFlags.AllCaps));
            at += word.Length + 1;
        }
        doc.Spelling = [TokenSpelling.Capitalised, TokenSpelling.Lower, TokenSpelling.Capitalised, TokenSpelling.Capitalised];
        var guest = Add(doc, "НУРЛАНОМ ЕРМЕКБАЕВЫМ", EntityType.PER);
        new NormalizeStage(ShippedModels.Normalizer).Process(doc);
        Assert.Equal("Нурлан Ермекбаев", guest.Normal);
        Assert.Equal("НУРЛАНОМ ЕРМЕКБАЕВЫМ", doc.Slice(guest.Range));
    }

    /// <summary>Adds PER mentions for the surfaces, found in the text one after another in this order.</summary>
    private static List<Mention> Persons(Document doc, params string[] surfaces)
    {
        var mentions = new List<Mention>();
        int from = 0;
        foreach (var surface in surfaces)
        {
            var m = Add(doc, surface, EntityType.PER, from);
            from = m.Range.End;
            mentions.Add(m);
        }
        return mentions;
    }

    private static string[] Normals(Document doc, NormalizeStage? stage = null)
    {
        (stage ?? new NormalizeStage(ShippedModels.Normalizer)).Process(doc);
        return doc.Mentions.Select(m => m.Normal!).ToArray();
    }

    [Fact]
    public void A_womans_surname_alone_takes_her_gender_and_nominative_from_her_full_name()
    {
        // Alone, «Козлову» and «Козлова» read best as a man's dative and genitive (Козлов).
        Assert.Equal("Козлов", ShippedModels.Normalizer.Normalize("Козлову", EntityType.PER));
        var doc = new Document("f", "Мария Козлова возглавила комитет. Козловой вручили награду, Козлову пригласили в жюри, " +
                                    "о Козловой написали газеты, с Козловой спорили, но Козлова не сдавалась.");
        Persons(doc, "Мария Козлова", "Козловой", "Козлову", "Козловой", "Козловой", "Козлова");
        Assert.All(Normals(doc).Skip(1), n => Assert.Equal("Козлова", n));
        Assert.Equal("Мария Козлова", doc.Mentions[0].Normal);
    }

    [Fact]
    public void A_mans_foreign_surname_alone_takes_its_nominative_from_his_full_name()
    {
        // Alone, «Норту» and «Норте» may be indeclinable foreign names and stay.
        Assert.Equal("Норту", ShippedModels.Normalizer.Normalize("Норту", EntityType.PER));
        var doc = new Document("m", "Джон Норт прилетел в Москву. Норта встречали, Норту показали город, с Нортом говорил мэр, о Норте писали.");
        Persons(doc, "Джон Норт", "Норта", "Норту", "Нортом", "Норте");
        Assert.Equal(["Джон Норт", "Норт", "Норт", "Норт", "Норт"], Normals(doc));
    }

    [Fact]
    public void An_indeclinable_surname_stays_when_the_full_name_shows_it_in_the_nominative()
    {
        var doc = new Document("r", "Тренером стал Ион Маринеску. Маринеску пообещал победу, и Маринеску поверили.");
        Persons(doc, "Ион Маринеску", "Маринеску", "Маринеску");
        Assert.Equal(["Ион Маринеску", "Маринеску", "Маринеску"], Normals(doc));
    }

    [Fact]
    public void A_surname_alone_in_a_plainly_nominative_form_teaches_its_other_forms()
    {
        var doc = new Document("n", "Норт прилетел в Москву. Норту показали город.");
        Persons(doc, "Норт", "Норту");
        Assert.Equal(["Норт", "Норт"], Normals(doc));
    }

    [Fact]
    public void Agreeing_name_words_are_not_overruled_by_a_single_word_of_another_full_name()
    {
        var doc = new Document("a", "Турнир выиграли Максим Козлов и Ирина Козлова. Ирина Козлова набрала 6 очков.");
        Persons(doc, "Максим Козлов", "Ирина Козлова", "Ирина Козлова");
        Assert.Equal(["Максим Козлов", "Ирина Козлова", "Ирина Козлова"], Normals(doc));
    }

    [Fact]
    public void Document_forms_do_not_leak_into_other_documents_through_the_cache()
    {
        var stage = new NormalizeStage(ShippedModels.Normalizer);
        var her = new Document("1", "Мария Козлова возглавила комитет. Козлову пригласили в жюри.");
        Persons(her, "Мария Козлова", "Козлову");
        var him = new Document("2", "Пётр Козлов возглавил комитет. Козлову вручили награду.");
        Persons(him, "Пётр Козлов", "Козлову");
        var alone = new Document("3", "Козлову вручили награду.");
        Persons(alone, "Козлову");
        Assert.Equal("Козлова", Normals(her, stage)[1]);
        Assert.Equal("Козлов", Normals(him, stage)[1]);
        Assert.Equal("Козлов", Normals(alone, stage)[0]);
        Assert.Equal("Козлова", Normals(her, stage)[1]);
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
