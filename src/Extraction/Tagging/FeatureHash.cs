using System.Runtime.CompilerServices;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Tagging;

/// <summary>Allocation-free 64-bit hashing of character spans and feature values (stable across runs and platforms).</summary>
public static class FeatureHash
{
    private const ulong Prime = 0x100000001B3UL;
    private const ulong Offset = 0xCBF29CE484222325UL;

    /// <summary>Sentinel values for positions before the sentence start and after its end.</summary>
    public const ulong Before = 0x5EED_0000_0000_0B05UL, After = 0x5EED_0000_0000_0E05UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Step(ulong h, char c) => (h ^ c) * Prime;

    public static ulong Start => Offset;

    /// <summary>Exact form.</summary>
    public static ulong Of(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s) h = Step(h, c);
        return Finish(h);
    }

    /// <summary>Lower-case form with ё folded to е (what lexicons are keyed by).</summary>
    public static ulong OfLower(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (var c in s) h = Step(h, Lower(c));
        return Finish(h);
    }

    public static ulong Of(string s) => Of(s.AsSpan());

    /// <summary>Lower-cases one character (fast paths for ASCII and Cyrillic) and folds ё to е.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Lower(char c)
    {
        if (c < 128) return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        if (c is >= '\u0410' and <= '\u042F') c = (char)(c + 0x20);
        else if (c is >= '\u0400' and <= '\u040F') c = (char)(c + 0x50);
        else if (c is >= '\u2000' and <= '\u20FF') return c; // punctuation, dashes, quotes, currency: no case (and no call out)
        else if (c > '\u045F') c = char.ToLowerInvariant(c);
        return c == 'ё' ? 'е' : c;
    }

    /// <summary>The shape class of a character: X upper, x lower, d digit, the character itself otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char ShapeOf(char c) => IsDigit(c) ? 'd' : IsUpper(c) ? 'X' : IsLetter(c) ? 'x' : c;

    /// <summary>splitmix64 finalizer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong x)
    {
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27; x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b) => Finish(a * 0x9E3779B97F4A7C15UL + b + 0x632BE59BD9B4E019UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);
}
