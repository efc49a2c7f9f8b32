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

    /// <summary>«later», «earlier», «the following», «the previous» point back at the date the text named; «ago», «next» and «last» at the document date.</summary>
    [Theory]
    [InlineData("The firm was founded in 2004. A year later it went public.", "2004=2004 | A year later=2005")]
    [InlineData("The deal closed on March 3, 2007. Two days later the chief resigned.", "March 3, 2007=2007-03-03 | Two days later=2007-03-05")]
    [InlineData("The treaty was signed in May 1998. The following month the parliament ratified it.", "May 1998=1998-05 | The following month=1998-06")]
    [InlineData("In 2001 the company moved. The previous year it had lost money.", "2001=2001 | The previous year=2000")]
    [InlineData("The firm was founded in 2004. Two years ago it went public.", "2004=2004 | Two years ago=2007")]
    [InlineData("The firm was founded in 2004. Next year it will go public.", "2004=2004 | Next year=2010")]
    [InlineData("A year later the plant closed.", "A year later=2010")] // no other date named: from the document date
    public void Anaphoric_shifts(string text, string expected) => Assert.Equal(expected, Found(text, Anchor));

    /// <summary>A quarter without its year, as a month without one: this year's up to the next quarter, last year's beyond; ahead in a sentence about the future.</summary>
    [Theory]
    [InlineData("Sales rose in the first quarter.", "2009-01-05", "the first quarter=2009-Q1")]
    [InlineData("Sales rose in the fourth quarter.", "2009-03-05", "the fourth quarter=2008-Q4")]
    [InlineData("Sales fell in the third quarter.", "2009-06-03", "the third quarter=2009-Q3")]
    [InlineData("The plant will close in the first quarter.", "2009-06-03", "the first quarter=2010-Q1")]
    public void Quarters_without_a_year(string text, string anchor, string expected) => Assert.Equal(expected, Found(text, anchor));

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
