using System.Globalization;

namespace Extraction.Dates;

/// <summary>The <c>source</c> strings of DATE mentions: how each value was resolved.</summary>
public static class DateSources
{
    /// <summary>Everything the value says is written in the text.</summary>
    public const string Absolute = "date:absolute";
    /// <summary>A date without its year (<c>23 июня</c>); the year is taken from the document date.</summary>
    public const string PartialDocDate = "date:partial:doc-date";
    /// <summary>Counted from the document date (<c>вчера</c>, <c>last year</c>, <c>в четверг</c>).</summary>
    public const string RelativeDocDate = "date:relative:doc-date";
    /// <summary>Resolved against the date in focus, the last one the text named (<c>that year</c>).</summary>
    public const string RelativeFocus = "date:relative:focus";
    /// <summary>Partial or relative, with no document date to anchor it: the value stays underspecified (<c>XXXX-06-23</c>).</summary>
    public const string Unanchored = "date:unanchored";
    /// <summary>The dateline whose missing year was inferred from the document (weekday and years named).</summary>
    public const string YearInferred = "date:year-inferred";
    /// <summary>A length of time (<c>два года</c>, <c>six months</c>): value <c>P2Y</c>.</summary>
    public const string Duration = "date:duration";
}

/// <summary>
/// Turns grammar expressions into TIMEX3 values against an anchor (the document date, possibly partial) and the
/// date in focus (the last year/day the text named). One resolver per document, fed mentions in text order.
/// Never reads the clock: with no anchor, relative values stay underspecified.
/// </summary>
public sealed class DateResolver
{
    private readonly TimexValue? _anchor;
    private readonly DateOnly? _anchorDay;
    private TimexValue? _focus;
    /// <summary>How many dates in a row the text wrote out with a year two or more years from the document date's.</summary>
    private int _farYears;

    public DateResolver(TimexValue? anchor)
    {
        _anchor = anchor is { Kind: TimexKind.Date } a ? a : null;
        _anchorDay = _anchor?.AsDay;
        _focus = _anchor is { Year: not null } f ? f with { Hour = -1, DayPart = DayPart.None } : null;
    }

    /// <summary>Resolves one expression; updates the focus when the value names a year.</summary>
    public (string Value, string Source) Resolve(DateExpr expr)
    {
        var (value, source) = ResolveOne(expr);
        if (value is { Kind: TimexKind.Date, Year: not null } v && source != DateSources.Unanchored) _focus = v with { Hour = -1, DayPart = DayPart.None };
        if (source == DateSources.Absolute && value is { Year: { } y })
            _farYears = _anchor?.Year is { } ay && Math.Abs(ay - y) >= 2 ? _farYears + 1 : 0;
        return (value?.ToString() ?? Interval(expr), source);
    }

    private string Interval(DateExpr expr)
    {
        var r = (RangeExpr)expr;
        var (a, _) = Resolve(r.From);
        var (b, _) = Resolve(r.To);
        return a + "/" + b;
    }

    private (TimexValue? Value, string Source) ResolveOne(DateExpr expr) => expr switch
    {
        FixedExpr f => (f.Value, f.Value.Kind == TimexKind.Duration ? DateSources.Duration : DateSources.Absolute),
        CalendarExpr c => Calendar(c),
        PeriodExpr p => Period(p),
        RelativeExpr r => Relative(r),
        ShiftExpr s => Shift(s),
        WeekdayExpr w => Weekday(w),
        FocusExpr f => Focus(f),
        TimeExpr t => Time(t),
        RangeExpr r => (null, RangeSource(r)),
        _ => throw new ArgumentOutOfRangeException(nameof(expr), expr, "unknown date expression"),
    };

    private string RangeSource(RangeExpr r)
    {
        var a = Peek(r.From);
        var b = Peek(r.To);
        if (a == DateSources.Unanchored || b == DateSources.Unanchored) return DateSources.Unanchored;
        return a == DateSources.Absolute ? b : a;
    }

    /// <summary>The source an expression would get, without moving the focus.</summary>
    private string Peek(DateExpr e)
    {
        var saved = _focus;
        var (_, s) = e is RangeExpr r ? (null, RangeSource(r)) : ResolveOne(e);
        _focus = saved;
        return s;
    }

    private (TimexValue?, string) Calendar(CalendarExpr c)
    {
        var v = new TimexValue(TimexKind.Date, c.Year, c.Month, c.Day, c.Hour, c.Minute, DayPart: c.DayPart, Utc: c.Utc);
        if (c.Year is not null) return (v, DateSources.Absolute);
        if (c.YearShift is { } shift)
            return _anchor?.Year is { } ay ? (v with { Year = ay + shift }, DateSources.RelativeDocDate) : (v, DateSources.Unanchored);
        if (_anchor?.Year is not { } year) return (v, DateSources.Unanchored);
        if (c.Direction == 0 && NarrativeYear() is { } told) return (v with { Year = told }, DateSources.RelativeFocus);
        if (c.Direction != 0 && _anchor is { Month: > 0 } a)
        {
            bool sameYear = c.Direction < 0 ? c.Month < a.Month : c.Month > a.Month;
            return (v with { Year = sameYear ? year : year + c.Direction }, DateSources.RelativeDocDate);
        }
        // A date without its year takes the anchor's year; news mostly reports the past, so a month more than
        // two months after the anchor's is last year's, unless the sentence speaks of the future.
        if (_anchor is { Month: > 0 } am && c.Month > 0)
            year += c.Future ? (c.Month < am.Month ? 1 : 0) : (c.Month > am.Month + 2 ? -1 : 0);
        return (v with { Year = year }, DateSources.PartialDocDate);
    }

    private (TimexValue?, string) Period(PeriodExpr p)
    {
        var v = new TimexValue(p.Kind, p.Year, Part: p.Part);
        if (p.Year is not null) return (v, DateSources.Absolute);
        if (_anchor?.Year is not { } ay) return (v, DateSources.Unanchored);
        // A quarter without its year is this year's up to the one after the anchor's, as months are (news reports results
        // of quarters past: «the fourth quarter» in March is last year's), or the next such one when the sentence speaks
        // of the future.
        if (p.YearShift is null && p.Kind == TimexKind.Quarter && _anchor is { Month: > 0 } a)
        {
            int anchorQuarter = (a.Month - 1) / 3 + 1;
            int shift = p.Future ? (p.Part < anchorQuarter ? 1 : 0) : (p.Part > anchorQuarter + 1 ? -1 : 0);
            return (v with { Year = ay + shift }, DateSources.PartialDocDate);
        }
        return (v with { Year = ay + (p.YearShift ?? 0) }, p.YearShift is null ? DateSources.PartialDocDate : DateSources.RelativeDocDate);
    }

    private (TimexValue?, string) Relative(RelativeExpr r)
    {
        if (_anchorDay is not { } day)
        {
            // A partial anchor (no year) still fixes day arithmetic inside its year; otherwise underspecified.
            if (_anchor is { Month: > 0, Day: > 0 } a && r.Unit == DateUnit.Day)
            {
                var d = new DateOnly(2000, a.Month, a.Day).AddDays(r.Offset);
                if (d.Year == 2000) return (new TimexValue(TimexKind.Date, null, d.Month, d.Day, DayPart: r.DayPart), DateSources.RelativeDocDate);
            }
            if (_anchor?.Year is { } ay && r.Unit == DateUnit.Year) return (TimexValue.OfDate(ay + r.Offset), DateSources.RelativeDocDate);
            return (Underspecified(r.Unit), DateSources.Unanchored);
        }
        return (Shifted(day, r.Unit, r.Offset, r.DayPart), DateSources.RelativeDocDate);
    }

    private static TimexValue Shifted(DateOnly day, DateUnit unit, int offset, DayPart part = DayPart.None)
    {
        switch (unit)
        {
            case DateUnit.Day:
            case DateUnit.Hour:
            case DateUnit.Minute:
                return TimexValue.OfDay(day.AddDays(offset)) with { DayPart = part };
            case DateUnit.Week:
            case DateUnit.Weekend:
                var w = day.AddDays(7 * offset).ToDateTime(TimeOnly.MinValue);
                return new TimexValue(TimexKind.Week, ISOWeek.GetYear(w), Part: ISOWeek.GetWeekOfYear(w), Weekend: unit == DateUnit.Weekend);
            case DateUnit.Month:
                var m = day.AddMonths(offset);
                return TimexValue.OfDate(m.Year, m.Month);
            case DateUnit.Quarter:
                int q = (day.Year * 4 + (day.Month - 1) / 3) + offset;
                return new TimexValue(TimexKind.Quarter, q / 4, Part: q % 4 + 1);
            case DateUnit.Half:
                int h = (day.Year * 2 + (day.Month - 1) / 6) + offset;
                return new TimexValue(TimexKind.Half, h / 2, Part: h % 2 + 1);
            case DateUnit.Decade:
                return new TimexValue(TimexKind.Decade, Part: day.Year / 10 + offset);
            case DateUnit.Century:
                return new TimexValue(TimexKind.Century, Part: day.Year / 100 + offset);
            default:
                return TimexValue.OfDate(day.Year + offset);
        }
    }

    private static TimexValue Underspecified(DateUnit unit) => unit switch
    {
        DateUnit.Day or DateUnit.Hour or DateUnit.Minute => new TimexValue(TimexKind.Date, null, -1, -1),
        DateUnit.Week or DateUnit.Weekend => new TimexValue(TimexKind.Week, null, Part: -1, Weekend: unit == DateUnit.Weekend),
        DateUnit.Month => new TimexValue(TimexKind.Date, null, -1),
        DateUnit.Quarter => new TimexValue(TimexKind.Quarter, null, Part: -1),
        _ => TimexValue.OfDate(null),
    };

    /// <summary>
    /// The year a story is told in: the year in focus when the text has moved away from the document date, its last
    /// two written-out years both two or more years from the document date's (a biography's <c>1830 … 1831 … On 30 May</c>),
    /// so a date without its year and <c>two years later</c> count from it. Null when the text stays near the document
    /// date, or names one old year in passing, as news does.
    /// </summary>
    private int? NarrativeYear() =>
        _farYears >= 2 && _focus is { Year: { } fy } && _anchor?.Year is { } ay && Math.Abs(ay - fy) >= 2 ? fy : null;

    private (TimexValue?, string) Shift(ShiftExpr s)
    {
        if (s.Sign > 0 && s.Unit == DateUnit.Year && s.Amount is { } years && years == Math.Floor(years) && NarrativeYear() is { } from)
            return (TimexValue.OfDate(from + (int)years), DateSources.RelativeFocus);
        if (s.Amount is not { } amount) return (TimexValue.Reference(s.Sign < 0 ? "PAST_REF" : "FUTURE_REF"), _anchor is null ? DateSources.Unanchored : DateSources.RelativeDocDate);
        if (s.FromFocus && FromFocus(s, amount) is { } told) return (told, DateSources.RelativeFocus);
        if (_anchorDay is not { } day) return (Underspecified(s.Unit), DateSources.Unanchored);
        var unit = s.Unit;
        int n;
        if (amount != Math.Floor(amount))
        {
            // полтора года → 18 months back, at month granularity.
            (unit, n) = unit switch
            {
                DateUnit.Year => (DateUnit.Month, (int)Math.Round(amount * 12)),
                DateUnit.Month => (DateUnit.Day, (int)Math.Round(amount * 30)),
                DateUnit.Week => (DateUnit.Day, (int)Math.Round(amount * 7)),
                _ => (unit, (int)Math.Round(amount)),
            };
        }
        else n = (int)amount;
        if (unit == DateUnit.Week) return (TimexValue.OfDay(day.AddDays(7 * n * s.Sign)), DateSources.RelativeDocDate);
        if (unit == DateUnit.Decade) return (TimexValue.OfDate(day.Year + 10 * n * s.Sign), DateSources.RelativeDocDate);
        return (Shifted(day, unit, n * s.Sign), DateSources.RelativeDocDate);
    }

    /// <summary>
    /// <c>a year later</c> after the text named another date than the document's: counted from that date, at the unit's
    /// granularity when the date has it (a year from a year, months from a month, days from a day). Null otherwise (the
    /// document date is the time spoken of).
    /// </summary>
    private TimexValue? FromFocus(ShiftExpr s, double amount)
    {
        if (_focus is not { Year: { } fy } f || amount != Math.Floor(amount) || amount > 1000) return null;
        if (_anchor is { } a && a.Year == fy && a.Month == f.Month && a.Day == f.Day) return null;
        int n = (int)amount * s.Sign;
        return s.Unit switch
        {
            DateUnit.Year => TimexValue.OfDate(fy + n),
            DateUnit.Decade => TimexValue.OfDate(fy + 10 * n),
            DateUnit.Month when f.Month > 0 => Shifted(new DateOnly(fy, f.Month, 1), DateUnit.Month, n),
            DateUnit.Week when f.AsDay is { } d => TimexValue.OfDay(d.AddDays(7 * n)),
            DateUnit.Day when f.AsDay is { } d => TimexValue.OfDay(d.AddDays(n)),
            _ => null,
        };
    }

    private (TimexValue?, string) Weekday(WeekdayExpr w)
    {
        if (_anchorDay is not { } day)
            return (new TimexValue(TimexKind.Reference, Text: $"XXXX-WXX-{w.IsoDay}"), DateSources.Unanchored);
        int step = w.WeekShift != 0 ? w.WeekShift : w.Future ? 1 : -1;
        var target = w.WeekShift != 0 ? day.AddDays(step) : day;
        while (IsoDay(target) != w.IsoDay) target = target.AddDays(step);
        return (TimexValue.OfDay(target) with { DayPart = w.DayPart }, DateSources.RelativeDocDate);
    }

    private static int IsoDay(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    private (TimexValue?, string) Focus(FocusExpr f)
    {
        if (_focus is not { } v) return (Underspecified(f.Unit), DateSources.Unanchored);
        var value = f.Unit switch
        {
            DateUnit.Year => TimexValue.OfDate(v.Year + f.Offset),
            DateUnit.Month when v.Month > 0 => v.Year is { } y ? Shifted(new DateOnly(y, v.Month, 1), DateUnit.Month, f.Offset) : TimexValue.OfDate(null, v.Month),
            DateUnit.Day when v.AsDay is { } d => TimexValue.OfDay(d.AddDays(f.Offset)),
            _ => Underspecified(f.Unit),
        };
        return (value, DateSources.RelativeFocus);
    }

    private (TimexValue?, string) Time(TimeExpr t)
    {
        if (t.Day is { } d && ResolveOne(d) is ({ Kind: TimexKind.Date, Day: > 0 } v, var source))
            return (v with { Hour = t.Hour, Minute = t.Minute, Utc = t.Utc, DayPart = DayPart.None }, source);
        if (_anchorDay is { } day) return (TimexValue.OfDay(day) with { Hour = t.Hour, Minute = t.Minute, Utc = t.Utc }, DateSources.RelativeDocDate);
        return (new TimexValue(TimexKind.Date, null, -1, -1, t.Hour, t.Minute, Utc: t.Utc), DateSources.Unanchored);
    }
}
