using Extraction.Documents;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Tokenization;

/// <summary>
/// Rule-based tokenizer for Russian and English over a span of the text. One pass, no allocation per token:
/// it appends <see cref="Token"/> structs (offsets, kind, flags) to a <see cref="TokenTable"/>.
/// Handles initials and abbreviations with their dot (<c>С.</c>, <c>Mr.</c>, <c>т.е.</c>, <c>U.S.</c>), hyphenated words
/// (<c>Нур-Султан</c>), numbers with separators (<c>1,6</c>, <c>7,500</c>, <c>23.12.2015</c>, <c>2022-2024</c>, <c>15:27</c>,
/// <c>1990-х</c>), URLs, e-mails, phone numbers (<c>+7(700) 388 81 09</c>), domain names (<c>Tengrinews.kz</c>),
/// quotes and the English possessive (<c>Russia’s</c> → <c>Russia</c> <c>’s</c>).
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokens longer than this are cut (a 10 MB line of letters must not become one token).</summary>
    public const int MaxTokenLength = 256;

    public static void Tokenize(string text, TokenTable tokens) => Tokenize(text, 0, text.Length, tokens);

    public static void Tokenize(string text, int from, int to, TokenTable tokens)
    {
        // News text runs at 5.5–7 characters per token (spaces included): one allocation instead of doubling from 16.
        tokens.EnsureCapacity(tokens.Count + (to - from) / 5 + 16);
        var s = text.AsSpan(0, to);
        int i = from;
        bool lineStart = true;
        while (i < to)
        {
            char c = s[i];
            if (IsWhiteSpace(c))
            {
                if (IsLineBreak(c)) lineStart = true;
                i++;
                continue;
            }

            int start = i;
            TokenKind kind;
            if (IsLetter(c))
            {
                if (TryUrl(s, i, out int urlEnd)) { i = urlEnd; kind = TokenKind.Url; }
                else
                {
                    i = ScanWord(s, i, out kind);
                }
            }
            else if (IsDigit(c))
            {
                i = ScanNumber(s, i);
                kind = TokenKind.Number;
                if (i < s.Length && s[i] == '@' && TryEmail(s, start, out int emailEnd)) { i = emailEnd; kind = TokenKind.Email; }
            }
            else if (c == '+' && i + 1 < s.Length && IsDigit(s[i + 1]) && TryPhone(s, i, out int phoneEnd))
            {
                i = phoneEnd;
                kind = TokenKind.Phone;
            }
            else if (IsApostrophe(c) && i > from && IsLetter(s[i - 1]) && i + 1 < s.Length && (s[i + 1] | 0x20) == 's'
                     && (i + 2 >= s.Length || !IsLetter(s[i + 2])))
            {
                i += 2; // the English possessive: Russia’s → Russia + ’s
                kind = TokenKind.Word;
            }
            else if (c == '.' && i + 2 < s.Length && s[i + 1] == '.' && s[i + 2] == '.')
            {
                i += 3;
                kind = TokenKind.Punctuation;
            }
            else if (c is '!' or '?')
            {
                i++;
                while (i < s.Length && s[i] is '!' or '?') i++;
                kind = TokenKind.Punctuation;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                i += 2;
                kind = TokenKind.Symbol;
            }
            else
            {
                i++;
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }

            if (i - start > MaxTokenLength) i = SafeCut(s, start + MaxTokenLength);
            var flags = Describe(s.Slice(start, i - start), kind);
            if (lineStart) flags |= TokenFlags.LineStart;
            if (i >= to || IsWhiteSpace(s[i])) flags |= TokenFlags.SpaceAfter;
            if (kind == TokenKind.Punctuation && i - start == 1)
            {
                if (IsOpenQuote(c) || (c == '"' && IsOpeningStraightQuote(s, start, from))) flags |= TokenFlags.OpenQuote;
                else if (IsCloseQuote(c) || c == '"') flags |= TokenFlags.CloseQuote;
            }
            tokens.Add(new Token(new TextRange(start, i), kind, flags));
            lineStart = false;
        }
    }

    private static int SafeCut(ReadOnlySpan<char> s, int at) => char.IsLowSurrogate(s[at]) ? at - 1 : at;

    private static bool IsOpeningStraightQuote(ReadOnlySpan<char> s, int at, int from) =>
        at == from || IsWhiteSpace(s[at - 1]) || IsOpenQuote(s[at - 1]) || s[at - 1] is '-' or '—' or '–' or ':';

    /// <summary>Scans a word starting at a letter: letters, digits, joining hyphens and apostrophes, abbreviations and domains.</summary>
    private static int ScanWord(ReadOnlySpan<char> s, int i, out TokenKind kind)
    {
        int start = i;
        kind = TokenKind.Word;
        i = ScanAlnumRun(s, i);
        while (i + 1 < s.Length)
        {
            char c = s[i];
            if (IsWordHyphen(c) && IsLetterOrDigit(s[i + 1]))
            {
                i = ScanAlnumRun(s, i + 1);
                continue;
            }
            if (IsApostrophe(c) && IsLetter(s[i + 1]) && i > start && IsLetter(s[i - 1]))
            {
                // English possessive / contraction: "Russia’s" → "Russia" + "’s"; "don't" → "do" "n't" is not split.
                if ((s[i + 1] | 0x20) == 's' && (i + 2 >= s.Length || !IsLetter(s[i + 2]))) break;
                i = ScanAlnumRun(s, i + 1);
                continue;
            }
            break;
        }
        if (i - start > MaxTokenLength) return i;

        if (i < s.Length && s[i] == '@' && TryEmail(s, start, out int emailEnd)) { kind = TokenKind.Email; return emailEnd; }

        if (i < s.Length && s[i] == '.')
        {
            var word = s.Slice(start, i - start);
            // Multi-part abbreviations: т.е. / U.S. / e.g. / Ph.D. — short letter groups joined by dots.
            int j = i;
            while (j + 2 < s.Length + 1 && j < s.Length && s[j] == '.' && j + 1 < s.Length && IsLetter(s[j + 1]))
            {
                int k = j + 1;
                while (k < s.Length && IsLetter(s[k])) k++;
                if (k - (j + 1) > 2 || k >= s.Length || s[k] != '.') break;
                j = k;
            }
            if (j > i && Abbreviations.IsKnown(s.Slice(start, j - start)))
            {
                kind = TokenKind.Abbreviation;
                return j + 1;
            }
            if (j > i && word.Length <= 2 && (j - start) <= 8)
            {
                kind = TokenKind.Abbreviation;
                return j + 1;
            }
            // Domain names: Tengrinews.kz, bbc.co.uk — a dot followed by lower-case Latin letters and then not a letter.
            if (TryDomain(s, start, i, out int domainEnd)) return domainEnd;
            // «С.», and «Дж.» (Джон, Джордж: the Russian spelling of J takes two letters and is no word of its own).
            if (word.Length == 1 && IsUpper(word[0]) && !IsRegnalNumeral(s, start) || word is "Дж")
            {
                kind = TokenKind.Initial;
                return i + 1;
            }
            if (Abbreviations.IsKnown(word))
            {
                kind = TokenKind.Abbreviation;
                return i + 1;
            }
        }
        return i;
    }

    /// <summary>
    /// A Latin I, V or X right after a Cyrillic word is a regnal number, not an initial («Кигели V.», «Бодуэна I. Альберт
    /// женат…»): its dot ends the sentence and stays out of the name.
    /// </summary>
    private static bool IsRegnalNumeral(ReadOnlySpan<char> s, int at) =>
        s[at] is 'I' or 'V' or 'X' && at >= 2 && s[at - 1] == ' ' && IsCyrillic(s[at - 2]) && IsLetter(s[at - 2])
        && (at + 2 >= s.Length || !IsLetter(s[at + 2]));

    private static int ScanAlnumRun(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && IsLetterOrDigit(s[i])) i++;
        return i;
    }

    private static bool TryDomain(ReadOnlySpan<char> s, int start, int dot, out int end)
    {
        end = dot;
        for (int k = start; k < dot; k++) if (!(IsLatin(s[k]) || IsDigit(s[k]) || s[k] == '-')) return false;
        int i = dot;
        bool any = false;
        while (i < s.Length && s[i] == '.')
        {
            int k = i + 1;
            while (k < s.Length && (uint)(s[k] - 'a') <= 'z' - 'a') k++;
            int len = k - (i + 1);
            if (len < 2 || len > 12) break;
            if (k < s.Length && (IsLetterOrDigit(s[k]) || s[k] == '-')) break;
            i = k;
            any = true;
        }
        end = i;
        return any;
    }

    private static bool TryUrl(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i;
        var rest = s[i..];
        int skip;
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) skip = 7;
        else if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) skip = 8;
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 5 && IsLetterOrDigit(rest[4])) skip = 4;
        else return false;
        int j = i + skip;
        while (j < s.Length && !IsWhiteSpace(s[j]) && s[j] is not ('«' or '»' or '"' or '<' or '>' or '“' or '”')) j++;
        while (j > i + skip && s[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or '\'') j--;
        if (j - i > MaxTokenLength) j = i + MaxTokenLength;
        end = j;
        return j > i + skip;
    }

    private static bool TryEmail(ReadOnlySpan<char> s, int start, out int end)
    {
        end = start;
        int at = start;
        while (at < s.Length && s[at] != '@')
        {
            if (!(IsLetterOrDigit(s[at]) || s[at] is '.' or '_' or '-' or '+')) return false;
            at++;
        }
        if (at >= s.Length || at == start) return false;
        int j = at + 1;
        int lastDot = -1;
        while (j < s.Length && (IsLetterOrDigit(s[j]) || s[j] is '.' or '-'))
        {
            if (s[j] == '.') lastDot = j;
            j++;
        }
        while (j > at + 1 && s[j - 1] is '.' or '-') j--;
        lastDot = s[(at + 1)..j].LastIndexOf('.');
        if (lastDot <= 0 || lastDot >= j - at - 2) return false;
        end = j;
        return true;
    }

    /// <summary>Phone numbers starting with '+': digits, single spaces, parentheses and hyphens; at least 7 digits.</summary>
    private static bool TryPhone(ReadOnlySpan<char> s, int i, out int end)
    {
        end = i;
        int j = i + 1, digits = 0, lastDigitEnd = i;
        while (j < s.Length)
        {
            char c = s[j];
            if (IsDigit(c)) { digits++; j++; lastDigitEnd = j; continue; }
            if (c is '(' or ')' or '-' && j + 1 < s.Length && (IsDigit(s[j + 1]) || s[j + 1] is '(' or ' ')) { j++; continue; }
            if (c == ' ' && j + 1 < s.Length && (IsDigit(s[j + 1]) || s[j + 1] == '(') && digits > 0) { j++; continue; }
            break;
        }
        if (digits < 7 || digits > 15) return false;
        end = lastDigitEnd;
        return true;
    }

    /// <summary>Numbers: digit groups joined by . , : / or range dashes when a digit follows; Russian suffixes (<c>1990-х</c>, <c>15-го</c>).</summary>
    private static int ScanNumber(ReadOnlySpan<char> s, int i)
    {
        int start = i;
        while (i < s.Length && IsDigit(s[i])) i++;
        while (i + 1 < s.Length && i - start < MaxTokenLength)
        {
            char c = s[i];
            if ((c is '.' or ',' or ':' or '/' || IsRangeDash(c)) && IsDigit(s[i + 1]))
            {
                i++;
                while (i < s.Length && IsDigit(s[i])) i++;
                continue;
            }
            break;
        }
        // 1990-х, 15-го, 2-й, 90-е: a hyphen and at most three Cyrillic letters.
        if (i + 1 < s.Length && IsWordHyphen(s[i]) && IsCyrillic(s[i + 1]))
        {
            int k = i + 1;
            while (k < s.Length && IsCyrillic(s[k]) && k - i <= 4) k++;
            if (k - (i + 1) <= 3 && (k >= s.Length || !IsLetter(s[k]))) i = k;
        }
        return i;
    }

    /// <summary>Computes case, script and character flags of one token's text.</summary>
    public static TokenFlags Describe(ReadOnlySpan<char> t, TokenKind kind)
    {
        TokenFlags f = TokenFlags.None;
        int letters = 0, upper = 0, lower = 0;
        foreach (char c in t)
        {
            if (IsDigit(c)) { f |= TokenFlags.HasDigit; continue; }
            if (IsWordHyphen(c)) { f |= TokenFlags.HasHyphen; continue; }
            if (!IsLetter(c)) continue;
            letters++;
            if (IsCyrillic(c)) f |= TokenFlags.HasCyrillic;
            else if (IsLatin(c)) f |= TokenFlags.HasLatin;
            if (IsUpper(c)) upper++;
            else if (IsLower(c)) lower++;
        }
        if (letters > 0)
        {
            if (IsUpper(t[0])) f |= TokenFlags.Capitalized;
            if (upper == letters && letters >= 2) f |= TokenFlags.AllCaps;
            if (lower == letters) f |= TokenFlags.Lower;
        }
        return f;
    }
}
