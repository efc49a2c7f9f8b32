using System.Globalization;
using System.Text;
using Extraction.Documents;

namespace Extraction.Evaluation;

/// <summary>
/// The tokenization the token-level metric counts over, as naeval does: a token is a run of letters (with combining
/// marks), a run of digits, or any other single non-space character (a whole code point, so a surrogate pair is one token).
/// It does not depend on the pipeline's tokenizer, so token scores of two pipelines stay comparable.
/// </summary>
public static class EvalTokens
{
    public static List<TextRange> Tokenize(ReadOnlySpan<char> text)
    {
        var tokens = new List<TextRange>(text.Length / 5 + 1);
        int i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text[i..], out var rune, out int n);
            if (Rune.IsWhiteSpace(rune)) { i += n; continue; }
            int start = i;
            i += n;
            var kind = Kind(rune);
            if (kind != RuneKind.Other)
            {
                while (i < text.Length)
                {
                    Rune.DecodeFromUtf16(text[i..], out var next, out int m);
                    var k = Kind(next);
                    if (k != kind && !(kind == RuneKind.Letter && k == RuneKind.Mark)) break;
                    i += m;
                }
            }
            tokens.Add(new TextRange(start, i));
        }
        return tokens;
    }

    private enum RuneKind : byte { Other, Letter, Digit, Mark }

    private static RuneKind Kind(Rune r)
    {
        if (Rune.IsLetter(r)) return RuneKind.Letter;
        if (Rune.IsDigit(r)) return RuneKind.Digit;
        return Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            ? RuneKind.Mark : RuneKind.Other;
    }
}
