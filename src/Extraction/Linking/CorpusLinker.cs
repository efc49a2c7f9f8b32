using Extraction.Documents;
using Extraction.Output;
using Extraction.Tokenization;

namespace Extraction.Linking;

/// <summary>
/// Corpus linking: one entity per real thing across documents and languages. Each document's clusters (from the
/// <c>link</c> stage, or computed here when the stage did not run) become entities keyed by type and link key, so the
/// same normalized name is the same entity everywhere, and Russian and English names meet on their transliterated
/// skeletons, gazetteer ids and lexicon ids. <see cref="Complete"/> then joins short forms seen alone to the one full
/// name the corpus knows (a surname to the only full name containing it, an acronym to the only name it abbreviates,
/// a state body named without country to the only such body) and fixes readable, stable ids
/// (<c>per:sergei-shoigu</c>, <c>loc:kazakhstan</c>, <c>org:ministry-of-defence-of-russia</c>).
/// Keeps entity state only (names and counts), never document text.
/// </summary>
public sealed class CorpusLinker : ICorpusLinker
{
    private sealed class Entity(int index, EntityType type, string key)
    {
        public readonly int Index = index;
        public readonly EntityType Type = type;
        public readonly string Key = key;
        public readonly string ProvisionalId = "#" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        public readonly Dictionary<string, int> Forms = new(StringComparer.Ordinal);
        public readonly HashSet<string> Documents = new(StringComparer.Ordinal);
        public int Mentions;
        public string? LastDocument;
    }

    private readonly LinkingResources _resources;
    private readonly LinkingOptions _options;
    private readonly DocumentLinker _documentLinker;
    private readonly List<Entity> _entities = [];
    // One table per type: string keys hash and compare faster than (type, key) tuples.
    private readonly Dictionary<string, int>[] _byKey = [.. Enum.GetValues<EntityType>().Select(_ => new Dictionary<string, int>(StringComparer.Ordinal))];
    private readonly Dictionary<string, int> _fullNameOwner = new(StringComparer.Ordinal);
    private readonly UnionFind _sets = new(0);
    private string[] _finalIds = [];
    private List<EntityRow> _rows = [];

    public CorpusLinker(LinkingResources resources, LinkingOptions? options = null)
    {
        _resources = resources;
        _options = options ?? new LinkingOptions();
        _documentLinker = new DocumentLinker(resources);
    }

    public void Add(Document document)
    {
        bool clustered = true;
        foreach (var m in document.Mentions)
            if (m.Type != EntityType.DATE && m.LinkKey is null) { clustered = false; break; }
        if (!clustered) _documentLinker.Link(document);

        _documentKeys.Clear();
        foreach (var m in document.Mentions)
        {
            if (m.Type == EntityType.DATE || m.LinkKey is null) { m.EntityId = null; continue; }
            var e = _entities[IndexOf(m.Type, m.LinkKey)];
            var form = m.Normal is { } normal ? normal.AsSpan() : document.Span(m.Range);
            var forms = e.Forms.GetAlternateLookup<ReadOnlySpan<char>>();
            forms[form] = forms.TryGetValue(form, out var n) ? n + 1 : 1;
            if (e.LastDocument != document.Id)
            {
                e.LastDocument = document.Id;
                e.Documents.Add(document.Id);
            }
            e.Mentions++;
            m.EntityId = e.ProvisionalId;
        }
        JoinFullNameVariants(document);
    }

    /// <summary>
    /// The entity of a link key, created when new. The mentions of one in-document cluster share their key's string,
    /// so the document's keys seen so far are tried by reference before the corpus table (which hashes the key).
    /// </summary>
    private int IndexOf(EntityType type, string key)
    {
        foreach (var (seen, seenType, seenIndex) in _documentKeys)
            if (ReferenceEquals(seen, key) && seenType == type) return seenIndex;
        var table = _byKey[(int)type];
        if (!table.TryGetValue(key, out var index))
        {
            index = _entities.Count;
            _entities.Add(new Entity(index, type, key));
            table[key] = index;
            _sets.Add();
        }
        if (_documentKeys.Count < MaxDocumentKeys) _documentKeys.Add((key, type, index));
        return index;
    }

    // IndexOf's keys of the current document; a short list, searched linearly.
    private const int MaxDocumentKeys = 32;
    private readonly List<(string Key, EntityType Type, int Index)> _documentKeys = new(MaxDocumentKeys);

    /// <summary>
    /// Every full-length spelling of a person inside one cluster names that person: "Борис Донсон" next to
    /// "Борис Джонсон" keeps documents that only spell it one way together.
    /// </summary>
    private void JoinFullNameVariants(Document document)
    {
        // Per person cluster of the document, in order of first mention: the longest names (most words) it has.
        var slots = _clusterSlots;
        var longest = _longestNames;
        slots.Clear();
        foreach (var m in document.Mentions)
        {
            if (m.Type != EntityType.PER || m.EntityId is null) continue;
            var name = _documentLinker.Analyze(EntityType.PER, m.Normal is { } normal ? normal : document.Span(m.Range));
            int words = name.Form.Words.Count;
            if (!slots.TryGetValue(m.EntityId, out var slot))
            {
                slot = slots.Count;
                slots[m.EntityId] = slot;
                if (slot == longest.Count) longest.Add((0, []));
                longest[slot] = (0, longest[slot].Names);
                longest[slot].Names.Clear();
            }
            var (most, names) = longest[slot];
            if (words > most)
            {
                names.Clear();
                names.Add(name);
                longest[slot] = (words, names);
            }
            else if (words == most && !HasForm(names, name.Form)) names.Add(name);
        }
        foreach (var (id, slot) in slots)
        {
            var (words, names) = longest[slot];
            if (words < 2) continue;
            int entity = int.Parse(id.AsSpan(1), provider: System.Globalization.CultureInfo.InvariantCulture);
            // A person name's link key is its name key (no resource gives persons one), computed once with its analysis.
            foreach (var name in names)
            {
                if (_fullNameOwner.TryGetValue(name.LinkKey, out var owner)) _sets.Union(owner, entity);
                else _fullNameOwner[name.LinkKey] = entity;
            }
        }
        for (int k = 0; k < slots.Count; k++) longest[k].Names.Clear();
        slots.Clear();

        static bool HasForm(List<DocumentLinker.Analysis> names, NameForm form)
        {
            foreach (var n in names) if (ReferenceEquals(n.Form, form)) return true;
            return false;
        }
    }

    // JoinFullNameVariants' working storage, reused from document to document.
    private readonly Dictionary<string, int> _clusterSlots = new(StringComparer.Ordinal);
    private readonly List<(int Words, List<DocumentLinker.Analysis> Names)> _longestNames = [];

    public void Complete()
    {
        if (_options.ShortForms) JoinShortForms();
        BuildRows();
    }

    public string Resolve(string provisionalId) =>
        provisionalId.Length > 1 && provisionalId[0] == '#' && int.TryParse(provisionalId.AsSpan(1), out var i) && i < _finalIds.Length
            ? _finalIds[i]
            : provisionalId;

    public IReadOnlyList<EntityRow> Entities() => _rows;

    // ---- joining short forms ----

    private static string[] NameWords(Entity e) => e.Key[(e.Key.IndexOf(':') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private void JoinShortForms()
    {
        // Persons: a name whose words are all inside longer names joins them when those all belong to one person.
        // A mention of several people («Тамерлан и Джохар Царнаевы») has all their words but is none of them.
        var persons = _entities.Where(e => e.Type == EntityType.PER && e.Key.StartsWith("PER:", StringComparison.Ordinal)
                                           && !DocumentLinker.NamesSeveralPeople(BestForm(e)))
            .Select(e => (Entity: e, Words: NameWords(e))).ToList();
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int p = 0; p < persons.Count; p++)
            foreach (var w in persons[p].Words.Distinct())
                (byWord.TryGetValue(w, out var l) ? l : byWord[w] = []).Add(p);
        // Longer short forms first, so "Sergei Shoigu" joins "Sergei Kuzhugetovich Shoigu" (and "S. Shoigu" joins "Sergei
        // Shoigu") before "Shoigu" looks for a unique owner.
        foreach (var p in Enumerable.Range(0, persons.Count)
            .OrderByDescending(p => persons[p].Words.Length).ThenBy(p => persons[p].Words.Count(NameForm.IsInitial)).ThenBy(p => p))
        {
            var words = persons[p].Words;
            var anchor = words.FirstOrDefault(w => !NameForm.IsInitial(w));
            if (anchor is null || !byWord.TryGetValue(anchor, out var pool)) continue;
            var roots = pool.Where(q => MoreComplete(persons[q].Words, words) && Contains(persons[q].Words, words))
                .Select(q => _sets.Find(persons[q].Entity.Index)).Distinct().ToList();
            if (roots.Count == 1) _sets.Union(persons[p].Entity.Index, roots[0]);
        }

        // Persons spelt one letter apart in one word of a full name ("Мамнун Хусейн" / "Мамнул Хусейн"), when only one
        // such person exists.
        foreach (var p in Enumerable.Range(0, persons.Count))
        {
            var words = persons[p].Words;
            if (words.Length < 2) continue;
            var roots = words.Where(w => !NameForm.IsInitial(w)).SelectMany(w => byWord[w]).Distinct()
                .Where(q => q != p && persons[q].Words.Length == words.Length && OneEditApart(words, persons[q].Words))
                .Select(q => _sets.Find(persons[q].Entity.Index)).Where(r => r != _sets.Find(persons[p].Entity.Index)).Distinct().ToList();
            if (roots.Count == 1) _sets.Union(persons[p].Entity.Index, roots[0]);
        }

        // Organisations and places: an acronym or compound short name joins the only full name it abbreviates.
        // Full names are indexed by their first letter (acronyms) and first two letters (compounds) to keep this linear.
        var names = _entities.Where(e => e.Type is EntityType.ORG or EntityType.LOC && e.Key.StartsWith(e.Type.Code() + ":", StringComparison.Ordinal))
            .Select(e => (Entity: e, Form: new NameForm(BestForm(e), e.Type))).ToList();
        var byStart = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            var f = names[i].Form;
            if (f.Words.Count < 2) continue;
            var w = f.Words[0].ToLowerInvariant();
            foreach (var k in new[] { w[..1], w[..Math.Min(2, w.Length)] }.Distinct())
                (byStart.TryGetValue(k, out var l) ? l : byStart[k] = []).Add(i);
        }
        foreach (var (e, form) in names)
        {
            if (!form.HeadIsAcronym && form.Words.Count > 1) continue;
            var head = form.Words[0].ToLowerInvariant();
            var start = form.HeadIsAcronym ? head[..1] : head[..Math.Min(2, head.Length)];
            if (!byStart.TryGetValue(start, out var pool)) continue;
            var roots = pool.Where(o => names[o].Entity.Type == e.Type && names[o].Entity != e && form.Abbreviates(names[o].Form))
                .Select(o => _sets.Find(names[o].Entity.Index)).Distinct().ToList();
            if (roots.Count == 1) _sets.Union(e.Index, roots[0]);
        }

        // State bodies named without a country: the only body of that kind the corpus knows.
        foreach (var e in _entities)
        {
            if (!e.Key.StartsWith("body:", StringComparison.Ordinal) || !e.Key.EndsWith('@')) continue;
            var roots = _entities.Where(o => o.Type == e.Type && o.Key.Length > e.Key.Length && o.Key.StartsWith(e.Key, StringComparison.Ordinal))
                .Select(o => _sets.Find(o.Index)).Distinct().ToList();
            if (roots.Count == 1) _sets.Union(e.Index, roots[0]);
        }
    }

    /// <summary>More words, or as many with fewer initials ("Boris Johnson" completes "B. Johnson").</summary>
    private static bool MoreComplete(string[] a, string[] b) =>
        a.Length > b.Length || (a.Length == b.Length && a.Count(NameForm.IsInitial) < b.Count(NameForm.IsInitial));

    /// <summary>Every word of <paramref name="shorter"/> is in <paramref name="longer"/>; an initial matches a word it begins.</summary>
    private static bool Contains(string[] longer, string[] shorter)
    {
        foreach (var w in shorter)
        {
            bool found = NameForm.IsInitial(w)
                ? longer.Any(l => l.Length > 1 && l[0] == w[0])
                : Array.IndexOf(longer, w) >= 0;
            if (!found) return false;
        }
        return true;
    }

    /// <summary>Two sorted word lists equal but for one edit in one word of at least four letters.</summary>
    private static bool OneEditApart(string[] a, string[] b)
    {
        int differing = -1;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            if (differing >= 0) return false;
            differing = i;
        }
        return differing >= 0 && Math.Min(a[differing].Length, b[differing].Length) >= 4 && NameKey.Distance(a[differing], b[differing], 1) <= 1;
    }

    private static string BestForm(Entity e) =>
        e.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;

    // ---- rows and ids ----

    private void BuildRows()
    {
        var groups = _entities.GroupBy(e => _sets.Find(e.Index)).OrderBy(g => g.Key).ToList();
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        _finalIds = new string[_entities.Count];
        var rows = new List<EntityRow>(groups.Count);
        foreach (var g in groups)
        {
            var members = g.ToList();
            var type = members[0].Type;
            // Most entities are one key: their forms and documents are used as they are, not merged into copies.
            var forms = members.Count == 1 ? members[0].Forms : new Dictionary<string, int>(StringComparer.Ordinal);
            if (members.Count > 1)
                foreach (var m in members)
                    foreach (var (f, n) in m.Forms)
                        forms[f] = forms.GetValueOrDefault(f) + n;
            var order = forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
            var ranked = order.Select(f => f.Key).ToList();
            var name = ranked[0];
            // A person is described by the fullest of the names the corpus uses at least a tenth as often as its commonest,
            // so that one misread mention («министр по вопросам Брексит Дэвид Дэвис» read as one person) does not name it.
            var common = order.TakeWhile(f => f.Value * 10 >= order[0].Value).Select(f => f.Key).ToList();
            var (nameEn, nameRu, wikidata, slug) = Describe(type, members, ranked, common);

            var baseId = type.Code().ToLowerInvariant() + ":" + slug;
            var id = baseId;
            if (taken.TryGetValue(baseId, out var n2))
            {
                taken[baseId] = n2 + 1;
                id = baseId + "-" + (n2 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else taken[baseId] = 1;
            foreach (var m in members) _finalIds[m.Index] = id;

            int documents = members[0].Documents.Count;
            if (members.Count > 1)
            {
                var union = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in members) union.UnionWith(m.Documents);
                documents = union.Count;
            }
            rows.Add(new EntityRow(id, type.Code(), name, nameEn, nameRu, string.Join("|", forms.Keys.Order(StringComparer.Ordinal)),
                members.Sum(m => m.Mentions), documents, wikidata));
        }
        rows.Sort((a, b) => string.CompareOrdinal(a.EntityId, b.EntityId));
        _rows = rows;
    }

    /// <summary>English and Russian names, Wikidata id and id slug of an entity, from the resources or from its forms.</summary>
    private (string? En, string? Ru, string? Wikidata, string Slug) Describe(EntityType type, List<Entity> members, List<string> ranked, List<string> common)
    {
        var en = ranked.FirstOrDefault(f => !HasCyrillic(f));
        var ru = ranked.FirstOrDefault(HasCyrillic);
        // A resource key names the entity (a body with its country before one without).
        IEnumerable<string> keys = members.Count == 1 ? [members[0].Key]
            : members.Select(m => m.Key).OrderBy(k => k.EndsWith('@') ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.StartsWith("gaz:", StringComparison.Ordinal) && _resources.Gazetteer?.ById(key[4..]) is { } place)
                return (place.NameEn, place.NameRu ?? ru, place.Wikidata, Slug.Of(place.NameEn));
            if (_resources.Lexicon?.ByKey(key) is { } org)
                return (org.NameEn, org.NameRu, org.Wikidata, org.Slug);
        }
        if (type == EntityType.PER)
        {
            // The fullest common name (the first of the most words); English spelling when seen, else the Russian name transliterated.
            string? fullest = null, enFull = null, ruFull = null;
            int most = -1, mostEn = -1, mostRu = -1;
            foreach (var f in common)
            {
                int words = NameKey.WordCount(f);
                if (words > most) (fullest, most) = (f, words);
                if (HasCyrillic(f)) { if (words > mostRu) (ruFull, mostRu) = (f, words); }
                else if (words > mostEn) (enFull, mostEn) = (f, words);
            }
            // A rarer English spelling of the same name beats a transliteration: as many words, one of them the same
            // («Asia Bibi» beside many «Асия Биби», «Lennart Johansson» beside «Леннарт Юханссон»).
            if (enFull is null && ruFull is not null)
            {
                var words = NameKey.Words(ruFull).Select(x => NameKey.Word(x)).ToHashSet(StringComparer.Ordinal);
                enFull = ranked.FirstOrDefault(f => !HasCyrillic(f) && NameKey.Words(f) is var w && w.Count == words.Count && w.Any(x => words.Contains(NameKey.Word(x))));
            }
            if (enFull is null && ruFull is not null && _resources.Gazetteer?.Scheme(_options.NameScheme) is { } scheme)
                enFull = scheme.Transliterate(ruFull);
            return (enFull ?? en, ruFull ?? ru, null, Slug.Of(enFull ?? fullest!));
        }
        return (en, ru, null, Slug.Of(en ?? ranked[0]));
    }

    private static bool HasCyrillic(string s)
    {
        foreach (var c in s) if (CharClass.IsCyrillic(c)) return true;
        return false;
    }
}
