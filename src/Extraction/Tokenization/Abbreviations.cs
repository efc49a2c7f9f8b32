using System.Collections.Frozen;

namespace Extraction.Tokenization;

/// <summary>
/// Abbreviations that keep their final dot inside the token, and those that may also end a sentence.
/// These are general lists of Russian and English news abbreviations, not taken from any particular text.
/// </summary>
public static class Abbreviations
{
    private static readonly string[] Russian =
    [
        "г", "гг", "т", "д", "ул", "пр", "просп", "пер", "пл", "наб", "им", "ст", "млн", "млрд", "трлн", "тыс", "руб", "коп",
        "см", "напр", "др", "проф", "акад", "ген", "генерал-л", "полк", "подполк", "мин", "зам", "пред", "рис", "табл", "гл",
        "обл", "респ", "р", "пос", "с", "дер", "корп", "стр", "кв", "каб", "изд", "ред", "сост", "вып", "ч", "чел", "экз",
        "шт", "кг", "км", "мм", "сек", "тел", "факс", "англ", "рус", "лат", "нем", "франц", "фр", "яп", "кит", "араб",
        "ок", "вв", "н", "э", "пп", "п", "ср", "тов", "гос", "муз", "арх", "доц", "канд", "чл", "корр", "т.е", "т.д", "т.п",
        "т.к", "т.н", "и.о", "н.э", "до н.э", "янв", "февр", "фев", "апр", "авг", "сент", "сен", "окт", "нояб", "дек",
    ];

    private static readonly string[] English =
    [
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Capt", "Cmdr", "Adm", "Maj", "Sgt", "Cpl", "Pvt", "St", "Jr", "Sr",
        "Inc", "Corp", "Ltd", "Co", "Bros", "vs", "etc", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
        "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
        "Mt", "Ft", "Rep", "Sen", "Gov", "Pres", "Rev", "Hon", "Messrs", "approx", "dept", "est", "fig", "vol", "pp",
        "e.g", "i.e", "U.S", "U.K", "U.N", "E.U", "a.m", "p.m", "Ph.D", "D.C", "Calif", "Mass", "Ariz", "Fla", "Ill",
    ];

    /// <summary>Abbreviations (without the final dot) that may also stand at the end of a sentence.</summary>
    private static readonly string[] CanEndSentence =
    [
        "г", "гг", "т.д", "т.п", "др", "etc", "млн", "млрд", "трлн", "тыс", "руб", "коп", "км", "кг", "чел", "вв", "н.э", "до н.э",
        "Inc", "Corp", "Ltd", "Co", "Jr", "Sr", "a.m", "p.m", "U.S", "U.K", "U.N", "E.U", "D.C",
    ];

    private static readonly FrozenSet<string> All =
        Russian.Concat(English).ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AllLookup = All.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EndLookup =
        CanEndSentence.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Is <paramref name="word"/> (without its final dot) a known abbreviation?</summary>
    public static bool IsKnown(ReadOnlySpan<char> word) => AllLookup.Contains(word);

    /// <summary>May this abbreviation (without its final dot) end a sentence?</summary>
    public static bool MayEndSentence(ReadOnlySpan<char> word) => EndLookup.Contains(word);
}
