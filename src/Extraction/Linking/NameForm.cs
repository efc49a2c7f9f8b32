using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Linking;

/// <summary>
/// A PER/ORG/LOC name analysed for linking: its words, their <see cref="NameKey"/> skeletons, the script, and
/// whether it looks like an acronym (<c>ОДКБ</c>, <c>CSTO</c>) or a compound short form (<c>Минобороны</c>).
/// </summary>
public sealed class NameForm
{
    private static readonly HashSet<string> Fillers = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "for", "and", "on", "in", "at", "и", "по", "о", "об", "в", "на", "при", "для", "с", "de", "la", "&",
    };

    public NameForm(string text, EntityType type)
    {
        Text = text;
        Type = type;
        Words = NameKey.Words(text);
        // A site name is its owner's name: "Tengrinews.kz" = "Tengrinews", "Interfax.ru" = "Interfax".
        if (type != EntityType.PER && Words.Count >= 2 && Words[^1].Length is >= 2 and <= 4 && Words[^1].All(CharClass.IsLower)
            && text.TrimEnd().EndsWith("." + Words[^1], StringComparison.Ordinal))
            Words.RemoveAt(Words.Count - 1);
        // "The Guardian" = "Guardian", and "The Wall Street Journal" abbreviates to "WSJ": the article names no part of it.
        Bare = text;
        if (type != EntityType.PER && Words.Count >= 2 && Words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            Words.RemoveAt(0);
            var trimmed = text.AsSpan().TrimStart();
            if (trimmed.StartsWith("the", StringComparison.OrdinalIgnoreCase)) Bare = trimmed[3..].TrimStart().ToString();
        }
        Keys = Words.Select(w => type == EntityType.PER ? NameKey.Word(w) : NameKey.WordOrAcronym(w)).ToArray();
        Key = string.Join(' ', Keys);
        Lower = Words.Select(w => w.ToLowerInvariant()).ToArray();
        foreach (var k in Keys) if (IsInitial(k)) Initials_++;
        foreach (var c in text) if (CharClass.IsCyrillic(c)) { Cyrillic = true; break; }
        if (Words.Count > 0)
        {
            var w = Words[0];
            int letters = 0, upper = 0;
            foreach (var c in w)
            {
                if (!CharClass.IsLetter(c)) continue;
                letters++;
                if (CharClass.IsUpper(c)) upper++;
            }
            // ОДКБ, NATO, ЕврАзЭС: mostly capitals, short.
            HeadIsAcronym = letters is >= 2 and <= 8 && upper >= 2 && upper * 2 >= letters;
        }
    }

    public string Text { get; }
    /// <summary>The text without a leading article of an organisation or place name («The Oval» → «Oval»), for resource lookups.</summary>
    public string Bare { get; }
    public EntityType Type { get; }
    public List<string> Words { get; }
    /// <summary>The words in lower case.</summary>
    public string[] Lower { get; }
    private readonly int Initials_;
    /// <summary>Skeleton of each word (acronyms in organisation and place names keep their letters: <c>#ОДКБ</c>).</summary>
    public string[] Keys { get; }
    /// <summary>The skeletons joined by spaces.</summary>
    public string Key { get; }
    public bool Cyrillic { get; }
    /// <summary>The first word is an acronym (mostly capitals, 2–8 letters).</summary>
    public bool HeadIsAcronym { get; }
    /// <summary>The whole name is one acronym.</summary>
    public bool IsAcronym => HeadIsAcronym && Words.Count == 1;

    /// <summary>
    /// Whether this name is a shorter form of <paramref name="longer"/>: each of its words matches a distinct word there
    /// (an initial matches a word it begins), and <paramref name="longer"/> has more words or fewer initials. When
    /// <paramref name="extraAllowed"/> is given, every word of <paramref name="longer"/> left unmatched must be marked in it.
    /// </summary>
    public bool IsPartOf(NameForm longer, bool[]? extraAllowed = null)
    {
        if (Keys.Length > longer.Keys.Length || (Keys.Length == longer.Keys.Length && Initials_ <= longer.Initials_)) return false;
        Span<bool> used = stackalloc bool[longer.Keys.Length];
        foreach (var k in Keys)
        {
            int found = -1;
            for (int j = 0; j < longer.Keys.Length && found < 0; j++)
                if (!used[j] && (k == longer.Keys[j] || (IsInitial(k) && longer.Keys[j].Length > 1 && longer.Keys[j][0] == k[0])))
                    found = j;
            if (found < 0) return false;
            used[found] = true;
        }
        if (extraAllowed is not null)
            for (int j = 0; j < used.Length; j++)
                if (!used[j] && !extraAllowed[j]) return false;
        return true;
    }

    /// <summary>A one-letter key: an initial such as «С.» or «J.».</summary>
    public static bool IsInitial(string key) => key.Length == 1;

    /// <summary>
    /// Whether this single-word name abbreviates <paramref name="full"/>: an acronym of its words' initials
    /// (<c>ОДКБ</c> = <c>Организация Договора о коллективной безопасности</c>) or a compound of word beginnings
    /// (<c>Минобороны</c> = <c>Министерство обороны</c>, <c>Мосгордума</c> = <c>Московская городская дума</c>).
    /// Words after the abbreviated ones must match (<c>Минобороны России</c> = <c>Министерство обороны России</c>).
    /// </summary>
    public bool Abbreviates(NameForm full)
    {
        if (Words.Count == 0 || full.Words.Count < 2 || Cyrillic != full.Cyrillic) return false;
        var head = Lower[0];
        // Cheap rejection: an acronym starts with the full form's first letter, a compound with its first two.
        if (head[0] != full.Lower[0][0] || (!HeadIsAcronym && (head.Length < 2 || full.Lower[0].Length < 2 || head[1] != full.Lower[0][1])))
            return false;
        int tail = Words.Count - 1;
        for (int consumed = full.Words.Count - tail; consumed >= 2; consumed--)
        {
            if (!TailMatches(full, consumed, tail)) continue;
            if (HeadIsAcronym && Initials(full.Lower, consumed, head)) return true;
            if (!HeadIsAcronym && Compound(head, 0, full.Lower, 0, consumed)) return true;
        }
        return false;
    }

    private bool TailMatches(NameForm full, int consumed, int tail)
    {
        if (consumed + tail != full.Words.Count) return false;
        for (int i = 0; i < tail; i++)
            if (Keys[1 + i] != full.Keys[consumed + i]) return false;
        return true;
    }

    private static bool Initials(string[] words, int count, string acronym)
    {
        Span<char> all = stackalloc char[count];
        Span<char> content = stackalloc char[count];
        int a = 0, c = 0;
        for (int i = 0; i < count; i++)
        {
            var w = words[i];
            var first = w[0];
            all[a++] = first;
            if (!Fillers.Contains(w)) content[c++] = first;
        }
        return acronym.AsSpan().SequenceEqual(content[..c]) || acronym.AsSpan().SequenceEqual(all[..a]);
    }

    /// <summary>Splits <paramref name="s"/> from <paramref name="pos"/> into beginnings of words[index..count) (all lower case).</summary>
    private static bool Compound(string s, int pos, string[] words, int index, int count)
    {
        if (index == count) return pos == s.Length;
        if (pos == s.Length) return false;
        var word = words[index];
        if (index == count - 1)
        {
            // The last part may be the whole word in another case form: compare skeletons, or a beginning of 3+ letters.
            var rest = s[pos..];
            return NameKey.Word(rest) == NameKey.Word(word) || (rest.Length >= 3 && word.StartsWith(rest, StringComparison.Ordinal));
        }
        if (Fillers.Contains(word)) return Compound(s, pos, words, index + 1, count);
        for (int len = Math.Min(word.Length, s.Length - pos); len >= 2; len--)
            if (string.CompareOrdinal(s, pos, word, 0, len) == 0 && Compound(s, pos + len, words, index + 1, count))
                return true;
        return false;
    }
}
