using Extraction.Documents;
using Extraction.Output;

namespace Extraction.Linking;

/// <summary>
/// The baseline linker: one entity per (type, case-folded normal form), no in-document clustering and no resources;
/// ids are readable Latin slugs (<c>per:sergei-shoigu</c>), stable across runs and machines. Batch tests and benchmarks
/// use it where linking itself is not under test; <c>extract run</c> uses <see cref="CorpusLinker"/>.
/// </summary>
public sealed class SimpleCorpusLinker : ICorpusLinker
{
    private sealed class Entity(string id, EntityType type)
    {
        public string Id { get; } = id;
        public EntityType Type { get; } = type;
        public Dictionary<string, int> Forms { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Documents { get; } = new(StringComparer.Ordinal);
        public int Mentions { get; set; }
    }

    private readonly Dictionary<string, Entity> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _slugOwner = new(StringComparer.Ordinal);

    public void Add(Document document)
    {
        foreach (var m in document.Mentions)
        {
            if (m.Type == EntityType.DATE) { m.EntityId = null; continue; }
            var form = m.Normal ?? document.Slice(m.Range);
            var key = m.Type.Code() + "|" + (m.LinkKey ?? form.ToLowerInvariant().Replace('ё', 'е'));
            if (!_byKey.TryGetValue(key, out var e))
            {
                e = new Entity(UniqueSlug(m.Type, form, key), m.Type);
                _byKey[key] = e;
            }
            e.Mentions++;
            e.Documents.Add(document.Id);
            e.Forms[form] = e.Forms.GetValueOrDefault(form) + 1;
            m.EntityId = e.Id;
        }
    }

    private string UniqueSlug(EntityType type, string form, string key)
    {
        var baseId = type.Code().ToLowerInvariant() + ":" + Slug.Of(form);
        var id = baseId;
        for (int n = 2; _slugOwner.TryGetValue(id, out var owner) && owner != key; n++) id = baseId + "-" + n;
        _slugOwner[id] = key;
        return id;
    }

    public void Complete() { }

    public string Resolve(string provisionalId) => provisionalId;

    public IReadOnlyList<EntityRow> Entities() =>
        _byKey.Values
            .OrderBy(e => e.Id, StringComparer.Ordinal)
            .Select(e =>
            {
                var name = e.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
                var aliases = string.Join("|", e.Forms.Keys.Order(StringComparer.Ordinal));
                bool cyr = name.Any(Tokenization.CharClass.IsCyrillic);
                return new EntityRow(e.Id, e.Type.Code(), name, cyr ? null : name, cyr ? name : null, aliases, e.Mentions, e.Documents.Count);
            })
            .ToList();
}
