using static Extraction.Tests.Dates.DateTestSupport;

namespace Extraction.Tests.Dates;

/// <summary>Every example of issue 4, with a reference document date; expected spans follow NEREL (Russian) and TIMEX3 (English).</summary>
public sealed class IssueExamplesTests
{
    [Theory]
    // Absolute
    [InlineData("Встреча прошла 23.12.2015.", null, "23.12.2015=2015-12-23")]
    [InlineData("The meeting was held on 2015-12-23.", null, "2015-12-23=2015-12-23")]
    [InlineData("Договор подписан 15 августа 2014 в Астане.", null, "15 августа 2014=2014-08-15")]
    [InlineData("Договор подписан 15-го августа 2014 г. в Астане.", null, "15-го августа 2014 г=2014-08-15")]
    [InlineData("The deal was signed on August 15, 2014 in Astana.", null, "August 15, 2014=2014-08-15")]
    [InlineData("The deal was signed on the 15th of August 2014.", null, "15th of August 2014=2014-08-15")]
    [InlineData("23.12.2015 (15:27)", null, "23.12.2015 (15:27)=2015-12-23T15:27")]
    [InlineData("Новости 15 августа 2014, 20:29", null, "15 августа 2014, 20:29=2014-08-15T20:29")]
    // Partial
    [InlineData("Встреча состоится 23 июня.", "2022-06-01", "23 июня=2022-06-23")]
    [InlineData("Встреча состоится 23 июня.", null, "23 июня=XXXX-06-23")]
    [InlineData("The meeting is on June 23.", "2022-06-01", "June 23=2022-06-23")]
    [InlineData("Приглашаю в августе коллег.", "2022-06-23", "в августе=2022-08")]
    [InlineData("It opened in August 2014.", null, "August 2014=2014-08")]
    [InlineData("Страна выступит организатором в 2021 году.", null, "в 2021 году=2021")]
    [InlineData("Договор 1994 года утратит силу.", null, "1994 года=1994")]
    [InlineData("Results of cooperation in 2015 were summed up.", null, "2015=2015")]
    [InlineData("Так было в 1990-х.", null, "в 1990-х=199")]
    [InlineData("It was common in the 1990s.", null, "1990s=199")]
    [InlineData("Это одна из войн XX века.", null, "XX века=19")]
    // Ranges
    [InlineData("Программа на 2022-2024 годы принята.", null, "на 2022-2024 годы=2022/2024")]
    [InlineData("There is a program for 2014-2016 between them.", null, "2014-2016=2014/2016")]
    [InlineData("Учения пройдут с 1 по 5 мая.", "2022-04-10", "с 1 по 5 мая=2022-05-01/2022-05-05")]
    [InlineData("Exercises run from May 1 to 5.", "2015-04-10", "from May 1 to 5=2015-05-01/2015-05-05")]
    [InlineData("Программа на 2022–2024 годы принята.", null, "на 2022–2024 годы=2022/2024")]
    // Relative
    [InlineData("В этом году встреча не состоялась.", "2022-06-23", "В этом году=2022")]
    [InlineData("В августе текущего года врачи помогли.", "2020-11-10", "В августе текущего года=2020-08")]
    [InlineData("Рост начался в прошлом году.", "2022-06-23", "в прошлом году=2021")]
    [InlineData("Об этом вчера сообщил министр.", "2022-06-23", "вчера=2022-06-22")]
    [InlineData("Об этом заявил в четверг министр.", "2022-06-24", "в четверг=2022-06-23")]
    [InlineData("Встреча состоится в четверг.", "2022-06-21", "в четверг=2022-06-23")]
    [InlineData("Results of 2015 were summed up. Another result of that year was good.", "2015-12-23", "2015=2015 | that year=2015")]
    [InlineData("They met this week.", "2015-12-23", "this week=2015-W52")]
    [InlineData("They met on Wednesday.", "2015-12-25", "Wednesday=2015-12-23")]
    [InlineData("Prices fell last month.", "2015-12-23", "last month=2015-11")]
    [InlineData("The plant closed two years ago.", "2015-12-23", "two years ago=2013")]
    // Not dates
    [InlineData("The range is 7,500 km.", null, "")]
    [InlineData("Около 1,6 million hectares.", null, "")]
    [InlineData("Поставки С-300 и S-300 продолжаются.", null, "")]
    [InlineData("Реклама +7(700) 388 81 09", null, "")]
    [InlineData("Пациенты с COVID-19 выздоровели.", null, "")]
    [InlineData("Участие в конкурсах \"АрМИ-2020\" и форуме \"Армия-2022\".", null, "")]
    public void IssueExample(string text, string? docDate, string expected) => Assert.Equal(expected, Found(text, docDate));
}
