using System.Globalization;
using System.Runtime.CompilerServices;

namespace Extraction.Tokenization;

/// <summary>Fast character tests for the tokenizer and features: ASCII and Cyrillic by range, the rest via Unicode categories.</summary>
public static class CharClass
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF' or >= '\u0500' and <= '\u052F';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLatin(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (c is >= '\u00C0' and <= '\u024F' && c != '\u00D7' && c != '\u00F7');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c)
    {
        if (c < 128) return (uint)((c | 0x20) - 'a') <= 'z' - 'a';
        if (IsCyrillic(c)) return c is not ('\u0482' or >= '\u0483' and <= '\u0489');
        return char.IsLetter(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetterOrDigit(char c) => IsDigit(c) || IsLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c)
    {
        if (c < 128) return (uint)(c - 'A') <= 'Z' - 'A';
        if (c is >= '\u0410' and <= '\u042F' || c is >= '\u0400' and <= '\u040F') return true;
        if (c is >= '\u0430' and <= '\u045F') return false;
        return char.IsUpper(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c)
    {
        if (c < 128) return (uint)(c - 'a') <= 'z' - 'a';
        if (c is >= '\u0430' and <= '\u045F') return true;
        if (c is >= '\u0400' and <= '\u042F') return false;
        return char.IsLower(c);
    }

    /// <summary>Hyphen-like characters that may join word parts: hyphen-minus, hyphen, non-breaking hyphen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Dashes used between numbers in ranges: hyphen, en dash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsRangeDash(char c) => c is '-' or '\u2013' or '\u2010' or '\u2011';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2009' || c == '\u202F' || (c > 127 && char.IsWhiteSpace(c) && !IsLineBreak(c));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' or '\v' or '\f';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWhiteSpace(char c) => IsSpace(c) || IsLineBreak(c);

    public static bool IsOpenQuote(char c) => c is '«' or '“' or '„' or '‘' or '‹' or '(' or '[' or '{';
    public static bool IsCloseQuote(char c) => c is '»' or '”' or '’' or '›' or ')' or ']' or '}';

    /// <summary>
    /// Sentence-final punctuation, with the look-alikes that pasted and converted texts carry: the one-dot leader
    /// (U+2024, «коронавирусом․ Судьи»), the ideographic and fullwidth full stops, fullwidth ! and ?, and ‼ ⁇ ⁈ ⁉.
    /// </summary>
    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…' or '\u2024' or '\u3002' or '\uFF0E' or '\uFF01' or '\uFF1F'
        or '\u203C' or '\u2047' or '\u2048' or '\u2049';
}
