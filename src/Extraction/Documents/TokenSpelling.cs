namespace Extraction.Documents;

/// <summary>
/// How ordinary text would spell a token of a sentence written without case distinctions (all capitals or all lower
/// case): the <see cref="Document.Spelling"/> layer. Respelling changes letters' case only, never the length.
/// </summary>
public enum TokenSpelling : byte
{
    /// <summary>Left as written (ordinary sentences, punctuation, numbers).</summary>
    AsWritten = 0,
    Lower,
    /// <summary>A capital at the start of the word and of each hyphenated part (Нур-Султан).</summary>
    Capitalised,
    /// <summary>All capitals (ФСБ).</summary>
    Capitals,
}

public static class TokenSpellings
{
    /// <summary>Writes <paramref name="word"/> spelt as <paramref name="spelling"/> into <paramref name="into"/> (same length).</summary>
    public static void Apply(ReadOnlySpan<char> word, TokenSpelling spelling, Span<char> into)
    {
        switch (spelling)
        {
            case TokenSpelling.AsWritten:
                word.CopyTo(into);
                break;
            case TokenSpelling.Capitals:
                for (int i = 0; i < word.Length; i++) into[i] = char.ToUpperInvariant(word[i]);
                break;
            default:
                for (int i = 0; i < word.Length; i++)
                    into[i] = spelling == TokenSpelling.Capitalised && (i == 0 || word[i - 1] is '-' or '\u2010' or '\u2011')
                        ? char.ToUpperInvariant(word[i])
                        : char.ToLowerInvariant(word[i]);
                break;
        }
    }
}
