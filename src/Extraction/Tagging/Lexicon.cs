using System.Runtime.CompilerServices;

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

/// <summary>One lexicon row: bits and up to three word-cluster ids (coarse to fine; 0 = unknown).</summary>
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

    public HashMap64(int capacity = 16)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _keys = new ulong[size];
        _values = new T[size];
        _mask = size - 1;
    }

    public int Count => _count;

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
/// The word knowledge compiled into a NER model: per lower-cased form (<see cref="FeatureHash.OfLower"/>) bits and cluster ids,
/// and multi-token gazetteer phrases keyed by <see cref="PhraseKey"/> of their tokens' lower-case hashes.
/// </summary>
public sealed class TaggerLexicon
{
    public const int MaxPhraseTokens = 4;

    public HashMap64<LexEntry> Words { get; } = new(1024);
    public HashMap64<uint> Phrases { get; } = new(1024);

    public static ulong PhraseKey(ulong previous, ulong tokenLower) => FeatureHash.Mix(previous, tokenLower);

    public static readonly TaggerLexicon Empty = new();

    public void AddBits(ulong lowerHash, LexBits bits) => Words.GetOrAdd(lowerHash).Bits |= bits;

    /// <summary>Adds a gazetteer phrase given its tokens' lower-case hashes (one token: a word bit; more: a phrase).</summary>
    public void AddPhrase(ReadOnlySpan<ulong> tokenHashes, LexBits bits)
    {
        if (tokenHashes.Length == 0 || tokenHashes.Length > MaxPhraseTokens) return;
        if (tokenHashes.Length == 1) { AddBits(tokenHashes[0], bits); return; }
        ulong key = FeatureHash.Start;
        foreach (var h in tokenHashes) key = PhraseKey(key, h);
        Phrases.GetOrAdd(key) |= (uint)bits;
    }

    /// <summary>Payload layout: int32 word count, then per word u64 key, u32 bits, u16×3 clusters; int32 phrase count, then per phrase u64 key, u32 bits.</summary>
    public void Write(BinaryWriter w)
    {
        w.Write(Words.Count);
        foreach (var (k, v) in Words.Entries().OrderBy(e => e.Key))
        {
            w.Write(k);
            w.Write((uint)v.Bits);
            w.Write(v.Cluster1);
            w.Write(v.Cluster2);
            w.Write(v.Cluster3);
        }
        w.Write(Phrases.Count);
        foreach (var (k, v) in Phrases.Entries().OrderBy(e => e.Key))
        {
            w.Write(k);
            w.Write(v);
        }
    }

    public static TaggerLexicon Read(BinaryReader r)
    {
        var lex = new TaggerLexicon();
        int n = r.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            ref var e = ref lex.Words.GetOrAdd(r.ReadUInt64());
            e.Bits = (LexBits)r.ReadUInt32();
            e.Cluster1 = r.ReadUInt16();
            e.Cluster2 = r.ReadUInt16();
            e.Cluster3 = r.ReadUInt16();
        }
        int m = r.ReadInt32();
        for (int i = 0; i < m; i++) lex.Phrases.GetOrAdd(r.ReadUInt64()) = r.ReadUInt32();
        return lex;
    }
}
