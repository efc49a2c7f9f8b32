using Extraction.Documents;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Dates;

/// <summary>The <see cref="DocumentDate.Source"/> values the dates stage writes.</summary>
public static class DocumentDateSources
{
    public const string Dateline = "dateline";
    /// <summary>A dateline without a year, the year inferred from the text (weekday + years named).</summary>
    public const string DatelineYearInferred = "dateline:year-inferred";
    public const string User = "user";
    public const string Metadata = "metadata";
}

/// <summary>
/// Finds the article's own date among the date expressions near its start: a calendar day with a clock time
/// (<c>23.12.2015 (15:27)</c>, <c>15 августа 2014, 20:29</c>), or a day standing on its own line, possibly after a
/// short place or label prefix (<c>МОСКВА, 23 июня. /ТАСС/.</c>, <c>Опубликовано: 5 мая 2020</c>). When the dateline has
/// no year, the year is inferred only if the evidence is unambiguous: among the years the text names (and their
/// neighbours) exactly one puts the dateline on the weekday the lead names (<c>заявил в четверг</c>).
/// </summary>
public static class DocumentDateFinder
{
    /// <summary>The dateline must start within this many characters of the text start.</summary>
    public const int DefaultWindow = 1200;

    /// <summary>Longest place/label prefix before a dateline on its line (<c>МОСКВА, </c>).</summary>
    private const int MaxPrefix = 48;

    /// <summary>The dateline and its value, or null; <paramref name="index"/> is the match it came from.</summary>
    public static DocumentDate? Find(Document document, IReadOnlyList<DateMatch> matches, out int index, int window = DefaultWindow)
    {
        index = -1;
        for (int i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            if (m.Range.Start > window) break;
            if (m.Expr is not CalendarExpr { Day: > 0, YearShift: null } c) continue;
            if (c.Hour < 0 && !StandsAlone(document.Text, m.Range)) continue;
            index = i;
            var value = new TimexValue(TimexKind.Date, c.Year, c.Month, c.Day, c.Hour, c.Minute);
            if (c.Year is not null) return new DocumentDate(value.ToString(), DocumentDateSources.Dateline, m.Range);
            if (InferYear(matches, i, c) is { } year)
                return new DocumentDate((value with { Year = year }).ToString(), DocumentDateSources.DatelineYearInferred, m.Range);
            return new DocumentDate(value.ToString(), DocumentDateSources.Dateline, m.Range);
        }
        return null;
    }

    /// <summary>
    /// Only punctuation around the date on its line, or a short prefix ending in ',' or ':' (place, label) and
    /// punctuation right after it (<c>. /ТАСС/.</c>).
    /// </summary>
    private static bool StandsAlone(string text, TextRange range)
    {
        int lineStart = range.Start;
        while (lineStart > 0 && !IsLineBreak(text[lineStart - 1])) lineStart--;
        var prefix = text.AsSpan(lineStart, range.Start - lineStart).Trim();
        bool prefixOk = !HasLetterOrDigit(prefix) || prefix.Length <= MaxPrefix && prefix[^1] is ',' or ':' or '|';
        if (!prefixOk) return false;
        int lineEnd = range.End;
        while (lineEnd < text.Length && !IsLineBreak(text[lineEnd])) lineEnd++;
        var suffix = text.AsSpan(range.End, lineEnd - range.End).Trim();
        return suffix.Length == 0 || !HasLetterOrDigit(suffix) || suffix[0] is '.' or '/' or '(' or '|' or '—' or '-' or ',';
    }

    private static bool HasLetterOrDigit(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (IsLetterOrDigit(c)) return true;
        return false;
    }

    /// <summary>
    /// The one year, among those the text names and their neighbours, in which the dateline falls on the weekday named
    /// in the lead (the dateline's sentence or the next); null when there is no such evidence or it is ambiguous.
    /// </summary>
    private static int? InferYear(IReadOnlyList<DateMatch> matches, int dateline, CalendarExpr date)
    {
        var years = new SortedSet<int>();
        foreach (var m in matches) CollectYears(m.Expr, years);
        if (years.Count == 0) return null;
        int weekday = 0;
        for (int i = dateline + 1; i < matches.Count && i <= dateline + 3; i++)
        {
            if (matches[i].Expr is WeekdayExpr { WeekShift: 0 } w) { weekday = w.IsoDay; break; }
        }
        if (weekday == 0) return null;
        int? found = null;
        foreach (int named in years)
        {
            for (int y = named - 1; y <= named + 1; y++)
            {
                if (y < 1 || date.Day > DateTime.DaysInMonth(y, date.Month)) continue;
                var d = new DateOnly(y, date.Month, date.Day);
                int iso = d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;
                if (iso != weekday || found == y) continue;
                if (found is not null) return null;
                found = y;
            }
        }
        return found;
    }

    private static void CollectYears(DateExpr e, SortedSet<int> years)
    {
        switch (e)
        {
            case FixedExpr { Value: { Kind: TimexKind.Date, Year: { } y } }: years.Add(y); break;
            case CalendarExpr { Year: { } y }: years.Add(y); break;
            case PeriodExpr { Year: { } y }: years.Add(y); break;
            case RangeExpr r: CollectYears(r.From, years); CollectYears(r.To, years); break;
        }
    }
}
