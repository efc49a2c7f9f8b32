using System.Globalization;
using System.Text;
using Extraction.Documents;

namespace Extraction.Evaluation;

/// <summary>
/// The tokenization the token-level metric counts over, as naeval does: a token is a run of letters, digits and
/// combining marks, or any other single non-space character (a whole code point, so a surrogate pair is one token).
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
            if (IsWordRune(rune))
            {
                while (i < text.Length)
                {
                    Rune.DecodeFromUtf16(text[i..], out var next, out int m);
                    if (!IsWordRune(next)) break;
                    i += m;
                }
            }
            tokens.Add(new TextRange(start, i));
        }
        return tokens;
    }

    private static bool IsWordRune(Rune r)
    {
        if (Rune.IsLetterOrDigit(r)) return true;
        var c = Rune.GetUnicodeCategory(r);
        return c is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
