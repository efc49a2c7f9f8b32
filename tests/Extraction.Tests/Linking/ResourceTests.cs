using Extraction.Linking;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Linking;

public class ResourceTests
{
    private static Gazetteer Gaz => LinkingFixture.Resources.Gazetteer!;
    private static OrgLexicon Lex => LinkingFixture.Resources.Lexicon!;

    [Theory]
    [InlineData("Нур-Султане", "wd:Q1520")]
    [InlineData("Astana", "wd:Q1520")]
    [InlineData("Akmola", "wd:Q1520")]
    [InlineData("Алма-Аты", "wd:Q35493")]
    [InlineData("Алматы", "wd:Q35493")]
    [InlineData("Ленинграде", "wd:Q656")]
    [InlineData("Kazakhstan", "iso:KZ")]
    [InlineData("Российской Федерации", "iso:RU")]
    [InlineData("США", "iso:US")]
    [InlineData("Georgia", "iso:GE")]
    [InlineData("Москве", "wd:Q649")]
    public void Gazetteer_finds_places_by_any_name_and_case_form(string name, string id) => Assert.Equal(id, Gaz.Find(name)?.Id);

    [Fact]
    public void Countries_carry_Wikidata_ids_and_both_names()
    {
        var kz = Gaz.ById("iso:KZ")!;
        Assert.Equal(("Q232", "Kazakhstan", "Казахстан"), (kz.Wikidata, kz.NameEn, kz.NameRu));
        Assert.Equal("iso:RU", Gaz.FindCountryKey(Gazetteer.ScriptKey("российского", NameKey.Of("российского")))?.Id);
        Assert.Equal("iso:KZ", Gaz.FindCountryKey(Gazetteer.ScriptKey("Kazakh", NameKey.Of("Kazakh")))?.Id);
    }

    [Theory]
    [InlineData("совета", true, true)] // «Совет Федерации», «Совет Безопасности ООН»
    [InlineData("федерации", true, false)] // in names, never first
    [InlineData("ОДКБ", true, true)]
    [InlineData("погода", false, false)]
    [InlineData("по", false, false)] // fillers are no name words
    public void The_lexicon_tells_its_name_words_and_name_openings(string word, bool nameWord, bool opening) =>
        Assert.Equal((nameWord, opening), (Lex.HasNameWord(word), Lex.StartsName(word)));

    [Fact]
    public void Gazetteer_survives_a_write_and_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gaz-{Guid.NewGuid():N}.bin");
        try
        {
            var small = new Gazetteer([Gaz.ById("iso:KZ")!, Gaz.ById("wd:Q1520")!], Gaz.Schemes.ToList());
            small.Write(path, new { test = true });
            var back = Gazetteer.Load(path);
            Assert.Equal(2, back.Places.Count);
            Assert.Equal(Gaz.ById("wd:Q1520")!.AliasesRu, back.ById("wd:Q1520")!.AliasesRu);
            Assert.Equal("wd:Q1520", back.Find("Нур-Султан")?.Id);
            Assert.Equal("Sergey Shoygu", back.Scheme("wikipedia")!.Transliterate("Сергей Шойгу"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_corrupt_gazetteer_is_a_model_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gaz-{Guid.NewGuid():N}.bin");
        try
        {
            var bytes = File.ReadAllBytes(Path.Combine(SharedData.ModelsDir, "gazetteer.bin"));
            bytes[^10] ^= 0x55;
            File.WriteAllBytes(path, bytes);
            Assert.Throws<Extraction.Models.ModelFormatException>(() => Gazetteer.Load(path));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("wikipedia", "Сергей Шойгу", "Sergey Shoygu")]
    [InlineData("icao_doc_9303", "Сергей Шойгу", "Sergei Shoigu")]
    [InlineData("wikipedia", "Нурлан Ермекбаев", "Nurlan Yermekbayev")]
    [InlineData("icao_doc_9303", "Нурлан Ермекбаев", "Nurlan Ermekbaev")]
    [InlineData("wikipedia", "Юрий Ильин", "Yury Ilyin")]
    [InlineData("wikipedia", "ТАСС", "TASS")]
    public void Schemes_transliterate_like_iuliia(string scheme, string ru, string latin) =>
        Assert.Equal(latin, Gaz.Scheme(scheme)!.Transliterate(ru));

    [Theory]
    [InlineData("Ministry of Defence of the Russian Federation", "body:defence@RU")]
    [InlineData("Russian Defence Ministry", "body:defence@RU")]
    [InlineData("Минобороны РФ", "body:defence@RU")]
    [InlineData("российского Министерства обороны", "body:defence@RU")]
    [InlineData("Министерством обороны Казахстана", "body:defence@KZ")]
    [InlineData("МИДа Франции", "body:foreign-affairs@FR")]
    [InlineData("French Foreign Ministry", "body:foreign-affairs@FR")]
    [InlineData("Минфин США", "body:finance@US")]
    [InlineData("Pentagon", "body:defence@US")]
    [InlineData("Госдепартамент", "body:foreign-affairs@US")]
    [InlineData("Минобороны", "body:defence@")]
    [InlineData("ОДКБ", "org:csto")]
    [InlineData("Collective Security Treaty Organization", "org:csto")]
    [InlineData("Организации Договора о коллективной безопасности", "org:csto")]
    [InlineData("NATO", "org:nato")]
    [InlineData("EEC", "org:eurasian-economic-commission")]
    [InlineData("ес", "org:eu")]
    public void Lexicon_recognises_organisations_and_state_bodies(string name, string key) => Assert.Equal(key, Lex.Match(name)?.Key);

    [Theory]
    [InlineData("EC")]
    [InlineData("Министерство")]
    [InlineData("Газпром")]
    public void Lexicon_leaves_unknown_names_alone(string name) => Assert.Null(Lex.Match(name));

    [Fact]
    public void State_bodies_get_names_in_both_languages()
    {
        var m = Lex.ByKey("body:defence@KZ")!;
        Assert.Equal(("Ministry of Defence of Kazakhstan", "Министерство обороны Казахстана", "ministry-of-defence-of-kazakhstan"), (m.NameEn, m.NameRu, m.Slug));
    }

    [Theory]
    [InlineData("Россия", "России")]
    [InlineData("Казахстан", "Казахстана")]
    [InlineData("Беларусь", "Беларуси")]
    [InlineData("Израиль", "Израиля")]
    [InlineData("Польша", "Польши")]
    [InlineData("США", "США")]
    [InlineData("Перу", "Перу")]
    [InlineData("Южная Корея", "Южной Кореи")]
    [InlineData("Объединённые Арабские Эмираты", "Объединённых Арабских Эмиратов")]
    [InlineData("Китай", "Китая")]
    public void Genitive_of_country_names(string nominative, string genitive) => Assert.Equal(genitive, RussianGenitive.Of(nominative));
}
