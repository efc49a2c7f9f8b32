using System.Text;
using Extraction.Tokenization;

namespace Extraction.Linking;

/// <summary>
/// Language-independent comparison keys for names. A word becomes a short Latin "skeleton":
/// Russian words lose long case endings and are transliterated letter by letter, then both scripts are folded so
/// that the spellings different transliteration schemes and the press produce agree
/// (<c>Shoigu</c> / <c>Shoygu</c> / <c>Шойгу</c> / <c>Шойгу</c> → <c>shoig</c>;
/// <c>Yermekbayev</c> / <c>Ermekbaev</c> / <c>Ермекбаева</c> → <c>ermekbaev</c>).
/// Folding: diacritics dropped, apostrophes and soft/hard signs dropped, <c>x→ks</c>, <c>q→k</c>, <c>kh→h</c>,
/// <c>shch→sch</c>, <c>ye→e</c> and <c>yo→e</c> where y marks iotation, <c>y/j→i</c>, doubled letters collapsed, trailing
/// vowels and vowel + m/h cut.
/// </summary>
public static class NameKey
{
    // Cyrillic а..я → the base Latin pieces (ICAO-like, before folding; ь/ъ vanish).
    private static readonly string[] Cyr =
    [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
        "shch", "", "y", "", "e", "iu", "ia",
    ];

    /// <summary>
    /// Russian case endings that do not end in a vowel, -м or -х, cut before transliteration (longest first). The rest
    /// (-а, -у, -ой, -ей, -ом, -им, -ах…) is cut from the transliterated skeleton, the same way for every form, so
    /// <c>Иерусалим</c>, <c>Иерусалима</c> and <c>Иерусалимом</c> agree.
    /// </summary>
    private static readonly string[] RuEndings = ["ами", "ями", "ыми", "ими", "ого", "его", "ому", "ему"];

    private const string LatinLookAlikes = "aceopxykmtbh";
    private const string CyrillicLookAlikes = "асеорхукмтвн";

    /// <summary>The smallest stem (in letters) an ending may leave.</summary>
    private const int MinStem = 3;

    /// <summary>The skeleton of one word (letters and digits; other characters are skipped).</summary>
    public static string Word(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(4 * word.Length + 8, 512)];
        int n = Word(word, buffer);
        return new string(buffer[..n]);
    }

    /// <summary>Writes the skeleton of <paramref name="word"/> into <paramref name="output"/>; returns its length.</summary>
    public static int Word(ReadOnlySpan<char> word, Span<char> output)
    {
        // 1. lower-case letters, ё→е, possessive 's dropped; Latin look-alikes inside a Cyrillic word become Cyrillic.
        Span<char> low = stackalloc char[Math.Min(word.Length, 128)];
        int len = 0;
        bool cyrillic = false, latin = false;
        for (int i = 0; i < word.Length && len < low.Length; i++)
        {
            char c = word[i];
            if (CharClass.IsApostrophe(c))
            {
                if (i + 2 == word.Length && (word[i + 1] | 0x20) == 's') break;
                continue;
            }
            if (!CharClass.IsLetterOrDigit(c)) continue;
            c = char.ToLowerInvariant(c);
            if (c == 'ё') c = 'е';
            if (CharClass.IsCyrillic(c)) cyrillic = true;
            else if (c < 128) latin = true;
            low[len++] = c;
        }
        var letters = low[..len];
        if (cyrillic && latin)
            for (int i = 0; i < letters.Length; i++)
            {
                int h = LatinLookAlikes.IndexOf(letters[i]);
                if (h >= 0) letters[i] = CyrillicLookAlikes[h];
            }
        if (cyrillic) letters = letters[..StemLength(letters)];

        // 2. transliterate, fold diacritics, and apply the digraph folds while appending.
        int o = 0;
        bool iot = false;
        for (int i = 0; i < letters.Length; i++)
        {
            char c = letters[i];
            if (c is >= 'а' and <= 'я') foreach (var p in Cyr[c - 'а']) Append(output, ref o, p, ref iot);
            else if (c is 'і' or 'ї') Append(output, ref o, 'i', ref iot);
            else if (c is 'є') Append(output, ref o, 'e', ref iot);
            else if (c is 'ў') Append(output, ref o, 'u', ref iot);
            else if (c is 'ґ') Append(output, ref o, 'g', ref iot);
            else if (c < 128) Append(output, ref o, c, ref iot);
            else
            {
                var basic = Diacritics.Fold(c);
                if (basic.Length > 0) foreach (var p in basic) Append(output, ref o, p, ref iot);
            }
        }

        // 3. inflection-like tails cut: trailing vowels (keeping two letters, so a short name never looks like an initial),
        //    and -m/-h after a vowel (keeping three): Шойгу/Shoigu → shoig, Максиму/Maxim → maks, Штатах → shtat.
        while (true)
        {
            if (o > 2 && IsVowel(output[o - 1])) { o--; continue; }
            if (o >= 5 && output[o - 1] is 'm' or 'h' && IsVowel(output[o - 2])) { o -= 2; continue; }
            return o;
        }
    }

    /// <summary>
    /// Appends a folded Latin letter, merging it with what is already there. <paramref name="iotated"/> tells whether the
    /// last letter written is an i that stood for y or j.
    /// </summary>
    private static void Append(Span<char> s, ref int n, char c, ref bool iotated)
    {
        if (n >= s.Length - 2) return;
        bool fromY = false;
        switch (c)
        {
            case 'x': Append(s, ref n, 'k', ref iotated); Append(s, ref n, 's', ref iotated); return;
            case 'q': c = 'k'; break;
            case 'w': c = 'v'; break;
            case 'y' or 'j': c = 'i'; fromY = true; break;
        }
        bool wasIotated = iotated;
        iotated = fromY;
        if (n > 0)
        {
            char prev = s[n - 1];
            if (c == 'h' && prev == 'k') { s[n - 1] = 'h'; Collapse(s, ref n); return; }
            if (c == 'h' && n >= 3 && prev == 'c' && s[n - 2] == 'h' && s[n - 3] == 's') { s[n - 2] = 'c'; s[n - 1] = 'h'; return; }
            if ((c == 'e' || c == 'o') && prev == 'i' && (n == 1 || IsVowel(s[n - 2]) || wasIotated))
            {
                // ye/yo at the word start, after a vowel or a soft sign (Yermekbayev, Vasilyevich, Pyotr): the y only marks
                // iotation, which schemes write or omit (Ermekbaev, Vasilevich, Petr); ё is written е in most Russian text.
                s[n - 1] = 'e';
                iotated = false;
                Collapse(s, ref n);
                return;
            }
            if (c == prev) return;
        }
        s[n++] = c;
    }

    private static void Collapse(Span<char> s, ref int n)
    {
        if (n >= 2 && s[n - 1] == s[n - 2]) n--;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>Length of a Russian word without its case ending (only when a stem of <see cref="MinStem"/> letters stays).</summary>
    private static int StemLength(ReadOnlySpan<char> w)
    {
        foreach (var ending in RuEndings)
            if (w.Length - ending.Length >= MinStem && w.EndsWith(ending, StringComparison.Ordinal))
                return w.Length - ending.Length;
        return w.Length;
    }

    /// <summary>
    /// The comparison key of a word inside an organisation or place name: acronyms (mostly capitals, 2–8 letters) keep
    /// their letters, upper-cased and without a Russian case ending (<c>МИДа</c> → <c>#МИД</c>), since folding would make
    /// <c>EC</c> and <c>EEC</c> equal; other words give their skeleton.
    /// </summary>
    public static string WordOrAcronym(ReadOnlySpan<char> word) => Acronym(word) is { } a ? "#" + a : Word(word);

    /// <summary>The acronym a word is (upper-cased, trailing lower-case ending cut), or null.</summary>
    public static string? Acronym(ReadOnlySpan<char> word)
    {
        int letters = 0, upper = 0, end = word.Length;
        foreach (var c in word)
        {
            if (!CharClass.IsLetter(c)) continue;
            letters++;
            if (CharClass.IsUpper(c)) upper++;
        }
        if (letters is < 2 or > 8 || upper < 2 || upper * 2 < letters) return null;
        while (end > 0 && CharClass.IsLower(word[end - 1])) end--;
        if (end < 2) return null;
        // Cyrillic letters are transliterated, so ФИДЕ and FIDE, НАТО and NATO meet.
        var sb = new StringBuilder(end + 4);
        foreach (var ch in word[..end])
        {
            if (!CharClass.IsLetterOrDigit(ch)) continue;
            var c = char.ToLowerInvariant(ch);
            if (c == 'ё') c = 'е';
            if (c is >= 'а' and <= 'я') sb.Append(Cyr[c - 'а'].ToUpperInvariant());
            else sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Splits a name into words (letters and digits; hyphens, spaces and punctuation separate).</summary>
    /// <summary>How many words <see cref="Words"/> finds, without making them.</summary>
    public static int WordCount(ReadOnlySpan<char> name)
    {
        int count = 0;
        bool inWord = false;
        foreach (char c in name)
        {
            bool next = CharClass.IsLetterOrDigit(c) || (CharClass.IsApostrophe(c) && inWord);
            if (next && !inWord) count++;
            inWord = next;
        }
        return count;
    }

    public static List<string> Words(ReadOnlySpan<char> name)
    {
        var words = new List<string>(4);
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool inWord = i < name.Length && (CharClass.IsLetterOrDigit(name[i]) || (CharClass.IsApostrophe(name[i]) && start >= 0));
            if (inWord) { if (start < 0) start = i; }
            else if (start >= 0)
            {
                words.Add(name[start..i].ToString());
                start = -1;
            }
        }
        return words;
    }

    /// <summary>The skeletons of all words of a name joined by single spaces (<c>Нур-Султане</c> → <c>nur sultan</c>).</summary>
    public static string Of(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length + 4);
        Span<char> buffer = stackalloc char[512];
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool inWord = i < name.Length && (CharClass.IsLetterOrDigit(name[i]) || (CharClass.IsApostrophe(name[i]) && start >= 0));
            if (inWord) { if (start < 0) start = i; continue; }
            if (start < 0) continue;
            var part = name[start..i];
            start = -1;
            if (part.Length > 120) part = part[..120];
            int n = Word(part, buffer);
            if (n == 0) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(buffer[..n]);
        }
        return sb.ToString();
    }

    /// <summary>Damerau–Levenshtein distance (optimal string alignment) capped at <paramref name="max"/>+1.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (a.Length > 64 || b.Length > 64) return a.SequenceEqual(b) ? 0 : max + 1;
        Span<int> prev2 = stackalloc int[b.Length + 1];
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        return Math.Min(prev[b.Length], max + 1);
    }
}

/// <summary>Latin letters with diacritics folded to their base letters (Latin-1 Supplement and Latin Extended-A).</summary>
internal static class Diacritics
{
    private const string Latin1 =
        // À Á Â Ã Ä Å Æ Ç È É Ê Ë Ì Í Î Ï Ð Ñ Ò Ó Ô Õ Ö × Ø Ù Ú Û Ü Ý Þ ß  (lower case used)
        "aaaaaa?ceeeeiiiidnooooo?ouuuuy?";

    // Latin Extended-A (U+0100..U+017F) in upper/lower pairs grouped by base letter.
    private const string ExtendedA =
        "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ii" + "jj" + "kkk" + "llllllllll" +
        "nnnnnnnnn" + "oooooo" + "oo" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s";

    public static string Fold(char c)
    {
        c = char.ToLowerInvariant(c);
        if (c is >= 'à' and <= 'þ')
        {
            if (c == 'æ') return "ae";
            if (c == 'þ') return "th";
            var b = Latin1[c - 'à'];
            return b == '?' ? "" : b.ToString();
        }
        if (c == 'ß') return "ss";
        if (c == 'ÿ') return "y";
        if (c == 'œ') return "oe";
        if (c is >= '\u0100' and <= '\u017F') return ExtendedA[c - '\u0100'].ToString();
        return "";
    }
}
