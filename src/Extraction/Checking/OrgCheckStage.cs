using Extraction.Documents;
using Extraction.Linking;
using Extraction.Pipeline;
using Extraction.Tokenization;

namespace Extraction.Checking;

/// <summary>Options of the <c>org-check</c> stage.</summary>
public sealed record OrgCheckOptions
{
    /// <summary>The bilingual gazetteer (shared with the <c>link</c> stage: loaded once).</summary>
    public string Gazetteer { get; init; } = "gazetteer.bin";

    /// <summary>The organisation lexicon (shared with the <c>link</c> stage: loaded once).</summary>
    public string Lexicon { get; init; } = "org-lexicon.tsv";
}

/// <summary>
/// Retypes as ORG a tagger's place or person mention that the organisation lexicon knows as one organisation («Евросоюзе»
/// in any case form, «НАТО», «ЕС», «Xinhua») or as a state body («Минобрнауки», «МИД России») and the gazetteer does not know
/// as a place. The tagger reads such names, which stand where places stand («в Евросоюзе», «странами ЕС»), as places;
/// every corpus here annotates them as organisations. An organisation or place mention of a single Cyrillic letter is dropped.
/// </summary>
public sealed class OrgCheckStage : IStage
{
    public const string Source = "org-check";
    private readonly Gazetteer? _gazetteer;
    private readonly OrgLexicon _lexicon;

    public OrgCheckStage(OrgCheckOptions options, StageContext context)
        : this(LinkingResources.Load(context, options.Gazetteer, options.Lexicon, "org-check.options"))
    {
    }

    private OrgCheckStage(LinkingResources resources)
        : this(resources.Lexicon ?? throw new ArgumentException("org-check needs an organisation lexicon: set options.lexicon"), resources.Gazetteer)
    {
    }

    public OrgCheckStage(OrgLexicon lexicon, Gazetteer? gazetteer)
    {
        _lexicon = lexicon;
        _gazetteer = gazetteer;
    }

    public string Name => "org-check";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Entities];
    public IReadOnlyList<string> Provides => [];

    public void Process(Document document)
    {
        var mentions = document.Mentions;
        // A single Cyrillic letter names no organisation or place («буквы «М»», «пункт Б»); initials of persons stay, and so
        // do a Latin letter («X», the former Twitter) and the hard sign, which no word starts with («Ъ»: Коммерсантъ).
        mentions.RemoveAll(m => m.Type is EntityType.ORG or EntityType.LOC && m.Range.Length == 1
                                && CharClass.IsCyrillic(document.Text[m.Range.Start]) && document.Text[m.Range.Start] is not ('Ъ' or 'ъ'));
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is not (EntityType.LOC or EntityType.PER) || !Known(document, m.Range)) continue;
            mentions[i] = m.Retyped(EntityType.ORG, Source);
        }
    }

    /// <summary>Answers per name, remembered per thread (names repeat: the lexicon match costs a few allocations).</summary>
    [ThreadStatic] private static Dictionary<string, bool>? t_answers;
    [ThreadStatic] private static OrgCheckStage? t_answersOf;
    private const int AnswersKept = 50_000;

    private bool Known(Document document, TextRange range)
    {
        var answers = t_answers ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (!ReferenceEquals(t_answersOf, this) || answers.Count >= AnswersKept)
        {
            answers.Clear();
            t_answersOf = this;
        }
        if (document.Spelling is null && answers.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(document.Span(range), out bool known))
            return known;
        var text = document.Respelt(range);
        if (answers.TryGetValue(text, out known)) return known;
        known = IsOrganisation(text);
        answers[text] = known;
        return known;
    }

    /// <summary>
    /// Whether <paramref name="text"/> names an organisation or state body of the lexicon and no place of the gazetteer.
    /// Cyrillic text matches in any case form («Евросоюзе»); other text only as the lexicon writes an organisation's name:
    /// the lexicon's inflection-blind keys would take «Rosati» for «Rosatom».
    /// </summary>
    internal bool IsOrganisation(string text)
    {
        bool cyrillic = text.AsSpan().ContainsAnyInRange('\u0400', '\u04FF');
        bool known = cyrillic
            ? _lexicon.Match(text) is not null
            : _lexicon.IsOrganisationName(text);
        return known && _gazetteer?.Find(text) is null;
    }
}
