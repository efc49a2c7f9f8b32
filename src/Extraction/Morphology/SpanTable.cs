namespace Extraction.Morphology;

/// <summary>
/// An immutable open-addressing hash set of strings that live in one pool string, looked up by
/// <see cref="ReadOnlySpan{T}"/> with a caller-supplied hash (forward or backward FNV, see <see cref="Letters"/>),
/// so lookups allocate nothing. <see cref="Find"/> returns the key's index in the order keys were given, or -1.
/// Most lookups of the analyser are misses (a split of a word whose stem does not exist), so a one-bit-per-hash
/// filter small enough to stay in cache answers those without touching the slots.
/// </summary>
public sealed class SpanTable
{
    private struct Slot
    {
        public uint Hash;
        public int Index;   // key index + 1; 0 = empty
        public int Start;
        public int Length;
    }

    private readonly string _pool;
    private readonly Slot[] _slots;
    private readonly ulong[] _filter;
    private readonly int _mask;
    private readonly int _filterMask;

    /// <summary>Keys are <c>pool[start[i] .. start[i] + length[i])</c>; they must be distinct.</summary>
    public SpanTable(string pool, int[] start, int[] length, bool backward)
    {
        _pool = pool;
        Backward = backward;
        Count = start.Length;
        int capacity = 16;
        while (capacity < Count * 2) capacity <<= 1;
        _slots = new Slot[capacity];
        _mask = capacity - 1;
        int filterBits = 1024;
        while (filterBits < Count * 16) filterBits <<= 1;
        _filter = new ulong[filterBits / 64];
        _filterMask = filterBits - 1;
        for (int i = 0; i < Count; i++)
        {
            var key = pool.AsSpan(start[i], length[i]);
            uint h = backward ? Letters.Backward(key) : Letters.Forward(key);
            int slot = (int)Mix(h) & _mask;
            while (_slots[slot].Index != 0)
            {
                ref var s = ref _slots[slot];
                if (s.Hash == h && key.SequenceEqual(pool.AsSpan(s.Start, s.Length)))
                    throw new ArgumentException($"Duplicate key '{key}'.", nameof(start));
                slot = (slot + 1) & _mask;
            }
            _slots[slot] = new Slot { Hash = h, Index = i + 1, Start = start[i], Length = length[i] };
            int bit = (int)(h >> 7) & _filterMask;
            _filter[bit >> 6] |= 1UL << bit;
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

    public int Count { get; }
    public bool Backward { get; }

    public int Find(ReadOnlySpan<char> key) => Find(key, Backward ? Letters.Backward(key) : Letters.Forward(key));

    /// <summary>Index of <paramref name="key"/> (whose hash in this table's direction is <paramref name="hash"/>) or -1.</summary>
    public int Find(ReadOnlySpan<char> key, uint hash)
    {
        int bit = (int)(hash >> 7) & _filterMask;
        if ((_filter[bit >> 6] & (1UL << bit)) == 0) return -1;
        int slot = (int)Mix(hash) & _mask;
        while (true)
        {
            ref var s = ref _slots[slot];
            if (s.Index == 0) return -1;
            if (s.Hash == hash && key.SequenceEqual(_pool.AsSpan(s.Start, s.Length))) return s.Index - 1;
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
