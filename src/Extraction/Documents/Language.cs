namespace Extraction.Documents;

/// <summary>Language of a document or sentence. <see cref="Other"/> covers everything that is neither Russian nor English.</summary>
public enum Language : byte
{
    Other = 0,
    Ru = 1,
    En = 2,
}

public static class Languages
{
    public static string Code(this Language language) => language switch
    {
        Language.Ru => "ru",
        Language.En => "en",
        _ => "other",
    };

    public static bool TryParse(ReadOnlySpan<char> code, out Language language)
    {
        if (code.Equals("ru", StringComparison.OrdinalIgnoreCase)) { language = Language.Ru; return true; }
        if (code.Equals("en", StringComparison.OrdinalIgnoreCase)) { language = Language.En; return true; }
        if (code.Equals("other", StringComparison.OrdinalIgnoreCase)) { language = Language.Other; return true; }
        language = Language.Other;
        return false;
    }

}
