using System.Collections.Frozen;

namespace Extraction.Dates;

/// <summary>The role a word plays in date expressions; both languages map their words onto these.</summary>
internal enum W : byte
{
    None,
    /// <summary>A plain digit token (value in <see cref="Lex.Num"/>).</summary>
    Number,
    /// <summary>Month name, value 1..12.</summary>
    Month,
    /// <summary>Abbreviated month (<c>Aug</c>, <c>авг</c>): only with a day number.</summary>
    MonthAbbr,
    /// <summary>Weekday, ISO value 1 (Monday) .. 7.</summary>
    Weekday,
    /// <summary>Season, value = <see cref="SeasonCode"/>.</summary>
    Season,
    /// <summary>Part of the day, value = <see cref="DayPart"/> (<c>утром</c>, <c>morning</c>).</summary>
    DayPart,
    /// <summary>A calendar unit word (<c>году</c>, <c>weeks</c>), unit in <see cref="LexEntry.Unit"/>; value 1 = plural/counted form.</summary>
    Unit,
    /// <summary><c>г.</c>, <c>гг.</c> after a year.</summary>
    YearMark,
    /// <summary>Today/yesterday words, value = day offset (<c>вчера</c> -1).</summary>
    RelDay,
    /// <summary>A number word, value = the number (10× for halves: <c>полтора</c> = 15); 0 = vague (<c>несколько</c>).</summary>
    NumWord,
    /// <summary>Ordinal word, value = position (<c>третьем</c> 3; <c>последнем</c> 9).</summary>
    Ordinal,
    /// <summary>this/last/next: value = offset (0, -1, +1, -2 for <c>позапрошлый</c>).</summary>
    Shift,
    /// <summary>that/the same (<c>тот</c>, <c>that</c>, <c>same</c>): the unit in focus.</summary>
    That,
    /// <summary>Particles skipped inside an expression (<c>же</c>, <c>тому</c>).</summary>
    Particle,
    /// <summary>Before an amount: <c>через</c>, <c>спустя</c> (+1).</summary>
    After,
    /// <summary>After an amount: <c>позже</c>, <c>later</c> (+1); <c>назад</c>, <c>ago</c>, <c>ранее</c>, <c>earlier</c> (-1).</summary>
    Later,
    /// <summary>Beginning (1), middle (2), end (3) of a period; <c>early</c>/<c>mid</c>/<c>late</c> too.</summary>
    Edge,
    /// <summary>A preposition; see <see cref="PrepFlags"/>.</summary>
    Prep,
    /// <summary>Range connector without other use (<c>to</c>, <c>through</c>, <c>and</c>).</summary>
    RangeTo,
    Of,
    The,
    /// <summary><c>UTC</c>, <c>GMT</c>, <c>МСК</c>.</summary>
    Zone,
    /// <summary><c>a.m.</c> (0), <c>p.m.</c> (12).</summary>
    AmPm,
    /// <summary>Decade word (<c>девяностые</c>): value = the decade's tens (9).</summary>
    DecadeWord,
    /// <summary><c>течение</c> in <c>в течение</c>, <c>протяжении</c>: the phrase that introduces a duration.</summary>
    During,
    /// <summary>Approximation (<c>около</c>, <c>почти</c>, <c>about</c>): kept inside the span.</summary>
    Approx,
    /// <summary><c>a</c>, <c>an</c>: an amount of one before a unit (<c>a year ago</c>).</summary>
    Article,
    /// <summary>Two months joined by a hyphen (<c>ноябре-декабре</c>): value = first × 100 + second.</summary>
    MonthPair,
    /// <summary>An edge word glued to a year (<c>mid-2011</c>), value as <see cref="Edge"/>.</summary>
    EdgeNumber,
    /// <summary>A Roman numeral (<c>XX</c>), value = the number.</summary>
    Roman,
    /// <summary>An apostrophe glued to a two-digit number (<c>'82</c>, <c>'80s</c>).</summary>
    Apostrophe,
    /// <summary>A word that puts the sentence in the future (<c>will</c>, <c>состоится</c>): a weekday then lies ahead.</summary>
    Future,
    /// <summary>A length-of-time adjective (<c>пятилетний</c>, <c>23-летний</c>, <c>трёхдневный</c>): value = 10 × amount, unit in <see cref="LexEntry.Unit"/>.</summary>
    DurationAdjective,
}

/// <summary>How a preposition behaves in front of a date.</summary>
[Flags]
internal enum PrepFlags : byte
{
    None = 0,
    /// <summary>Part of the mention span (Russian convention: <c>в 2021 году</c>).</summary>
    Included = 1,
    /// <summary>Opens a range (<c>с</c>, <c>from</c>, <c>between</c>).</summary>
    RangeFrom = 2,
    /// <summary>Closes a range (<c>по</c>, <c>до</c>, <c>to</c>).</summary>
    RangeTo = 4,
    /// <summary>Signals that a bare four-digit number after it is a year (<c>в 1973</c>, <c>in 2015</c>).</summary>
    YearCue = 8,
}

/// <summary>A lexicon entry.</summary>
internal readonly record struct LexEntry(W Kind, short Value = 0, DateUnit Unit = DateUnit.None, PrepFlags Prep = PrepFlags.None);

/// <summary>A token as the grammar sees it: its lexicon entry and, for plain digit tokens, the number.</summary>
internal struct Lex
{
    public LexEntry Entry;
    /// <summary>The value of a plain digit token, else -1.</summary>
    public int Num;
    /// <summary>Digit count of a plain digit token.</summary>
    public byte Digits;

    public readonly W Kind => Entry.Kind;
}

/// <summary>
/// The merged Russian + English date lexicon (case-insensitive; <c>ё</c> forms also stored with <c>е</c>).
/// Both languages share one table, so a Russian date inside an English text (<c>15 августа 2014</c>) is found too.
/// </summary>
internal static class DateLexicon
{
    private const int MaxLength = 32;

    // Keys are stored upper-cased and looked up ordinally after upper-casing the word char by char, which is what
    // OrdinalIgnoreCase compares, without its case-insensitive hashing at every token.
    private static readonly FrozenDictionary<string, LexEntry> Table = Build()
        .ToFrozenDictionary(p => p.Key.ToUpperInvariant(), p => p.Value, StringComparer.Ordinal);
    private static readonly FrozenDictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    // A one-sided filter over (length, first letter, last letter) of every key, upper-cased: most words of a text are not
    // date words, and this turns them away with two case mappings and a bit test instead of a hash-table lookup.
    private const int FilterBits = 1 << 16;
    private static readonly ulong[] Filter = BuildFilter();

    private static int FilterSlot(int length, char first, char last) =>
        (int)((uint)((length * 0x9E3779B1) ^ (first * 0x85EBCA77) ^ (last * 0xC2B2AE3D)) * 0x27D4EB2Fu >> 16);

    private static ulong[] BuildFilter()
    {
        var bits = new ulong[FilterBits / 64];
        foreach (var key in Table.Keys)
        {
            int slot = FilterSlot(key.Length, key[0], key[^1]);
            bits[slot >> 6] |= 1UL << slot;
        }
        return bits;
    }

    /// <summary>Every form in the table, upper-cased.</summary>
    internal static IEnumerable<string> Keys => Table.Keys;

    /// <summary>False when no key has this word's length, first and last letter (so <see cref="TryGet"/> would fail).</summary>
    internal static bool MayContain(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return false;
        int slot = FilterSlot(word.Length, char.ToUpperInvariant(word[0]), char.ToUpperInvariant(word[^1]));
        return (Filter[slot >> 6] & 1UL << slot) != 0;
    }

    public static bool TryGet(ReadOnlySpan<char> word, out LexEntry entry)
    {
        entry = default;
        if (word.Length > MaxLength || !MayContain(word)) return false;
        Span<char> upper = stackalloc char[word.Length];
        word.ToUpperInvariant(upper);
        return Lookup.TryGetValue(upper, out entry);
    }

    private static Dictionary<string, LexEntry> Build()
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var (forms, entry) in DateGrammar.RussianWords().Concat(DateGrammar.EnglishWords()))
        {
            foreach (var f in forms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                d.TryAdd(f, entry);
                if (f.Contains('ё')) d.TryAdd(f.Replace('ё', 'е'), entry);
            }
        }
        if (d.Keys.Max(k => k.Length) > MaxLength) throw new InvalidOperationException($"date lexicon: a form is longer than {MaxLength} characters");
        return d;
    }
}
