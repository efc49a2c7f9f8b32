namespace Extraction.Documents;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units over one document text.
/// Every layer (tokens, sentences, mentions) speaks in these; the surface form is always
/// <c>text[Start..End]</c>, never re-joined tokens.
/// </summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;

    public static TextRange FromLength(int start, int length) => new(start, start + length);

    public bool Contains(int position) => position >= Start && position < End;
    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextRange other) => other.Start < End && Start < other.End;

    public ReadOnlySpan<char> Slice(string text) => text.AsSpan(Start, End - Start);
    public string Of(string text) => text.Substring(Start, End - Start);

    /// <summary>Throws when the range is not inside a text of <paramref name="textLength"/> code units.</summary>
    public void Validate(int textLength)
    {
        if (Start < 0 || End < Start || End > textLength)
            throw new ArgumentOutOfRangeException(nameof(textLength),
                $"Range [{Start},{End}) is not inside a text of {textLength} characters.");
    }

    public override string ToString() => $"[{Start},{End})";
}
