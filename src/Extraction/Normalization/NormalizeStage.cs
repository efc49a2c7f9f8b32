using Extraction.Documents;
using Extraction.Morphology;
using Extraction.Pipeline;

namespace Extraction.Normalization;

/// <summary>Options of the <c>normalize</c> stage.</summary>
public sealed record NormalizeOptions
{
    /// <summary>Russian morphology model (relative to the models folder).</summary>
    public string Morphology { get; init; } = "ru-morph.bin";
    /// <summary>Russian first names and name gender rules (relative to the models folder).</summary>
    public string Names { get; init; } = "ru-names.bin";
}

/// <summary>
/// The <c>normalize</c> stage: sets <see cref="Mention.Normal"/> of every PER/ORG/LOC mention to its nominative,
/// canonical form (see <see cref="MentionNormalizer"/>). DATE mentions are left alone. Russian person names are read
/// in the light of the document's other person mentions («Гордона» after «Джон Гордон», see <see cref="PersonContext"/>).
/// </summary>
public sealed class NormalizeStage : IStage
{
    private readonly MentionNormalizer _normalizer;
    private readonly Func<string, EntityType, string> _normalize;
    private readonly NormalCache _cache = new();
    private readonly NormalCache _inContext = new();

    public NormalizeStage(NormalizeOptions options, StageContext context)
        : this(new MentionNormalizer(new RussianNormalizer(
            context.Cache.Get(context.ModelPath(options.Morphology, "normalize.morphology"), RussianMorphology.Load),
            context.Cache.Get(context.ModelPath(options.Names, "normalize.names"), NameRules.Load))))
    {
    }

    public NormalizeStage(MentionNormalizer normalizer)
    {
        _normalizer = normalizer;
        _normalize = normalizer.Normalize; // one delegate, not one per mention
    }

    public string Name => "normalize";
    public IReadOnlyList<string> Requires => [Layers.Entities];
    public IReadOnlyList<string> Provides => [Layers.Normal];

    // Per thread, reused from document to document (a stage serves several threads, one document at a time on each).
    [ThreadStatic] private static PersonContext? t_context;
    [ThreadStatic] private static List<(Mention Mention, string Surface)>? t_persons;

    /// <summary>Cyrillic capitals and no lower-case Cyrillic letter (cheap: most mentions fail at the second character).</summary>
    private static bool IsCapitals(ReadOnlySpan<char> text)
    {
        bool capital = false;
        foreach (var c in text)
        {
            if (c is >= 'а' and <= 'я' or 'ё') return false;
            if (c is >= 'А' and <= 'Я' or 'Ё') capital = true;
        }
        return capital;
    }

    public void Process(Document document)
    {
        var context = t_context ??= new();
        var persons = t_persons ??= [];
        context.Clear();
        persons.Clear();
        foreach (var mention in document.Mentions)
        {
            if (mention.Type == EntityType.DATE) continue;
            // A mention in a sentence written without case is read as ordinary text would spell it (НУРЛАНА ЕРМЕКБАЕВА →
            // Нурлана Ермекбаева → Нурлан Ермекбаев); the mention's text stays the original.
            string? respelt = document.Spelling is null ? null : document.Respelt(mention.Range);
            // A name in capitals in ordinary text (a dateline's «МОСКВА») is spelt as running text writes it too.
            if (mention.Type is EntityType.PER or EntityType.LOC && IsCapitals(respelt ?? document.Span(mention.Range)))
                respelt = _normalizer.SpellCapitals(respelt ?? document.Slice(mention.Range), mention.Type) ?? respelt;
            var normal = mention.Normal = _cache.Get(respelt ?? document.Span(mention.Range), mention.Type, _normalize);
            if (mention.Type != EntityType.PER || !MentionNormalizer.HasCyrillic(normal)) continue;
            var surface = respelt ?? document.Slice(mention.Range);
            context.Add(surface, normal);
            persons.Add((mention, surface));
        }
        // Person names read again in the light of the document's other person mentions: a pure function of the surface
        // and the nominatives that bear on it, memoized under both, so the context-free cache stays context-free.
        if (persons.Count >= 2)
            foreach (var (mention, surface) in persons)
            {
                if (context.For(surface, mention.Normal!) is not var (key, nominatives)) continue;
                mention.Normal = _inContext.Get(surface + "\u0001" + key, EntityType.PER, (_, type) => _normalizer.Normalize(surface, type, nominatives));
            }
        persons.Clear(); // the document's mentions and strings are not kept alive by the thread
        context.Clear();
    }
}
