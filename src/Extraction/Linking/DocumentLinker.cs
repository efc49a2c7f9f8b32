using Extraction.Documents;

namespace Extraction.Linking;

/// <summary>
/// In-document linking: groups the PER/ORG/LOC mentions of one document into clusters (one per real thing) and gives
/// each cluster a language-independent link key that corpus linking compares across documents:
/// <list type="bullet">
/// <item><c>gaz:&lt;place id&gt;</c> for places the gazetteer knows (<c>gaz:wd:Q1520</c> for Astana / Nur-Sultan / Нур-Султан),</item>
/// <item><c>org:&lt;id&gt;</c> and <c>body:&lt;topic&gt;@&lt;country&gt;</c> for organisations the lexicon knows,</item>
/// <item><c>PER:</c>/<c>ORG:</c>/<c>LOC:</c> + name skeleton otherwise (person keys have their words sorted).</item>
/// </list>
/// Passes, in order: equal keys; person short forms (<c>Шойгу</c>, <c>С. Шойгу</c>) join the nearest full name
/// containing them; acronyms, compound short forms and partial organisation names join their full form; a state body
/// named without its country joins the nearest one with a country; misspellings close to a well-attested name join it.
/// Thread-safe: it keeps no state between documents.
/// </summary>
public sealed class DocumentLinker(LinkingResources resources, bool fuzzy = true)
{
    private static readonly string[] PlacePrefixes = ["republic", "республика", "city", "город", "г", "state", "штат", "kingdom", "королевство"];
    private static readonly HashSet<string> PlacePrefixKeys = new(PlacePrefixes.Select(p => NameKey.Word(p)).Append("of"), StringComparer.Ordinal);

    // Words that only say what kind of organisation or place a name is: "компания Vestas" = "Vestas", "реке Славянка" =
    // "Славянка", but "цех Vestas" ≠ "Vestas".
    private static readonly HashSet<string> OrgKinds = Kinds(
        "компания", "фирма", "оао", "зао", "ооо", "пао", "ао", "нко", "группа", "холдинг", "концерн", "корпорация", "госкорпорация",
        "банк", "партия", "движение", "завод", "предприятие", "гуп", "муп", "фгуп", "нпо", "организация", "агентство", "информагентство", "ия", "газета", "журнал", "издание",
        "телеканал", "канал", "телекомпания", "радиостанция", "клуб", "фк", "команда", "фонд", "ассоциация", "объединение",
        "company", "co", "inc", "ltd", "llc", "plc", "corp", "corporation", "group", "holding", "bank", "party", "movement",
        "agency", "newspaper", "channel", "club", "fund", "foundation", "association", "the");
    private static readonly HashSet<string> PlaceKinds = Kinds(
        "река", "озеро", "море", "залив", "гора", "горы", "остров", "острова", "полуостров", "город", "г", "село", "деревня",
        "поселок", "станица", "улица", "ул", "площадь", "проспект", "переулок", "район", "округ", "республика", "автономная",
        "river", "lake", "sea", "bay", "mount", "mountain", "island", "islands", "peninsula", "city", "town", "village", "street",
        "square", "avenue", "district", "republic", "of", "the");

    private static HashSet<string> Kinds(params string[] words) => new(words.Select(w => NameKey.Word(w)), StringComparer.Ordinal);

    private static bool IsOrgKind(string word) => OrgKinds.Contains(NameKey.Word(word.ToLowerInvariant()));
    private static bool IsPlaceKind(string word) => PlaceKinds.Contains(NameKey.Word(word.ToLowerInvariant()));

    private static readonly string[] AdjectiveEndings =
        ["ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ую", "юю", "ых", "их", "ыми", "ими"];

    private static bool IsRussianAdjective(string word)
    {
        var w = word.ToLowerInvariant();
        return w.Length > 4 && AdjectiveEndings.Any(e => w.EndsWith(e, StringComparison.Ordinal));
    }

    private sealed class Item(Mention mention, NameForm form, string? canonical)
    {
        public Mention Mention = mention;
        public NameForm Form = form;
        public string? Canonical = canonical;
        public int Start => Mention.Range.Start;
    }

    public void Link(Document document)
    {
        var items = new List<Item>();
        foreach (var m in document.Mentions)
        {
            if (m.Type == EntityType.DATE) continue;
            var form = new NameForm(m.Normal ?? document.Slice(m.Range), m.Type);
            if (form.Words.Count == 0) { m.Cluster = -1; m.LinkKey = null; continue; }
            items.Add(new Item(m, form, Canonical(form)));
        }
        items.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Mention.Range.End.CompareTo(a.Mention.Range.End));

        var sets = new UnionFind(items.Count);
        var attached = new bool[items.Count];
        JoinEqualKeys(items, sets, shortForms: false, attached);
        JoinPersonShortForms(items, sets, attached);
        JoinEqualKeys(items, sets, shortForms: true, attached);
        JoinOrganisationShortForms(items, sets);
        JoinBodiesWithoutCountry(items, sets);
        if (fuzzy) JoinMisspellings(items, sets);
        Assign(items, sets);
    }

    /// <summary>The key a resource gives the name, or null.</summary>
    private string? Canonical(NameForm form)
    {
        if (form.Type == EntityType.LOC && resources.Gazetteer is { } gaz)
        {
            var place = gaz.Find(form.Text);
            if (place is null && form.Words.Count > 1 && PlacePrefixKeys.Contains(form.Keys[0]))
            {
                // "Republic of Kazakhstan", "город Москва", "штат Техас": the name without its generic head.
                int skip = 1;
                while (skip < form.Keys.Length - 1 && PlacePrefixKeys.Contains(form.Keys[skip])) skip++;
                var rest = string.Join(' ', form.Words.Skip(skip));
                place = gaz.Find(rest);
            }
            // A country named by its adjective ("британский", "Russian"), as some annotations mark them.
            place ??= gaz.FindCountryKey(Gazetteer.ScriptKey(form.Text, NameKey.Of(form.Text)));
            return place is null ? null : "gaz:" + place.Id;
        }
        if (form.Type == EntityType.ORG && resources.Lexicon is { } lex)
            return lex.Match(form.Text)?.Key;
        return null;
    }

    /// <summary>The key of a name no resource knows: type and skeleton (person names with their words sorted).</summary>
    public static string NameKeyOf(NameForm form) =>
        form.Type == EntityType.PER
            ? "PER:" + string.Join(' ', form.Keys.Order(StringComparer.Ordinal))
            : form.Type.Code() + ":" + form.Key;

    /// <summary>
    /// Joins mentions with equal keys. Person short forms are left out when <paramref name="shortForms"/> is false: each
    /// finds its own full name first (two Buts in one text: «Виктор Бут», «Алла Бут»), and only the rest join by key.
    /// </summary>
    private static void JoinEqualKeys(List<Item> items, UnionFind sets, bool shortForms, bool[] attached)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            bool isShort = IsPersonShortForm(items, i);
            if (isShort != shortForms || attached[i]) continue;
            var key = items[i].Form.Type.Code() + "|" + (items[i].Canonical ?? NameKeyOf(items[i].Form));
            if (first.TryGetValue(key, out var j)) sets.Union(j, i);
            else first[key] = i;
        }
    }

    private static bool IsPersonShortForm(List<Item> items, int i)
    {
        var a = items[i];
        if (a.Form.Type != EntityType.PER) return false;
        foreach (var b in items) if (b.Form.Type == EntityType.PER && a.Form.IsPartOf(b.Form)) return true;
        return false;
    }

    /// <summary>The candidate nearest before <paramref name="i"/>, else the nearest after; -1 when there is none.</summary>
    private static int Nearest(List<Item> items, int i, Func<Item, bool> fits)
    {
        for (int j = i - 1; j >= 0; j--) if (fits(items[j])) return j;
        for (int j = i + 1; j < items.Count; j++) if (fits(items[j])) return j;
        return -1;
    }

    private static void JoinPersonShortForms(List<Item> items, UnionFind sets, bool[] attached)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var a = items[i];
            if (a.Form.Type != EntityType.PER) continue;
            int j = Nearest(items, i, b => b.Form.Type == EntityType.PER && a.Form.IsPartOf(b.Form));
            if (j < 0) continue;
            sets.Union(i, j);
            attached[i] = true;
        }
    }

    /// <summary>A word that only qualifies a head noun: a Russian adjective or a country ("Конгресс" = "Конгресс США").</summary>
    private bool IsModifier(string word) =>
        IsRussianAdjective(word) || resources.Gazetteer?.FindCountryKey(Gazetteer.ScriptKey(word, NameKey.Word(word))) is not null;

    private void JoinOrganisationShortForms(List<Item> items, UnionFind sets)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var a = items[i];
            if (a.Canonical is not null || a.Form.Type == EntityType.PER) continue;
            bool org = a.Form.Type == EntityType.ORG;
            Func<string, bool> kind = org ? IsOrgKind : IsPlaceKind;
            if (a.Form.Words.All(kind)) continue;
            // A single head noun also stands for a name whose other words are Russian adjectives or countries ("комиссия" =
            // "Европейская комиссия"), but a name part does not stand for a sub-unit ("Vestas" ≠ "цех Vestas").
            bool head = org && a.Form.Words.Count == 1 && a.Form.Cyrillic;
            int j = Nearest(items, i, b => b.Form.Type == a.Form.Type && b.Form.Words.Count > a.Form.Words.Count &&
                (a.Form.Abbreviates(b.Form) || a.Form.IsPartOf(b.Form, kind) || (head && a.Form.IsPartOf(b.Form, IsModifier))));
            if (j >= 0) sets.Union(i, j);
        }
    }

    private static void JoinBodiesWithoutCountry(List<Item> items, UnionFind sets)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var key = items[i].Canonical;
            if (key is null || !key.StartsWith("body:", StringComparison.Ordinal) || !key.EndsWith('@')) continue;
            int j = Nearest(items, i, b => b.Canonical is { } k && k.Length > key.Length && k.StartsWith(key, StringComparison.Ordinal));
            if (j >= 0) sets.Union(i, j);
        }
    }

    /// <summary>
    /// A name no resource knows, seen once, joins a name of the same type within one edit (two for long names) when that
    /// name is well attested: known to a resource, or mentioned at least twice in the document.
    /// </summary>
    private static void JoinMisspellings(List<Item> items, UnionFind sets)
    {
        var sizes = new Dictionary<int, int>();
        for (int i = 0; i < items.Count; i++) sizes[sets.Find(i)] = sizes.GetValueOrDefault(sets.Find(i)) + 1;
        for (int i = 0; i < items.Count; i++)
        {
            var a = items[i];
            if (a.Canonical is not null || sizes[sets.Find(i)] > 1) continue;
            var key = a.Form.Key;
            if (key.Length < 6) continue;
            int max = key.Length >= 10 ? 2 : 1;
            int best = -1, bestDistance = max + 1;
            for (int j = 0; j < items.Count; j++)
            {
                var b = items[j];
                if (j == i || b.Form.Type != a.Form.Type || b.Form.Key == key || b.Form.Key.Length == 0 || b.Form.Key[0] != key[0]) continue;
                if (b.Canonical is null && sizes[sets.Find(j)] < 2) continue;
                int d = NameKey.Distance(key, b.Form.Key, max);
                if (d < bestDistance) { best = j; bestDistance = d; }
            }
            if (best >= 0) sets.Union(i, best);
        }
    }

    /// <summary>Numbers the clusters in order of first mention and gives every mention its cluster's link key.</summary>
    private static void Assign(List<Item> items, UnionFind sets)
    {
        var number = new Dictionary<int, int>();
        var keys = new Dictionary<int, string>();
        for (int i = 0; i < items.Count; i++)
        {
            int root = sets.Find(i);
            if (!number.ContainsKey(root)) number[root] = number.Count;
        }
        foreach (var group in Enumerable.Range(0, items.Count).GroupBy(sets.Find))
        {
            var members = group.Select(i => items[i]).ToList();
            // A resource key wins (one with a country over one without); else the fullest name's key.
            var canonical = members.Where(m => m.Canonical is not null).Select(m => m.Canonical!)
                .OrderBy(k => k.EndsWith('@') ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();
            var fullest = members.OrderByDescending(m => m.Form.Words.Count).First();
            keys[group.Key] = canonical ?? NameKeyOf(fullest.Form);
        }
        for (int i = 0; i < items.Count; i++)
        {
            int root = sets.Find(i);
            items[i].Mention.Cluster = number[root];
            items[i].Mention.LinkKey = keys[root];
        }
    }
}

/// <summary>Disjoint sets with path halving; the smaller index stays the root, so results do not depend on union order.</summary>
internal sealed class UnionFind
{
    private readonly List<int> _parent;

    public UnionFind(int count)
    {
        _parent = new List<int>(count);
        for (int i = 0; i < count; i++) _parent.Add(i);
    }

    public int Count => _parent.Count;

    /// <summary>Adds a new singleton set and returns its index.</summary>
    public int Add()
    {
        _parent.Add(_parent.Count);
        return _parent.Count - 1;
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public void Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return;
        if (a < b) _parent[b] = a; else _parent[a] = b;
    }
}
