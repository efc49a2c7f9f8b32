using Extraction.Documents;

namespace Extraction.Normalization;

/// <summary>
/// Normal form of a PER/ORG/LOC mention from its surface form: Russian (any Cyrillic letter) through
/// <see cref="RussianNormalizer"/>, everything else through <see cref="EnglishNormalizer"/>. DATE mentions are not
/// normalised here (their normal form is the date value).
/// </summary>
public sealed class MentionNormalizer(RussianNormalizer russian)
{
    public string Normalize(string surface, EntityType type) => Normalize(surface, type, null);

    /// <summary>
    /// The normal form preferring, for a Russian person's name words, readings whose nominative is in
    /// <paramref name="nominatives"/> (folded name words its document shows in the nominative, see <see cref="PersonContext"/>).
    /// </summary>
    public string Normalize(string surface, EntityType type, IReadOnlySet<string>? nominatives)
    {
        if (type == EntityType.DATE) throw new ArgumentException("DATE mentions carry their date value as the normal form.", nameof(type));
        return HasCyrillic(surface) ? russian.Normalize(surface, type, nominatives) : EnglishNormalizer.Normalize(surface, type == EntityType.PER);
    }

    /// <summary>A Russian person's or place's name in capitals spelt as running text writes it, or null (<see cref="RussianNormalizer.SpellCapitals"/>).</summary>
    public string? SpellCapitals(string surface, EntityType type) => russian.SpellCapitals(surface, type);

    public static bool HasCyrillic(string s)
    {
        foreach (var c in s)
            if (c is >= '\u0400' and <= '\u04FF') return true;
        return false;
    }
}
