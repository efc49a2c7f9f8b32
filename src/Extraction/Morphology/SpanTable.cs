namespace Extraction.Morphology;

/// <summary>
/// An immutable open-addressing hash set of strings that live in one pool string, looked up by
/// <see cref="ReadOnlySpan{T}"/> with a caller-supplied hash (forward or backward FNV, see <see cref="Letters"/>),
/// so lookups allocate nothing. <see cref="Find"/> returns the key's index in the order keys were given, or -1.
/// </summary>
public sealed class SpanTable
{
    private readonly string _pool;
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly int[] _slots;   // key index + 1; 0 = empty
    private readonly uint[] _hashes;
    private readonly int _mask;

    /// <summary>Keys are <c>pool[start[i] .. start[i] + length[i])</c>; they must be distinct.</summary>
    public SpanTable(string pool, int[] start, int[] length, bool backward)
    {
        _pool = pool;
        _start = start;
        _length = length;
        Backward = backward;
        int capacity = 16;
        while (capacity < start.Length * 2) capacity <<= 1;
        _slots = new int[capacity];
        _hashes = new uint[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < start.Length; i++)
        {
            var key = Key(i);
            uint h = backward ? Letters.Backward(key) : Letters.Forward(key);
            int slot = (int)Mix(h) & _mask;
            while (_slots[slot] != 0)
            {
                if (_hashes[slot] == h && key.SequenceEqual(Key(_slots[slot] - 1)))
                    throw new ArgumentException($"Duplicate key '{key}'.", nameof(start));
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = i + 1;
            _hashes[slot] = h;
        }
    }

    public static SpanTable Of(StringPool keys, bool backward)
    {
        var start = new int[keys.Count];
        var length = new int[keys.Count];
        for (int i = 0; i < keys.Count; i++) { start[i] = keys.Start(i); length[i] = keys.Length(i); }
        return new SpanTable(keys.Chars, start, length, backward);
    }

    public static SpanTable Of(IReadOnlyList<string> keys, bool backward) => Of(StringPool.From(keys), backward);

    public int Count => _start.Length;
    public bool Backward { get; }

    public ReadOnlySpan<char> Key(int index) => _pool.AsSpan(_start[index], _length[index]);

    public int Find(ReadOnlySpan<char> key) => Find(key, Backward ? Letters.Backward(key) : Letters.Forward(key));

    /// <summary>Index of <paramref name="key"/> (whose hash in this table's direction is <paramref name="hash"/>) or -1.</summary>
    public int Find(ReadOnlySpan<char> key, uint hash)
    {
        int slot = (int)Mix(hash) & _mask;
        while (true)
        {
            int v = _slots[slot];
            if (v == 0) return -1;
            if (_hashes[slot] == hash && key.SequenceEqual(_pool.AsSpan(_start[v - 1], _length[v - 1]))) return v - 1;
            slot = (slot + 1) & _mask;
        }
    }

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x45d9f3b;
        h ^= h >> 16;
        return h;
    }
}
