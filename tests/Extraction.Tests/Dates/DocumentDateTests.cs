using Extraction.Dates;
using Extraction.Documents;
using Extraction.Pipeline;
using static Extraction.Tests.Dates.DateTestSupport;

namespace Extraction.Tests.Dates;

/// <summary>The document date: datelines, publication lines, user override, year inference, and no clock.</summary>
public sealed class DocumentDateTests
{
    [Theory]
    [InlineData("Главная < Новости\n\n23.12.2015 (15:27)\n\nМинистры подвели итоги.", "2015-12-23T15:27", DocumentDateSources.Dateline)]
    [InlineData("Сотрудничество углубляется 15 августа 2014, 20:29\n\nМинистр заявил о готовности.", "2014-08-15T20:29", DocumentDateSources.Dateline)]
    [InlineData("Airbus wins an order\nMarch 01 , 2008\nThe company said on Friday it won.", "2008-03-01", DocumentDateSources.Dateline)]
    [InlineData("Опубликовано: 5 мая 2020\nВ городе открыли парк.", "2020-05-05", DocumentDateSources.Dateline)]
    [InlineData("МИНСК, 12 марта. /БЕЛТА/. Президент провёл совещание.", "XXXX-03-12", DocumentDateSources.Dateline)]
    public void FindsTheDateline(string text, string value, string source)
    {
        var doc = Run(text);
        Assert.Equal(value, doc.Date?.Value);
        Assert.Equal(source, doc.Date?.Source);
    }

    [Fact]
    public void ADateInsideASentenceIsNotTheDateline()
    {
        var doc = Run("Министр напомнил, что договор подписан 15 августа 2014 года в Астане.");
        Assert.Null(doc.Date);
        Assert.Equal("15 августа 2014 года=2014-08-15", Describe(doc));
    }

    [Fact]
    public void InfersTheYearFromTheWeekdayAndTheYearsNamed()
    {
        // 23 June is a Thursday in 2022 (not in 2021, 2023, 2024 or 2025): the lead's "в четверг" settles the year.
        var doc = Run("МОСКВА, 23 июня. /ТАСС/. Министры встретились, заявил в четверг глава ведомства.\n" +
                      "Программа на 2022-2024 годы реализуется. Форум пройдёт в 2022 году.");
        Assert.Equal("2022-06-23", doc.Date?.Value);
        Assert.Equal(DocumentDateSources.DatelineYearInferred, doc.Date?.Source);
        Assert.Equal("23 июня=2022-06-23 | в четверг=2022-06-23 | на 2022-2024 годы=2022/2024 | в 2022 году=2022", Describe(doc));
        Assert.Equal(DateSources.YearInferred, doc.Mentions[0].Source);
    }

    [Fact]
    public void AmbiguousWeekdayEvidenceLeavesTheYearOpen()
    {
        // 12 March is a Thursday in both 2015 and 2020: the years named do not settle it.
        var doc = Run("МИНСК, 12 марта. /БЕЛТА/. Совещание прошло в четверг.\nИтоги 2015 года и планы на 2020 год обсудили.");
        Assert.Equal("XXXX-03-12", doc.Date?.Value);
        Assert.Equal(DocumentDateSources.Dateline, doc.Date?.Source);
    }

    [Fact]
    public void UserDateWinsOverTheDateline()
    {
        var doc = Run("23.12.2015 (15:27)\n\nВчера министры встретились.", docDate: "2016-01-10");
        Assert.Equal("2016-01-10", doc.Date?.Value);
        Assert.Equal(DocumentDateSources.User, doc.Date?.Source);
        Assert.Contains("Вчера=2016-01-09", Describe(doc));
    }

    [Fact]
    public void MetadataProviderGivesPerDocumentDates()
    {
        var provider = new MapDocumentDateProvider(new Dictionary<string, string> { ["a.txt"] = "2014-08-15" });
        var stage = new DatesStage(new DatesOptions(), provider);
        var a = new Document("a.txt", "Вчера министр выступил.");
        var b = new Document("b.txt", "Вчера министр выступил.");
        foreach (var d in new[] { a, b })
        {
            new Extraction.Tokenization.TokenizeStage(new Extraction.Tokenization.TokenizeOptions()).Process(d);
            stage.Process(d);
        }
        Assert.Equal("Вчера=2014-08-14", Describe(a));
        Assert.Equal(DocumentDateSources.Metadata, a.Date?.Source);
        Assert.Equal("Вчера=XXXX-XX-XX", Describe(b));
        Assert.Equal(DateSources.Unanchored, b.Mentions[0].Source);
    }

    [Theory]
    [InlineData("23/12/2015")]
    [InlineData("yesterday")]
    [InlineData("2015-13-01")]
    public void BadUserDateIsAConfigErrorThatNamesTheFix(string value)
    {
        var e = Assert.Throws<ConfigException>(() => new DatesStage(new DatesOptions { DocDate = value }));
        Assert.Contains("ISO 8601", e.Message);
    }

    [Fact]
    public void StageIsConfiguredFromPipelineJson()
    {
        var registry = StageCatalog.CreateDefault();
        var json = System.Text.Json.JsonDocument.Parse("""{ "docDate": "2015-12-23", "durations": false }""").RootElement;
        var stage = registry.Create("dates", json, "pipeline.json: $.stages[2]", new StageContext("models"));
        Assert.Equal([Layers.DocumentDate, Layers.Dates], stage.Provides);
        var bad = System.Text.Json.JsonDocument.Parse("""{ "docdat": "2015-12-23" }""").RootElement;
        Assert.Throws<ConfigException>(() => registry.Create("dates", bad, "pipeline.json: $.stages[2]", new StageContext("models")));
    }
}
