using System.Text;

namespace Extraction.Linking;

/// <summary>Readable ASCII slugs for entity ids: Cyrillic transliterated, diacritics dropped, lower case, words joined by '-'.</summary>
public static class Slug
{
    private static readonly string[] Cyr =
    [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
        "shch", "", "y", "", "e", "yu", "ya",
    ];

    public static string Of(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        bool dash = false;
        foreach (var ch in text)
        {
            var c = char.ToLowerInvariant(ch);
            // The soft and hard signs are letters of the word, no break in it: «Дарья» → darya, «Братья» → bratya.
            if (c is 'ь' or 'ъ') continue;
            string piece;
            if (c is >= 'а' and <= 'я') piece = Cyr[c - 'а'];
            else if (c == 'ё') piece = "e";
            else if (c is >= 'a' and <= 'z' or >= '0' and <= '9') piece = c.ToString();
            else piece = c > 127 && char.IsLetter(c) ? Diacritics.Fold(c) : "";
            if (piece.Length == 0)
            {
                if (sb.Length > 0) dash = true;
                continue;
            }
            if (dash) { sb.Append('-'); dash = false; }
            sb.Append(piece);
        }
        if (sb.Length > 60) sb.Length = 60;
        return sb.Length == 0 ? "x" : sb.ToString().TrimEnd('-');
    }
}
