namespace Extraction.Documents;

/// <summary>What a token is, decided by the tokenizer from its characters alone.</summary>
public enum TokenKind : byte
{
    Word = 0,
    Number = 1,
    Punctuation = 2,
    Symbol = 3,
    Url = 4,
    Email = 5,
    Phone = 6,
    /// <summary>An initial such as «С.» or «J.» (letter plus dot, one token).</summary>
    Initial = 7,
    /// <summary>A known abbreviation ending with a dot (<c>г.</c>, <c>Mr.</c>, <c>т.е.</c>, <c>U.S.</c>).</summary>
    Abbreviation = 8,
}

/// <summary>Bit flags describing a token's characters and position; computed once by the tokenizer.</summary>
[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>First letter upper case.</summary>
    Capitalized = 1 << 0,
    /// <summary>Every letter upper case (and at least two letters).</summary>
    AllCaps = 1 << 1,
    /// <summary>Every letter lower case.</summary>
    Lower = 1 << 2,
    HasCyrillic = 1 << 3,
    HasLatin = 1 << 4,
    HasDigit = 1 << 5,
    HasHyphen = 1 << 6,
    /// <summary>Preceded by a line break (or the text start), after optional spaces.</summary>
    LineStart = 1 << 7,
    /// <summary>Followed by white space or the text end.</summary>
    SpaceAfter = 1 << 8,
    /// <summary>First token of its sentence.</summary>
    SentenceStart = 1 << 9,
    /// <summary>Opening quote or bracket.</summary>
    OpenQuote = 1 << 10,
    /// <summary>Closing quote or bracket.</summary>
    CloseQuote = 1 << 11,
}

/// <summary>
/// One row of the compact token table: offsets and small ids, no string.
/// The surface form is <c>document.Text[Range.Start..Range.End]</c>.
/// </summary>
public struct Token
{
    public TextRange Range;
    public TokenKind Kind;
    public TokenFlags Flags;
    /// <summary>Index of the sentence this token belongs to (filled by the sentence splitter; -1 before).</summary>
    public int Sentence;

    public Token(TextRange range, TokenKind kind, TokenFlags flags)
    {
        Range = range;
        Kind = kind;
        Flags = flags;
        Sentence = -1;
    }

    public readonly int Start => Range.Start;
    public readonly int End => Range.End;
    public readonly bool Has(TokenFlags flag) => (Flags & flag) != 0;
}
