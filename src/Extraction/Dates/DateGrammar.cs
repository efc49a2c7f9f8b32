using System.Buffers;
using Extraction.Documents;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Dates;

/// <summary>A date expression found over tokens [FirstToken, EndToken).</summary>
public readonly record struct DateMatch(int FirstToken, int EndToken, TextRange Range, DateExpr Expr);

/// <summary>
/// Hand-written date grammar over the token table: no regular expressions, no backtracking beyond a few tokens.
/// Every rule is a method <c>TryX(p, out end, out expr)</c> that reads tokens from index <c>p</c> and, on success,
/// returns the index after its last token and what it recognised; rules compose by calling each other and the
/// dispatcher keeps the longest match at each position. Words are looked up once per token in the merged lexicon
/// (<see cref="DateLexicon"/>); language-specific rules and word lists live in <c>DateGrammar.Ru.cs</c> and
/// <c>DateGrammar.En.cs</c>. Span conventions follow the gold corpora: Russian mentions include the governing
/// preposition (<c>в 2021 году</c>, NEREL), English ones do not (<c>in 2015</c> → <c>2015</c>, TIMEX3).
/// </summary>
internal ref partial struct DateGrammar
{
    private readonly string _text;
    private readonly ReadOnlySpan<Token> _tok;
    private readonly ReadOnlySpan<Lex> _lex;
    private int _first;
    private int _limit;
    /// <summary>The sentence being scanned has Cyrillic words (span conventions differ a little by language).</summary>
    private bool _cyrillic;
    /// <summary>Nesting of <see cref="TryPoint"/> (edges and halves wrap points): bounded so work per token stays constant.</summary>
    private int _depth;
    private const int MaxDepth = 4;

    private DateGrammar(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Lex> lex)
    {
        _text = text;
        _tok = tokens;
        _lex = lex;
    }

    /// <summary>Finds the date expressions of a tokenized document, in text order, not overlapping.</summary>
    public static void Scan(Document document, List<DateMatch> matches)
    {
        var tokens = document.Tokens.AsSpan();
        if (tokens.Length == 0) return;
        var buffer = ArrayPool<Lex>.Shared.Rent(tokens.Length);
        try
        {
            var lex = buffer.AsSpan(0, tokens.Length);
            LexAll(document.Text, tokens, lex);
            var g = new DateGrammar(document.Text, tokens, lex);
            if (document.Sentences.Count == 0) g.ScanRange(0, tokens.Length, matches);
            foreach (var s in document.Sentences) g.ScanRange(s.FirstToken, s.EndToken, matches);
        }
        finally
        {
            ArrayPool<Lex>.Shared.Return(buffer);
        }
    }

    private void ScanRange(int first, int end, List<DateMatch> matches)
    {
        _first = first;
        _limit = end;
        _cyrillic = false;
        for (int k = first; k < end && !_cyrillic; k++) _cyrillic = _tok[k].Has(TokenFlags.HasCyrillic);
        int i = first;
        while (i < end)
        {
            if (_lex[i].Kind != W.None && TryMatch(i, out int stop, out var expr))
            {
                if (OpensTitle(i, expr)) { i = stop; continue; }
                matches.Add(new DateMatch(i, stop, new TextRange(_tok[i].Start, SpanEnd(stop - 1)), expr));
                i = stop;
            }
            else i++;
        }
    }

    /// <summary>
    /// A length of time or a word relative to today that opens a quotation with a capital letter names a work or a
    /// programme (<c>«Один день Ивана Денисовича»</c>, <c>«Три минуты тишины»</c>, <c>“Today”</c>), not a date.
    /// </summary>
    private readonly bool OpensTitle(int i, DateExpr expr)
    {
        if (i == _first || !IsCapitalized(i) || !Glued(i - 1) || _tok[i - 1].Range.Length != 1) return false;
        if (_text[_tok[i - 1].Start] is not ('«' or '"' or '“' or '„')) return false;
        if (i - 1 > _first && !_tok[i - 2].Has(TokenFlags.SpaceAfter) && _tok[i - 2].Kind != TokenKind.Punctuation) return false;
        return expr is RelativeExpr or FocusExpr or FixedExpr { Value.Kind: TimexKind.Duration };
    }

    /// <summary>
    /// Where a mention ending with token <paramref name="last"/> ends: a Russian abbreviation's dot (<c>2014 г.</c>) stays
    /// outside, as in NEREL, since it often also ends the sentence.
    /// </summary>
    private readonly int SpanEnd(int last)
    {
        ref readonly var t = ref _tok[last];
        return t.Kind == TokenKind.Abbreviation && t.Has(TokenFlags.HasCyrillic) && _text[t.End - 1] == '.' ? t.End - 1 : t.End;
    }

    // ---- lexing ------------------------------------------------------------------------------------------------

    private static void LexAll(string text, ReadOnlySpan<Token> tokens, Span<Lex> lex)
    {
        for (int i = 0; i < tokens.Length; i++)
        {
            ref readonly var t = ref tokens[i];
            var s = text.AsSpan(t.Start, t.Range.Length);
            var l = new Lex { Num = -1 };
            switch (t.Kind)
            {
                case TokenKind.Number:
                    l.Entry = new LexEntry(W.Number);
                    if (s.Length <= 9 && AllDigits(s))
                    {
                        l.Num = ParseDigits(s);
                        l.Digits = (byte)s.Length;
                    }
                    else if (DurationAdjective(s) is { Kind: W.DurationAdjective } adjective) l.Entry = adjective;
                    break;
                case TokenKind.Punctuation:
                    // '82, not the minutes of 8'37 (an apostrophe glued to a number or word before it).
                    if (i + 1 < tokens.Length && IsApostrophe(s[0]) && s.Length == 1 && !t.Has(TokenFlags.SpaceAfter)
                        && tokens[i + 1].Kind == TokenKind.Number && tokens[i + 1].Range.Length is 2 or 3
                        && (i == 0 || tokens[i - 1].Has(TokenFlags.SpaceAfter) || tokens[i - 1].Kind == TokenKind.Punctuation))
                        l.Entry = new LexEntry(W.Apostrophe);
                    break;
                case TokenKind.Word:
                case TokenKind.Abbreviation:
                case TokenKind.Initial:
                    if (s.Length > 24) break;
                    if (s[^1] == '.') s = s[..^1];
                    if (DateLexicon.TryGet(s, out var e)) l.Entry = e;
                    else if (DurationAdjective(s) is { Kind: W.DurationAdjective } adjective) l.Entry = adjective;
                    else if (t.Has(TokenFlags.HasHyphen)) l.Entry = HyphenWord(s);
                    else if (IsRoman(s)) l.Entry = new LexEntry(W.Roman, (short)RomanValue(s));
                    break;
            }
            lex[i] = l;
        }
    }

    /// <summary>Hyphenated words: a month pair (<c>ноябре-декабре</c>) or <c>mid-2011</c> style prefixes.</summary>
    private static LexEntry HyphenWord(ReadOnlySpan<char> s)
    {
        int h = s.IndexOfAny('-', '\u2010', '\u2011');
        if (h <= 0 || h == s.Length - 1) return default;
        if (DateLexicon.TryGet(s[..h], out var a) && DateLexicon.TryGet(s[(h + 1)..], out var b))
        {
            if (a.Kind == W.Month && b.Kind == W.Month) return new LexEntry(W.MonthPair, (short)(a.Value * 100 + b.Value));
        }
        if (a.Kind == W.Edge && IsDigit(s[h + 1])) return new LexEntry(W.EdgeNumber, a.Value);
        return default;
    }

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!IsDigit(c)) return false;
        return s.Length > 0;
    }

    private static int ParseDigits(ReadOnlySpan<char> s)
    {
        int v = 0;
        foreach (char c in s) v = v * 10 + (c - '0');
        return v;
    }

    private static bool IsRoman(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 6) return false;
        foreach (char c in s) if (c is not ('I' or 'V' or 'X' or 'L' or 'C')) return false;
        return true;
    }

    private static int RomanValue(ReadOnlySpan<char> s)
    {
        int total = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int v = Roman(s[i]);
            total += i + 1 < s.Length && Roman(s[i + 1]) > v ? -v : v;
        }
        return total;

        static int Roman(char c) => c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, _ => 100 };
    }

    // ---- token helpers -----------------------------------------------------------------------------------------

    private readonly bool In(int i) => i >= _first && i < _limit;
    private readonly W K(int i) => In(i) ? _lex[i].Kind : W.None;
    private readonly int V(int i) => _lex[i].Entry.Value;
    private readonly DateUnit U(int i) => _lex[i].Entry.Unit;
    private readonly int Num(int i) => In(i) ? _lex[i].Num : -1;
    private readonly ReadOnlySpan<char> T(int i) => _text.AsSpan(_tok[i].Start, _tok[i].Range.Length);
    private readonly bool Is(int i, char c) => In(i) && _tok[i].Range.Length == 1 && _text[_tok[i].Start] == c;
    private readonly bool IsDash(int i) => In(i) && _tok[i].Range.Length == 1 && _text[_tok[i].Start] is '-' or '–' or '—' or '\u2010' or '\u2011';
    /// <summary>Token <paramref name="i"/> is glued to the next one (no space between).</summary>
    private readonly bool Glued(int i) => !_tok[i].Has(TokenFlags.SpaceAfter);
    private readonly bool Prep(int i, PrepFlags flag) => K(i) == W.Prep && (_lex[i].Entry.Prep & flag) != 0;
    private readonly bool IsLowerWord(int i) => In(i) && _tok[i].Kind == TokenKind.Word && _tok[i].Has(TokenFlags.Lower);
    private readonly bool IsCapitalized(int i) => _tok[i].Has(TokenFlags.Capitalized);
    private readonly bool Latin(int i) => _tok[i].Has(TokenFlags.HasLatin);

    /// <summary>A plain number in [lo, hi] with at most <paramref name="maxDigits"/> digits.</summary>
    private readonly bool NumIn(int i, int lo, int hi, int maxDigits = 9) =>
        Num(i) is var n && n >= lo && n <= hi && _lex[i].Digits <= maxDigits;

    private readonly bool IsYearNumber(int i, out int year)
    {
        year = Num(i);
        return year is >= 1000 and <= 2199 && _lex[i].Digits == 4;
    }

    // ---- dispatcher --------------------------------------------------------------------------------------------

    /// <summary>The longest expression starting at <paramref name="i"/>, with any prefix the span conventions include.</summary>
    private bool TryMatch(int i, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (TryRange(i, out int e, out var x)) Keep(e, x, ref end, ref expr);

        // Prefixes that belong to the span: Russian prepositions, в течение, approximations, English "the".
        int p = i;
        for (int n = 0; n < 4 && In(p); n++)
        {
            var k = K(p);
            // не более / не менее / более чем: the particles around an approximation stay in the span.
            if (T(p) is "не" or "Не" && K(p + 1) == W.Approx || T(p) is "чем" && In(p - 1) && K(p - 1) == W.Approx && p > i) { p++; continue; }
            // A length adjective is its own span (с 30-летним стажем → 30-летним), as NEREL marks it.
            if (K(p + 1) == W.DurationAdjective || K(p + 3) == W.DurationAdjective && IsDash(p + 2)) break;
            if (k == W.Prep && Prep(p, PrepFlags.Included) || k == W.During || k == W.The && TheIncluded(p + 1)
                || k == W.Approx && (!Latin(p) || K(p + 1) is W.Number or W.NumWord or W.Article)) p++;
            else break;
        }
        if (p > i && p < _limit && TryRange(p, out e, out x)) Keep(e, x, ref end, ref expr);
        if (In(p) && TryCore(p, out e, out x)) Keep(e, x, ref end, ref expr);
        return end > i;

        static void Keep(int e, DateExpr x, ref int end, ref DateExpr expr)
        {
            if (e > end) { end = e; expr = x; }
        }
    }

    /// <summary>A point (with trailing time/weekday), a dash range of points, or a duration.</summary>
    private bool TryCore(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (TryPoint(p, out int e, out var x))
        {
            end = e;
            expr = x;
            // X – Y with both sides points (1998—2010 годах, June 1 – June 5). In English, two dates that each carry
            // their year and share no plural year word are two mentions, as TIMEX3 (MEANTIME) and TEI (GUM) mark them:
            // (1922 – 2013), (August 2, 1754 – June 14, 1825); NEREL keeps Russian ones together: (1993—2003).
            if (IsDash(e) && TryPoint(e + 1, out int e2, out var y) && Compatible(x, y)
                && (_cyrillic || !(HasYear(x) && HasYear(y) && !SharedYearWord(e2 - 1))))
            { end = e2; expr = Join(x, y); }
        }
        if (TryDuration(p, out e, out x) && e > end) { end = e; expr = x; }
        return end > p;
    }

    private static bool HasYear(DateExpr e) => e is FixedExpr { Value.Kind: TimexKind.Date } or CalendarExpr { Year: not null };

    /// <summary>A plural year word that makes both ends one span (<c>the 2009–2011 years</c>).</summary>
    private readonly bool SharedYearWord(int last) => K(last) == W.Unit && U(last) == DateUnit.Year && V(last) == 1;

    private static bool Compatible(DateExpr a, DateExpr b) => (a, b) switch
    {
        (CalendarExpr, CalendarExpr) => true,
        (FixedExpr { Value.Kind: TimexKind.Date } , CalendarExpr) => true,
        (CalendarExpr, FixedExpr { Value.Kind: TimexKind.Date }) => true,
        (FixedExpr { Value.Kind: TimexKind.Date }, FixedExpr { Value.Kind: TimexKind.Date }) => true,
        (FixedExpr { Value.Kind: TimexKind.Decade }, FixedExpr { Value.Kind: TimexKind.Decade }) => true,
        _ => false,
    };

    // ---- points ------------------------------------------------------------------------------------------------

    /// <summary>A single date (not a range, not a duration), with trailing time, day part or weekday.</summary>
    private bool TryPoint(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (!In(p) || _depth >= MaxDepth) return false;
        _depth++;
        bool ok = K(p) switch
        {
            W.Number => TryNumberLed(p, out end, out expr),
            W.Month or W.MonthPair => TryMonthLed(p, out end, out expr),
            W.Weekday => TryWeekday(p, out end, out expr),
            W.RelDay => TryRelDay(p, out end, out expr),
            W.Shift => TryShifted(p, out end, out expr),
            W.That => TryThat(p, out end, out expr),
            W.Edge => TryEdge(p, out end, out expr),
            W.EdgeNumber => TryEdgeNumber(p, out end, out expr),
            W.Season => TrySeason(p, out end, out expr),
            W.Ordinal => TryOrdinalPeriod(p, out end, out expr),
            W.DayPart => TryDayPartLed(p, out end, out expr),
            W.Roman => TryRomanCentury(p, out end, out expr),
            W.DecadeWord => TryDecadeWord(p, out end, out expr),
            W.NumWord => TryShiftAmount(p, out end, out expr) || TryClockHour(p, out end, out expr),
            W.Article or W.After => TryShiftAmount(p, out end, out expr),
            W.Unit => TryShiftAmount(p, out end, out expr) || TryTheUnit(p, out end, out expr),
            W.Apostrophe => TryApostropheYear(p, out end, out expr),
            W.Later => TryLaterToday(p, out end, out expr),
            _ => false,
        };
        if (ok) Trailing(ref end, ref expr);
        _depth--;
        return ok;
    }

    private bool TryNumberLed(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (TryDayMonth(p, out int e, out var x)) { end = e; expr = x; }
        if (TryYear(p, out e, out x) && e > end) { end = e; expr = x; }
        if (TryNumericToken(p, out e, out x) && e > end) { end = e; expr = x; }
        if (TryDecadeOrCentury(p, out e, out x) && e > end) { end = e; expr = x; }
        if (TryShiftAmount(p, out e, out x) && e > end) { end = e; expr = x; }
        if (TryMilitaryTime(p, out e, out x) && e > end) { end = e; expr = x; }
        if (TryClockHour(p, out e, out x) && e > end) { end = e; expr = x; }
        return end > p;
    }

    /// <summary>Day [of] Month [Year]: <c>15 августа 2014</c>, <c>15-го августа 2014 г.</c>, <c>15th of August 2014</c>, <c>27-28 сентября</c>.</summary>
    private bool TryDayMonth(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int q;
        int day, day2 = 0;
        if (NumIn(p, 1, 31, 2) && IsDash(p + 1) && NumIn(p + 2, Num(p) + 1, 31, 2) && K(p + 3) is W.Month or W.MonthAbbr)
        {
            // 25—26 января: a range of days written with a separate dash.
            (day, day2) = (Num(p), Num(p + 2));
            q = p + 3;
        }
        else if (NumIn(p, 1, 31, 2)) { day = Num(p); q = OrdinalSuffix(p); }
        else if (!TryDayToken(p, out day, out day2)) return false;
        else q = p + 1;
        if (K(q) == W.Of) q++;
        if (K(q) is not (W.Month or W.MonthAbbr) || !MonthCaseOk(q)) return false;
        int month = V(q);
        q = SkipAbbrDot(q);
        int? year = null;
        int? shift = null;
        if (TryYearAfterMonth(q, out int qy, out int y)) { year = y; q = qy; }
        else if (TryRelativeYear(q, out int qr, out int s)) { shift = s; q = qr; }
        if (!ValidDay(year, month, day) || day2 > 0 && (!ValidDay(year, month, day2) || day2 <= day)) return false;
        end = q;
        var first = new CalendarExpr(year, month, day) { YearShift = shift, Future = year is null && FutureNear(p) };
        expr = day2 > 0 ? new RangeExpr(first, first with { Day = day2 }) : first;
        return true;
    }

    private static bool ValidDay(int? year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year ?? 2000, month);

    /// <summary>After a month: <c>, 2014</c>, <c>2014 г.</c>, <c>2014 года</c>, <c>2014г</c>. Returns the index after it.</summary>
    private readonly bool TryYearAfterMonth(int q, out int end, out int year)
    {
        end = q;
        int r = Is(q, ',') ? q + 1 : q;
        if (IsOrdinalYear(r, out year)) { end = r + 1; return true; }
        if (!IsYearNumber(r, out year)) return false;
        end = AfterYearWord(r + 1, singularOnly: false);
        return true;
    }

    /// <summary>Skips a year word or mark after a year number (<c>года</c>, <c>г.</c>, <c>гг.</c>).</summary>
    private readonly int AfterYearWord(int q, bool singularOnly)
    {
        if (K(q) == W.YearMark) return q + 1;
        // "лет" counts years (100 лет) and never names one.
        if (K(q) == W.Unit && U(q) == DateUnit.Year && !Latin(q) && (!singularOnly || V(q) == 0) && T(q) is not ("лет" or "Лет")) return q + 1;
        return q;
    }

    /// <summary><c>текущего года</c>, <c>прошлого года</c>, <c>this year</c>: the year relative to the anchor.</summary>
    private readonly bool TryRelativeYear(int q, out int end, out int shift)
    {
        end = q;
        shift = 0;
        if (K(q) != W.Shift || K(q + 1) != W.Unit || U(q + 1) != DateUnit.Year || V(q + 1) != 0) return false;
        shift = V(q);
        end = q + 2;
        return true;
    }

    /// <summary>Year with a year word (<c>2021 году</c>, <c>1931г</c>) or a bare year where the context says so.</summary>
    private bool TryYear(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int n = Num(p);
        if (n < 0) return false;
        int after = AfterYearWord(p + 1, singularOnly: false);
        bool marked = after > p + 1 && n is >= 100 and <= 2199 && _lex[p].Digits >= 3;
        if (!marked && !(IsYearNumber(p, out _) && BareYearOk(p))) return false;
        end = marked ? after : p + 1;
        if (marked && In(end) && T(end) is "рождения") end++;
        expr = new FixedExpr(TimexValue.OfDate(n));
        return true;
    }

    /// <summary>May a bare four-digit number at <paramref name="p"/> be read as a year?</summary>
    private readonly bool BareYearOk(int p)
    {
        int n = Num(p);
        if (In(p - 1) && (T(p - 1) is "$" or "€" or "£" or "#" or "№" or "No" || _tok[p - 1].Kind == TokenKind.Number)) return false;
        if (In(p + 1) && (T(p + 1) is "%" or "$" or "€" || _tok[p + 1].Kind == TokenKind.Number)) return false;
        if (In(p + 1) && IsCountedNoun(T(p + 1))) return false;
        bool cue = In(p - 1) && (Prep(p - 1, PrepFlags.YearCue) || K(p - 1) is W.Edge or W.Of or W.Month or W.Season
            || T(p - 1) is "c." or "ca." or "circa" || Is(p - 1, '(') && (Is(p + 1, ')') || IsDash(p + 1) && IsYearNumber(p + 2, out _))
            || IsDash(p - 1) && IsYearNumber(p - 2, out _) && Is(p + 1, ')'));
        if (cue) return true;
        if (n is < 1900 or > 2100) return false;
        // A year right after a name is part of it (Windows 2000, Russell 2000, Евро 2012).
        if (In(p - 1) && _tok[p - 1].Kind == TokenKind.Word && IsCapitalized(p - 1) && K(p - 1) == W.None
            && !_tok[p - 1].Has(TokenFlags.SentenceStart)) return false;
        // Russian quantities read "2000 человек": a lower-case Cyrillic word right after the number.
        return !(IsLowerWord(p + 1) && _tok[p + 1].Has(TokenFlags.HasCyrillic) && !IsFunctionWord(p + 1));
    }

    /// <summary>Month first: <c>August 15, 2014</c>, <c>June 1st</c>, <c>в августе 2014 года</c>, <c>в августе текущего года</c>, <c>в августе</c>.</summary>
    private bool TryMonthLed(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (!MonthCaseOk(p)) return false;
        if (K(p) == W.MonthPair)
        {
            int m1 = V(p) / 100, m2 = V(p) % 100;
            int q0 = p + 1;
            int? y0 = TryYearAfterMonth(q0, out int qy0, out int yy) ? yy : null;
            end = y0 is null ? q0 : qy0;
            expr = new RangeExpr(new CalendarExpr(y0, m1), new CalendarExpr(y0, m2));
            return true;
        }
        int month = V(p);
        int q = p + 1;
        int? year = null;
        // Month Day[st] [,] [Year]
        int day = 0, day2 = 0;
        if (NumIn(q, 1, 31, 2) && !(In(q + 1) && Is(q + 1, ',') && NumIn(q + 2, 0, 999, 3)))
        {
            day = Num(q);
            q = OrdinalSuffix(q);
        }
        else if (TryDayToken(q, out int d1, out int d2) && d2 > 0)
        {
            day = d1;
            day2 = d2;
            q++;
        }
        if (TryYearAfterMonth(q, out int qy, out int y)) { year = y; q = qy; }
        else if (TryRelativeYear(q, out int qr, out int shift))
        {
            if (day > 0 && !ValidDay(null, month, day)) return false;
            end = qr;
            expr = new CalendarExpr(null, month, day) { YearShift = shift };
            return true;
        }
        if (day > 0 && !ValidDay(year, month, day)) return false;
        if (day == 0 && year is null && !MonthAloneOk(p)) return false;
        end = q;
        var first = new CalendarExpr(year, month, day) { Future = year is null && FutureNear(p) };
        expr = day2 > day ? new RangeExpr(first, first with { Day = day2 }) : first;
        return true;
    }

    /// <summary>Weekday [day part] [, date]: <c>в четверг</c>, <c>Friday morning</c>, <c>в среду, 29 апреля 2020 года</c>.</summary>
    private bool TryWeekday(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int iso = V(p) % 10;
        bool ambiguous = V(p) > 10;
        if (!WeekdayCaseOk(p)) return false;
        int q = p + 1;
        var part = DayPart.None;
        if (K(q) == W.DayPart) { part = (DayPart)V(q); q++; }
        if (TryDateAfter(q, out int e, out var c))
        {
            end = e;
            expr = part == DayPart.None ? c : c with { DayPart = part };
            return true;
        }
        if (ambiguous) return false;
        end = q;
        expr = new WeekdayExpr(iso, 0, part, FutureNear(p));
        return true;
    }

    /// <summary>A calendar day right after a weekday or <c>вчера</c>, after a comma, dash or bracket: <c>в среду, 29 апреля</c>.</summary>
    private bool TryDateAfter(int q, out int end, out CalendarExpr date)
    {
        end = -1;
        date = null!;
        int r = Is(q, ',') || IsDash(q) || Is(q, '(') ? q + 1 : q;
        if (!In(r) || K(r) is not (W.Number or W.Month) || !TryPoint(r, out end, out var x) || x is not CalendarExpr { Day: > 0 } c) return false;
        date = c;
        return true;
    }

    /// <summary><c>сегодня</c>, <c>вчера, 9 мая 2019 года</c>, <c>yesterday</c>.</summary>
    private bool TryRelDay(int p, out int end, out DateExpr expr)
    {
        int q = p + 1;
        var part = DayPart.None;
        if (K(q) == W.DayPart) { part = (DayPart)V(q); q++; }
        int r = Is(q, ',') || IsDash(q) ? q + 1 : q;
        if (In(r) && K(r) is W.Number or W.Month && TryPoint(r, out int e, out var date) && date is CalendarExpr { Day: > 0 })
        {
            end = e;
            expr = date;
            return true;
        }
        end = q;
        expr = new RelativeExpr(DateUnit.Day, V(p), part);
        return true;
    }

    /// <summary><c>earlier today</c>, <c>later today</c>.</summary>
    private bool TryLaterToday(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        // Russian news says "ранее сегодня" rarely, and NEREL leaves "ранее" out of the span.
        if (K(p + 1) != W.RelDay || !Latin(p)) return false;
        end = p + 2;
        expr = new RelativeExpr(DateUnit.Day, V(p + 1));
        return true;
    }

    /// <summary>this/last/next + unit, weekday, month, season or day part: <c>в прошлом году</c>, <c>last Friday</c>, <c>this morning</c>.</summary>
    private bool TryShifted(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int shift = V(p);
        int q = p + 1;
        bool same = K(q) == W.Particle;
        if (same) q++;
        switch (K(q))
        {
            case W.Unit when V(q) == 0 && U(q) is not (DateUnit.Hour or DateUnit.Minute):
                var unit = U(q);
                end = q + 1;
                if (same) expr = new FocusExpr(unit);
                else if (unit == DateUnit.Day && shift != 0) expr = new FocusExpr(DateUnit.Day, shift);
                // «the following year», «the previous month» count from the year or month the text speaks of («next year»
                // and «last month» from the document date).
                else if (unit is DateUnit.Year or DateUnit.Month && shift != 0 && Anaphoric(p)) expr = new FocusExpr(unit, shift);
                else expr = new RelativeExpr(unit, shift);
                return true;
            case W.Weekday when !same:
                end = q + 1;
                expr = new WeekdayExpr(V(q) % 10, shift == 0 ? 0 : Math.Sign(shift));
                if (TryDateAfter(end, out int de, out var date)) { end = de; expr = date; }
                return true;
            case W.Month when !same && MonthCaseOk(q):
                end = q + 1;
                expr = shift == 0 ? new CalendarExpr(null, V(q)) { YearShift = 0 } : new CalendarExpr(null, V(q)) { Direction = Math.Sign(shift) };
                return true;
            case W.Season when !same:
                end = q + 1;
                expr = new PeriodExpr(TimexKind.Season, V(q), null, shift);
                return true;
            case W.DayPart when !same && shift == 0:
                end = q + 1;
                expr = new RelativeExpr(DateUnit.Day, 0, (DayPart)V(q));
                return true;
        }
        return false;
    }

    /// <summary>English shift words that point back into the text rather than at the document date.</summary>
    private readonly bool Anaphoric(int p) =>
        T(p).Equals("following", StringComparison.OrdinalIgnoreCase) || T(p).Equals("previous", StringComparison.OrdinalIgnoreCase)
        || T(p).Equals("prior", StringComparison.OrdinalIgnoreCase);

    /// <summary><c>that year</c>, <c>the same day</c>, <c>в том же году</c>: the unit in focus.</summary>
    private bool TryThat(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int q = p + 1;
        if (K(q) == W.Particle) q++;
        if (K(q) != W.Unit || V(q) != 0 || U(q) is not (DateUnit.Year or DateUnit.Month or DateUnit.Day or DateUnit.Week)) return false;
        end = q + 1;
        expr = new FocusExpr(U(q));
        return true;
    }

    /// <summary>
    /// Beginning/middle/end of a period: <c>в начале 2017 года</c>, <c>в конце марта</c>, <c>the end of last year</c>,
    /// <c>early 2009</c>, <c>the beginning of the year</c>. The value is the period's (TIMEX3 keeps the edge as a modifier).
    /// </summary>
    private bool TryEdge(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int q = p + 1;
        bool of = K(q) == W.Of;
        if (of) q++;
        else if (Latin(p) && T(p) is not ("early" or "late" or "mid" or "Early" or "Late" or "Mid")) return false;
        if (of && K(q) == W.The && K(q + 1) == W.Unit && V(q + 1) == 0) q++;
        if (K(q) == W.Unit && V(q) == 0 && U(q) is DateUnit.Year or DateUnit.Month or DateUnit.Week or DateUnit.Day && (of || !Latin(q)))
        {
            end = q + 1;
            expr = new RelativeExpr(U(q), 0);
            return true;
        }
        if (!TryPoint(q, out end, out expr)) return false;
        return expr is not (WeekdayExpr or TimeExpr);
    }

    /// <summary><c>mid-2011</c>, <c>mid-1990s</c>, <c>early-2009</c>: one hyphenated token.</summary>
    private bool TryEdgeNumber(int p, out int end, out DateExpr expr)
    {
        end = p + 1;
        expr = null!;
        var s = T(p);
        int h = s.IndexOfAny('-', '\u2010', '\u2011');
        var digits = s[(h + 1)..];
        bool decade = digits.Length == 5 && digits[4] is 's' or 'S';
        if (decade) digits = digits[..4];
        if (digits.Length != 4 || !AllDigits(digits)) return false;
        int y = ParseDigits(digits);
        expr = new FixedExpr(decade ? new TimexValue(TimexKind.Decade, Part: y / 10) : TimexValue.OfDate(y));
        return true;
    }

    /// <summary><c>весной 2012 года</c>, <c>осенью</c>, <c>spring 2009</c>, <c>in the fall of 2008</c>.</summary>
    private bool TrySeason(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int season = V(p);
        int q = p + 1;
        if (K(q) == W.Of) q++;
        if (IsYearNumber(q, out int y))
        {
            end = AfterYearWord(q + 1, singularOnly: true);
            expr = new PeriodExpr(TimexKind.Season, season, y, null);
            return true;
        }
        if (TryRelativeYear(q, out int qr, out int shift))
        {
            end = qr;
            expr = new PeriodExpr(TimexKind.Season, season, null, shift);
            return true;
        }
        if (!SeasonAloneOk(p)) return false;
        end = p + 1;
        expr = new PeriodExpr(TimexKind.Season, season, null, null);
        return true;
    }

    /// <summary>
    /// Ordinal quarter/half: <c>the first quarter of 2009</c>, <c>the third quarter of this year</c>, <c>во второй половине 1950-х</c>
    /// (a half of something other than a year keeps the inner value).
    /// </summary>
    private bool TryOrdinalPeriod(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int n = V(p);
        int q = p + 1;
        if (K(q) != W.Unit || V(q) != 0 || U(q) is not (DateUnit.Quarter or DateUnit.Half)) return false;
        var kind = U(q) == DateUnit.Quarter ? TimexKind.Quarter : TimexKind.Half;
        int last = kind == TimexKind.Quarter ? 4 : 2;
        if (n == 9) n = last;
        if (n > last) return false;
        q++;
        int r = K(q) == W.Of ? q + 1 : q;
        if (IsYearNumber(r, out int y))
        {
            end = AfterYearWord(r + 1, singularOnly: true);
            expr = new PeriodExpr(kind, n, y, null);
            return true;
        }
        if (TryRelativeYear(r, out int rr, out int shift))
        {
            end = rr;
            expr = new PeriodExpr(kind, n, null, shift);
            return true;
        }
        if (kind == TimexKind.Half && In(r) && TryPoint(r, out end, out expr)) return expr is not (WeekdayExpr or TimeExpr);
        if (kind != TimexKind.Quarter) return false;
        end = q;
        expr = new PeriodExpr(kind, n, null, null) { Future = FutureNear(p) };
        return true;
    }

    /// <summary>Day part before a date: <c>утром 6 апреля</c>, <c>утром в понедельник, 30 марта</c>, <c>в ночь на 18 апреля 2019 года</c>.</summary>
    private bool TryDayPartLed(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        var part = (DayPart)V(p);
        int q = p + 1;
        // в ночь с 18 на 19 апреля 2020 года: the night that begins on the first day.
        if (part == DayPart.Night && T(q) is "с" or "со" && NumIn(q + 1, 1, 31, 2) && T(q + 2) is "на" && In(q + 3)
            && TryPoint(q + 3, out end, out var next) && next is CalendarExpr { Day: > 0, Hour: < 0 } nd
            && (nd.Day == Num(q + 1) + 1 || nd.Day == 1 && Num(q + 1) >= 28))
        {
            expr = nd.Day == 1 ? nd with { DayPart = part } : nd with { Day = Num(q + 1), DayPart = part };
            return true;
        }
        if (K(q) == W.Prep) q++;
        if (!In(q) || K(q) is not (W.Number or W.Month or W.Weekday or W.RelDay) || !TryPoint(q, out end, out expr)) return false;
        expr = expr switch
        {
            CalendarExpr { Day: > 0 } c => c with { DayPart = part },
            WeekdayExpr w => w with { DayPart = part },
            RelativeExpr { Unit: DateUnit.Day } r => r with { DayPart = part },
            _ => expr,
        };
        return true;
    }

    /// <summary><c>XX века</c>, <c>в XXI веке</c>: century of a Roman numeral.</summary>
    private bool TryRomanCentury(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int c = V(p);
        if (c is < 1 or > 21 || K(p + 1) != W.Unit || U(p + 1) != DateUnit.Century) return false;
        end = p + 2;
        expr = new FixedExpr(new TimexValue(TimexKind.Century, Part: c - 1));
        return true;
    }

    /// <summary><c>девяностые годы</c>, <c>в восьмидесятых годах</c>: decade words of the 1900s.</summary>
    private bool TryDecadeWord(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (K(p + 1) != W.Unit || U(p + 1) != DateUnit.Year || V(p + 1) != 1) return false;
        end = p + 2;
        expr = new FixedExpr(new TimexValue(TimexKind.Decade, Part: 190 + V(p)));
        return true;
    }

    // ---- amounts: ago / after / durations ------------------------------------------------------------------------

    /// <summary>An amount: a plain number, a decimal (<c>1,5</c>), a number word (<c>два</c>, <c>полтора</c>) or vague (<c>несколько</c>).</summary>
    private readonly bool TryAmount(int p, out int end, out double? amount)
    {
        end = p;
        amount = null;
        if (!In(p)) return false;
        if (K(p) == W.Number)
        {
            if (Num(p) >= 0) { amount = Num(p); end = p + 1; return Num(p) <= 1000; }
            var s = T(p);
            int c = s.IndexOfAny(',', '.');
            if (c > 0 && c < s.Length - 1 && s.Length <= 5 && AllDigits(s[..c]) && AllDigits(s[(c + 1)..]))
            {
                amount = ParseDigits(s[..c]) + ParseDigits(s[(c + 1)..]) / Math.Pow(10, s.Length - c - 1);
                end = p + 1;
                return true;
            }
            return false;
        }
        if (K(p) == W.NumWord)
        {
            int v = V(p);
            amount = v == 0 ? null : v / 10.0;
            end = p + 1;
            // "two and a half years"
            if (v > 0 && K(end) == W.RangeTo && K(end + 1) == W.Article && In(end + 2) && T(end + 2) is "half") { amount += 0.5; end += 3; }
            return true;
        }
        return false;
    }

    /// <summary>
    /// <c>два года назад</c>, <c>two years ago</c>, <c>год назад</c>, <c>a week ago</c>, <c>через два дня</c>, <c>спустя несколько дней</c>,
    /// <c>Годом позже</c>: an amount of units counted from the anchor.
    /// </summary>
    private bool TryShiftAmount(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int q = p;
        int sign = 0;
        if (K(q) == W.After) { sign = V(q); q++; }
        if (K(q) == W.Approx) q++;
        double? amount = 1;
        if (K(q) == W.Article) q++;
        else if (K(q) != W.Unit && !TryAmount(q, out q, out amount)) return false;
        if (K(q) != W.Unit || U(q) is DateUnit.Weekend) return false;
        var unit = U(q);
        q++;
        bool fromFocus = false;
        if (sign == 0)
        {
            if (K(q) == W.Particle) q++;
            if (K(q) != W.Later) return false;
            sign = V(q);
            // «ago» and «назад» count back from now; «later», «earlier», «позже», «ранее» from the time the text speaks of.
            fromFocus = !T(q).Equals("ago", StringComparison.OrdinalIgnoreCase) && !T(q).Equals("назад", StringComparison.OrdinalIgnoreCase);
            q++;
        }
        else if (K(p + 1) == W.Article) return false;
        end = q;
        expr = new ShiftExpr(unit, amount, sign) { FromFocus = fromFocus };
        return true;
    }

    /// <summary>
    /// Lengths of time: <c>два года</c>, <c>10 суток</c>, <c>1 год 5 месяцев</c>, <c>в течение недели</c>, <c>за последние 200 лет</c>,
    /// <c>несколько месяцев</c>, <c>25-летний</c>, <c>six months</c>, <c>12-year</c>. Values are ISO durations (<c>P2Y</c>, <c>PXM</c>).
    /// </summary>
    private bool TryDuration(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        int q = p;
        // пятилетний срок, 15-летний опыт, трёхдневный траур: the adjective alone is the span (NEREL); before a person
        // (42-летний Азамат) it is an age.
        int adjective = K(q) == W.DurationAdjective && V(q) > 0 ? q
            : Num(q) is > 0 and <= 1000 && Glued(q) && IsDash(q + 1) && Glued(q + 1) && K(q + 2) == W.DurationAdjective && V(q + 2) == 0 ? q + 2 : -1;
        if (adjective >= 0)
        {
            if (!In(adjective + 1) || !IsLengthNoun(T(adjective + 1))) return false;
            end = adjective + 1;
            double amount = adjective == q ? V(q) / 10.0 : Num(q);
            expr = new FixedExpr(TimexValue.Duration(DurationCode(amount, U(adjective))));
            return true;
        }
        bool lastN = K(q) == W.Ordinal && V(q) is 8 or 9;
        if (lastN) q++;
        // 12-year, 30-day (Russian N-летний is an age: NEREL's AGE, not a date)
        if (Num(q) is > 0 and <= 1000 && Glued(q) && IsDash(q + 1) && Glued(q + 1) && K(q + 2) == W.Unit && Latin(q + 2))
        {
            end = q + 3;
            expr = new FixedExpr(TimexValue.Duration(DurationCode(Num(q), U(q + 2))));
            return true;
        }
        System.Text.StringBuilder? code = null; // made at the first amount: this runs at every token
        bool any = false;
        while (true)
        {
            double? amount;
            int r;
            // A capitalized unit inside a sentence names an event (Неделя моды), not a length of time.
            if (K(q) == W.Unit && IsCapitalized(q) && !_tok[q].Has(TokenFlags.SentenceStart) && !Latin(q)) break;
            if (K(q) == W.Unit && (lastN || V(q) == 2 || IntroducesDuration(p)))
            {
                // полгода counts itself; a plural unit alone (последние недели) is a vague amount.
                amount = V(q) == 1 ? null : 1;
                r = q;
            }
            else if (!TryAmount(q, out r, out amount) || K(r) != W.Unit) break;
            if (IsYearNumber(q, out _) && V(r) == 0) break;
            var unit = U(r);
            if (unit is DateUnit.Weekend) break;
            // "45 лет" alone is mostly an age; a length of years needs a word that introduces it (за, в течение, около…),
            // a predicate before it (отсидел три года), or a smaller unit after it (1 год 6 месяцев).
            // A vague amount (несколько лет) is never an age.
            if (!any && unit == DateUnit.Year && !lastN && !Latin(r) && amount is not null && !IntroducesYears(p) && !AfterPredicate(p)
                && !(K(r + 1) == W.Number && K(r + 2) == W.Unit) && !PrisonTerm(p, r + 1)) break;
            // в возрасте более 100 лет, ему было примерно 45 лет: an age even after an approximation.
            if (!any && unit == DateUnit.Year && !Latin(r) && AgeBefore(p)) break;
            if (In(r + 1) && T(r + 1) is "old" or "жизни") break;
            AppendDuration(code ??= new System.Text.StringBuilder("P"), amount, unit);
            any = true;
            q = r + 1;
            if (!(K(q) == W.Number && K(q + 1) == W.Unit)) break;
        }
        if (!any || ComparesAges(p, q)) return false;
        end = q;
        expr = new FixedExpr(TimexValue.Duration(code!.ToString()));
        return true;
    }

    /// <summary>Words before <c>N лет</c> that make it a length of time, not an age.</summary>
    private readonly bool IntroducesYears(int p) =>
        IntroducesDuration(p) || In(p - 1) && (K(p - 1) == W.Approx || K(p - 1) == W.Prep && T(p - 1) is "от" or "От" or "к" or "К" or "после" or "После");

    /// <summary>
    /// <c>N лет</c> after a lower-case Russian word that is not a date word nor an age cue (<c>отсидел три года</c>,
    /// <c>ещё два года</c>, but not <c>ему 45 лет</c>, <c>исполнилось 100 лет</c>, <c>в возрасте 92 лет</c>).
    /// </summary>
    private readonly bool AfterPredicate(int p) =>
        IsLowerWord(p - 1) && _tok[p - 1].Has(TokenFlags.HasCyrillic) && K(p - 1) == W.None && !IsAgeCue(T(p - 1));

    /// <summary>
    /// A prison term is a length of time: a sentencing word before the amount (<c>грозит до 15 лет</c>, <c>на срок от 8 до 20 лет</c>,
    /// one preposition may stand between) or a penalty noun after it (<c>17 лет тюрьмы</c>, <c>до трёх лет лишения свободы</c>).
    /// </summary>
    private readonly bool PrisonTerm(int p, int end)
    {
        if (In(end) && IsPenaltyAfter(T(end))) return true;
        int b = In(p - 1) && K(p - 1) == W.Prep ? p - 2 : p - 1;
        return In(b) && IsLowerWord(b) && IsSentencingWord(T(b));
    }

    /// <summary>An age cue right before an amount of years, across approximations and prepositions (<c>в возрасте более 100 лет</c>).</summary>
    private readonly bool AgeBefore(int p)
    {
        int b = p - 1;
        while (In(b) && b >= p - 3 && K(b) is W.Approx or W.Prep) b--;
        return b < p - 1 && In(b) && IsLowerWord(b) && IsAgeCue(T(b));
    }

    /// <summary>An age difference, not a length of time: <c>на 10 лет моложе</c>, <c>младше него на 50 лет</c>.</summary>
    private readonly bool ComparesAges(int p, int end)
    {
        if (In(end) && T(end) is "старше" or "младше" or "моложе") return true;
        for (int i = p - 1; i >= Math.Max(_first, p - 3); i--) if (T(i) is "старше" or "младше" or "моложе") return true;
        return false;
    }

    /// <summary>A bare unit word (<c>недели</c>) is a duration after <c>в течение</c>, <c>за</c>, <c>на</c>.</summary>
    private readonly bool IntroducesDuration(int p) =>
        In(p - 1) && (K(p - 1) == W.During || K(p - 1) == W.Prep && T(p - 1) is "за" or "на" or "За" or "На"
            || K(p - 1) == W.Approx && !Latin(p - 1));

    private static string DurationCode(double amount, DateUnit unit)
    {
        var sb = new System.Text.StringBuilder("P");
        AppendDuration(sb, amount, unit);
        return sb.ToString();
    }

    private static void AppendDuration(System.Text.StringBuilder sb, double? amount, DateUnit unit)
    {
        var n = amount is { } a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "X";
        if (unit is DateUnit.Hour or DateUnit.Minute && !sb.ToString().Contains('T')) sb.Append('T');
        sb.Append(unit switch
        {
            DateUnit.Year => n + "Y",
            DateUnit.Month => n + "M",
            DateUnit.Week => n + "W",
            DateUnit.Day => n + "D",
            DateUnit.Quarter => n + "Q",
            DateUnit.Half => amount is { } h ? (h * 6).ToString(System.Globalization.CultureInfo.InvariantCulture) + "M" : "XM",
            DateUnit.Decade => n + "DE",
            DateUnit.Century => n + "CE",
            DateUnit.Hour => n + "H",
            DateUnit.Minute => n + "M",
            _ => n + "X",
        });
    }

    // ---- ranges ------------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>с 1 по 5 мая</c>, <c>с 16 апреля по 19 мая 2019 года</c>, <c>с 1994 по 2000 годы</c>, <c>from May 1 to 5</c>,
    /// <c>between 2014 and 2016</c>, <c>1998—2010 годах</c>. A bare day or year on the left takes month and year from the right.
    /// </summary>
    private bool TryRange(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (!Prep(p, PrepFlags.RangeFrom)) return false;
        int a = p + 1;
        DateExpr? left = null;
        int c;
        if (NumIn(a, 1, 31, 2) && !(In(a + 1) && K(a + 1) is W.Month or W.MonthAbbr)) { c = a + 1; }
        else if (IsYearNumber(a, out int ly) && !(In(a + 1) && K(a + 1) is W.Unit or W.YearMark)) { left = new FixedExpr(TimexValue.OfDate(ly)); c = a + 1; }
        else if (!TryPoint(a, out c, out left) || left is not (CalendarExpr or FixedExpr { Value.Kind: TimexKind.Date })) return false;
        if (!(IsDash(c) || Prep(c, PrepFlags.RangeTo) || K(c) == W.RangeTo)) return false;
        int b = c + 1;
        if (left is CalendarExpr { Day: > 0 } lc && NumIn(b, lc.Day + 1, 31, 2) && !(In(b + 1) && K(b + 1) is W.Month or W.MonthAbbr))
        {
            // from May 1 to 5
            int bend = b + 1;
            if (TryYearAfterMonth(bend, out int ye, out int yy)) { lc = lc with { Year = yy }; bend = ye; }
            if (!ValidDay(lc.Year, lc.Month, Num(b))) return false;
            end = bend;
            expr = new RangeExpr(lc, lc with { Day = Num(b) });
            return true;
        }
        if (left is null && TryDurationRange(a, b, out end, out expr)) return true;
        if (!TryPoint(b, out int e, out var right)) return false;
        if (left is null)
        {
            if (right is not CalendarExpr { Day: > 0 } rc || Num(a) >= rc.Day) return false;
            left = rc with { Day = Num(a), Hour = -1 };
        }
        if (!Compatible(left, right)) return false;
        end = e;
        expr = Join(left, right);
        return true;
    }

    /// <summary>
    /// <c>от 5 до 10 дней</c>, <c>от 8 до 20 лет</c> (lengths of years only as a prison term, else they are ages:
    /// <c>детей от 13 до 18 лет</c>): an interval of durations (<c>P8Y/P20Y</c>).
    /// </summary>
    private bool TryDurationRange(int a, int b, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (!TryAmount(a, out int ae, out var lo) || ae != a + 1 || lo is null || !TryAmount(b, out int r, out var hi) || hi is null
            || hi <= lo || K(r) != W.Unit || V(r) != 1 || Latin(r)) return false;
        var unit = U(r);
        if (unit is DateUnit.Weekend || unit == DateUnit.Year && !PrisonTerm(a - 1, r + 1)) return false;
        end = r + 1;
        expr = new RangeExpr(new FixedExpr(TimexValue.Duration(DurationCode(lo.Value, unit))),
            new FixedExpr(TimexValue.Duration(DurationCode(hi.Value, unit))));
        return true;
    }

    /// <summary>Joins two ends of a range, copying a missing year (and month) from the right end to the left.</summary>
    private static DateExpr Join(DateExpr left, DateExpr right)
    {
        if (left is CalendarExpr l && right is CalendarExpr r && l.Year is null && l.YearShift is null)
            left = l with { Year = r.Year, YearShift = r.YearShift };
        return new RangeExpr(left, right);
    }

    // ---- trailing parts ----------------------------------------------------------------------------------------

    /// <summary>
    /// After a point: a clock time (<c>, 20:29</c>, <c>(15:27)</c>, <c>в 14:00</c>, <c>18:00 UTC</c>), a day part
    /// (<c>в субботу утром</c>) or a confirming weekday (<c>25 июля, в четверг</c>).
    /// </summary>
    private void Trailing(ref int end, ref DateExpr expr)
    {
        int q = end;
        if (expr is CalendarExpr { Day: > 0 } c)
        {
            int r = q;
            bool paren = false;
            if (Is(r, ',')) r++;
            else if (Is(r, '(')) { r++; paren = true; }
            if (K(r) == W.Prep) r++;
            if (TryClock(r, out int ce, out int h, out int m, out bool utc))
            {
                if (paren) { if (!Is(ce, ')')) return; ce++; }
                end = ce;
                expr = c with { Hour = h, Minute = m, Utc = utc };
                return;
            }
            if (K(q) == W.DayPart) { end = q + 1; expr = c with { DayPart = (DayPart)V(q) }; return; }
            r = Is(q, ',') ? q + 1 : q;
            if (K(r) == W.Prep && T(r) is "в" or "во") r++;
            if (r > q && K(r) == W.Weekday && WeekdayCaseOk(r)) { end = r + 1; return; }
            if (Is(q, '(') && K(q + 1) == W.Weekday && Is(q + 2, ')')) end = q + 3;
            return;
        }
        if (expr is WeekdayExpr && (K(q) == W.Prep || K(q) == W.Approx) && TryClock(q + 1, out int we, out int wh, out int wm, out bool wu))
        {
            end = we;
            expr = new TimeExpr(wh, wm, wu, expr);
            return;
        }
        if (expr is WeekdayExpr { DayPart: DayPart.None } w && K(q) == W.DayPart)
        {
            end = q + 1;
            expr = w with { DayPart = (DayPart)V(q) };
        }
        if (expr is TimeExpr { Day: null } t && K(q) is W.Weekday or W.RelDay or W.Number or W.Month && TryPoint(q, out int de, out var day)
            && day is WeekdayExpr or RelativeExpr or CalendarExpr { Day: > 0 })
        {
            end = de;
            expr = t with { Day = day };
        }
    }

    /// <summary>Is there a future-tense word within a few tokens of <paramref name="p"/> in its sentence?</summary>
    private readonly bool FutureNear(int p)
    {
        for (int i = Math.Max(_first, p - 6); i < Math.Min(_limit, p + 4); i++) if (_lex[i].Kind == W.Future) return true;
        return false;
    }

    /// <summary>A clock time token <c>hh:mm</c> with an optional zone or a.m./p.m.; returns the index after it.</summary>
    private readonly bool TryClock(int q, out int end, out int hour, out int minute, out bool utc)
    {
        end = q;
        hour = minute = 0;
        utc = false;
        if (!In(q) || K(q) != W.Number) return false;
        var s = T(q);
        if (s.Length is < 4 or > 5 || s[^3] != ':' || !AllDigits(s[..^3]) || !AllDigits(s[^2..])) return false;
        hour = ParseDigits(s[..^3]);
        minute = ParseDigits(s[^2..]);
        if (hour > 23 || minute > 59) return false;
        end = q + 1;
        if (K(end) == W.AmPm)
        {
            if (hour > 12) return false;
            hour = hour % 12 + V(end);
            end++;
        }
        if (K(end) == W.Zone) { utc = V(end) == 0; end++; }
        else end = AfterLocalTimeZone(end);
        return true;
    }
}
