namespace Extraction.Morphology;

/// <summary>
/// One reading of a word: a form of a paradigm, either of a dictionary lexeme or guessed from the word's ending
/// (<see cref="Lexeme"/> = -1). The word is split as <c>keep + prefix + stem + suffix</c>: <see cref="Keep"/> leading
/// characters are not inflected (the frozen parts of a hyphenated word such as «Нур-» in «Нур-Султане»), the paradigm
/// prefix («по», «наи») and the suffix change with the form, the stem is copied from the text.
/// </summary>
public readonly record struct MorphParse(int Lexeme, ushort Paradigm, ushort Form, byte Keep, byte Prefix, byte Stem, float Score)
{
    public bool IsGuess => Lexeme < 0;

    public MorphParse WithScore(float score) => this with { Score = score };
}
