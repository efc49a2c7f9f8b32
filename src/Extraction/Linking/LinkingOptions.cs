namespace Extraction.Linking;

/// <summary>
/// Options of corpus linking, the <c>"linking"</c> section of <c>pipeline.json</c> (used by <c>extract run</c>).
/// Paths are relative to the models folder; an empty string switches that resource off.
/// </summary>
public sealed record LinkingOptions
{
    /// <summary>The gazetteer model (places with Wikidata ids, transliteration schemes).</summary>
    public string Gazetteer { get; init; } = "gazetteer.bin";

    /// <summary>The organisation lexicon (international organisations, state bodies × countries).</summary>
    public string Lexicon { get; init; } = "org-lexicon.tsv";

    /// <summary>Link a short form seen alone (a surname, an acronym, a body without country) to the one full name the corpus knows.</summary>
    public bool ShortForms { get; init; } = true;

    /// <summary>The transliteration scheme that derives <c>name_en</c> for names only seen in Russian.</summary>
    public string NameScheme { get; init; } = "wikipedia";
}

/// <summary>Options of the in-document <c>link</c> stage.</summary>
public sealed record LinkStageOptions
{
    /// <summary>The gazetteer model; empty = none.</summary>
    public string Gazetteer { get; init; } = "gazetteer.bin";

    /// <summary>The organisation lexicon; empty = none.</summary>
    public string Lexicon { get; init; } = "org-lexicon.tsv";

    /// <summary>Join a misspelt name to a close known one of the same type when the evidence is strong (<c>Kazakhsktan</c>).</summary>
    public bool Fuzzy { get; init; } = true;
}
