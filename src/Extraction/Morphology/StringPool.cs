namespace Extraction.Morphology;

/// <summary>A list of short strings stored back to back in one string (no object per item); item i is <see cref="this[int]"/>.</summary>
public sealed class StringPool
{
    private readonly int[] _start;

    public StringPool(string chars, int[] start)
    {
        if (start.Length == 0 || start[0] != 0 || start[^1] != chars.Length)
            throw new ArgumentException("Start offsets must begin at 0 and end at the pool length.", nameof(start));
        Chars = chars;
        _start = start;
    }

    public static StringPool From(IReadOnlyList<string> items)
    {
        var start = new int[items.Count + 1];
        for (int i = 0; i < items.Count; i++) start[i + 1] = start[i] + items[i].Length;
        return new StringPool(string.Concat(items), start);
    }

    /// <summary>All items concatenated.</summary>
    public string Chars { get; }

    public int Count => _start.Length - 1;

    public ReadOnlySpan<char> this[int index] => Chars.AsSpan(_start[index], _start[index + 1] - _start[index]);

    public int Start(int index) => _start[index];

    public int Length(int index) => _start[index + 1] - _start[index];

    /// <summary>The same items folded (lower case, ё → е); offsets are shared.</summary>
    public StringPool Folded() => new(Letters.Fold(Chars), _start);
}
