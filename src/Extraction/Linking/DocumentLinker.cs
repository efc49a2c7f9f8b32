using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Extraction.Documents;
using Extraction.Tokenization;

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
/// Thread-safe: between documents it keeps only a cache of analysed names.
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

    private static bool IsRussianAdjective(string word) => Morphology.Letters.HasAdjectiveEnding(word);

    /// <summary>
    /// A name analysed once: its words and keys, the resource key (or null), the key mentions join by, and per word whether
    /// it only names a kind of organisation or place ("компания", "река") or only qualifies a head noun (an adjective or a
    /// country: "Европейская", "США").
    /// </summary>
    /// <param name="LinkKey">The link key of the name on its own: the resource key, else the name key.</param>
    public sealed record Analysis(NameForm Form, string? Canonical, string LinkKey, bool[] KindWords, bool[] ModifierWords)
    {
        /// <summary>Type and link key: mentions with equal keys are one thing.</summary>
        public string Key { get; } = Form.Type.Code() + "|" + LinkKey;

        /// <summary>Every word names a kind, so the name cannot stand for a particular organisation or place.</summary>
        public bool OnlyKindWords { get; } = KindWords.Length > 0 && Array.TrueForAll(KindWords, k => k);
    }

    // One cache per entity type, looked up by span so repeated names cost no allocation.
    private readonly ConcurrentDictionary<string, Analysis>[] _cache =
        [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
    private int _cached;
    private const int CacheLimit = 200_000;

    /// <summary>The analysis of a name (cached: names repeat within and across documents).</summary>
    public Analysis Analyze(EntityType type, ReadOnlySpan<char> text)
    {
        var cache = _cache[(int)type];
        if (cache.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var a)) return a;
        var name = text.ToString();
        var form = new NameForm(name, type);
        var canonical = form.Words.Count == 0 ? null : Canonical(form);
        Func<string, bool> kind = type == EntityType.ORG ? IsOrgKind : IsPlaceKind;
        var kinds = type == EntityType.PER ? [] : form.Words.Select(kind).ToArray();
        var modifiers = type == EntityType.ORG ? form.Words.Select(IsModifier).ToArray() : [];
        a = new Analysis(form, canonical, canonical ?? NameKeyOf(form), kinds, modifiers);
        if (Interlocked.Increment(ref _cached) <= CacheLimit) cache.TryAdd(name, a);
        return a;
    }

    /// <summary>The key a resource gives the name, or null.</summary>
    private string? Canonical(NameForm form)
    {
        if (form.Type == EntityType.LOC && resources.Gazetteer is { } gaz)
        {
            var place = gaz.Find(form.Bare);
            if (place is not null && form.Words.Count == 1 && IsRussianAdjective(form.Words[0]) && !NamedAlike(form.Words[0], place))
                place = null; // «Каннский» is no form of «Канск», whatever their skeletons say
            if (place is null && form.Words.Count > 1 && PlacePrefixKeys.Contains(form.Keys[0]))
            {
                // "Republic of Kazakhstan", "город Москва", "штат Техас": the name without its generic head.
                int skip = 1;
                while (skip < form.Keys.Length - 1 && PlacePrefixKeys.Contains(form.Keys[skip])) skip++;
                var rest = string.Join(' ', form.Words.Skip(skip));
                place = gaz.Find(rest);
            }
            // A country named by its adjective ("британский", "Russian"), as some annotations mark them.
            place ??= gaz.FindCountryKey(Gazetteer.ScriptKey(form.Bare, NameKey.Of(form.Bare)));
            return place is null ? null : "gaz:" + place.Id;
        }
        if (form.Type == EntityType.ORG && resources.Lexicon is { } lex)
            return lex.Match(form.Bare)?.Key;
        return null;
    }

    /// <summary>
    /// Whether a word of the place's Russian names begins with the same five letters as <paramref name="adjective"/> (all of
    /// them when shorter): «Приморский» for «Приморский край», «Московская» for «Московская область».
    /// </summary>
    private static bool NamedAlike(string adjective, Place place)
    {
        var head = adjective.AsSpan(0, Math.Min(5, adjective.Length));
        foreach (var name in place.AliasesRu.Prepend(place.NameRu))
            foreach (var word in (name ?? "").Split(' ', '-'))
                if (word.AsSpan().StartsWith(head, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The key of a name no resource knows: type and skeleton (person names with their words sorted).</summary>
    public static string NameKeyOf(NameForm form) =>
        form.Type == EntityType.PER
            ? "PER:" + string.Join(' ', form.Keys.Order(StringComparer.Ordinal))
            : form.Type.Code() + ":" + form.Key;

    /// <summary>A word that only qualifies a head noun: a Russian adjective or a country ("Конгресс" = "Конгресс США").</summary>
    private bool IsModifier(string word) =>
        IsRussianAdjective(word) || resources.Gazetteer?.FindCountryKey(Gazetteer.ScriptKey(word, NameKey.Word(word))) is not null;

    /// <summary>The mentions of one distinct name in a document, in text order (indices into the sorted mention list).</summary>
    private sealed class Group
    {
        public Analysis A = null!;
        public readonly List<int> Items = [];
        public NameForm Form => A.Form;
        public string? Canonical => A.Canonical;
    }

    /// <summary>
    /// The working storage of <see cref="Link"/>, one per thread and reused from document to document (a batch links
    /// thousands of documents; building these afresh for each was most of what linking allocated). Cleared after each
    /// document, so it keeps no document's mentions or names alive.
    /// </summary>
    private sealed class Scratch
    {
        public readonly List<Mention> Mentions = [];
        public readonly List<Analysis> Analyses = [];
        public (int Start, int Shorter, int Index)[] Keys = [];
        public int[] Order = [];
        public int[] GroupOf = [];
        public readonly List<Group> Groups = [];
        public readonly Dictionary<Analysis, int> ByName = new(ReferenceEqualityComparer.Instance);
        public readonly UnionFind Sets = new(0);
        public readonly WordIndex Index = new();
        public readonly Dictionary<string, int> FirstByKey = new(StringComparer.Ordinal);
        public readonly Dictionary<int, int> Sizes = [];
        public readonly Dictionary<(EntityType, char, int), List<int>> ByStart = [];
        public readonly IntLists Lists = new();
        private readonly Stack<Group> _spare = new();

        public void Size(int n)
        {
            if (Keys.Length < n) (Keys, Order, GroupOf) = (new (int, int, int)[n], new int[n], new int[n]);
        }

        public Group NewGroup(Analysis a)
        {
            var g = _spare.TryPop(out var spare) ? spare : new Group();
            g.A = a;
            Groups.Add(g);
            return g;
        }

        public void Clear()
        {
            foreach (var g in Groups)
            {
                g.A = null!;
                g.Items.Clear();
                _spare.Push(g);
            }
            Groups.Clear();
            Mentions.Clear();
            Analyses.Clear();
            ByName.Clear();
            Index.Clear();
            FirstByKey.Clear();
            Sizes.Clear();
            ByStart.Clear();
            Lists.Clear();
        }
    }

    /// <summary>Lists of ints handed out for one document and all taken back at once.</summary>
    private sealed class IntLists
    {
        private readonly List<List<int>> _all = [];
        private int _used;

        public List<int> Rent()
        {
            if (_used == _all.Count) _all.Add([]);
            var list = _all[_used++];
            list.Clear();
            return list;
        }

        public void Clear() => _used = 0;
    }

    [ThreadStatic] private static Scratch? t_scratch;

    public void Link(Document document)
    {
        var scratch = t_scratch ??= new Scratch();
        try
        {
            Link(document, scratch);
        }
        finally
        {
            scratch.Clear();
        }
    }

    private void Link(Document document, Scratch scratch)
    {
        var mentions = scratch.Mentions;
        var analyses = scratch.Analyses;
        List<(Mention, Analysis)>? couples = null;
        foreach (var m in document.Mentions)
        {
            if (m.Type == EntityType.DATE) continue;
            var text = m.Normal is { } normal ? normal : document.Span(m.Range);
            var a = Analyze(m.Type, text);
            if (a.Form.Words.Count == 0) { m.Cluster = -1; m.LinkKey = null; continue; }
            // «Тамерлан и Джохар Царнаевы» names two people: it is neither of them, nor a fuller name that joins them.
            if (m.Type == EntityType.PER && NamesSeveralPeople(text)) { (couples ??= []).Add((m, a)); continue; }
            mentions.Add(m);
            analyses.Add(a);
        }
        // Text order, longer first at one start, then input order.
        int n = mentions.Count;
        scratch.Size(n);
        var keys = scratch.Keys.AsSpan(0, n);
        for (int i = 0; i < n; i++) keys[i] = (mentions[i].Range.Start, -mentions[i].Range.Length, i);
        keys.Sort();
        var order = scratch.Order.AsSpan(0, n);
        for (int i = 0; i < n; i++) order[i] = keys[i].Index;
        var groups = scratch.Groups;
        var groupOf = scratch.GroupOf.AsSpan(0, n);
        var byName = scratch.ByName;
        for (int i = 0; i < n; i++)
        {
            var a = analyses[order[i]];
            if (!byName.TryGetValue(a, out var g))
            {
                g = groups.Count;
                scratch.NewGroup(a);
                byName[a] = g;
            }
            groups[g].Items.Add(i);
            groupOf[i] = g;
        }

        var sets = scratch.Sets;
        sets.Reset(n);
        var index = scratch.Index;
        index.Build(groups);
        var personShort = PersonShortForms(groups, index);
        JoinEqualKeys(groups, sets, personShort, scratch.FirstByKey);
        JoinShortForms(groups, sets, personShort);
        JoinShortForms(groups, sets, OrganisationShortForms(groups, index));
        JoinShortForms(groups, sets, BodiesWithoutCountry(groups));
        if (fuzzy) JoinMisspellings(groups, sets, scratch);
        Assign(mentions, order, groupOf, groups, sets);
        if (couples is null) return;
        // Each gets a cluster of its own after the others.
        int next = 0;
        foreach (var m in mentions) next = Math.Max(next, m.Cluster + 1);
        foreach (var (m, a) in couples)
        {
            m.Cluster = next++;
            m.LinkKey = a.LinkKey;
        }
    }

    /// <summary>A person mention that joins names with «и», «and» or «&amp;» between capitalised words.</summary>
    internal static bool NamesSeveralPeople(ReadOnlySpan<char> text)
    {
        bool capitalBefore = false;
        int conjunction = -1;
        foreach (var range in text.Split(' '))
        {
            var word = text[range];
            if (word.IsEmpty) continue;
            if (conjunction >= 0 && capitalBefore && char.IsUpper(word[0])) return true;
            conjunction = word is "и" or "and" or "&" ? 1 : -1;
            if (conjunction < 0) capitalBefore = char.IsUpper(word[0]);
        }
        return false;
    }

    private static void JoinEqualKeys(List<Group> groups, UnionFind sets, List<int>?[] shortForms, Dictionary<string, int> first)
    {
        for (int g = 0; g < groups.Count; g++)
        {
            if (shortForms[g] is not null) continue;
            var items = groups[g].Items;
            if (first.TryGetValue(groups[g].A.Key, out var f)) sets.Union(f, items[0]);
            else first[groups[g].A.Key] = items[0];
            for (int k = 1; k < items.Count; k++) sets.Union(items[0], items[k]);
        }
    }

    /// <summary>
    /// For each person name, the longer person names of the document that contain it (<c>Шойгу</c>, <c>С. Шойгу</c> in
    /// <c>Сергей Шойгу</c>), or null. Such short forms join the nearest of them rather than each other by key: two Buts in
    /// one text (<c>Виктор Бут</c>, <c>Алла Бут</c>) keep their own surnames.
    /// </summary>
    private static List<int>?[] PersonShortForms(List<Group> groups, WordIndex index)
    {
        var result = new List<int>?[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var a = groups[g].Form;
            if (a.Type != EntityType.PER) continue;
            foreach (var h in index.Containing(a))
                if (h != g && groups[h].Form.Type == EntityType.PER && a.IsPartOf(groups[h].Form))
                    (result[g] ??= []).Add(h);
        }
        return result;
    }

    /// <summary>For organisation and place names no resource knows, the longer names of the document they abbreviate or shorten.</summary>
    private List<int>?[] OrganisationShortForms(List<Group> groups, WordIndex index)
    {
        var result = new List<int>?[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var a = groups[g].Form;
            if (groups[g].Canonical is not null || a.Type == EntityType.PER) continue;
            bool org = a.Type == EntityType.ORG;
            if (groups[g].A.OnlyKindWords) continue;
            // A single head noun also stands for a name whose other words are Russian adjectives or countries ("комиссия" =
            // "Европейская комиссия"), but a name part does not stand for a sub-unit ("Vestas" ≠ "цех Vestas").
            bool head = org && a.Words.Count == 1 && a.Cyrillic;
            foreach (var h in index.Containing(a)) Consider(g, h);
            foreach (var h in index.StartingLike(a)) Consider(g, h);
            result[g]?.Sort();

            void Consider(int g, int h)
            {
                if (!index.FirstSight(g, h)) return;
                var b = groups[h].Form;
                if (h == g || b.Type != a.Type || b.Words.Count <= a.Words.Count) return;
                var bKinds = groups[h].A.KindWords;
                var bModifiers = groups[h].A.ModifierWords;
                if (a.Abbreviates(b) || a.IsPartOf(b, bKinds) || (head && a.IsPartOf(b, bModifiers))) (result[g] ??= []).Add(h);
            }
        }
        return result;
    }

    /// <summary>
    /// The document's names indexed by word key and by first letter, so short forms meet only plausible full forms.
    /// Built for each document (<see cref="Build"/>) into storage kept from the one before.
    /// </summary>
    private sealed class WordIndex
    {
        private static readonly List<int> None = [];
        private readonly Dictionary<string, List<int>> _byKey = new(StringComparer.Ordinal);
        private readonly Dictionary<char, List<int>> _byLetter = [];
        private readonly IntLists _lists = new();
        private int[] _stamp = [];

        public void Build(List<Group> groups)
        {
            if (_stamp.Length < groups.Count) _stamp = new int[Math.Max(groups.Count, _stamp.Length * 2)];
            Array.Fill(_stamp, -1, 0, groups.Count);
            for (int g = 0; g < groups.Count; g++)
            {
                var f = groups[g].Form;
                for (int i = 0; i < f.Keys.Length; i++)
                {
                    var k = f.Keys[i];
                    if (NameForm.IsInitial(k) || Array.IndexOf(f.Keys, k) < i) continue;
                    (_byKey.TryGetValue(k, out var l) ? l : _byKey[k] = _lists.Rent()).Add(g);
                }
                if (f.Words.Count >= 2) (_byLetter.TryGetValue(f.Lower[0][0], out var l2) ? l2 : _byLetter[f.Lower[0][0]] = _lists.Rent()).Add(g);
            }
        }

        public void Clear()
        {
            _byKey.Clear();
            _byLetter.Clear();
            _lists.Clear();
        }

        /// <summary>True the first time name <paramref name="h"/> is seen while <paramref name="owner"/>'s candidates are gathered.</summary>
        public bool FirstSight(int owner, int h)
        {
            if (_stamp[h] == owner) return false;
            _stamp[h] = owner;
            return true;
        }

        /// <summary>Names that contain the first full word of <paramref name="form"/> (none when it has only initials).</summary>
        public List<int> Containing(NameForm form)
        {
            foreach (var k in form.Keys)
                if (!NameForm.IsInitial(k)) return _byKey.TryGetValue(k, out var l) ? l : None;
            return None;
        }

        /// <summary>Names of two or more words whose first word starts with this name's first letter (abbreviation candidates).</summary>
        public List<int> StartingLike(NameForm form) =>
            form.Lower.Length > 0 && _byLetter.TryGetValue(form.Lower[0][0], out var l) ? l : None;
    }

    /// <summary>For a state body named without its country (<c>body:defence@</c>), the bodies of that kind with a country.</summary>
    private static List<int>?[] BodiesWithoutCountry(List<Group> groups)
    {
        var result = new List<int>?[groups.Count];
        for (int g = 0; g < groups.Count; g++)
        {
            var key = groups[g].Canonical;
            if (key is null || !key.StartsWith("body:", StringComparison.Ordinal) || !key.EndsWith('@')) continue;
            for (int h = 0; h < groups.Count; h++)
                if (groups[h].Canonical is { } k && k.Length > key.Length && k.StartsWith(key, StringComparison.Ordinal))
                    (result[g] ??= []).Add(h);
        }
        return result;
    }

    /// <summary>Each mention of a name with candidates joins the nearest candidate mention before it, else the nearest after.</summary>
    private static void JoinShortForms(List<Group> groups, UnionFind sets, List<int>?[] candidates)
    {
        for (int g = 0; g < groups.Count; g++)
        {
            if (candidates[g] is not { } cands) continue;
            foreach (var i in groups[g].Items)
            {
                int before = -1, after = int.MaxValue;
                foreach (var h in cands)
                {
                    var items = groups[h].Items;
                    int at = items.BinarySearch(i);
                    if (at < 0) at = ~at;
                    if (at > 0) before = Math.Max(before, items[at - 1]);
                    if (at < items.Count) after = Math.Min(after, items[at]);
                }
                int j = before >= 0 ? before : after;
                if (j != int.MaxValue) sets.Union(i, j);
            }
        }
    }

    /// <summary>
    /// A name no resource knows, seen once, joins a name of the same type within one edit (two for long names) when that
    /// name is well attested: known to a resource, or mentioned at least twice in the document.
    /// </summary>
    private static void JoinMisspellings(List<Group> groups, UnionFind sets, Scratch scratch)
    {
        var sizes = scratch.Sizes;
        foreach (var g in groups)
            foreach (var i in g.Items)
                sizes[sets.Find(i)] = sizes.GetValueOrDefault(sets.Find(i)) + 1;
        // Candidates by type, first letter and key length, in group order (a long text has thousands of groups; a key is
        // compared only with keys of its type and first letter whose length is within the edits allowed).
        var byStart = scratch.ByStart;
        for (int h = 0; h < groups.Count; h++)
        {
            var k = groups[h].Form.Key;
            if (k.Length == 0) continue;
            var bucket = CollectionsMarshal.GetValueRefOrAddDefault(byStart, (groups[h].Form.Type, k[0], k.Length), out _) ??= scratch.Lists.Rent();
            bucket.Add(h);
        }
        for (int g = 0; g < groups.Count; g++)
        {
            var a = groups[g];
            if (a.Canonical is not null || a.Items.Count > 1 || sizes[sets.Find(a.Items[0])] > 1) continue;
            var key = a.Form.Key;
            if (key.Length < 6) continue;
            int max = key.Length >= 10 ? 2 : 1;
            // The nearest candidate; of as near ones, the first in group order.
            int best = -1, bestDistance = max + 1;
            for (int length = key.Length - max; length <= key.Length + max; length++)
            {
                if (!byStart.TryGetValue((a.Form.Type, key[0], length), out var candidates)) continue;
                foreach (int h in candidates)
                {
                    var b = groups[h];
                    var other = b.Form.Key;
                    if (h == g || other == key) continue;
                    if (b.Canonical is null && sizes[sets.Find(b.Items[0])] < 2) continue;
                    int d = NameKey.Distance(key, other, max);
                    if ((d < bestDistance || d == bestDistance && h < best) && d <= max && MisspeltWordByWord(a.Form.Lower, b.Form.Lower))
                    {
                        best = h;
                        bestDistance = d;
                    }
                }
            }
            if (best >= 0) sets.Union(a.Items[0], groups[best].Items[0]);
        }
    }

    /// <summary>
    /// Whether two names whose keys are a few edits apart can be one name misspelt or inflected: of two names with as many
    /// words, the words that differ start with the same letter where both are in one script («Азию Биби» / «Асия Биби»,
    /// «Борис Донсон» / «Бориса Джонсона» are one name; «Ким Чен Ир» / «Ким Чен Ын» and «Джереми Хант» / «Джереми Райт», whose
    /// skeletons are close, are two people). Names with different word counts are left to the key distance.
    /// </summary>
    internal static bool MisspeltWordByWord(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count != b.Count) return true;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] == b[i] || a[i].Length == 0 || b[i].Length == 0) continue;
            char x = a[i][0], y = b[i][0];
            if (x != y && CharClass.IsCyrillic(x) == CharClass.IsCyrillic(y)) return false;
        }
        return true;
    }

    /// <summary>Numbers the clusters in order of first mention and gives every mention its cluster's link key.</summary>
    private static void Assign(List<Mention> mentions, ReadOnlySpan<int> order, ReadOnlySpan<int> groupOf, List<Group> groups, UnionFind sets)
    {
        int n = order.Length;
        var number = new int[n];
        var canonical = new string?[n];
        var fullest = new int[n];
        Array.Fill(number, -1);
        Array.Fill(fullest, -1);
        int clusters = 0;
        for (int i = 0; i < n; i++)
        {
            int root = sets.Find(i);
            if (number[root] < 0) number[root] = clusters++;
            var g = groups[groupOf[i]];
            // A resource key wins (one with a country over one without, then the smallest); else the fullest name's key.
            if (g.Canonical is { } k && (canonical[root] is not { } c || Prefer(k, c))) canonical[root] = k;
            if (fullest[root] < 0 || g.Form.Words.Count > groups[fullest[root]].Form.Words.Count) fullest[root] = groupOf[i];
        }
        for (int i = 0; i < n; i++)
        {
            int root = sets.Find(i);
            var m = mentions[order[i]];
            m.Cluster = number[root];
            m.LinkKey = canonical[root] ?? groups[fullest[root]].A.LinkKey;
        }
    }

    private static bool Prefer(string a, string b)
    {
        bool aBare = a.EndsWith('@'), bBare = b.EndsWith('@');
        return aBare != bBare ? !aBare : string.CompareOrdinal(a, b) < 0;
    }
}

/// <summary>Disjoint sets with path halving; the smaller index stays the root, so results do not depend on union order.</summary>
internal sealed class UnionFind
{
    private readonly List<int> _parent;

    public UnionFind(int count)
    {
        _parent = new List<int>(count);
        Reset(count);
    }

    /// <summary>Starts again with <paramref name="count"/> singleton sets.</summary>
    public void Reset(int count)
    {
        _parent.Clear();
        for (int i = 0; i < count; i++) _parent.Add(i);
    }

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
