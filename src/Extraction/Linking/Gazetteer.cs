using Extraction.Models;
using Extraction.Tokenization;

namespace Extraction.Linking;

/// <summary>What a gazetteer entry is; the order is also the tie-break order when two entries share a name.</summary>
public enum PlaceKind : byte
{
    City = 0,
    Subdivision = 1,
    Region = 2,
    Country = 3,
}

/// <summary>
/// A place: stable id (<c>wd:Q232</c>-style when the source gives a Wikidata id, else <c>iso:KZ</c>, <c>iso:KZ-ZAP</c>,
/// <c>m49:143</c>), display names in both languages, all aliases (including former names), and for countries the
/// adjectives (<c>Russian</c>, <c>российский</c>) that name them inside organisation names.
/// </summary>
public sealed record Place(
    string Id, PlaceKind Kind, string? Wikidata, string Country, long Priority, string NameEn, string? NameRu,
    string[] AliasesEn, string[] AliasesRu, string[] AdjectivesEn, string[] AdjectivesRu);

/// <summary>
/// The bilingual gazetteer (<c>models/gazetteer.bin</c>, kind <c>gazetteer</c>): places with Wikidata ids and former
/// names, plus the iuliia transliteration schemes. Names are indexed by their <see cref="NameKey"/> skeleton, per
/// script, so inflected Russian forms (<c>Нур-Султане</c>, <c>Казахстана</c>) find their entry.
/// Thread-safe after loading (read-only).
/// </summary>
public sealed class Gazetteer
{
    public const string Kind = "gazetteer";
    public const uint FormatVersion = 1;

    private readonly Dictionary<string, int> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _adjectives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Place> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TranslitScheme> _schemes = new(StringComparer.Ordinal);

    public Gazetteer(IReadOnlyList<Place> places, IReadOnlyList<TranslitScheme> schemes)
    {
        Places = places;
        foreach (var s in schemes) _schemes[s.Name] = s;
        for (int i = 0; i < places.Count; i++)
        {
            var p = places[i];
            _byId[p.Id] = p;
            foreach (var a in p.AliasesEn) Index(_names, a, i);
            foreach (var a in p.AliasesRu) Index(_names, a, i);
            foreach (var a in p.AdjectivesEn) Index(_adjectives, a, i);
            foreach (var a in p.AdjectivesRu) Index(_adjectives, a, i);
        }
    }

    public IReadOnlyList<Place> Places { get; }

    public IEnumerable<TranslitScheme> Schemes => _schemes.Values;

    public TranslitScheme? Scheme(string name) => _schemes.GetValueOrDefault(name);

    public Place? ById(string id) => _byId.GetValueOrDefault(id);

    private void Index(Dictionary<string, int> index, string name, int place)
    {
        var key = ScriptKey(name, NameKey.Of(name));
        if (key.Length < 3) return;
        if (!index.TryGetValue(key, out var old) || Better(Places[place], Places[old])) index[key] = place;
    }

    /// <summary>When two places share a name, the one with the higher priority (countries first, then by size) takes it.</summary>
    private static bool Better(Place a, Place b) =>
        a.Priority > b.Priority || (a.Priority == b.Priority && string.CompareOrdinal(a.Id, b.Id) < 0);

    /// <summary>The index key: script tag ('r' Cyrillic, 'e' otherwise) and the name's skeleton.</summary>
    public static string ScriptKey(ReadOnlySpan<char> name, string skeleton)
    {
        bool cyr = false;
        foreach (var c in name) if (CharClass.IsCyrillic(c)) { cyr = true; break; }
        return (cyr ? "r:" : "e:") + skeleton;
    }

    /// <summary>The place a name (any case form) denotes, when the gazetteer knows it.</summary>
    public Place? Find(ReadOnlySpan<char> name) => FindKey(ScriptKey(name, NameKey.Of(name)));

    /// <summary>Lookup by a key made with <see cref="ScriptKey"/>.</summary>
    public Place? FindKey(string scriptKey) => _names.TryGetValue(scriptKey, out var i) ? Places[i] : null;

    /// <summary>The country a name or adjective key denotes (<c>e:russian</c>, <c>r:rossiisk</c>, <c>r:ross</c>).</summary>
    public Place? FindCountryKey(string scriptKey)
    {
        if (_adjectives.TryGetValue(scriptKey, out var a)) return Places[a];
        return _names.TryGetValue(scriptKey, out var i) && Places[i].Kind == PlaceKind.Country ? Places[i] : null;
    }

    // Payload layout (format version 1), BinaryWriter encoding (strings: 7-bit length + UTF-8; arrays: int32 count + items):
    //   int32 schemeCount, then per scheme: string name, then 4 maps (mapping, prev, next, ending), each int32 count + (key, value) strings
    //   int32 placeCount, then per place:
    //     string id, byte kind, string wikidata ("" = none), string country (ISO alpha-2, "" = none), int64 priority,
    //     string nameEn, string nameRu ("" = none), string[] aliasesEn, string[] aliasesRu, string[] adjectivesEn, string[] adjectivesRu

    public void Write(string path, object metadata) =>
        ModelFile.Write(path, ModelHeader.Create(Kind, "multi", FormatVersion, metadata), w =>
        {
            w.Write(_schemes.Count);
            foreach (var s in _schemes.Values.OrderBy(s => s.Name, StringComparer.Ordinal)) s.Write(w);
            w.Write(Places.Count);
            foreach (var p in Places)
            {
                w.Write(p.Id);
                w.Write((byte)p.Kind);
                w.Write(p.Wikidata ?? "");
                w.Write(p.Country);
                w.Write(p.Priority);
                w.Write(p.NameEn);
                w.Write(p.NameRu ?? "");
                foreach (var list in new[] { p.AliasesEn, p.AliasesRu, p.AdjectivesEn, p.AdjectivesRu })
                {
                    w.Write(list.Length);
                    foreach (var s in list) w.Write(s);
                }
            }
        });

    public static Gazetteer Load(string path)
    {
        var (_, payload) = ModelFile.Read(path, Kind, FormatVersion);
        using var r = new BinaryReader(new MemoryStream(payload, writable: false), System.Text.Encoding.UTF8);
        var schemes = new List<TranslitScheme>();
        for (int n = r.ReadInt32(), i = 0; i < n; i++) schemes.Add(TranslitScheme.Read(r));
        int count = r.ReadInt32();
        var places = new List<Place>(count);
        for (int i = 0; i < count; i++)
        {
            var id = r.ReadString();
            var kind = (PlaceKind)r.ReadByte();
            var wd = r.ReadString();
            var country = r.ReadString();
            var priority = r.ReadInt64();
            var en = r.ReadString();
            var ru = r.ReadString();
            var lists = new string[4][];
            for (int l = 0; l < 4; l++)
            {
                lists[l] = new string[r.ReadInt32()];
                for (int k = 0; k < lists[l].Length; k++) lists[l][k] = r.ReadString();
            }
            places.Add(new Place(id, kind, wd.Length == 0 ? null : wd, country, priority, en, ru.Length == 0 ? null : ru,
                lists[0], lists[1], lists[2], lists[3]));
        }
        return new Gazetteer(places, schemes);
    }
}
