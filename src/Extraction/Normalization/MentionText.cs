using System.Text;

namespace Extraction.Normalization;

/// <summary>A piece of a mention: a word (letters, digits, inner hyphens and apostrophes) or the text between words.</summary>
/// <param name="Quoted">Inside a pair of quotes (a quoted name that stays as it is).</param>
public sealed record MentionPart(string Text, bool IsWord, bool Quoted);

/// <summary>
/// Splits a mention's surface form into words and separators with typography made uniform: runs of white space
/// become one space; hyphen look-alikes inside words (‐ ‑ ‒ –, soft hyphen dropped) become '-'; typographic
/// apostrophes become '; quote look-alikes become «» (Russian) or "" (English), keeping straight quotes.
/// </summary>
public static class MentionText
{
    public static List<MentionPart> Split(string surface, bool russian)
    {
        var parts = new List<MentionPart>();
        var text = Clean(surface, russian);
        bool quoted = false;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            if (IsWordChar(text[i]))
            {
                while (i < text.Length && (IsWordChar(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && IsWordChar(text[i + 1]) && i > start))) i++;
                parts.Add(new MentionPart(text[start..i], true, quoted));
                continue;
            }
            var sb = new StringBuilder();
            while (i < text.Length && !IsWordChar(text[i]))
            {
                char c = text[i++];
                if (IsQuote(c)) quoted = c is '«' or '“' ? true : c is '»' or '”' ? false : !quoted;
                sb.Append(c);
            }
            parts.Add(new MentionPart(sb.ToString(), false, quoted));
        }
        return parts;
    }

    public static string Join(IEnumerable<MentionPart> parts) => string.Concat(parts.Select(p => p.Text)).Trim();

    /// <summary>White space collapsed, hyphens, apostrophes and quotes made uniform.</summary>
    public static string Clean(string surface, bool russian)
    {
        var sb = new StringBuilder(surface.Length);
        bool space = false;
        foreach (var c0 in surface)
        {
            char c = c0;
            if (c == '\u00AD') continue;
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            c = c switch
            {
                '\u2010' or '\u2011' or '\u2012' => '-',
                '\u2019' or '\u2018' or '\u02BC' or '`' => '\'',
                '\u201C' or '\u201E' => russian ? '«' : '"',
                '\u201D' => russian ? '»' : '"',
                '«' when !russian => '"',
                '»' when !russian => '"',
                _ => c,
            };
            // An en dash between two letters without spaces is a hyphen.
            if (c == '\u2013' && sb.Length > 0 && char.IsLetter(sb[^1])) c = '-';
            sb.Append(c);
        }
        return sb.ToString();
    }

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static bool IsJoiner(char c) => c is '-' or '\'' or '\u2013';

    private static bool IsQuote(char c) => c is '"' or '«' or '»' or '“' or '”' or '„';
}
