using System.IO.Compression;
using System.Text.Json;

namespace Extraction.Linking;

/// <summary>
/// Compiles <c>models/gazetteer.bin</c> from <c>../shared/data/gazetteer_ru_en</c> (permissively licensed files only:
/// i18n-iso-countries (MIT), CLDR territories (Unicode), ISO 3166-2 subdivisions (MIT), Natural Earth populated places
/// (public domain)), the iuliia schemes in <c>../shared/data/translit_iuliia</c> (MIT), and the hand-made
/// <c>models/gazetteer-extra.tsv</c> (country Wikidata ids and adjectives, former names of renamed places).
/// </summary>
public static class GazetteerBuilder
{
    /// <summary>
    /// The transliteration schemes kept in the model: the ones English-language text uses for Russian names (Wikipedia,
    /// passports before and after 2010, maps), whose folded keys agree.
    /// </summary>
    public static readonly string[] SchemeNames = ["wikipedia", "icao_doc_9303", "mvd_782", "yandex_maps"];

    // Priorities decide which place owns a name two places share: countries, then world regions, then capitals,
    // large cities, first-level subdivisions, other places by population.
    private const long CountryPriority = 4_000_000_000;
    private const long RegionPriority = 3_000_000_000;
    private const long CapitalPriority = 2_000_000_000;
    private const long BigCityPriority = 1_500_000_000;
    private const long SubdivisionPriority = 1_000_000_000;

    private sealed class Draft(string id, PlaceKind kind, string country, long priority, string nameEn)
    {
        public string Id = id;
        public PlaceKind Kind = kind;
        public string Country = country;
        public long Priority = priority;
        public string NameEn = nameEn;
        public string? NameRu;
        public string? Wikidata;
        public readonly List<string> En = [];
        public readonly List<string> Ru = [];
        public readonly List<string> AdjEn = [];
        public readonly List<string> AdjRu = [];
    }

    public static Gazetteer Build(string sharedDataDir, string extraTsv)
    {
        var dir = Path.Combine(sharedDataDir, "gazetteer_ru_en");
        var drafts = new List<Draft>();
        var byId = new Dictionary<string, Draft>(StringComparer.Ordinal);
        Draft Add(Draft d) { drafts.Add(d); byId[d.Id] = d; return d; }

        // Countries: i18n-iso-countries names, CLDR display names and variants.
        foreach (var f in Rows(Path.Combine(dir, "countries_i18n_iso.tsv")))
        {
            var en = Names(f[3]);
            var d = Add(new Draft("iso:" + f[0], PlaceKind.Country, f[0], CountryPriority, en[0]));
            d.En.AddRange(en);
            d.Ru.AddRange(Names(f[4]));
            d.NameRu = d.Ru.FirstOrDefault();
        }
        foreach (var f in Rows(Path.Combine(dir, "cldr_territories.tsv")))
        {
            var code = f[0];
            var baseCode = code.Split('-')[0];
            bool variant = code.Contains("-alt-", StringComparison.Ordinal);
            var en = f.Length > 1 ? Names(f[1]) : [];
            var ru = f.Length > 2 ? Names(f[2]) : [];
            if (baseCode.Length == 3 && baseCode.All(char.IsDigit))
            {
                if (variant || en.Count == 0 || baseCode == "001") continue;
                var region = Add(new Draft("m49:" + baseCode, PlaceKind.Region, "", RegionPriority, Title(en[0])));
                region.En.AddRange(en);
                region.Ru.AddRange(ru);
                region.NameRu = ru.FirstOrDefault();
                continue;
            }
            if (!byId.TryGetValue("iso:" + baseCode, out var country)) continue;
            country.En.AddRange(en);
            country.Ru.AddRange(ru);
            if (!variant)
            {
                if (en.Count > 0) country.NameEn = en[0];
                if (ru.Count > 0) country.NameRu = ru[0];
            }
        }

        // First-level subdivisions: Russian name, local romanisation, English Wikipedia title.
        foreach (var f in Rows(Path.Combine(dir, "subdivisions_iso3166_2.tsv")))
        {
            if (f.Length < 7 || string.IsNullOrWhiteSpace(f[5]) && string.IsNullOrWhiteSpace(f[6])) continue;
            var title = f[6].StartsWith("en:", StringComparison.Ordinal) ? f[6][3..].Replace('_', ' ') : "";
            var nameEn = title.Length > 0 ? title : f[5];
            var d = Add(new Draft("iso:" + f[3], PlaceKind.Subdivision, f[0], SubdivisionPriority, nameEn));
            d.En.AddRange(Names(f[5]));
            if (title.Length > 0) d.En.AddRange(Names(title));
            d.Ru.AddRange(Names(f[4]));
            d.NameRu = d.Ru.FirstOrDefault();
        }

        // Natural Earth populated places (public domain) with Wikidata ids.
        using (var gz = new GZipStream(File.OpenRead(Path.Combine(dir, "ne_populated_places.tsv.gz")), CompressionMode.Decompress))
        using (var reader = new StreamReader(gz))
        {
            foreach (var f in Rows(reader))
            {
                if (f.Length < 15) continue;
                var wd = f[0].StartsWith('Q') ? f[0] : null;
                var id = wd is not null ? "wd:" + wd : "ne:" + f[1];
                if (byId.ContainsKey(id)) continue;
                long.TryParse(f[14], out var pop);
                long priority = f[13].StartsWith("Admin-0 capital", StringComparison.Ordinal) ? CapitalPriority + pop
                    : pop >= 500_000 ? BigCityPriority + pop : pop;
                var nameEn = f[5].Length > 0 ? f[5] : f[2];
                var d = Add(new Draft(id, PlaceKind.City, f[10].Length == 2 ? f[10] : "", priority, nameEn) { Wikidata = wd });
                d.En.Add(nameEn);
                d.En.Add(f[2]);
                d.En.Add(f[3]);
                foreach (var alt in f[4].Split('|'))
                    if (alt.Length >= 4 && !alt.Contains(',')) d.En.Add(alt.Trim());
                if (f[6].Length > 0) { d.Ru.Add(f[6]); d.NameRu = f[6]; }
            }
        }

        // Hand-made additions.
        foreach (var f in Rows(extraTsv))
        {
            if (!byId.TryGetValue(f[0], out var d))
                throw new InvalidDataException($"{extraTsv}: target '{f[0]}' is not in the gazetteer; use iso:XX for a country or wd:Qn for a Natural Earth place.");
            string Col(int i) => i < f.Length ? f[i] : "";
            if (Col(1).Length > 0) d.Wikidata = Col(1);
            d.En.AddRange(Names(Col(2)));
            d.Ru.AddRange(Names(Col(3)));
            d.AdjEn.AddRange(Names(Col(4)));
            d.AdjRu.AddRange(Names(Col(5)));
        }

        var schemes = SchemeNames.Select(n =>
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(sharedDataDir, "translit_iuliia", "schemas", n + ".json")));
            return TranslitScheme.FromIuliiaJson(doc.RootElement);
        }).ToList();

        var places = drafts.Select(d => new Place(d.Id, d.Kind, d.Wikidata, d.Country, d.Priority, d.NameEn, d.NameRu,
            Distinct(d.En), Distinct(d.Ru), Distinct(d.AdjEn), Distinct(d.AdjRu))).ToList();
        return new Gazetteer(places, schemes);
    }

    private static string[] Distinct(List<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Splits a '|' list; a parenthesised note is dropped ("Myanmar (Burma)" → "Myanmar": the note may name another
    /// place, as in "U.S. Outlying Islands (США)"; real alternative names are in the additions file), and
    /// "Moldova, Republic of" gives "Moldova".
    /// </summary>
    private static List<string> Names(string cell)
    {
        var list = new List<string>();
        foreach (var raw in cell.Split('|'))
        {
            var n = raw.Trim();
            if (n.Length == 0) continue;
            int open = n.IndexOf('(');
            if (open > 0 && n.EndsWith(')'))
            {
                list.Add(n[..open].Trim());
                continue;
            }
            int comma = n.IndexOf(',');
            list.Add(comma > 0 ? n[..comma].Trim() : n);
        }
        return list;
    }

    private static string Title(string s) => s.Length > 0 && char.IsLower(s[0]) ? char.ToUpperInvariant(s[0]) + s[1..] : s;

    private static IEnumerable<string[]> Rows(string path)
    {
        using var reader = new StreamReader(path);
        foreach (var row in Rows(reader)) yield return row;
    }

    private static IEnumerable<string[]> Rows(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }
}
