using Extraction.Tokenization;

namespace Extraction.Linking;

/// <summary>An organisation the lexicon recognised: its link key, display names and Wikidata id.</summary>
public sealed record OrgMatch(string Key, string Slug, string NameEn, string NameRu, string? Wikidata);

/// <summary>
/// The bilingual organisation lexicon (<c>models/org-lexicon.tsv</c>): international organisations and named state
/// bodies, plus classes of state bodies (ministries, armed forces, central banks…) that combine with any country of the
/// gazetteer, so <c>Минобороны России</c>, <c>Russian Defence Ministry</c> and <c>Ministry of Defence of the Russian
/// Federation</c> get one key. Names match as bags of <see cref="NameKey"/> skeletons without filler words, so word
/// order and Russian case endings do not matter. Read-only after loading.
/// </summary>
public sealed class OrgLexicon
{
    private sealed record Body(string Id, string NameEn, string NameRu);

    private static readonly HashSet<string> Fillers = new(
        new[] { "of", "the", "for", "and", "on", "и", "по", "о", "при", "republic", "республика" }.Select(w => NameKey.Word(w)),
        StringComparer.Ordinal);

    private readonly Dictionary<string, OrgMatch> _orgs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OrgMatch> _orgByKey = new(StringComparer.Ordinal);
    /// <summary>Every name of the <c>org</c> rows as written (both languages).</summary>
    private readonly HashSet<string> _orgNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Body> _bodies = new(StringComparer.Ordinal);
    /// <summary>The skeletons (<see cref="NameKey.Word(ReadOnlySpan{char})"/>) of every word of every name, fillers aside.</summary>
    private readonly HashSet<string> _nameWords = new(StringComparer.Ordinal);
    /// <summary>The skeletons of the first word of every name, fillers aside.</summary>
    private readonly HashSet<string> _firstWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Body> _bodyById = new(StringComparer.Ordinal);
    private readonly Gazetteer? _gazetteer;

    private OrgLexicon(Gazetteer? gazetteer) => _gazetteer = gazetteer;

    public int Count => _orgs.Count + _bodyById.Count;

    /// <summary>Reads the TSV; <paramref name="gazetteer"/> supplies countries for state bodies (without it only whole names match).</summary>
    public static OrgLexicon Load(string path, Gazetteer? gazetteer)
    {
        var lex = new OrgLexicon(gazetteer);
        var aliases = new List<string[]>();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length != 6)
                throw new InvalidDataException($"{path}:{lineNo}: expected 6 tab-separated columns (kind, id, country, wikidata, names_en, names_ru), found {f.Length}.");
            var en = Split(f[4]);
            var ru = Split(f[5]);
            foreach (var n in en.Concat(ru))
            {
                bool first = true;
                foreach (var w in NameKey.Words(n))
                {
                    if (NameKey.Word(w) is not { Length: > 0 } k || Fillers.Contains(k)) continue;
                    lex._nameWords.Add(k);
                    if (first) lex._firstWords.Add(k);
                    first = false;
                }
            }
            switch (f[0])
            {
                case "org":
                    var match = new OrgMatch("org:" + f[1], f[1], en[0], ru[0], f[3].Length > 0 ? f[3] : null);
                    lex._orgByKey[match.Key] = match;
                    foreach (var n in en.Concat(ru))
                    {
                        lex._orgs.TryAdd(Bag(NameKey.Words(n)), match);
                        lex._orgNames.Add(n);
                    }
                    break;
                case "body":
                    var body = new Body(f[1], en[0], ru[0]);
                    lex._bodyById[f[1]] = body;
                    foreach (var n in en.Concat(ru)) lex._bodies.TryAdd(Bag(NameKey.Words(n)), body);
                    break;
                case "alias":
                    aliases.Add(f);
                    break;
                default:
                    throw new InvalidDataException($"{path}:{lineNo}: unknown kind '{f[0]}'; use org, body or alias.");
            }
        }
        foreach (var f in aliases)
        {
            if (!lex._bodyById.TryGetValue(f[1], out var body))
                throw new InvalidDataException($"{path}: alias row names body '{f[1]}', which no body row defines.");
            var country = gazetteer?.ById("iso:" + f[2]);
            var match = lex.Instance(body, country);
            foreach (var n in Split(f[4]).Concat(Split(f[5]))) lex._orgs.TryAdd(Bag(NameKey.Words(n)), match);
        }
        return lex;
    }

    private static string[] Split(string cell) => cell.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The sorted skeleton bag of words without fillers: the lexicon's matching key.</summary>
    private static string Bag(IEnumerable<string> words)
    {
        var keys = new List<string>();
        foreach (var w in words)
        {
            var k = NameKey.WordOrAcronym(w);
            if (k.Length > 0 && !Fillers.Contains(k)) keys.Add(k);
        }
        keys.Sort(StringComparer.Ordinal);
        return string.Join(' ', keys);
    }

    /// <summary>
    /// Whether <paramref name="word"/> (any case, any form the skeleton absorbs) is a word of some name of the lexicon: a
    /// cheap test before <see cref="Match"/>, which only finds names made of such words (and, for state bodies, a country).
    /// </summary>
    public bool HasNameWord(ReadOnlySpan<char> word) => Contains(_nameWords, word);

    /// <summary>Whether <paramref name="word"/> is the first word (fillers aside) of some name of the lexicon, as names are written.</summary>
    public bool StartsName(ReadOnlySpan<char> word) => Contains(_firstWords, word);

    private static bool Contains(HashSet<string> keys, ReadOnlySpan<char> word)
    {
        if (word.Length > 120) return false;
        Span<char> key = stackalloc char[4 * word.Length + 8];
        int n = NameKey.Word(word, key);
        return n > 0 && keys.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key[..n]);
    }

    /// <summary>The organisation behind a key <see cref="Match"/> returned (<c>org:csto</c>, <c>body:defence@RU</c>, <c>body:defence@</c>).</summary>
    public OrgMatch? ByKey(string key)
    {
        if (_orgByKey.TryGetValue(key, out var org)) return org;
        if (!key.StartsWith("body:", StringComparison.Ordinal)) return null;
        int at = key.IndexOf('@');
        if (at < 0 || !_bodyById.TryGetValue(key[5..at], out var body)) return null;
        var country = at + 1 < key.Length ? _gazetteer?.ById("iso:" + key[(at + 1)..]) : null;
        return at + 1 < key.Length && country is null ? null : Instance(body, country);
    }

    /// <summary>Whether <paramref name="name"/> is, letter for letter (case aside), a name of one organisation (an <c>org</c> row).</summary>
    public bool IsOrganisationName(string name) => _orgNames.Contains(name);

    /// <summary>Recognises an organisation name (any language, any case form); null when the lexicon does not know it.</summary>
    public OrgMatch? Match(string name)
    {
        var words = NameKey.Words(name);
        if (words.Count == 0) return null;
        if (_orgs.TryGetValue(Bag(words), out var org)) return org;
        // A lower-cased acronym ("ес", "нато" in lower-cased text).
        if (words.Count == 1 && words[0].Length <= 6 && words[0].All(c => !CharClass.IsUpper(c))
            && _orgs.TryGetValue(Bag([words[0].ToUpperInvariant()]), out org)) return org;

        // A state body: find the longest country name or adjective inside, then the body in the rest.
        Place? country = null;
        int cStart = -1, cLength = 0;
        if (_gazetteer is not null)
        {
            for (int len = Math.Min(3, words.Count); len >= 1 && country is null; len--)
                for (int s = 0; s + len <= words.Count; s++)
                {
                    var text = string.Join(' ', words.Skip(s).Take(len));
                    var found = _gazetteer.FindCountryKey(Gazetteer.ScriptKey(text, NameKey.Of(text)));
                    if (found is null) continue;
                    country = found;
                    cStart = s;
                    cLength = len;
                    break;
                }
        }
        var rest = country is null ? words : words.Take(cStart).Concat(words.Skip(cStart + cLength)).ToList();
        if (rest.Count == 0) return null;
        return _bodies.TryGetValue(Bag(rest), out var body) ? Instance(body, country) : null;
    }

    /// <summary>The body of one country (or of an unnamed country: key <c>body:defence@</c>).</summary>
    private OrgMatch Instance(Body body, Place? country)
    {
        if (country is null)
            return new OrgMatch($"body:{body.Id}@", Slug.Of(body.NameEn), body.NameEn, body.NameRu, null);
        var en = $"{body.NameEn} of {country.NameEn}";
        var ru = country.NameRu is null ? body.NameRu : $"{body.NameRu} {RussianGenitive.Of(country.NameRu)}";
        return new OrgMatch($"body:{body.Id}@{country.Country}", Slug.Of(en), en, ru, null);
    }
}

/// <summary>
/// Genitive case of Russian place names, for display names such as <c>Министерство обороны Казахстана</c>:
/// adjective + noun phrases, feminine -а/-я/-ия, soft sign, consonant stems, plurals; indeclinable names
/// (acronyms, -о/-е/-и/-у/-ю endings) stay as they are.
/// </summary>
public static class RussianGenitive
{
    public static string Of(string name) =>
        string.Join(' ', name.Split(' ').Select(w => string.Join('-', w.Split('-').Select(Word))));

    private static string Word(string w)
    {
        if (w.Length < 2 || w.All(c => !CharClass.IsLower(c))) return w;
        string Swap(int cut, string add) => w[..^cut] + add;
        var low = w.ToLowerInvariant();
        if (low.EndsWith("ая")) return Swap(2, "ой");
        if (low.EndsWith("яя")) return Swap(2, "ей");
        if (low.EndsWith("ое") || low.EndsWith("ый") || low.EndsWith("ой")) return Swap(2, "ого");
        if (low.EndsWith("ий")) return Swap(2, low.Length > 3 && "гкхжшчщ".Contains(low[^3]) ? "ого" : "его");
        if (low.EndsWith("ые")) return Swap(2, "ых");
        if (low.EndsWith("ие")) return Swap(2, "их");
        if (low.EndsWith("ия") || low.EndsWith("ея")) return Swap(1, "и");
        if (low.EndsWith('а')) return Swap(1, low.Length > 1 && "гкхжшчщ".Contains(low[^2]) ? "и" : "ы");
        if (low.EndsWith('я')) return Swap(1, "и");
        if (low.EndsWith("ль")) return Swap(1, "я");
        if (low.EndsWith('ь')) return Swap(1, "и");
        if (low.EndsWith('й')) return Swap(1, "я");
        if (low.EndsWith('ы')) return Swap(1, "ов");
        if ("оеиуюэ".Contains(low[^1])) return w;
        return w + "а";
    }
}
