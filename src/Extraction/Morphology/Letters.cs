namespace Extraction.Morphology;

/// <summary>
/// Character folding for dictionary lookup: lower case and <c>ё</c> → <c>е</c> (texts usually omit ё; the
/// dictionary keeps it). Also the FNV-1a hashes the lookup tables use, forward (stems) and backward (endings),
/// so that the analyser can extend them one character at a time.
/// </summary>
public static class Letters
{
    public const uint HashSeed = 2166136261;
    private const uint Prime = 16777619;

    /// <summary>Lower case with ё folded to е.</summary>
    public static char Fold(char c)
    {
        if (c is >= 'А' and <= 'Я') return (char)(c + 32);
        if (c is 'ё' or 'Ё') return 'е';
        if (c is >= 'а' and <= 'я' or >= 'a' and <= 'z') return c;
        if (c is >= 'A' and <= 'Z') return (char)(c + 32);
        return char.ToLowerInvariant(c);
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="target"/> (same length).</summary>
    public static void Fold(ReadOnlySpan<char> source, Span<char> target)
    {
        for (int i = 0; i < source.Length; i++) target[i] = Fold(source[i]);
    }

    public static string Fold(string s) => string.Create(s.Length, s, static (t, src) => Fold(src, t));

    public static bool HasYo(ReadOnlySpan<char> s) => s.IndexOfAny('ё', 'Ё') >= 0;

    /// <summary>Endings of Russian full adjectives in every case, gender and number (without the dictionary's help).</summary>
    private static readonly string[] AdjectiveEndings =
        ["ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ей", "ую", "юю",
         "ых", "их", "ыми", "ими"];

    /// <summary>
    /// A word of five letters or more that ends like a Russian full adjective, in any case («Каннский», «Чесапикского»,
    /// «Курильских»); nouns can end so too («Россией», «Вашингтоном»), so callers check what the ending alone cannot tell.
    /// </summary>
    public static bool HasAdjectiveEnding(ReadOnlySpan<char> word)
    {
        if (word.Length <= 4) return false;
        Span<char> tail = stackalloc char[3];
        var end = word[^3..];
        for (int i = 0; i < 3; i++) tail[i] = Fold(end[i]);
        foreach (var e in AdjectiveEndings)
            if (tail.EndsWith(e)) return true;
        return false;
    }

    /// <summary>Adds one character to a forward hash.</summary>
    public static uint Step(uint hash, char c) => (hash ^ c) * Prime;

    public static uint Forward(ReadOnlySpan<char> s)
    {
        uint h = HashSeed;
        foreach (var c in s) h = Step(h, c);
        return h;
    }

    /// <summary>Hash of the characters taken from last to first (so a suffix can be grown to the left).</summary>
    public static uint Backward(ReadOnlySpan<char> s)
    {
        uint h = HashSeed;
        for (int i = s.Length - 1; i >= 0; i--) h = Step(h, s[i]);
        return h;
    }
}
