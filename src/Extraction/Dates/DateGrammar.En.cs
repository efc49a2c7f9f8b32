namespace Extraction.Dates;

/// <summary>English words and the rules only English needs (<c>1st</c>, <c>the 1990s</c>, <c>20th century</c>, <c>May</c> as a month).</summary>
internal ref partial struct DateGrammar
{
    /// <summary>English forms (space-separated) and their entries.</summary>
    internal static IEnumerable<(string Forms, LexEntry Entry)> EnglishWords()
    {
        string[] months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
        for (int m = 0; m < 12; m++) yield return (months[m], E(W.Month, m + 1));
        string[] abbr = ["Jan", "Feb", "Mar", "Apr", "", "Jun", "Jul", "Aug", "Sep Sept", "Oct", "Nov", "Dec"];
        for (int m = 0; m < 12; m++) if (abbr[m].Length > 0) yield return (abbr[m], E(W.MonthAbbr, m + 1));
        string[] days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        for (int d = 0; d < 7; d++) yield return (days[d], E(W.Weekday, d + 1));

        yield return ("spring", E(W.Season, (int)SeasonCode.Spring));
        yield return ("summer", E(W.Season, (int)SeasonCode.Summer));
        yield return ("autumn fall", E(W.Season, (int)SeasonCode.Autumn));
        yield return ("winter", E(W.Season, (int)SeasonCode.Winter));

        yield return ("morning", E(W.DayPart, (int)DayPart.Morning));
        yield return ("afternoon", E(W.DayPart, (int)DayPart.Afternoon));
        yield return ("evening", E(W.DayPart, (int)DayPart.Evening));
        yield return ("night", E(W.DayPart, (int)DayPart.Night));

        yield return ("year", E(W.Unit, 0, DateUnit.Year));
        yield return ("years", E(W.Unit, 1, DateUnit.Year));
        yield return ("month", E(W.Unit, 0, DateUnit.Month));
        yield return ("months", E(W.Unit, 1, DateUnit.Month));
        yield return ("week", E(W.Unit, 0, DateUnit.Week));
        yield return ("weeks", E(W.Unit, 1, DateUnit.Week));
        yield return ("day", E(W.Unit, 0, DateUnit.Day));
        yield return ("days", E(W.Unit, 1, DateUnit.Day));
        yield return ("weekend", E(W.Unit, 0, DateUnit.Weekend));
        yield return ("decade", E(W.Unit, 0, DateUnit.Decade));
        yield return ("decades", E(W.Unit, 1, DateUnit.Decade));
        yield return ("century", E(W.Unit, 0, DateUnit.Century));
        yield return ("centuries", E(W.Unit, 1, DateUnit.Century));
        yield return ("quarter", E(W.Unit, 0, DateUnit.Quarter));
        yield return ("quarters", E(W.Unit, 1, DateUnit.Quarter));
        yield return ("half", E(W.Unit, 0, DateUnit.Half));
        yield return ("hour", E(W.Unit, 0, DateUnit.Hour));
        yield return ("hours", E(W.Unit, 1, DateUnit.Hour));
        yield return ("minute", E(W.Unit, 0, DateUnit.Minute));
        yield return ("minutes", E(W.Unit, 1, DateUnit.Minute));

        yield return ("today tonight", E(W.RelDay, 0));
        yield return ("yesterday", E(W.RelDay, -1));
        yield return ("tomorrow", E(W.RelDay, 1));

        string[] numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        for (int n = 0; n < numbers.Length; n++) yield return (numbers[n], E(W.NumWord, 10 * (n + 1)));
        yield return ("fifteen", E(W.NumWord, 150));
        yield return ("twenty", E(W.NumWord, 200));
        yield return ("thirty", E(W.NumWord, 300));
        yield return ("forty", E(W.NumWord, 400));
        yield return ("fifty", E(W.NumWord, 500));
        yield return ("hundred", E(W.NumWord, 1000));
        yield return ("several few many", E(W.NumWord, 0));
        yield return ("a an", E(W.Article));

        yield return ("first", E(W.Ordinal, 1));
        yield return ("second", E(W.Ordinal, 2));
        yield return ("third", E(W.Ordinal, 3));
        yield return ("fourth", E(W.Ordinal, 4));
        yield return ("final", E(W.Ordinal, 9));

        yield return ("this current", E(W.Shift, 0));
        yield return ("last previous past prior", E(W.Shift, -1));
        yield return ("next coming following upcoming", E(W.Shift, 1));
        yield return ("that same", E(W.That));

        yield return ("ago earlier", E(W.Later, -1));
        yield return ("later", E(W.Later, 1));

        yield return ("beginning start early", E(W.Edge, 1));
        yield return ("middle mid", E(W.Edge, 2));
        yield return ("end late", E(W.Edge, 3));

        yield return ("in since until till by before after during", E(W.Prep, 0, prep: Cue));
        yield return ("from between", E(W.Prep, 0, prep: Cue | PrepFlags.RangeFrom));
        yield return ("to through and", E(W.RangeTo));
        yield return ("of", E(W.Of));
        yield return ("the", E(W.The));
        yield return ("about nearly almost approximately around over", E(W.Approx));

        yield return ("UTC GMT", E(W.Zone, 0));
        yield return ("EST EDT PST PDT CET CEST MSK", E(W.Zone, 1));
        yield return ("a.m am", E(W.AmPm, 0));
        yield return ("p.m pm", E(W.AmPm, 12));
        yield return ("will 'll shall scheduled upcoming due", E(W.Future));
    }

    /// <summary>English keeps <c>the</c> in the span before period words (<c>the fourth quarter</c>, <c>the end of</c>), not before numbers.</summary>
    private readonly bool TheIncluded(int i) => K(i) is W.Edge or W.Ordinal or W.Shift or W.That or W.Unit or W.Season or W.DayPart;

    /// <summary><c>the day</c> (the day in focus) and <c>the weekend</c> (the anchor's).</summary>
    private readonly bool TryTheUnit(int p, out int end, out DateExpr expr)
    {
        end = p + 1;
        expr = null!;
        if (!In(p - 1) || K(p - 1) != W.The || V(p) != 0) return false;
        if (U(p) == DateUnit.Day) expr = new FocusExpr(DateUnit.Day);
        else if (U(p) == DateUnit.Weekend) expr = new RelativeExpr(DateUnit.Weekend, 0);
        return expr is not null;
    }

    /// <summary><c>'82</c> (a year) and <c>'80s</c> (a decade).</summary>
    private readonly bool TryApostropheYear(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int n = Num(p + 1);
        if (n < 0 || _lex[p + 1].Digits != 2) return false;
        int year = n < 30 ? 2000 + n : 1900 + n;
        if (Glued(p + 1) && In(p + 2) && T(p + 2) is "s" && n % 10 == 0)
        {
            end = p + 3;
            expr = new FixedExpr(new TimexValue(TimexKind.Decade, Part: year / 10));
            return true;
        }
        end = p + 2;
        expr = new FixedExpr(TimexValue.OfDate(year));
        return true;
    }

    /// <summary><c>0800 UTC</c>: four digits and a zone.</summary>
    private readonly bool TryMilitaryTime(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int n = Num(p);
        if (_lex[p].Digits != 4 || n / 100 > 23 || n % 100 > 59 || K(p + 1) != W.Zone) return false;
        end = p + 2;
        expr = new TimeExpr(n / 100, n % 100, V(p + 1) == 0);
        return true;
    }

    /// <summary>After a day number: the English ordinal suffix glued to it (<c>1st</c>, <c>15th</c>); returns the index after the day.</summary>
    private readonly int OrdinalSuffix(int p) =>
        Glued(p) && In(p + 1) && T(p + 1) is "st" or "nd" or "rd" or "th" ? p + 2 : p + 1;

    /// <summary>After a month token: past an abbreviation's separate dot (<c>Aug .</c>).</summary>
    private readonly int SkipAbbrDot(int q) => K(q) == W.MonthAbbr && Glued(q) && Is(q + 1, '.') ? q + 2 : q + 1;

    /// <summary>A month with neither day nor year: always for Russian; for English <c>May</c> only after a cue (<c>in May</c>).</summary>
    private readonly bool MonthAloneOk(int p) =>
        !Latin(p) || V(p) != 5 || In(p - 1) && K(p - 1) is W.Prep or W.Edge or W.Of or W.Shift;

    /// <summary>A season with no year: Russian always; English after <c>the</c>, <c>in</c>, <c>this</c>…, and <c>fall</c> only so.</summary>
    private readonly bool SeasonAloneOk(int p) =>
        !Latin(p) || In(p - 1) && K(p - 1) is W.The or W.Prep or W.Shift or W.Edge;

    /// <summary><c>the 1990s</c>, <c>80s</c> (decades) and <c>the 20th century</c>.</summary>
    private bool TryDecadeOrCentury(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int n = Num(p);
        if (n < 0) return false;
        if (Glued(p) && In(p + 1) && T(p + 1) is "s" && n % 10 == 0 && _lex[p].Digits is 2 or 4)
        {
            end = p + 2;
            expr = new FixedExpr(new TimexValue(TimexKind.Decade, Part: _lex[p].Digits == 4 ? n / 10 : 190 + n / 10));
            return true;
        }
        int q = OrdinalSuffix(p);
        if (q == p + 2 && n is >= 1 and <= 21 && K(q) == W.Unit && U(q) == DateUnit.Century && V(q) == 0)
        {
            end = q + 1;
            expr = new FixedExpr(new TimexValue(TimexKind.Century, Part: n - 1));
            return true;
        }
        return false;
    }
}
