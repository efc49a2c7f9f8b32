namespace Extraction.Dates;

/// <summary>Calendar units that relative and duration expressions count in.</summary>
public enum DateUnit : byte { None, Minute, Hour, Day, Weekend, Week, Month, Quarter, Half, Year, Decade, Century }

/// <summary>
/// What a grammar rule recognised, before it is anchored: the grammar says what the text says
/// (<c>вчера</c> = one day before the anchor), <see cref="DateResolver"/> turns it into a <see cref="TimexValue"/>.
/// </summary>
public abstract record DateExpr;

/// <summary>A value fully given by the text (<c>23.12.2015</c>, <c>1990-х</c>, <c>XX века</c>, a duration).</summary>
public sealed record FixedExpr(TimexValue Value) : DateExpr;

/// <summary>
/// A calendar date whose year may be missing (<c>23 июня</c>, <c>in August</c>) or relative to the anchor's year
/// (<c>в августе текущего года</c>: <see cref="YearShift"/> 0). <see cref="Month"/> 0 = year only, <see cref="Day"/> 0 = month only.
/// </summary>
public sealed record CalendarExpr(int? Year, int Month = 0, int Day = 0) : DateExpr
{
    public int? YearShift { get; init; }
    /// <summary>-1: the latest such month before the anchor's (<c>last September</c>); +1: the next one after it.</summary>
    public int Direction { get; init; }
    /// <summary>The sentence speaks of the future, so a missing year is the one that puts the date ahead of the anchor.</summary>
    public bool Future { get; init; }
    public int Hour { get; init; } = -1;
    public int Minute { get; init; }
    public bool Utc { get; init; }
    public DayPart DayPart { get; init; }
}

/// <summary>A quarter, half or season of a given or relative year (<c>весной 2012 года</c>, <c>the third quarter of this year</c>).</summary>
public sealed record PeriodExpr(TimexKind Kind, int Part, int? Year, int? YearShift) : DateExpr
{
    /// <summary>The sentence speaks of the future, so a quarter without its year is the next such quarter, not the last one.</summary>
    public bool Future { get; init; }
}

/// <summary>A unit counted from the anchor: <c>today</c> (Day, 0), <c>вчера</c> (Day, -1), <c>в прошлом году</c> (Year, -1).</summary>
public sealed record RelativeExpr(DateUnit Unit, int Offset, DayPart DayPart = DayPart.None) : DateExpr;

/// <summary>An amount of units before or after the anchor: <c>two years ago</c>, <c>через два дня</c>; null amount = vague (<c>несколько дней назад</c>).</summary>
public sealed record ShiftExpr(DateUnit Unit, double? Amount, int Sign) : DateExpr
{
    /// <summary>
    /// Counted from the date the text last named, not from the document date: <c>a year later</c>, <c>two days earlier</c>,
    /// <c>годом позже</c> (against <c>two years ago</c>, <c>год назад</c>, which count from the document date).
    /// </summary>
    public bool FromFocus { get; init; }
}

/// <summary>
/// A weekday near the anchor. <see cref="WeekShift"/> 0 (<c>в четверг</c>): the one in the seven days up to the anchor
/// (news reports what happened), or from the anchor on when the sentence speaks of the future (<see cref="Future"/>);
/// -1 / +1 (<c>в прошлую пятницу</c>, <c>next Friday</c>): the nearest one strictly before / after the anchor.
/// </summary>
public sealed record WeekdayExpr(int IsoDay, int WeekShift = 0, DayPart DayPart = DayPart.None, bool Future = false) : DateExpr;

/// <summary>
/// The unit in focus: <c>that year</c>, <c>в том же году</c> — the last one the text named, else the anchor's;
/// <see cref="Offset"/> counts from it (<c>на следующий день</c>: Day, +1).
/// </summary>
public sealed record FocusExpr(DateUnit Unit, int Offset = 0) : DateExpr;

/// <summary>A clock time on the anchor's day (<c>в 14:00</c>, <c>16:15 UTC</c>) or on a given day (<c>12:00 UTC Monday</c>).</summary>
public sealed record TimeExpr(int Hour, int Minute, bool Utc = false, DateExpr? Day = null) : DateExpr;

/// <summary>A range written as one expression (<c>2022-2024 годы</c>, <c>с 1 по 5 мая</c>): an ISO interval.</summary>
public sealed record RangeExpr(DateExpr From, DateExpr To) : DateExpr;
