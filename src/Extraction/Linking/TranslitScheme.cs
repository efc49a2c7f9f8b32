using System.Text;
using System.Text.Json;
using Extraction.Tokenization;

namespace Extraction.Linking;

/// <summary>
/// One Cyrillic→Latin transliteration scheme in the iuliia format (letter mapping plus context rules keyed by the
/// previous letter, the next letter, and word endings). Used to derive English spellings of Russian names
/// (<c>Сергей Шойгу</c> → <c>Sergey Shoygu</c> with the Wikipedia scheme).
/// </summary>
public sealed class TranslitScheme
{
    public TranslitScheme(string name, IReadOnlyDictionary<string, string> mapping, IReadOnlyDictionary<string, string> prev,
        IReadOnlyDictionary<string, string> next, IReadOnlyDictionary<string, string> ending)
    {
        Name = name;
        Mapping = mapping;
        Prev = prev;
        Next = next;
        Ending = ending;
    }

    public string Name { get; }
    /// <summary>Single lower-case letter → Latin.</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; }
    /// <summary>Previous letter + letter → Latin; a one-letter key applies at the word start.</summary>
    public IReadOnlyDictionary<string, string> Prev { get; }
    /// <summary>Letter + next letter → Latin.</summary>
    public IReadOnlyDictionary<string, string> Next { get; }
    /// <summary>Word ending → Latin (the rest of the word is transliterated letter by letter).</summary>
    public IReadOnlyDictionary<string, string> Ending { get; }

    /// <summary>Reads a scheme from an iuliia JSON document (<c>mapping</c>, <c>prev_mapping</c>, <c>next_mapping</c>, <c>ending_mapping</c>).</summary>
    public static TranslitScheme FromIuliiaJson(JsonElement root)
    {
        static Dictionary<string, string> Map(JsonElement root, string key)
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty(key, out var m) && m.ValueKind == JsonValueKind.Object)
                foreach (var p in m.EnumerateObject()) d[p.Name] = p.Value.GetString() ?? "";
            return d;
        }
        return new TranslitScheme(root.GetProperty("name").GetString() ?? "?", Map(root, "mapping"), Map(root, "prev_mapping"),
            Map(root, "next_mapping"), Map(root, "ending_mapping"));
    }

    /// <summary>Transliterates a text word by word; non-Cyrillic characters pass through.</summary>
    public string Transliterate(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        int i = 0;
        while (i < text.Length)
        {
            if (!CharClass.IsLetter(text[i])) { sb.Append(text[i++]); continue; }
            int start = i;
            while (i < text.Length && CharClass.IsLetter(text[i])) i++;
            Word(text.AsSpan(start, i - start), sb);
        }
        return sb.ToString();
    }

    private void Word(ReadOnlySpan<char> word, StringBuilder sb)
    {
        var lower = word.ToString().ToLowerInvariant();
        bool allCaps = word.Length > 1 && IsAllUpper(word);
        int stemLength = lower.Length;
        string? endingLatin = null;
        foreach (var (ending, latin) in Ending)
        {
            if (lower.Length > ending.Length && lower.EndsWith(ending, StringComparison.Ordinal))
            {
                stemLength = lower.Length - ending.Length;
                endingLatin = latin;
                break;
            }
        }
        int wordStart = sb.Length;
        for (int i = 0; i < stemLength; i++)
        {
            var piece = Letter(lower, i);
            if (piece.Length > 0 && CharClass.IsUpper(word[i]))
                piece = allCaps ? piece.ToUpperInvariant() : char.ToUpperInvariant(piece[0]) + piece[1..];
            sb.Append(piece);
        }
        if (endingLatin is not null) sb.Append(allCaps ? endingLatin.ToUpperInvariant() : endingLatin);
        if (allCaps) for (int k = wordStart; k < sb.Length; k++) sb[k] = char.ToUpperInvariant(sb[k]);
    }

    private string Letter(string lower, int i)
    {
        var cur = lower[i];
        var key = i == 0 ? cur.ToString() : string.Concat(lower[i - 1], cur);
        if (Prev.TryGetValue(key, out var p)) return p;
        if (i + 1 < lower.Length && Next.TryGetValue(string.Concat(cur, lower[i + 1]), out var n)) return n;
        if (Mapping.TryGetValue(cur.ToString(), out var m)) return m;
        return cur.ToString();
    }

    private static bool IsAllUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (CharClass.IsLower(c)) return false;
        return true;
    }

    /// <summary>Writes the scheme (name, then four string maps as count + key/value pairs).</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Name);
        foreach (var map in new[] { Mapping, Prev, Next, Ending })
        {
            w.Write(map.Count);
            foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
        }
    }

    public static TranslitScheme Read(BinaryReader r)
    {
        var name = r.ReadString();
        var maps = new Dictionary<string, string>[4];
        for (int m = 0; m < 4; m++)
        {
            int n = r.ReadInt32();
            maps[m] = new Dictionary<string, string>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++) maps[m][r.ReadString()] = r.ReadString();
        }
        return new TranslitScheme(name, maps[0], maps[1], maps[2], maps[3]);
    }
}
