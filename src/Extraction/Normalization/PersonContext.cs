using Extraction.Morphology;

namespace Extraction.Normalization;

/// <summary>
/// What a document's Russian person mentions say about each other's names. A bare name («Ивановой», «Гордона»,
/// «Буту») may be read in several genders and cases, but the same person is usually named in full somewhere in the
/// document («Мария Иванова», «Джон Гордон»), where the words agree with each other and so show their nominatives and
/// gender. Full names teach, bare names learn: the context-free normal forms of mentions with two or more name words,
/// and bare names written in a plainly nominative form (ending in a consonant that no oblique case of a name ends in:
/// «Гордон», «Бут»), give the folded nominatives; a bare name is then read again preferring them
/// (<see cref="MentionNormalizer.Normalize(string, Documents.EntityType, IReadOnlySet{string}?)"/>).
/// </summary>
public sealed class PersonContext
{
    private readonly HashSet<string> _nominatives = new(StringComparer.Ordinal);

    /// <summary>The folded nominative name words gathered so far.</summary>
    public IReadOnlySet<string> Nominatives => _nominatives;

    /// <summary>
    /// Learns from a Russian person mention's surface and context-free normal form; returns true when the mention is
    /// a bare name (one name word), which may be read again with <see cref="Informs"/> and <see cref="Nominatives"/>.
    /// </summary>
    public bool Add(string surface, string normal)
    {
        int words = 0;
        foreach (var range in normal.AsSpan().Split(' '))
            if (IsNameWord(normal.AsSpan(range))) words++;
        if (words >= 2)
        {
            foreach (var range in normal.AsSpan().Split(' '))
                if (IsNameWord(normal.AsSpan(range))) _nominatives.Add(Letters.Fold(normal[range]));
            return false;
        }
        if (words == 1 && IsPlainlyNominative(surface, normal)) _nominatives.Add(Letters.Fold(normal));
        return words == 1;
    }

    /// <summary>
    /// Whether the gathered nominatives may change a bare name's context-free <paramref name="normal"/>: it is not one
    /// of them, and one of them shares its stem (all but the last three letters of the shorter word, at least three).
    /// </summary>
    public bool Informs(string normal)
    {
        if (_nominatives.Count == 0) return false;
        var folded = Letters.Fold(normal.AsSpan(normal.LastIndexOf(' ') + 1).ToString());
        if (_nominatives.Contains(folded)) return false;
        foreach (var n in _nominatives)
        {
            int shared = folded.AsSpan().CommonPrefixLength(n);
            if (shared >= 3 && shared >= Math.Min(folded.Length, n.Length) - 3) return true;
        }
        return false;
    }

    /// <summary>A capitalised Cyrillic word of two letters or more that is not an initial («В.»).</summary>
    private static bool IsNameWord(ReadOnlySpan<char> word) =>
        word.Length >= 2 && word[^1] != '.' && char.IsUpper(word[0]) && word[0] is >= 'А' and <= 'Я' or 'Ё';

    /// <summary>
    /// A one-word name left as it is that ends in a consonant no oblique case of a name ends in («Гордон», «Бут»; not
    /// -м of the instrumental, not -й of «Ивановой» or «Андрей»).
    /// </summary>
    private static bool IsPlainlyNominative(string surface, string normal)
    {
        if (normal.Length < 3 || normal.Contains(' ') || !string.Equals(Letters.Fold(surface.Trim()), Letters.Fold(normal), StringComparison.Ordinal)) return false;
        return Letters.Fold(normal[^1]) is 'б' or 'в' or 'г' or 'д' or 'ж' or 'з' or 'к' or 'л' or 'н' or 'п' or 'р' or 'с' or 'т' or 'ф' or 'х' or 'ц' or 'ч' or 'ш' or 'щ';
    }
}
