using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Extraction.Tagging;

/// <summary>What the tagger's lexicon knows about a lower-cased word form (several bits may be set).</summary>
[Flags]
public enum LexBits : uint
{
    None = 0,
    /// <summary>Gazetteer: a country name (or a word of one).</summary>
    Country = 1 << 0,
    City = 1 << 1,
    Region = 1 << 2,
    /// <summary>OpenCorpora Name (first name), or a first-name list.</summary>
    FirstName = 1 << 3,
    /// <summary>OpenCorpora Surn.</summary>
    Surname = 1 << 4,
    /// <summary>OpenCorpora Patr.</summary>
    Patronymic = 1 << 5,
    /// <summary>OpenCorpora Geox.</summary>
    Place = 1 << 6,
    /// <summary>OpenCorpora Orgn.</summary>
    Organisation = 1 << 7,
    /// <summary>OpenCorpora Abbr.</summary>
    Abbreviation = 1 << 8,
    /// <summary>Unlabeled text: written capitalised in most mid-sentence occurrences.</summary>
    MostlyCapitalized = 1 << 9,
    /// <summary>Unlabeled text: written lower case in most occurrences.</summary>
    MostlyLower = 1 << 10,
    /// <summary>A common (non-proper) word form in the morphology dictionary.</summary>
    CommonWord = 1 << 11,
}

/// <summary>One lexicon row: bits and up to three word-cluster ids (coarse to fine; 0 = unknown). Packed: stored as is in model files.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct LexEntry
{
    public LexBits Bits;
    public ushort Cluster1, Cluster2, Cluster3;
}

/// <summary>
/// Open-addressing hash map from 64-bit keys (hashes of lower-cased forms or token sequences) to unmanaged values.
/// Key 0 marks an empty slot (a real key of 0 is remapped to 1). Read-only after building; safe for concurrent readers.
/// </summary>
public sealed class HashMap64<T> where T : unmanaged
{
    private ulong[] _keys;
    private T[] _values;
    private int _count;
    private int _mask;

    private readonly int _initialSize;
    /// <summary>With slot tracking: the slots taken since the last <see cref="Clear"/>, so clearing touches only them.</summary>
    private readonly List<int>? _taken;

    /// <param name="capacity">Entries expected (the table starts at twice that, a power of two).</param>
    /// <param name="trackSlots">Remember the slots in use so that <see cref="Clear"/> costs the entries, not the table size
    /// (for maps cleared and refilled per document).</param>
    public HashMap64(int capacity = 16, bool trackSlots = false)
    {
        if (trackSlots) _taken = [];
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _initialSize = size;
        _keys = new ulong[size];
        _values = new T[size];
        _mask = size - 1;
    }

    public int Count => _count;

    /// <summary>Removes every entry (a map grown far beyond its initial size goes back to it, so clearing stays cheap).</summary>
    public void Clear()
    {
        if (_keys.Length > 16 * _initialSize)
        {
            _keys = new ulong[_initialSize];
            _values = new T[_initialSize];
            _mask = _initialSize - 1;
        }
        else if (_taken is not null)
            foreach (var slot in _taken) _keys[slot] = 0;
        else Array.Clear(_keys);
        _taken?.Clear();
        _count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fix(ulong key) => key == 0 ? 1 : key;

    public bool TryGet(ulong key, out T value)
    {
        key = Fix(key);
        int i = (int)(key & (ulong)_mask);
        while (true)
        {
            var k = _keys[i];
            if (k == key) { value = _values[i]; return true; }
            if (k == 0) { value = default; return false; }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>Returns a reference to the value for <paramref name="key"/>, adding a default one when absent.</summary>
    public ref T GetOrAdd(ulong key)
    {
        if ((_count + 1) * 2 > _keys.Length) Grow();
        key = Fix(key);
        int i = (int)(key & (ulong)_mask);
        while (true)
        {
            var k = _keys[i];
            if (k == key) return ref _values[i];
            if (k == 0)
            {
                _keys[i] = key;
                _values[i] = default;
                _count++;
                _taken?.Add(i);
                return ref _values[i];
            }
            i = (i + 1) & _mask;
        }
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new ulong[keys.Length * 2];
        _values = new T[keys.Length * 2];
        _mask = _keys.Length - 1;
        _count = 0;
        _taken?.Clear();
        for (int i = 0; i < keys.Length; i++)
            if (keys[i] != 0) GetOrAdd(keys[i]) = values[i];
    }

    public IEnumerable<(ulong Key, T Value)> Entries()
    {
        for (int i = 0; i < _keys.Length; i++)
            if (_keys[i] != 0) yield return (_keys[i], _values[i]);
    }
}

/// <summary>
/// A read-only map from 64-bit keys to values that loads as a bulk copy: keys sorted, values beside them, and a directory
/// of the start offset per top-bits prefix, so a lookup is one directory read and a scan of a few keys.
/// </summary>
public sealed class SortedKeyMap<T> where T : unmanaged
{
    private readonly ulong[] _keys;
    private readonly T[] _values;
    private readonly int[] _directory;
    private readonly int _shift;

    /// <summary>Wraps <paramref name="keys"/> (strictly ascending) and their <paramref name="values"/>.</summary>
    public SortedKeyMap(ulong[] keys, T[] values)
    {
        if (keys.Length != values.Length) throw new ArgumentException("keys and values differ in length", nameof(values));
        _keys = keys;
        _values = values;
        int bits = Math.Clamp(BitOperations.Log2((uint)Math.Max(keys.Length, 1)) - 2, 4, 20);
        _shift = 64 - bits;
        _directory = new int[(1 << bits) + 1];
        int at = 0;
        for (int b = 0; b <= 1 << bits; b++)
        {
            while (at < keys.Length && (int)(keys[at] >> _shift) < b) at++;
            _directory[b] = at;
        }
    }

    public static SortedKeyMap<T> From(HashMap64<T> map)
    {
        var entries = map.Entries().OrderBy(e => e.Key).ToArray();
        return new SortedKeyMap<T>(entries.Select(e => e.Key).ToArray(), entries.Select(e => e.Value).ToArray());
    }

    public int Count => _keys.Length;
    public ReadOnlySpan<ulong> Keys => _keys;
    public ReadOnlySpan<T> Values => _values;

    public bool TryGet(ulong key, out T value)
    {
        // Buckets hold about four keys (hashes spread evenly), so a vectorized scan beats a binary search.
        int b = (int)(key >> _shift);
        int start = _directory[b];
        int i = _keys.AsSpan(start, _directory[b + 1] - start).IndexOf(key);
        if (i >= 0) { value = _values[start + i]; return true; }
        value = default;
        return false;
    }
}

/// <summary>
/// The word knowledge compiled into a NER model: per lower-cased form (<see cref="FeatureHash.OfLower"/>) bits and cluster ids,
/// and multi-token gazetteer phrases keyed by <see cref="PhraseKey"/> of their tokens' lower-case hashes. Read-only;
/// <see cref="LexiconBuilder"/> makes one.
/// </summary>
public sealed class TaggerLexicon(SortedKeyMap<LexEntry> words, SortedKeyMap<uint> phrases)
{
    public const int MaxPhraseTokens = 4;

    public SortedKeyMap<LexEntry> Words { get; } = words;
    public SortedKeyMap<uint> Phrases { get; } = phrases;

    public static ulong PhraseKey(ulong previous, ulong tokenLower) => FeatureHash.Mix(previous, tokenLower);

    public static readonly TaggerLexicon Empty = new(new SortedKeyMap<LexEntry>([], []), new SortedKeyMap<uint>([], []));

    /// <summary>
    /// Layout (contiguous arrays, keys ascending): i32 word count n, u64 × n keys, then n lexicon rows of 10 bytes
    /// (u32 bits, u16 coarse, u16 middle, u16 fine cluster); i32 phrase count m, u64 × m keys, u32 × m bits.
    /// </summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Words.Count);
        w.Write(MemoryMarshal.AsBytes(Words.Keys));
        w.Write(MemoryMarshal.AsBytes(Words.Values));
        w.Write(Phrases.Count);
        w.Write(MemoryMarshal.AsBytes(Phrases.Keys));
        w.Write(MemoryMarshal.AsBytes(Phrases.Values));
    }

    public static TaggerLexicon Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var keys = ReadArray<ulong>(r, n);
        var rows = ReadArray<LexEntry>(r, n);
        int m = r.ReadInt32();
        var phraseKeys = ReadArray<ulong>(r, m);
        var phraseBits = ReadArray<uint>(r, m);
        for (int i = 1; i < n; i++) if (keys[i] <= keys[i - 1]) throw new InvalidDataException("lexicon keys are not ascending");
        return new TaggerLexicon(new SortedKeyMap<LexEntry>(keys, rows), new SortedKeyMap<uint>(phraseKeys, phraseBits));
    }

    private static T[] ReadArray<T>(BinaryReader r, int count) where T : unmanaged
    {
        if (count < 0) throw new InvalidDataException("negative array length");
        var result = new T[count];
        var bytes = MemoryMarshal.AsBytes(result.AsSpan());
        if (r.Read(bytes) != bytes.Length) throw new EndOfStreamException();
        return result;
    }
}
