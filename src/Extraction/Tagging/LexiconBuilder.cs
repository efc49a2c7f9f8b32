using System.Globalization;
using System.IO.Compression;
using System.Text;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tagging;

/// <summary>
/// Compiles the <see cref="TaggerLexicon"/> a model carries from the shared resources: place names from the gazetteer
/// (countries, regions, cities; both languages, plus simple Russian case endings of one-word names), proper-name tags from
/// the OpenCorpora dictionary (every form of each Name/Surn/Patr/Geox/Orgn/Abbr lemma), a first-name list, and
/// capitalisation statistics from unlabeled text. Only permissively licensed gazetteer files are used (see the model cards).
/// </summary>
public sealed class LexiconBuilder
{
    private readonly HashMap64<LexEntry> _words = new(1 << 12);
    private readonly HashMap64<uint> _phrases = new(1 << 10);
    private readonly TokenTable _tokens = new();

    /// <summary>The lexicon compiled so far (a read-only snapshot).</summary>
    public TaggerLexicon Lexicon => new(SortedKeyMap<LexEntry>.From(_words), SortedKeyMap<uint>.From(_phrases));

    public void AddBits(ulong lowerHash, LexBits bits) => _words.GetOrAdd(lowerHash).Bits |= bits;

    /// <summary>Adds a gazetteer phrase given its tokens' lower-case hashes (one token: a word bit; more: a phrase).</summary>
    public void AddPhrase(ReadOnlySpan<ulong> tokenHashes, LexBits bits)
    {
        if (tokenHashes.Length == 0 || tokenHashes.Length > TaggerLexicon.MaxPhraseTokens) return;
        if (tokenHashes.Length == 1) { AddBits(tokenHashes[0], bits); return; }
        ulong key = FeatureHash.Start;
        foreach (var h in tokenHashes) key = TaggerLexicon.PhraseKey(key, h);
        _phrases.GetOrAdd(key) |= (uint)bits;
    }

    private static IEnumerable<string[]> Rows(string path)
    {
        using var stream = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(input, Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }

    /// <summary>Adds a place name (tokenized like the pipeline does) with its bits; Russian one-word names also in their case forms.</summary>
    public void AddName(string name, LexBits bits)
    {
        name = name.Trim();
        if (name.Length < 2) return;
        _tokens.Clear();
        Tokenizer.Tokenize(name, _tokens);
        if (_tokens.Count == 0 || _tokens.Count > TaggerLexicon.MaxPhraseTokens) return;
        Span<ulong> hashes = stackalloc ulong[TaggerLexicon.MaxPhraseTokens];
        for (int i = 0; i < _tokens.Count; i++) hashes[i] = FeatureHash.OfLower(_tokens[i].Range.Slice(name));
        AddPhrase(hashes[.._tokens.Count], bits);
        if (_tokens.Count == 1 && _tokens[0].Has(TokenFlags.HasCyrillic))
            foreach (var form in RussianCaseForms(name.ToLowerInvariant()))
                AddBits(FeatureHash.OfLower(form), bits);
    }

    /// <summary>Oblique case forms of a one-word Russian place name by its ending (Москва → Москвы, Москве, Москву, Москвой).</summary>
    public static IEnumerable<string> RussianCaseForms(string name)
    {
        if (name.Length < 3) yield break;
        string stem = name[..^1];
        char last = name[^1];
        string[] endings;
        if (name.EndsWith("ия", StringComparison.Ordinal)) endings = ["ии", "ию", "ией"];
        else if (last == 'а') endings = ["ы", "е", "у", "ой", "и"];
        else if (last == 'я') endings = ["и", "е", "ю", "ей"];
        else if (last == 'ь') endings = ["и", "ью", "я", "е", "ю", "ем"];
        else if (last == 'й') endings = ["я", "е", "ю", "ем"];
        else if (last is 'о' or 'е' or 'и' or 'ы' or 'у' or 'э' or 'ю') yield break;
        else if (CharClass.IsCyrillic(last)) { stem = name; endings = ["а", "е", "у", "ом", "ы"]; }
        else yield break;
        if (name.EndsWith("ия", StringComparison.Ordinal)) stem = name[..^1];
        foreach (var e in endings) yield return stem + e;
    }

    /// <summary>Reads the permissively licensed files of <c>gazetteer_ru_en</c>.</summary>
    public void AddGazetteer(string directory)
    {
        foreach (var r in Rows(Path.Combine(directory, "countries_i18n_iso.tsv")))
            foreach (var col in r.Skip(3))
                foreach (var n in col.Split('|')) AddName(n, LexBits.Country);
        foreach (var r in Rows(Path.Combine(directory, "cldr_territories.tsv")))
        {
            if (r.Length < 3) continue;
            var bits = char.IsDigit(r[0][0]) ? LexBits.Region : LexBits.Country;
            AddName(r[1], bits);
            AddName(r[2], bits);
        }
        foreach (var r in Rows(Path.Combine(directory, "cldr_exemplar_cities.tsv")))
            foreach (var n in r.Skip(1)) AddName(n, LexBits.City);
        foreach (var r in Rows(Path.Combine(directory, "subdivisions_iso3166_2.tsv")))
        {
            if (r.Length < 7) continue;
            AddName(r[4], LexBits.Region);
            AddName(r[5], LexBits.Region);
            if (r[6].StartsWith("en:", StringComparison.Ordinal)) AddName(r[6][3..].Replace('_', ' '), LexBits.Region);
        }
        // Natural Earth populated places: NAME, NAMEASCII, NAME_EN, NAME_RU.
        foreach (var r in Rows(Path.Combine(directory, "ne_populated_places.tsv.gz")))
        {
            if (r.Length < 7) continue;
            foreach (var i in (int[])[2, 3, 5, 6]) AddName(r[i], LexBits.City);
        }
    }

    /// <summary>Every form of the OpenCorpora proper-name lemmas (<c>proper_lemmas.tsv.gz</c> expanded by <c>paradigms.tsv.gz</c>).</summary>
    public void AddOpenCorpora(string directory)
    {
        var paradigms = new Dictionary<int, List<(string Prefix, string Suffix)>>();
        foreach (var r in Rows(Path.Combine(directory, "paradigms.tsv.gz")))
        {
            int id = int.Parse(r[0], CultureInfo.InvariantCulture);
            if (!paradigms.TryGetValue(id, out var forms)) paradigms[id] = forms = [];
            forms.Add((r[2], r[3]));
        }
        foreach (var r in Rows(Path.Combine(directory, "proper_lemmas.tsv.gz")))
        {
            if (r.Length < 3) continue;
            var bits = BitsOf(r[2]);
            if (bits == LexBits.None || !paradigms.TryGetValue(int.Parse(r[1], CultureInfo.InvariantCulture), out var forms)) continue;
            var lemma = r[0];
            var (p0, s0) = forms[0];
            if (lemma.Length < p0.Length + s0.Length) continue;
            var stem = lemma[p0.Length..(lemma.Length - s0.Length)];
            foreach (var (p, s) in forms) AddBits(FeatureHash.OfLower(p + stem + s), bits);
        }
    }

    private static LexBits BitsOf(string tag)
    {
        var lexical = tag.Split(' ')[0].Split(',');
        var bits = LexBits.None;
        foreach (var g in lexical)
            bits |= g switch
            {
                "Name" => LexBits.FirstName,
                "Surn" => LexBits.Surname,
                "Patr" => LexBits.Patronymic,
                "Geox" => LexBits.Place,
                "Orgn" => LexBits.Organisation,
                "Abbr" => LexBits.Abbreviation,
                _ => LexBits.None,
            };
        return bits;
    }

    /// <summary>First names, one per line (first column), e.g. <c>ru_names_rules/first_names_gender.tsv</c>.</summary>
    public void AddFirstNames(string path)
    {
        foreach (var r in Rows(path)) AddBits(FeatureHash.OfLower(r[0]), LexBits.FirstName);
    }

    /// <summary>
    /// Capitalisation statistics over unlabeled text (one paragraph per line, optionally gzipped), first
    /// <paramref name="maxLines"/> lines: words seen at least <paramref name="minCount"/> times get MostlyCapitalized when
    /// over 70% of their mid-sentence occurrences are capitalised, MostlyLower when over 90% are lower case.
    /// </summary>
    public void AddCaseStatistics(string path, int maxLines, int minCount = 5)
    {
        var counts = new HashMap64<(int Capitalized, int Lower)>(1 << 16);
        var tokens = new TokenTable(256);
        int lines = 0;
        using (var stream = File.OpenRead(path))
        using (Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream)
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            string? line;
            while (lines < maxLines && (line = reader.ReadLine()) is not null)
            {
                lines++;
                tokens.Clear();
                Tokenizer.Tokenize(line, tokens);
                bool sentenceStart = true;
                foreach (ref readonly var t in tokens.AsSpan())
                {
                    if (t.Kind == TokenKind.Word && !sentenceStart && !t.Has(TokenFlags.AllCaps))
                    {
                        ref var c = ref counts.GetOrAdd(FeatureHash.OfLower(t.Range.Slice(line)));
                        if (t.Has(TokenFlags.Lower)) c.Lower++;
                        else if (t.Has(TokenFlags.Capitalized)) c.Capitalized++;
                    }
                    var s = t.Range.Slice(line);
                    sentenceStart = s.Length == 1 && (CharClass.IsTerminal(s[0]) || s[0] is ':' or '"' or '«' or '—' or '-');
                }
            }
        }
        foreach (var (key, (cap, lower)) in counts.Entries())
        {
            int total = cap + lower;
            if (total < minCount) continue;
            if (cap > 0.7 * total) AddBits(key, LexBits.MostlyCapitalized);
            else if (lower > 0.9 * total) AddBits(key, LexBits.MostlyLower);
        }
    }

    /// <summary>Sets the cluster ids of words (coarse, middle, fine; 1-based, 0 = none).</summary>
    public void SetClusters(ulong lowerHash, ushort coarse, ushort middle, ushort fine)
    {
        ref var e = ref _words.GetOrAdd(lowerHash);
        e.Cluster1 = coarse;
        e.Cluster2 = middle;
        e.Cluster3 = fine;
    }

    /// <summary>Adds distributional word clusters computed from unlabeled text files.</summary>
    public void AddClusters(IEnumerable<string> files, WordClusterOptions options, Action<string>? log = null)
    {
        foreach (var (hash, (coarse, middle, fine)) in WordClusters.Build(files, options, log)) SetClusters(hash, coarse, middle, fine);
    }

    /// <summary>
    /// The default lexicon for <paramref name="language"/> from the shared data folder. Capitalisation statistics come from
    /// the language's unlabeled text (for Russian also English Wikinews, for Latin-script names inside Russian text); word
    /// clusters from the first <paramref name="clusterTokens"/> tokens (0 = none) of the unlabeled text of
    /// <paramref name="clusterLanguage"/> (default: the model's language; English clusters in a Russian model cover its
    /// Latin-script words).
    /// </summary>
    public static TaggerLexicon Default(string dataRoot, Language language, int caseStatisticsLines, long clusterTokens = 0,
        Language? clusterLanguage = null, Action<string>? log = null)
    {
        var b = new LexiconBuilder();
        b.AddGazetteer(Path.Combine(dataRoot, "gazetteer_ru_en"));
        if (language == Language.Ru)
        {
            b.AddOpenCorpora(Path.Combine(dataRoot, "ru_morph_opencorpora"));
            b.AddFirstNames(Path.Combine(dataRoot, "ru_names_rules", "first_names_gender.tsv"));
        }
        if (caseStatisticsLines > 0)
        {
            foreach (var file in UnlabeledFiles(dataRoot, language)) b.AddCaseStatistics(file, caseStatisticsLines);
            if (language == Language.Ru) b.AddCaseStatistics(UnlabeledFiles(dataRoot, Language.En).First(), caseStatisticsLines);
        }
        if (clusterTokens > 0)
            b.AddClusters(UnlabeledFiles(dataRoot, clusterLanguage ?? language), new WordClusterOptions { MaxTokens = clusterTokens }, log);
        return b.Lexicon;
    }

    /// <summary>The unlabeled text files of a language, news (Wikinews) first.</summary>
    private static IEnumerable<string> UnlabeledFiles(string dataRoot, Language language) =>
        Directory.GetFiles(Path.Combine(dataRoot, language == Language.Ru ? "unlabeled_ru" : "unlabeled_en"), "*.txt.gz")
            .OrderBy(f => f.Contains("wikinews", StringComparison.Ordinal) ? 0 : 1).ThenBy(f => f, StringComparer.Ordinal);
}
