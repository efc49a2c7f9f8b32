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
