using System.Text;
using static Extraction.Tests.Dates.DateTestSupport;

namespace Extraction.Tests.Dates;

/// <summary>
/// Inputs built to trip backtracking matchers: long runs of date-like pieces. The grammar reads each token a bounded
/// number of times, so these finish at once; the tests check the result is sane (no timing assertions here — speed
/// lives in DatesBenchmarks).
/// </summary>
public sealed class AdversarialInputTests
{
    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();

    [Fact]
    public void PrepositionRunsFindNothing() => Assert.Equal("", Found(Repeat("в с по до на ", 20000)));

    [Fact]
    public void NumberDashRunsAreNotRanges()
    {
        var doc = Run(Repeat("1 - ", 20000) + "мая");
        Assert.All(doc.Mentions, m => Assert.True(m.Range.Length < 20));
    }

    [Fact]
    public void MonthAndNumberSoupStaysLocal()
    {
        var doc = Run(Repeat("мая 12 августа 2014 года с ", 5000));
        Assert.NotEmpty(doc.Mentions);
        Assert.All(doc.Mentions, m => Assert.True(m.Range.Length < 60));
    }

    [Fact]
    public void OneHugeNumberTokenIsNotADate() => Assert.Equal("", Found(Repeat("1.", 50000) + "1"));

    [Fact]
    public void NestedEdgesAreBounded()
    {
        // Edges wrap at most a few levels deep, so a long chain is not re-read from every start token.
        var doc = Run(Repeat("the end of the beginning of ", 5000) + "2009");
        var m = Assert.Single(doc.Mentions);
        Assert.Equal("2009", m.Normal);
        Assert.True(m.Range.Length < 40);
        Assert.Equal("", Found(Repeat("the end of the beginning of ", 5000)));
    }
}
