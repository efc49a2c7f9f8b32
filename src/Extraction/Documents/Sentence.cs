namespace Extraction.Documents;

/// <summary>A sentence: tokens [FirstToken, EndToken) and the text range they span, with its own language.</summary>
public readonly record struct Sentence(int FirstToken, int EndToken, TextRange Range, Language Language)
{
    public int TokenCount => EndToken - FirstToken;
}
