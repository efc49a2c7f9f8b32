namespace Extraction.Reading;

/// <summary>A piece of a document's text and where it starts in the whole text (UTF-16 offset).</summary>
public readonly record struct TextPiece(int Index, int Offset, string Text);

/// <summary>
/// Where to cut long text into pieces of at most <c>max</c> characters: at the last paragraph break (blank line) in
/// the second half of the window, else the last line break, else the last white space, else at the limit itself
/// (never between the two halves of a surrogate pair). Cutting only after a break keeps sentences whole in all
/// but a single enormous line.
/// </summary>
public static class PieceCutter
{
    /// <summary>Length of the first piece of <paramref name="text"/> (all of it when it fits in <paramref name="max"/>).</summary>
    public static int Cut(ReadOnlySpan<char> text, int max)
    {
        if (text.Length <= max) return text.Length;
        var window = text[..max];
        int floor = max / 2;

        int para = window.LastIndexOf("\n\n");
        if (para >= floor) return para + 2;
        int paraCrlf = window.LastIndexOf("\n\r\n");
        if (paraCrlf >= floor) return paraCrlf + 3;
        int line = window.LastIndexOf('\n');
        if (line >= floor) return line + 1;
        for (int i = max - 1; i >= floor; i--)
            if (char.IsWhiteSpace(window[i])) return i + 1;
        return max > 1 && char.IsHighSurrogate(window[max - 1]) ? max - 1 : max;
    }

    /// <summary>Cuts a whole text into pieces (for text already in memory, such as text extracted from HTML).</summary>
    public static IEnumerable<TextPiece> Pieces(string text, int max)
    {
        int offset = 0, index = 0;
        do
        {
            int n = Cut(text.AsSpan(offset), max);
            yield return new TextPiece(index++, offset, offset == 0 && n == text.Length ? text : text.Substring(offset, n));
            offset += n;
        }
        while (offset < text.Length);
    }
}
