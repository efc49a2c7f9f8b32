using System.Runtime.InteropServices;

namespace Extraction.Documents;

/// <summary>
/// The document's tokens as one growable array of <see cref="Token"/> structs (spaCy's TokenC idea):
/// hot loops take <see cref="AsSpan"/> and read offsets and flags without allocation.
/// </summary>
public sealed class TokenTable
{
    private Token[] _items;
    private int _count;

    public TokenTable(int capacity = 0) => _items = capacity > 0 ? new Token[capacity] : [];

    public int Count => _count;

    public ref Token this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref _items[index];
        }
    }

    public Span<Token> AsSpan() => _items.AsSpan(0, _count);

    public void Add(in Token token)
    {
        if (_count == _items.Length) Array.Resize(ref _items, Math.Max(16, _items.Length * 2));
        _items[_count++] = token;
    }

    /// <summary>Makes room for <paramref name="capacity"/> tokens in all, so a table filled from a known text grows once.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length) Array.Resize(ref _items, _count == 0 ? capacity : Math.Max(capacity, _items.Length * 2));
    }

    public void Clear() => _count = 0;

    /// <summary>Index of the first token whose end is after <paramref name="offset"/> (binary search).</summary>
    public int FirstEndingAfter(int offset)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_items[mid].Range.End <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Token indices [first, end) covered by <paramref name="range"/> (tokens overlapping it).</summary>
    public (int First, int End) Covering(TextRange range)
    {
        int first = FirstEndingAfter(range.Start);
        int end = first;
        while (end < _count && _items[end].Range.Start < range.End) end++;
        return (first, end);
    }
}
