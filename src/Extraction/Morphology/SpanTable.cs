namespace Extraction.Morphology;

/// <summary>
/// An immutable open-addressing hash set of strings stored in one char pool, looked up by
/// <see cref="ReadOnlySpan{T}"/> with a caller-supplied hash (forward or backward FNV, see <see cref="Letters"/>),
/// so lookups allocate nothing. <see cref="Find"/> returns the key's index in the order keys were given, or -1.
/// </summary>
public sealed class SpanTable
{
    private readonly char[] _pool;
    private readonly int[] _start;   // key i occupies _pool[_start[i] .. _start[i+1])
    private readonly int[] _slots;   // key index + 1; 0 = empty
    private readonly uint[] _hashes;
    private readonly int _mask;

    public SpanTable(IReadOnlyList<string> keys, bool backward)
    {
        Backward = backward;
        _start = new int[keys.Count + 1];
        int total = 0;
        for (int i = 0; i < keys.Count; i++) { _start[i] = total; total += keys[i].Length; }
        _start[keys.Count] = total;
        _pool = new char[total];
        for (int i = 0; i < keys.Count; i++) keys[i].CopyTo(_pool.AsSpan(_start[i]));

        int capacity = 16;
        while (capacity < keys.Count * 2) capacity <<= 1;
        _slots = new int[capacity];
        _hashes = new uint[capacity];
        _mask = capacity - 1;
        for (int i = 0; i < keys.Count; i++)
        {
            var key = Key(i);
            uint h = backward ? Letters.Backward(key) : Letters.Forward(key);
            if (Find(key, h) >= 0) throw new ArgumentException($"Duplicate key '{key}'.", nameof(keys));
            int slot = (int)Mix(h) & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = i + 1;
            _hashes[slot] = h;
        }
        Count = keys.Count;
    }

    public int Count { get; }
    public bool Backward { get; }

    public ReadOnlySpan<char> Key(int index) => _pool.AsSpan(_start[index], _start[index + 1] - _start[index]);

    public int Find(ReadOnlySpan<char> key) => Find(key, Backward ? Letters.Backward(key) : Letters.Forward(key));

    /// <summary>Index of <paramref name="key"/> (whose hash in this table's direction is <paramref name="hash"/>) or -1.</summary>
    public int Find(ReadOnlySpan<char> key, uint hash)
    {
        int slot = (int)Mix(hash) & _mask;
        while (true)
        {
            int v = _slots[slot];
            if (v == 0) return -1;
            if (_hashes[slot] == hash)
            {
                int i = v - 1;
                if (key.SequenceEqual(_pool.AsSpan(_start[i], _start[i + 1] - _start[i]))) return i;
            }
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
