using System.Buffers;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Pipeline;
using Extraction.Tagging;
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
        AddUntagged(document);
    }

    /// <summary>Confidence of an organisation this stage adds where the tagger found nothing.</summary>
    public const float AddedConfidence = 0.6f;

    /// <summary>
    /// A capitalised word that no mention covers and that the lexicon knows as an organisation or state body on its own
    /// becomes an ORG: the compound short forms and acronyms the tagger missed («Минобрнауки», «Минздрава», «ООН»). Only a
    /// word standing alone, with no capitalised word right before or after it (inside «Суд ЕС» the name is longer), of three
    /// letters or more (two-letter acronyms are ambiguous: «в РТ» is Tatarstan more often than the channel), not opening a
    /// sentence unless in capitals («Правительству пришлось…», «Ради будущего…» are ordinary words there), and not right after
    /// an opening quote (quoted names are <c>quote-check</c>'s: «Спутник» is a cinema in a list of cinemas).
    /// </summary>
    private void AddUntagged(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        // The stages before may leave the mentions out of text order: mark the covered tokens.
        var covered = ArrayPool<bool>.Shared.Rent(tokens.Count);
        try
        {
            Array.Clear(covered, 0, tokens.Count);
            foreach (var m in mentions)
            {
                var (first, end) = tokens.Covering(m.Range);
                for (int k = first; k < end; k++) covered[k] = true;
            }
            bool added = false;
            for (int t = 0; t < tokens.Count; t++)
            {
                ref readonly var token = ref tokens[t];
                if (covered[t] || token.Kind is not (TokenKind.Word or TokenKind.Abbreviation) || token.Range.Length < 3
                    || !(token.Has(TokenFlags.AllCaps) || token.Has(TokenFlags.Capitalized) && !token.Has(TokenFlags.SentenceStart))
                    || t > 0 && tokens[t - 1].Has(TokenFlags.OpenQuote)) continue;
                if (CapitalisedWord(document, t - 1) || CapitalisedWord(document, t + 1) || !Known(document, token.Range)) continue;
                mentions.Add(new Mention(token.Range, EntityType.ORG, Source, AddedConfidence));
                added = true;
            }
            foreach (var sentence in document.Sentences)
                if (Truecaser.CaseOf(document, sentence) != Truecaser.SentenceCase.Ordinary)
                    added |= AddCaseless(document, sentence, covered);
            if (added) document.SortMentions();
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(covered);
        }
    }

    /// <summary>Longest name, in words, looked for in a sentence without case distinctions.</summary>
    private const int CaselessWords = 5;

    /// <summary>
    /// In a sentence written all in capitals or all in lower case, capitals tell nothing, so the words themselves are looked
    /// up: the longest run of up to <see cref="CaselessWords"/> words no mention covers that names one organisation of the
    /// lexicon (<see cref="NamesOneOrganisation"/>: «совета федерации», «СОВЕТА БЕЗОПАСНОСТИ ООН», «минобрнауки»).
    /// </summary>
    private bool AddCaseless(Document document, in Sentence sentence, bool[] covered)
    {
        var tokens = document.Tokens;
        bool added = false;
        Span<bool> known = stackalloc bool[CaselessWords];
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            // A name is written in the lexicon's word order, so it starts with the first word of one of its names (a country
            // before a state body, «российского мида», is left to the tagger here): most tokens are passed over at once.
            if (covered[t] || !IsNameWord(document, t) || t > 0 && tokens[t - 1].Has(TokenFlags.OpenQuote)
                || !_lexicon.StartsName(document.Span(tokens[t].Range))) continue;
            int end = t;
            while (end < sentence.EndToken && end - t < CaselessWords && !covered[end] && tokens[end].Kind is TokenKind.Word or TokenKind.Abbreviation) end++;
            // Which words of the run the lexicon has; joiners count as its own.
            for (int k = t; k < end; k++) known[k - t] = !IsNameWord(document, k) || _lexicon.HasNameWord(document.Span(tokens[k].Range));
            for (int e = end; e > t; e--)
            {
                if (!IsNameWord(document, e - 1) || !LexiconShaped(known[..(e - t)])) continue;
                var range = new TextRange(tokens[t].Start, tokens[e - 1].End);
                if (!NamesOneOrganisation(document, range)) continue;
                document.Mentions.Add(new Mention(range, EntityType.ORG, Source, AddedConfidence));
                for (int k = t; k < e; k++) covered[k] = true;
                added = true;
                t = e - 1;
                break;
            }
        }
        return added;
    }

    /// <summary>
    /// A run the lexicon may know: all its words are the lexicon's, or all but a tail of one to three words, the country of a
    /// state body («следственного комитета беларуси»). Anything else cannot match, so it is not looked up.
    /// </summary>
    private static bool LexiconShaped(ReadOnlySpan<bool> known)
    {
        int tail = 0;
        while (tail < known.Length && !known[^(tail + 1)]) tail++;
        return tail <= 3 && known[..^tail].IndexOf(false) < 0;
    }

    /// <summary>Words that join the words of a name and never start or end one («совета федерации по …», «правительства и …»).</summary>
    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "и", "по", "при", "в", "во", "на", "о", "об", "для", "с", "со", "за", "к", "от", "из", "of", "the", "and", "for", "on", "in", "at",
    };

    private static bool IsNameWord(Document document, int t) =>
        document.Tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation
        && !Joiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.Span(document.Tokens[t].Range));

    /// <summary>
    /// The words name one organisation of the lexicon (an <c>org</c> row, or a state body of a named country), not a kind of
    /// body alone («министерство культуры», «правительства», «армия»: descriptions as often as names). A single word only
    /// when it is a Cyrillic compound of eight letters or more («минобрнауки», «госдепартаменте», «еврокомиссию»): shorter
    /// names collide with ordinary words once case is gone («рада», «спутник», «who», «pace»), and acronyms are the
    /// truecaser's (it spells the ones the tagger's lexicon knows in capitals before tagging).
    /// </summary>
    private bool NamesOneOrganisation(Document document, TextRange range)
    {
        var span = document.Span(range);
        if (!span.Contains(' ') && (span.Length < 8 || !CharClass.IsCyrillic(span[0]))) return false;
        var text = document.Respelt(range);
        // Words in capitals would be read as acronyms: «СОВЕТЕ ФЕДЕРАЦИИ» is matched as «совете федерации».
        if (!text.AsSpan().ContainsAnyInRange('а', 'я') && !text.AsSpan().ContainsAnyInRange('a', 'z')) text = text.ToLowerInvariant();
        // The lexicon is asked once per run: IsOrganisation's test with the key kept.
        bool cyrillic = text.AsSpan().ContainsAnyInRange('\u0400', '\u04FF');
        if (!cyrillic && !_lexicon.IsOrganisationName(text)) return false;
        var key = _lexicon.Match(text)?.Key;
        return key is not null && !key.EndsWith('@') && _gazetteer?.Find(text) is null;
    }

    private static bool CapitalisedWord(Document document, int t) =>
        t >= 0 && t < document.Tokens.Count && document.Tokens[t].Kind is TokenKind.Word or TokenKind.Abbreviation or TokenKind.Initial
        && (document.Tokens[t].Has(TokenFlags.Capitalized) || document.Tokens[t].Has(TokenFlags.AllCaps));

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
