namespace Extraction.Normalization;

/// <summary>
/// English normal forms: typography made uniform (<see cref="MentionText"/>), a leading «the» in lower case dropped, and
/// for persons a possessive «'s» / «s'» and the titles before the name (<c>General of the Army Sergei Shoigu</c> →
/// <c>Sergei Shoigu</c>, <c>Kazakh President Nursultan Nazarbayev</c> → <c>Nursultan Nazarbayev</c>). A capitalised «The»
/// that the tagger put inside a mention belongs to the name («The Guardian», «The Times»: «Times» alone is ambiguous), as
/// does a final «'s» of an organisation or place («Christie’s», «McDonald's», «St John's»); the tokenizer splits the
/// possessive off («Russia’s» → «Russia» + «’s»), so it is inside a mention only when the tagger read it as part of the name.
/// The linker still counts «the» as a kind word, so «The Guardian» and «Guardian» remain one entity.
/// </summary>
public static class EnglishNormalizer
{
    /// <summary>Words that name a rank, office or form of address (lower case, without a final dot).</summary>
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "mister", "dr", "doctor", "prof", "professor", "sir", "dame", "lord", "lady", "madam",
        "president", "vice", "prime", "minister", "premier", "chancellor", "secretary", "general", "gen", "chairman",
        "chairwoman", "chair", "ceo", "director", "governor", "gov", "mayor", "senator", "sen", "rep", "representative",
        "congressman", "congresswoman", "speaker", "ambassador", "envoy", "judge", "justice", "king", "queen", "prince",
        "princess", "emperor", "empress", "sultan", "emir", "sheikh", "pope", "cardinal", "archbishop", "bishop",
        "patriarch", "rev", "reverend", "father", "saint", "st", "colonel", "col", "lieutenant", "lt", "captain", "capt",
        "major", "maj", "sergeant", "sgt", "admiral", "adm", "marshal", "commander", "cmdr", "army", "field", "foreign",
        "defence", "defense", "deputy", "acting", "former", "ex", "leader", "head", "chief", "spokesman", "spokeswoman",
        "commissioner", "officer", "inspector", "detective", "agent", "coach", "president-elect", "first",
    };

    private static readonly HashSet<string> TitleGlue = new(StringComparer.OrdinalIgnoreCase) { "of", "the", "for", "and" };

    public static string Normalize(string surface, bool person)
    {
        var words = MentionText.Clean(surface, russian: false).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && (words[0] == "the" || person && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))) words.RemoveAt(0);
        if (!person) return string.Join(' ', words);
        DropTitles(words);
        if (words.Count > 0) words[^1] = DropPossessive(words[^1]);
        return string.Join(' ', words);
    }

    /// <summary>Drops leading titles, their «of the …» complements and the qualifier words before a title.</summary>
    private static void DropTitles(List<string> words)
    {
        int i = 0;
        while (i < words.Count - 1)
        {
            if (IsTitle(words[i])) { i++; continue; }
            if (i > 0 && TitleGlue.Contains(words[i]) && IsTitle(words[i - 1]) || i > 1 && TitleGlue.Contains(words[i - 1]) && TitleGlue.Contains(words[i]))
            {
                i++;
                continue;
            }
            // «the Army» after «General of»: a capitalised word right after title glue belongs to the title.
            if (i > 0 && TitleGlue.Contains(words[i - 1]) && i + 1 < words.Count && char.IsUpper(words[i][0])) { i++; continue; }
            // A qualifier before a title: «Kazakh President», «U.S. Secretary».
            if (i + 1 < words.Count - 1 && IsTitle(words[i + 1])) { i++; continue; }
            break;
        }
        // Never drop the whole name, and never stop inside «of the …».
        while (i > 0 && i < words.Count && TitleGlue.Contains(words[i])) i++;
        if (i >= words.Count) return;
        words.RemoveRange(0, i);
    }

    private static bool IsTitle(string word) => Titles.Contains(word.TrimEnd('.', ','));

    private static string DropPossessive(string word)
    {
        if (word.Length > 2 && word.EndsWith("'s", StringComparison.OrdinalIgnoreCase)) return word[..^2];
        if (word.Length > 2 && word.EndsWith("s'", StringComparison.Ordinal)) return word[..^1];
        return word;
    }
}
