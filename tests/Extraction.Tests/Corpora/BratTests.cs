using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Corpora;

public class BratTests
{
    private const string Text = "Министерство обороны России сообщило в среду, что Сергей Шойгу прибыл в Казань.";

    private static readonly string[] Ann =
    [
        "T1\tORGANIZATION 0 27\tМинистерство обороны России",
        "T2\tCOUNTRY 21 27\tРоссии",
        "T3\tDATE 37 44\tв среду",
        "T4\tPERSON 50 62\tСергей Шойгу",
        "T5\tPROFESSION 0 5\tМинис",
        "T6\tCITY 72 78;78 79\tКазань.",
        "R1\tWORKPLACE Arg1:T4 Arg2:T1",
        "N1\tReference T4 Wikidata:Q313022\tSergei Shoigu",
    ];

    [Fact]
    public void Maps_types_keeps_nested_and_links()
    {
        var d = Brat.Parse("x", Text, Ann);
        Assert.Equal(5, d.Spans.Count);
        var per = d.Spans.Single(s => s.Type == EntityType.PER);
        Assert.Equal("Сергей Шойгу", per.Range.Of(Text));
        Assert.Equal("Q313022", per.EntityId);
        Assert.Equal("PERSON", per.OriginalLabel);
        Assert.Contains(d.Spans, s => s.Type == EntityType.LOC && s.Range.Of(Text) == "России" && s.OriginalLabel == "COUNTRY");
        Assert.Contains(d.Spans, s => s.Type == EntityType.DATE && s.Range.Of(Text) == "в среду");
        Assert.Contains(d.Spans, s => s.Type == EntityType.LOC && s.Range.Of(Text) == "Казань.");
        Assert.Equal(Language.Ru, d.Language);
        Assert.Equal([new OtherSpan(new TextRange(0, 5), "PROFESSION")], d.Others); // the types that map to nothing, kept aside
    }

    [Theory]
    [InlineData("улице Тверской", "Тверской")]
    [InlineData("Улица Монсиньи", "Монсиньи")]
    [InlineData("ул. Бассейной", "Бассейной")]
    [InlineData("ул.Рябиновой", "Рябиновой")]
    [InlineData("ул. 1-я Останкинская, 35, зал 302", "1-я Останкинская")]
    [InlineData("Манежной площади", "Манежной")]
    [InlineData("площади Тахрир", "Тахрир")]
    [InlineData("Харитоньевскому переулку", "Харитоньевскому")]
    [InlineData("набережной Днепра", "Днепра")]
    [InlineData("Белом доме", null)]
    [InlineData("памятник Ленину", null)]
    [InlineData("Аллее славы", null)]
    [InlineData("улицах", null)]
    public void Street_name_is_the_span_without_its_class_noun(string span, string? name)
    {
        string text = "Это было на " + span + " вчера.";
        var range = new TextRange(12, 12 + span.Length);
        Assert.Equal(name, Brat.StreetName(text, range)?.Of(text));
    }

    [Fact]
    public void Facilities_become_locations_only_when_asked()
    {
        const string text = "Митинг на Манежной площади у Белого дома и у здания ФСБ.";
        string[] ann = ["T1\tFACILITY 10 26\tМанежной площади", "T2\tFACILITY 29 40\tБелого дома", "T3\tFACILITY 45 55\tздания ФСБ"];
        string[] Locs(FacilityMapping f) => Brat.Parse("x", text, ann, facilities: f).Spans
            .Select(s => $"{s.Type}:{s.Range.Of(text)}:{s.OriginalLabel}").ToArray();
        Assert.Empty(Locs(FacilityMapping.None));
        Assert.Equal(["LOC:Манежной:FACILITY"], Locs(FacilityMapping.Streets));
        Assert.Equal(["LOC:Манежной:FACILITY", "LOC:Белого дома:FACILITY"], Locs(FacilityMapping.Named));
    }

    [Fact]
    public void Outermost_drops_nested_within_group_only()
    {
        var d = Brat.Parse("x", Text, Ann);
        var outer = Brat.Outermost(d.Spans);
        Assert.Equal(["Министерство обороны России", "в среду", "Сергей Шойгу", "Казань."], outer.Select(s => s.Range.Of(Text)));
    }

    [Fact]
    public void Reads_a_folder_of_txt_and_ann()
    {
        var dir = Directory.CreateTempSubdirectory("brat").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "001.txt"), Text);
            File.WriteAllLines(Path.Combine(dir, "001.ann"), Ann);
            File.WriteAllText(Path.Combine(dir, "002.txt"), "no annotations file");
            var d = Assert.Single(Brat.ReadDirectory(dir));
            Assert.Equal("001", d.Id);
        }
        finally { Directory.Delete(dir, true); }
    }

    [QualityFact]
    public void Reads_nerel_dev_with_offsets_matching_the_text()
    {
        var docs = Brat.ReadDirectory(SharedData.Path_("nerel", "dev")).ToList();
        Assert.Equal(94, docs.Count);
        Assert.Equal(947, docs.Sum(d => d.Spans.Count(s => s.Type == EntityType.PER)));
        // The .ann text column equals the slice for the continuous spans: spot-check that spans start on a letter or digit.
        Assert.All(docs.SelectMany(d => d.Spans.Select(s => d.Text[s.Range.Start])), c => Assert.True(char.IsLetterOrDigit(c) || c is '«' or '"' or '(' or '\''));
    }
}
