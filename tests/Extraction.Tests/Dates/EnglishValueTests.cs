using static Extraction.Tests.Dates.DateTestSupport;

namespace Extraction.Tests.Dates;

/// <summary>English values, anchored to Wednesday 3 June 2009; spans follow TIMEX3 (no preposition, no "the" before numbers).</summary>
public sealed class EnglishValueTests
{
    private const string Anchor = "2009-06-03";

    [Theory]
    [InlineData("The company said on Monday that sales fell.", "Monday=2009-06-01")]
    [InlineData("Shares rose 5% in May.", "May=2009-05")]
    [InlineData("The plant will close next month.", "next month=2009-07")]
    [InlineData("Profits fell in the first quarter of 2009.", "the first quarter of 2009=2009-Q1")]
    [InlineData("The merger was announced on March 12, 2008.", "March 12, 2008=2008-03-12")]
    [InlineData("It was founded in 1976 by two engineers.", "1976=1976")]
    [InlineData("Sales doubled over the past decade.", "the past decade=199")]
    [InlineData("The talks ended yesterday.", "yesterday=2009-06-02")]
    [InlineData("The jet landed at 16:15 UTC.", "16:15 UTC=2009-06-03T16:15Z")]
    [InlineData("Earlier today the index fell.", "Earlier today=2009-06-03")]
    [InlineData("The index has risen for six months.", "six months=P6M")]
    [InlineData("This morning the market opened lower.", "This morning=2009-06-03TMO")]
    [InlineData("In early June the firm filed for bankruptcy.", "early June=2009-06")]
    [InlineData("They signed a 12-year contract.", "12-year=P12Y")]
    [InlineData("Deliveries run between 2014 and 2016.", "between 2014 and 2016=2014/2016")]
    [InlineData("The plant opened in the fall of 2008.", "the fall of 2008=2008-FA")]
    [InlineData("She left the company three weeks ago.", "three weeks ago=2009-05-13")]
    [InlineData("The board met last Friday.", "last Friday=2009-05-29")]
    [InlineData("Prices peaked in the 1980s and again in mid-2008.", "1980s=198 | mid-2008=2008")]
    [InlineData("The results for the end of last year were weak.", "the end of last year=2008")]
    [InlineData("It closed at 12:00 UTC Monday.", "12:00 UTC Monday=2009-06-01T12:00Z")]
    [InlineData("Nikkei at lowest level since '82.", "'82=1982")]
    [InlineData("It was the biggest fall since 7/8/07.", "7/8/07=2007-07-08")]
    [InlineData("He was born in 1811. In 1829 he failed the exam. On 30 May he was shot. Two years later his papers were printed.",
        "1811=1811 | 1829=1829 | 30 May=1829-05-30 | Two years later=1831")]
    [InlineData("The store opened in 2003. In February sales fell.", "2003=2003 | February=2009-02")]
    [InlineData("Pierre L'Enfant (1704 – 1787) was a painter.", "1704=1704 | 1787=1787")]
    public void Anchored(string text, string expected) => Assert.Equal(expected, Found(text, Anchor));

    [Theory]
    [InlineData("May I ask a question?")]
    [InlineData("About 2,000 people attended the rally.")]
    [InlineData("He is 55 years old.")]
    [InlineData("The Boeing 787 and the A380 compete.")]
    [InlineData("A $1.6 billion order for 7,500 km of pipe.")]
    [InlineData("The S-300 system and Windows 2000 servers.")]
    public void NotDates(string text) => Assert.Equal("", Found(text, Anchor));

    /// <summary>A sentence in capitals is read from a copy in lower case with Latin words capitalised; spans are the original text.</summary>
    [Theory]
    [InlineData("THE TALKS RESUMED ON MONDAY IN GENEVA.", "MONDAY=2009-06-01")]
    [InlineData("TWO YEARS AGO THE PLANT CLOSED.", "TWO YEARS AGO=2007")]
    public void Sentences_in_capitals(string text, string expected) => Assert.Equal(expected, Found(text, Anchor));
}
