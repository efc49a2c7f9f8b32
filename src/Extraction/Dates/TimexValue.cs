using System.Globalization;

namespace Extraction.Dates;

/// <summary>What a <see cref="TimexValue"/> denotes; decides how it is written.</summary>
public enum TimexKind : byte
{
    /// <summary>A calendar point of year, month or day granularity, optionally with a time or a part of the day.</summary>
    Date,
    /// <summary>An ISO week of a year (<c>2014-W33</c>), or its weekend (<c>2014-W33-WE</c>).</summary>
    Week,
    Quarter,
    Half,
    Season,
    /// <summary>A decade written by its first three digits (<c>199</c>).</summary>
    Decade,
    /// <summary>A century written by its first two digits (<c>19</c> for the 20th century).</summary>
    Century,
    /// <summary>A duration (<c>P2Y</c>, <c>P10D</c>, <c>PXM</c>).</summary>
    Duration,
    /// <summary>PRESENT_REF, PAST_REF, FUTURE_REF.</summary>
    Reference,
}

/// <summary>Part of a day in TIMEX3 (<c>TMO</c>, <c>TAF</c>, <c>TEV</c>, <c>TNI</c>).</summary>
public enum DayPart : byte { None, Morning, Afternoon, Evening, Night }

/// <summary>Season codes of TIMEX3 (<c>SP</c>, <c>SU</c>, <c>FA</c>, <c>WI</c>).</summary>
public enum SeasonCode : byte { None, Spring, Summer, Autumn, Winter }

/// <summary>
/// A typed TIMEX3-style value. A missing year is written <c>XXXX</c> (underspecified); finer fields are present or
/// absent by granularity: <see cref="Month"/> 0 means year granularity, <see cref="Day"/> 0 month granularity,
/// <see cref="Hour"/> -1 no time; -1 in month, day or part means unknown (<c>XX</c>). <see cref="Part"/> is the week, quarter, half, season, decade or century number
/// depending on <see cref="Kind"/>; <see cref="Weekend"/> marks the weekend of a week. <see cref="Text"/> holds a duration or reference value as written.
/// </summary>
public readonly record struct TimexValue(
    TimexKind Kind, int? Year = null, int Month = 0, int Day = 0, int Hour = -1, int Minute = 0,
    int Part = 0, DayPart DayPart = DayPart.None, bool Utc = false, bool Weekend = false, string? Text = null)
{
    public static TimexValue OfDate(int? year, int month = 0, int day = 0) => new(TimexKind.Date, year, month, day);

    public static TimexValue OfDay(DateOnly d) => new(TimexKind.Date, d.Year, d.Month, d.Day);

    public static TimexValue Reference(string code) => new(TimexKind.Reference, Text: code);

    public static TimexValue Duration(string code) => new(TimexKind.Duration, Text: code);

    /// <summary>The calendar day when year, month and day are all known.</summary>
    public DateOnly? AsDay => Kind == TimexKind.Date && Year is { } y && Month > 0 && Day > 0 && y is >= 1 and <= 9999
        && Day <= DateTime.DaysInMonth(y, Month) ? new DateOnly(y, Month, Day) : null;

    public override string ToString()
    {
        var ci = CultureInfo.InvariantCulture;
        string year = Year is { } y ? y.ToString("D4", ci) : "XXXX";
        switch (Kind)
        {
            case TimexKind.Duration:
            case TimexKind.Reference:
                return Text ?? "";
            case TimexKind.Decade:
                return Part.ToString("D3", ci);
            case TimexKind.Century:
                return Part.ToString("D2", ci);
            case TimexKind.Week:
                return $"{year}-W{Two(Part)}{(Weekend ? "-WE" : "")}";
            case TimexKind.Quarter:
                return $"{year}-Q{(Part < 0 ? "X" : Part)}";
            case TimexKind.Half:
                return $"{year}-H{Part}";
            case TimexKind.Season:
                return $"{year}-{SeasonText((SeasonCode)Part)}";
        }
        if (Month == 0) return year;
        var s = year + "-" + Two(Month);
        if (Day == 0) return s;
        s += "-" + Two(Day);
        if (Hour >= 0) return s + $"T{Hour.ToString("D2", ci)}:{Minute.ToString("D2", ci)}{(Utc ? "Z" : "")}";
        return DayPart == DayPart.None ? s : s + "T" + DayPartText(DayPart);
    }

    /// <summary>Two digits, or <c>XX</c> for an unknown (-1) field.</summary>
    private static string Two(int v) => v < 0 ? "XX" : v.ToString("D2", CultureInfo.InvariantCulture);

    public static string DayPartText(DayPart p) => p switch
    {
        DayPart.Morning => "MO",
        DayPart.Afternoon => "AF",
        DayPart.Evening => "EV",
        DayPart.Night => "NI",
        _ => "",
    };

    public static string SeasonText(SeasonCode s) => s switch
    {
        SeasonCode.Spring => "SP",
        SeasonCode.Summer => "SU",
        SeasonCode.Autumn => "FA",
        SeasonCode.Winter => "WI",
        _ => "XX",
    };

    /// <summary>
    /// Parses a calendar value as written by <see cref="ToString"/>: <c>2015</c>, <c>2015-12</c>, <c>2015-12-23</c>,
    /// <c>2015-12-23T15:27</c>, <c>XXXX-06-23</c>. Returns false for anything else.
    /// </summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, out TimexValue value)
    {
        value = default;
        int? year;
        if (s.Length < 4) return false;
        if (s[..4] is "XXXX") year = null;
        else if (int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int y) && y >= 1) year = y;
        else return false;
        int month = 0, day = 0, hour = -1, minute = 0;
        if (s.Length > 4)
        {
            if (s.Length < 7 || s[4] != '-' || !int.TryParse(s.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month) || month is < 1 or > 12) return false;
            if (s.Length > 7)
            {
                if (s.Length < 10 || s[7] != '-' || !int.TryParse(s.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day)
                    || day < 1 || day > DateTime.DaysInMonth(year ?? 2000, month)) return false;
                if (s.Length > 10)
                {
                    if (s.Length != 16 || s[10] != 'T' || s[13] != ':'
                        || !int.TryParse(s.Slice(11, 2), NumberStyles.None, CultureInfo.InvariantCulture, out hour) || hour > 23
                        || !int.TryParse(s.Slice(14, 2), NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59) return false;
                }
            }
        }
        value = new TimexValue(TimexKind.Date, year, month, day, hour, minute);
        return true;
    }

    /// <summary>An interval value: <c>start/end</c> (ISO 8601), e.g. <c>2022/2024</c> or <c>2014-05-01/2014-05-05</c>.</summary>
    public static string Interval(TimexValue start, TimexValue end) => start + "/" + end;
}
