using System.Collections.Frozen;
using Extraction.Documents;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Dates;

/// <summary>Russian words and the rules only Russian needs (<c>15-го</c>, <c>1990-х</c>, <c>по московскому времени</c>).</summary>
internal ref partial struct DateGrammar
{
    private const PrepFlags Inc = PrepFlags.Included;
    private const PrepFlags Cue = PrepFlags.YearCue;

    private static LexEntry E(W kind, int value = 0, DateUnit unit = DateUnit.None, PrepFlags prep = PrepFlags.None) =>
        new(kind, (short)value, unit, prep);

    /// <summary>Russian forms (space-separated inflections) and their entries. Wednesday's forms other than <c>среду</c>
    /// also mean "environment" and carry value 13: they count only with a date after them.</summary>
    internal static IEnumerable<(string Forms, LexEntry Entry)> RussianWords()
    {
        string[] months =
        [
            "январь января январе январю январём", "февраль февраля феврале февралю февралём", "март марта марте марту мартом",
            "апрель апреля апреле апрелю апрелем", "май мая мае маю маем", "июнь июня июне июню июнем",
            "июль июля июле июлю июлем", "август августа августе августу августом", "сентябрь сентября сентябре сентябрю сентябрём",
            "октябрь октября октябре октябрю октябрём", "ноябрь ноября ноябре ноябрю ноябрём", "декабрь декабря декабре декабрю декабрём",
        ];
        for (int m = 0; m < 12; m++) yield return (months[m], E(W.Month, m + 1));
        string[] abbr = ["янв", "фев февр", "", "апр", "", "июн", "июл", "авг", "сен сент", "окт", "нояб", "дек"];
        for (int m = 0; m < 12; m++) if (abbr[m].Length > 0) yield return (abbr[m], E(W.MonthAbbr, m + 1));

        yield return ("понедельник понедельника понедельнику понедельником понедельнике", E(W.Weekday, 1));
        yield return ("вторник вторника вторнику вторником вторнике", E(W.Weekday, 2));
        yield return ("среду", E(W.Weekday, 3));
        yield return ("среда среды среде средой", E(W.Weekday, 13));
        yield return ("четверг четверга четвергу четвергом четверге", E(W.Weekday, 4));
        yield return ("пятница пятницы пятнице пятницу пятницей", E(W.Weekday, 5));
        yield return ("суббота субботы субботе субботу субботой", E(W.Weekday, 6));
        yield return ("воскресенье воскресенья воскресенью воскресеньем", E(W.Weekday, 7));

        yield return ("весна весны весне весну весной весною", E(W.Season, (int)SeasonCode.Spring));
        yield return ("лето лета лете летом", E(W.Season, (int)SeasonCode.Summer));
        yield return ("осень осени осенью", E(W.Season, (int)SeasonCode.Autumn));
        yield return ("зима зимы зиме зиму зимой зимою", E(W.Season, (int)SeasonCode.Winter));

        yield return ("утро утра утром", E(W.DayPart, (int)DayPart.Morning));
        yield return ("днём", E(W.DayPart, (int)DayPart.Afternoon));
        yield return ("вечер вечера вечером", E(W.DayPart, (int)DayPart.Evening));
        yield return ("ночь ночи ночью", E(W.DayPart, (int)DayPart.Night));

        // Units: value 0 = a form that stands for one unit, 1 = plural/counted forms.
        yield return ("год года году годом годе", E(W.Unit, 0, DateUnit.Year));
        yield return ("годы годов годам годами годах лет", E(W.Unit, 1, DateUnit.Year));
        yield return ("месяц месяца месяцу месяцем месяце", E(W.Unit, 0, DateUnit.Month));
        yield return ("месяцы месяцев месяцам месяцами месяцах", E(W.Unit, 1, DateUnit.Month));
        yield return ("неделя недели неделе неделю неделей", E(W.Unit, 0, DateUnit.Week));
        yield return ("недель неделям неделями неделях", E(W.Unit, 1, DateUnit.Week));
        yield return ("день дня дню дне", E(W.Unit, 0, DateUnit.Day));
        yield return ("дни дней дням днями днях сутки суток суткам сутками", E(W.Unit, 1, DateUnit.Day));
        yield return ("выходные выходных выходным", E(W.Unit, 0, DateUnit.Weekend));
        yield return ("десятилетие десятилетия десятилетию десятилетием десятилетии", E(W.Unit, 0, DateUnit.Decade));
        yield return ("десятилетий десятилетиями десятилетиях", E(W.Unit, 1, DateUnit.Decade));
        yield return ("век века веку веком веке", E(W.Unit, 0, DateUnit.Century));
        yield return ("веков векам веками веках", E(W.Unit, 1, DateUnit.Century));
        yield return ("квартал квартала квартале кварталу", E(W.Unit, 0, DateUnit.Quarter));
        yield return ("половина половины половине половину полугодие полугодия полугодии", E(W.Unit, 0, DateUnit.Half));
        yield return ("час часа часу", E(W.Unit, 0, DateUnit.Hour));
        yield return ("часов часам часами часах", E(W.Unit, 1, DateUnit.Hour));
        yield return ("минута минуту минуты", E(W.Unit, 0, DateUnit.Minute));
        yield return ("минут минутам минутами", E(W.Unit, 1, DateUnit.Minute));

        yield return ("г гг", E(W.YearMark));

        yield return ("сегодня", E(W.RelDay, 0));
        yield return ("вчера", E(W.RelDay, -1));
        yield return ("позавчера", E(W.RelDay, -2));
        yield return ("завтра", E(W.RelDay, 1));
        yield return ("послезавтра", E(W.RelDay, 2));

        // Number words: value = 10 × number (полтора = 15); 0 = vague.
        string[] numbers =
        [
            "один одна одно одну одного одной одним", "два две двух двум двумя пару пара пары", "три трёх трём тремя",
            "четыре четырёх четырём четырьмя", "пять пяти пятью", "шесть шести", "семь семи", "восемь восьми", "девять девяти",
            "десять десяти",
        ];
        for (int n = 0; n < numbers.Length; n++) yield return (numbers[n], E(W.NumWord, 10 * (n + 1)));
        yield return ("одиннадцать одиннадцати", E(W.NumWord, 110));
        yield return ("двенадцать двенадцати", E(W.NumWord, 120));
        yield return ("пятнадцать пятнадцати", E(W.NumWord, 150));
        yield return ("двадцать двадцати", E(W.NumWord, 200));
        yield return ("тридцать тридцати", E(W.NumWord, 300));
        yield return ("сорок сорока", E(W.NumWord, 400));
        yield return ("пятьдесят пятидесяти", E(W.NumWord, 500));
        yield return ("сто ста", E(W.NumWord, 1000));
        yield return ("полтора полторы полутора", E(W.NumWord, 15));
        yield return ("несколько нескольких нескольким несколькими многие многих многими", E(W.NumWord, 0));

        yield return ("первый первого первом первой первую первое", E(W.Ordinal, 1));
        yield return ("второй второго втором вторую второе", E(W.Ordinal, 2));
        yield return ("третий третьего третьем третьей третью третье", E(W.Ordinal, 3));
        yield return ("четвёртый четвёртого четвёртом четвёртой четвёртую", E(W.Ordinal, 4));
        yield return ("последний последнего последнем последней последнюю последние последних последним последними", E(W.Ordinal, 9));
        yield return ("ближайший ближайшего ближайшем ближайшей ближайшую ближайшие ближайших ближайшим ближайшими", E(W.Ordinal, 8));

        yield return ("этот этого этом этой эту этому этим", E(W.Shift, 0));
        yield return ("текущий текущего текущем текущей текущую текущему нынешний нынешнего нынешнем нынешней нынешнюю", E(W.Shift, 0));
        yield return ("сегодняшний сегодняшнего сегодняшнему сегодняшнем", E(W.Shift, 0));
        yield return ("прошлый прошлого прошлом прошлой прошлую прошлому минувший минувшего минувшем минувшей минувшую", E(W.Shift, -1));
        yield return ("прошедший прошедшего прошедшем прошедшей прошедшую предыдущий предыдущего предыдущем предыдущей предыдущую", E(W.Shift, -1));
        yield return ("позапрошлый позапрошлого позапрошлом позапрошлой позапрошлую", E(W.Shift, -2));
        yield return ("следующий следующего следующем следующей следующую будущий будущего будущем будущей будущую", E(W.Shift, 1));
        yield return ("грядущий грядущего грядущем грядущей грядущую наступающий наступающего наступающем наступающей", E(W.Shift, 1));
        yield return ("тот того том той ту", E(W.That));
        yield return ("же тому", E(W.Particle));

        yield return ("назад ранее раньше", E(W.Later, -1));
        yield return ("позже позднее", E(W.Later, 1));
        yield return ("через спустя", E(W.After, 1));

        yield return ("начало начала начале началу", E(W.Edge, 1));
        yield return ("середина середины середине середину", E(W.Edge, 2));
        yield return ("конец конца конце концу исходе", E(W.Edge, 3));

        yield return ("в во", E(W.Prep, 0, prep: Inc | Cue));
        // "c" in Latin script stands for "с" often enough in Russian news to count.
        yield return ("с со c", E(W.Prep, 0, prep: Inc | Cue | PrepFlags.RangeFrom));
        // "от" belongs to the span as the other prepositions do (указ от 25 мая 2012 года: NEREL includes it in most cases).
        yield return ("от", E(W.Prep, 0, prep: Inc | Cue | PrepFlags.RangeFrom));
        yield return ("по до", E(W.Prep, 0, prep: Inc | Cue | PrepFlags.RangeTo));
        yield return ("на за", E(W.Prep, 0, prep: Inc));
        yield return ("к после", E(W.Prep, 0, prep: Cue));
        yield return ("около почти примерно приблизительно свыше более менее больше меньше чуть немногим", E(W.Approx));
        // "не" opens a span only before an approximation (не более трёх лет).
        yield return ("не", E(W.Particle));
        yield return ("полгода полугода полугоду", E(W.Unit, 2, DateUnit.Half));
        yield return ("течение течении протяжении", E(W.During));

        yield return ("двадцатые двадцатых", E(W.DecadeWord, 2));
        yield return ("тридцатые тридцатых", E(W.DecadeWord, 3));
        yield return ("сороковые сороковых", E(W.DecadeWord, 4));
        yield return ("пятидесятые пятидесятых", E(W.DecadeWord, 5));
        yield return ("шестидесятые шестидесятых", E(W.DecadeWord, 6));
        yield return ("семидесятые семидесятых", E(W.DecadeWord, 7));
        yield return ("восьмидесятые восьмидесятых", E(W.DecadeWord, 8));
        yield return ("девяностые девяностых", E(W.DecadeWord, 9));
        yield return ("мск", E(W.Zone, 3));
        yield return ("будет будут состоится состоятся пройдёт пройдут начнётся начнутся планирует планируется намерен намерены ожидается", E(W.Future));
    }

    /// <summary>Nouns counted by a number (<c>2000 человек</c>): a four-digit number before them is a quantity, not a year.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CountedNouns = new[]
    {
        "человек", "раз", "рублей", "руб", "долларов", "евро", "тонн", "км", "метров", "м", "кг", "штук", "голосов", "единиц",
        "экземпляров", "участников", "жителей", "сотрудников", "мест", "баллов", "очков", "километров", "гектаров", "га", "тыс",
        "млн", "млрд", "процентов", "человека", "солдат", "военнослужащих", "людей",
        "people", "persons", "employees", "jobs", "workers", "units", "cars", "aircraft", "planes", "shares", "points", "votes",
        "troops", "soldiers", "feet", "miles", "metres", "meters", "km", "kg", "tons", "tonnes", "hectares", "acres", "dollars",
        "euros", "pounds", "rubles", "yuan", "percent", "passengers", "seats", "flights", "homes", "students", "members",
        "words", "pages", "copies", "children", "schoolchildren", "users", "visitors", "patients", "cases", "deaths", "books",
        "residents", "participants", "households",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsCountedNoun(ReadOnlySpan<char> word) => CountedNouns.Contains(word);

    /// <summary>Words before <c>N лет</c> that make it an age (<c>ему 45 лет</c>, <c>исполнилось бы 125 лет</c>), or a comparison
    /// of ages (<c>старше на год</c>): no date.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AgeCues = new[]
    {
        "возрасте", "возраста", "было", "был", "была", "будет", "исполнилось", "исполнится", "исполняется", "исполнился",
        "исполниться", "исполнилась", "ему", "ей", "им", "мне", "нам", "вам", "тебе", "которому", "которой", "которым",
        "младше", "старше", "моложе", "сейчас", "уже", "бы", "тогда", "и", "лишь", "только", "всего",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsAgeCue(ReadOnlySpan<char> word) => AgeCues.Contains(word);

    /// <summary>Words before a prison term (<c>грозит</c>, <c>сроком</c>, <c>приговорён</c>).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentencingWords = new[]
    {
        "срок", "сроком", "срока", "грозит", "грозят", "грозило", "грозила", "грозить", "приговорил", "приговорила",
        "приговорили", "приговорён", "приговорен", "приговорена", "приговорены", "осуждён", "осужден", "осуждена", "осудили",
        "наказание", "наказания", "свободы", "получил", "получила", "получили", "требовал", "требует", "запросил", "отсидел", "отбыл",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsSentencingWord(ReadOnlySpan<char> word) => SentencingWords.Contains(word);

    /// <summary>Penalty nouns after a term (<c>лишения свободы</c>, <c>колонии</c>, <c>тюрьмы</c>).</summary>
    private static bool IsPenaltyAfter(ReadOnlySpan<char> word) =>
        word is "лишения" or "заключения" or "тюрьмы" or "колонии" or "тюремного" or "ареста" or "строгого" or "общего";

    /// <summary>Conjunctions and prepositions: after a bare year they do not make it a quantity (<c>2017 и</c>, <c>2017 в</c>).</summary>
    private readonly bool IsFunctionWord(int i) =>
        K(i) == W.Prep || T(i) is "и" or "или" or "а" or "но" or "либо" or "у" or "из" or "для" or "о" or "об" or "при";

    /// <summary>Months and weekdays: Russian in lower case, English capitalized; either may open a sentence or be all caps.</summary>
    private readonly bool MonthCaseOk(int i)
    {
        var f = _tok[i].Flags;
        if ((f & TokenFlags.AllCaps) != 0) return true;
        if (Latin(i)) return (f & TokenFlags.Capitalized) != 0;
        return (f & TokenFlags.Lower) != 0 || (f & (TokenFlags.SentenceStart | TokenFlags.LineStart)) != 0
            || In(i - 1) && K(i - 1) is W.Prep or W.Number or W.Edge;
    }

    private readonly bool WeekdayCaseOk(int i) => MonthCaseOk(i);

    /// <summary>
    /// A composite day token: <c>15-го</c>, <c>1-е</c> (one day), or <c>27-28</c> (a range of days, <paramref name="day2"/> &gt; 0).
    /// </summary>
    private readonly bool TryDayToken(int p, out int day, out int day2)
    {
        day = day2 = 0;
        if (K(p) != W.Number || Num(p) >= 0) return false;
        var s = T(p);
        int i = 0;
        while (i < s.Length && IsDigit(s[i])) i++;
        if (i is 0 or > 2 || i + 1 >= s.Length || !IsRangeDash(s[i])) return false;
        day = ParseDigits(s[..i]);
        var rest = s[(i + 1)..];
        if (rest is "го" or "е" or "ое" or "ого" or "м") return day is >= 1 and <= 31;
        if (rest.Length is 0 or > 2 || !AllDigits(rest)) return false;
        day2 = ParseDigits(rest);
        return day is >= 1 and <= 31 && day2 > day && day2 <= 31;
    }

    /// <summary>
    /// A clock hour: <c>в 3 часа ночи</c>, <c>около 9 утра</c>, <c>к 18 часам</c> — a preposition, an hour and an hour word or
    /// a part of the day in the genitive (not <c>3 часа</c> alone, which is a length of time).
    /// </summary>
    private readonly bool TryClockHour(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        // в 3 часа, в три часа ночи; "за 12 часов", "на 48 часов" are lengths of time.
        int h = K(p) == W.NumWord && V(p) % 10 == 0 ? V(p) / 10 : _lex[p].Digits <= 2 ? Num(p) : -1;
        if (h is < 0 or > 24 || !In(p - 1) || !(K(p - 1) is W.Prep or W.Approx) || Latin(p - 1) || T(p - 1) is "за" or "на" or "За" or "На") return false;
        int q = p + 1;
        if (K(q) == W.Unit && U(q) == DateUnit.Hour) q++;
        int add = 0;
        if (In(q) && T(q) is "утра" or "ночи" or "дня" or "вечера")
        {
            add = T(q) is "вечера" || T(q) is "дня" && h < 12 ? 12 : 0;
            q++;
        }
        if (q == p + 1 || h + add > 24) return false;
        end = AfterLocalTimeZone(q);
        expr = new TimeExpr((h + add) % 24, 0);
        return true;
    }

    /// <summary>After a clock time: <c>по московскому времени</c>, <c>по местному времени</c>.</summary>
    private readonly int AfterLocalTimeZone(int q)
    {
        if (In(q + 2) && T(q) is "по" && T(q + 2) is "времени" && IsLowerWord(q + 1)) return q + 3;
        return q;
    }

    /// <summary>
    /// One composite number token: <c>23.12.2015</c>, <c>2015-12-23</c>, <c>7/8/07</c>, <c>2022-2024</c> (+ <c>годы</c>), <c>2016/17</c> (a season),
    /// <c>1990-х</c> / <c>1960-е годы</c> (decades), or a clock time after a preposition (<c>в 14:00</c>).
    /// Quantities (<c>7,500</c>, <c>1,6</c>) match nothing.
    /// </summary>
    private bool TryNumericToken(int p, out int end, out DateExpr expr)
    {
        end = -1;
        expr = null!;
        if (Num(p) >= 0) return false;
        var s = T(p);
        Span<int> parts = stackalloc int[3];
        Span<int> lens = stackalloc int[3];
        int n = SplitNumber(s, out char sep, out char sep2, parts, lens, out int suffixAt);
        if (suffixAt > 0)
        {
            if (n != 1 || lens[0] is not (2 or 4)) return false;
            var suffix = s[suffixAt..];
            if (lens[0] == 4 && suffix is "м" or "го" or "й" or "ом")
            {
                // в 1997-м, 1990-го: an ordinal year.
                end = p + 1;
                expr = new FixedExpr(TimexValue.OfDate(parts[0]));
                return parts[0] is >= 1000 and <= 2199;
            }
            // 1990-х, 1990-е, 90-х: decades.
            if (parts[0] % 10 != 0) return false;
            if (suffix is not ("х" or "е" or "ые" or "ых" or "ми")) return false;
            int decade = lens[0] == 4 ? parts[0] / 10 : 190 + parts[0] / 10;
            end = K(p + 1) == W.Unit && U(p + 1) == DateUnit.Year && V(p + 1) == 1 || K(p + 1) == W.YearMark ? p + 2 : p + 1;
            expr = new FixedExpr(new TimexValue(TimexKind.Decade, Part: decade));
            return true;
        }
        if (n == 3 && sep == sep2)
        {
            int y, m, d;
            if (sep == '.' && lens[0] <= 2 && lens[1] <= 2 && lens[2] is 2 or 4) (d, m, y) = (parts[0], parts[1], Year2(parts[2], lens[2]));
            else if (sep == '-' && lens[0] == 4 && lens[1] == 2 && lens[2] == 2) (y, m, d) = (parts[0], parts[1], parts[2]);
            else if (sep == '/' && lens[0] <= 2 && lens[1] <= 2 && lens[2] is 2 or 4)
            {
                // Slashes: month first (US) unless the first part cannot be a month.
                y = Year2(parts[2], lens[2]);
                (m, d) = parts[0] > 12 ? (parts[1], parts[0]) : (parts[0], parts[1]);
            }
            else return false;
            if (y is < 1000 or > 2199 || !ValidDay(y, m, d)) return false;
            end = p + 1;
            expr = new CalendarExpr(y, m, d);
            return true;
        }
        if (n == 2 && (IsRangeDash(sep) || sep == '/') && lens[0] == 4 && lens[1] is 2 or 4)
        {
            int y1 = parts[0];
            int y2 = lens[1] == 4 ? parts[1] : y1 / 100 * 100 + parts[1];
            if (y1 is < 1000 or > 2199 || y2 <= y1 || y2 - y1 > 100) return false;
            end = AfterYearWord(p + 1, singularOnly: false);
            expr = new RangeExpr(new FixedExpr(TimexValue.OfDate(y1)), new FixedExpr(TimexValue.OfDate(y2)));
            return true;
        }
        if (n == 2 && sep == ':' && TryClock(p, out int ce, out int h, out int mi, out bool utc)
            && (ce > p + 1 || In(p - 1) && K(p - 1) is W.Prep or W.Approx || T(p - 1) is "at" or "At"))
        {
            end = ce;
            expr = new TimeExpr(h, mi, utc);
            return true;
        }
        return false;
    }

    private static readonly (string Stem, int Amount)[] AmountStems =
    [
        ("одно", 10), ("двух", 20), ("трёх", 30), ("трех", 30), ("четырёх", 40), ("четырех", 40), ("пяти", 50), ("шести", 60),
        ("семи", 70), ("восьми", 80), ("девяти", 90), ("десяти", 100), ("пятнадцати", 150), ("двадцати", 200), ("тридцати", 300),
        ("сорока", 400), ("пятидесяти", 500), ("полу", 5),
    ];

    private static readonly (string Root, DateUnit Unit)[] UnitRoots =
    [
        ("летн", DateUnit.Year), ("месячн", DateUnit.Month), ("недельн", DateUnit.Week), ("дневн", DateUnit.Day),
        ("часов", DateUnit.Hour), ("минутн", DateUnit.Minute),
    ];

    /// <summary>
    /// A length-of-time adjective: an amount (<c>23-</c>, <c>пяти</c>, <c>трёх</c>) + a unit root (<c>летн</c>, <c>дневн</c>…) + an
    /// adjective ending of two or three letters: <c>23-летний</c>, <c>пятилетний</c>, <c>трёхдневный</c>; value 0 without an amount.
    /// </summary>
    private static LexEntry DurationAdjective(ReadOnlySpan<char> s)
    {
        // Fast reject (most Russian words of six letters or more reach here): every unit root ends in тн, чн, ьн, вн or ов,
        // right before a two- or three-letter ending.
        if (s.Length < 6 || !RootEndsAt(s, s.Length - 2) && !RootEndsAt(s, s.Length - 3)) return default;
        int amount = 0, i = 0;
        while (i < s.Length && i < 4 && IsDigit(s[i])) i++;
        if (i > 0)
        {
            if (i >= s.Length || !IsWordHyphen(s[i])) return default;
            amount = ParseDigits(s[..i]) * 10;
            i++;
        }
        else
        {
            // No amount: the root alone (летний of 23-летний, split by the tokenizer) gets value 0 and counts only after "N-".
            foreach (var (stem, value) in AmountStems)
                if (s.StartsWith(stem, StringComparison.OrdinalIgnoreCase)) { amount = value; i = stem.Length; break; }
        }
        var rest = s[i..];
        foreach (var (root, unit) in UnitRoots)
            if (rest.StartsWith(root, StringComparison.Ordinal) && rest.Length - root.Length is >= 2 and <= 3 && amount <= short.MaxValue)
                return new LexEntry(W.DurationAdjective, (short)amount, unit);
        return default;
    }

    /// <summary>The last two letters of a unit root (<see cref="UnitRoots"/>) are right before <paramref name="end"/>.</summary>
    private static bool RootEndsAt(ReadOnlySpan<char> s, int end) => (s[end - 2], s[end - 1]) is ('т' or 'ч' or 'ь' or 'в', 'н') or ('о', 'в');

    /// <summary>Nouns a length-of-time adjective measures (<c>срок</c>, <c>стаж</c>, <c>траур</c>, <c>контракт</c>…), by stem.</summary>
    private static bool IsLengthNoun(ReadOnlySpan<char> word)
    {
        // A stem and a case ending of at most three letters (стаж, стажем; not стажёрка).
        foreach (var stem in LengthNounStems)
            if (word.StartsWith(stem, StringComparison.OrdinalIgnoreCase) && word.Length - stem.Length <= 3) return true;
        return false;
    }

    private static readonly string[] LengthNounStems =
    [
        "срок", "стаж", "опыт", "траур", "карантин", "контракт", "перерыв", "запрет", "моратори", "заключени", "период",
        "тюремн", "президентск", "лечени", "гаранти", "пребывани", "мандат", "турне", "круиз", "экспедици", "отпуск",
    ];

    /// <summary>An ordinal year token: <c>1945-го</c>, <c>1997-м</c>.</summary>
    private readonly bool IsOrdinalYear(int i, out int year)
    {
        year = 0;
        if (K(i) != W.Number || Num(i) >= 0) return false;
        var s = T(i);
        if (s.Length < 6 || !AllDigits(s[..4]) || !IsWordHyphen(s[4])) return false;
        if (s[5..] is not ("го" or "м" or "й" or "ом" or "му")) return false;
        year = ParseDigits(s[..4]);
        return year is >= 1000 and <= 2199;
    }

    private static int Year2(int y, int len) => len == 4 ? y : y < 50 ? 2000 + y : 1900 + y;

    /// <summary>
    /// Splits a number token into up to three digit groups joined by one kind of separator; <paramref name="suffixAt"/>
    /// is where a hyphenated Cyrillic suffix starts (<c>1990-х</c>), else 0. Returns the group count, 0 if not of this shape.
    /// </summary>
    private static int SplitNumber(ReadOnlySpan<char> s, out char sep, out char sep2, Span<int> parts, Span<int> lens, out int suffixAt)
    {
        sep = sep2 = '\0';
        suffixAt = 0;
        int n = 0, i = 0;
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && IsDigit(s[i])) i++;
            if (i == start || i - start > 4 || n == 3) return 0;
            parts[n] = ParseDigits(s[start..i]);
            lens[n] = i - start;
            n++;
            if (i == s.Length) break;
            char c = s[i];
            if (i + 1 < s.Length && IsWordHyphen(c) && IsCyrillic(s[i + 1])) { suffixAt = i + 1; return n; }
            if (n == 1) sep = c; else if (n == 2) sep2 = c; else return 0;
            i++;
        }
        return n;
    }
}
