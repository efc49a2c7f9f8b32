using Extraction.Documents;

namespace Extraction.Normalization;

/// <summary>
/// Normal form of a PER/ORG/LOC mention from its surface form: Russian (any Cyrillic letter) through
/// <see cref="RussianNormalizer"/>, everything else through <see cref="EnglishNormalizer"/>. DATE mentions are not
/// normalised here (their normal form is the date value).
/// </summary>
public sealed class MentionNormalizer(RussianNormalizer russian)
{
    public string Normalize(string surface, EntityType type)
    {
        if (type == EntityType.DATE) throw new ArgumentException("DATE mentions carry their date value as the normal form.", nameof(type));
        return HasCyrillic(surface) ? russian.Normalize(surface, type) : EnglishNormalizer.Normalize(surface, type == EntityType.PER);
    }

    private static bool HasCyrillic(string s)
    {
        foreach (var c in s)
            if (c is >= '\u0400' and <= '\u04FF') return true;
        return false;
    }
}
