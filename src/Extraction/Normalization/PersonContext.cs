using Extraction.Morphology;

namespace Extraction.Normalization;

/// <summary>
/// What a document's Russian person mentions say about each other's names. A name word may be read in several
/// genders and cases («Ивановой», «Гордона», «Буту», «Джереми Ханта»), but the same person is usually named elsewhere
/// in the document in a form that settles it: in full, where the words agree with each other («Мария Иванова»,
/// «Джон Гордон»), or alone in a plainly nominative form («Гордон»). Full names and plain nominatives teach (their
/// context-free normal forms give folded nominative name words); every mention then learns from the others, being
/// read again preferring those nominatives (<see cref="MentionNormalizer.Normalize(string, Documents.EntityType, IReadOnlySet{string}?)"/>)
/// when one of them shares the stem of a word its own normal form does not match. A mention never learns from
/// mentions spelled like itself, so a misread form cannot confirm itself, and a word another mention shows as it
/// reads stands.
/// </summary>
public sealed class PersonContext
{
    // Folded nominative name word → the surface of the one mention form that showed it, or null when several did;
    // looked up by folded spans, so a word allocates only when it is new.
    private readonly Dictionary<string, string?> _shownBy = new(StringComparer.Ordinal);
    private Dictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> ShownBy => _shownBy.GetAlternateLookup<ReadOnlySpan<char>>();
    // The shown words by their first three letters: a related word shares at least those (SharesStem), so a long
    // document's many names are not all compared with every word.
    private readonly Dictionary<string, List<string>> _byPrefix = new(StringComparer.Ordinal);
    private const int MaxWord = 64;

    /// <summary>Forgets everything learnt, for the next document.</summary>
    public void Clear()
    {
        _shownBy.Clear();
        _byPrefix.Clear();
    }

    /// <summary>Learns from a Russian person mention's surface and context-free normal form.</summary>
    public void Add(string surface, string normal)
    {
        int words = 0;
        foreach (var range in normal.AsSpan().Split(' '))
            if (IsNameWord(normal.AsSpan(range))) words++;
        if (words >= 2)
        {
            foreach (var range in normal.AsSpan().Split(' '))
                if (IsNameWord(normal.AsSpan(range))) Show(normal.AsSpan(range), surface);
        }
        else if (words == 1 && IsPlainlyNominative(surface, normal)) Show(normal, surface);
    }

    private void Show(ReadOnlySpan<char> word, string surface)
    {
        if (word.Length > MaxWord) return;
        Span<char> folded = stackalloc char[word.Length];
        Letters.Fold(word, folded);
        var shownBy = ShownBy;
        if (!shownBy.TryGetValue(folded, out var by))
        {
            var key = folded.ToString();
            _shownBy[key] = surface;
            if (key.Length >= 3)
            {
                var prefix = key[..3];
                (_byPrefix.TryGetValue(prefix, out var list) ? list : _byPrefix[prefix] = []).Add(key);
            }
        }
        else if (by is not null && by != surface) shownBy[folded] = null;
    }

    /// <summary>
    /// The nominatives other mention forms than <paramref name="surface"/> show that may change its context-free
    /// <paramref name="normal"/>, with a key naming them (ordinal order, comma-separated): the name words already shown,
    /// and for the others the shown nominatives sharing their stem (all but at most three letters of each, at least
    /// three letters). Null when every word is shown as it reads, or when a word is neither shown nor related to a shown
    /// nominative (a mention of several name words learns only a whole name the document shows).
    /// </summary>
    public (string Key, IReadOnlySet<string> Nominatives)? For(string surface, string normal)
    {
        if (_shownBy.Count == 0) return null;
        // First without allocating: does a word lack a shown reading that one of them could give, and does every word
        // have a shown reading or a related one? Most mentions stop here.
        Span<char> buffer = stackalloc char[MaxWord];
        bool changes = false;
        foreach (var range in normal.AsSpan().Split(' '))
        {
            if (!IsNameWord(normal.AsSpan(range))) continue;
            if (Fold(normal.AsSpan(range), buffer) is not { Length: > 0 } word) return null;
            if (IsShown(word, surface)) continue;
            if (!Related(word, surface, null)) return null;
            changes = true;
        }
        if (!changes) return null;
        var relevant = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in normal.AsSpan().Split(' '))
        {
            if (!IsNameWord(normal.AsSpan(range))) continue;
            var word = Fold(normal.AsSpan(range), buffer);
            if (IsShown(word, surface)) relevant.Add(word.ToString());
            else Related(word, surface, relevant);
        }
        return (string.Join(',', relevant.Order(StringComparer.Ordinal)), relevant);
    }

    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > buffer.Length) return default;
        Letters.Fold(word, buffer);
        return buffer[..word.Length];
    }

    private bool IsShown(ReadOnlySpan<char> word, string surface) => ShownBy.TryGetValue(word, out var by) && by != surface;

    /// <summary>Whether other mention forms show nominatives sharing the word's stem; they go into <paramref name="into"/>.</summary>
    private bool Related(ReadOnlySpan<char> word, string surface, HashSet<string>? into)
    {
        bool any = false;
        if (word.Length < 3 || !_byPrefix.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word[..3], out var candidates)) return false;
        foreach (var n in candidates)
        {
            var from = _shownBy[n];
            if (from == surface || word.SequenceEqual(n) || !SharesStem(word, n)) continue;
            if (into is null) return true;
            into.Add(n);
            any = true;
        }
        return any;
    }

    private static bool SharesStem(ReadOnlySpan<char> a, string b)
    {
        int shared = a.CommonPrefixLength(b);
        return shared >= 3 && shared >= Math.Max(a.Length, b.Length) - 3;
    }

    /// <summary>A capitalised Cyrillic word of two letters or more that is not an initial («В.»).</summary>
    private static bool IsNameWord(ReadOnlySpan<char> word) =>
        word.Length >= 2 && word[^1] != '.' && word[0] is >= 'А' and <= 'Я' or 'Ё';

    /// <summary>
    /// A one-word name left as it is that ends in a consonant no oblique case of a name ends in («Гордон», «Бут»; not
    /// -м of the instrumental, not -й of «Ивановой» or «Андрей»).
    /// </summary>
    private static bool IsPlainlyNominative(string surface, string normal)
    {
        if (normal.Length < 3 || normal.Contains(' ')
            || Letters.Fold(normal[^1]) is not ('б' or 'в' or 'г' or 'д' or 'ж' or 'з' or 'к' or 'л' or 'н' or 'п' or 'р' or 'с' or 'т' or 'ф' or 'х' or 'ц' or 'ч' or 'ш' or 'щ'))
            return false;
        var written = surface.AsSpan().Trim();
        if (written.Length != normal.Length) return false;
        for (int i = 0; i < written.Length; i++)
            if (Letters.Fold(written[i]) != Letters.Fold(normal[i])) return false;
        return true;
    }
}
