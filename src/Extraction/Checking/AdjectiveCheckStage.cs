using Extraction.Documents;
using Extraction.Morphology;
using Extraction.Pipeline;

namespace Extraction.Checking;

/// <summary>Options of the <c>adjective-check</c> stage.</summary>
public sealed record AdjectiveCheckOptions
{
    /// <summary>The Russian morphology model (shared with the <c>normalize</c> stage: loaded once).</summary>
    public string Morphology { get; init; } = "ru-morph.bin";
}

/// <summary>
/// Drops a tagger's one-word Russian person mention that is really an adjective in front of its noun: a capitalised word
/// that the dictionary reads more likely as something else than as a first name, surname or patronymic, followed by a
/// lower-case common noun that one of its adjective or participle readings agrees with in case, number and gender —
/// «Московскую конференцию», «Нобелевскую премию», «Базовым элементом» at the start of a quotation. Surnames of adjective
/// form stay when the dictionary finds them more likely surnames (Толстой, Достоевский) or when no agreeing noun follows
/// («Горький сказал»). A person mention that opens a sentence with a word the dictionary knows only as an animate common
/// noun (a title or profession: «Академик Сагдеев», «Президент Путин»), and that the document never capitalises inside a
/// sentence, starts at the name after it; a one-word person mention that is such a word is dropped («Эксперты считают»).
/// Any mention ends before lower-case words the dictionary knows only as verbs («Совета безопасности получил»).
/// </summary>
public sealed class AdjectiveCheckStage : IStage
{
    private readonly RussianMorphology _morph;

    public AdjectiveCheckStage(AdjectiveCheckOptions options, StageContext context)
        : this(context.Cache.Get(context.ModelPath(options.Morphology, "adjective-check.morphology"), RussianMorphology.Load))
    {
    }

    public AdjectiveCheckStage(RussianMorphology morphology) => _morph = morphology;

    public string Name => "adjective-check";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Entities];
    public IReadOnlyList<string> Provides => [];

    public void Process(Document document)
    {
        var tokens = document.Tokens;
        if (tokens.Count == 0) return;
        TrimTitles(document);
        TrimVerbs(document);
        t_midSentenceOf = null; // the set is the document's only while it is processed; do not keep the document alive
        t_midSentence?.Clear();
        document.Mentions.RemoveAll(m =>
        {
            if (m.Type != EntityType.PER) return false;
            int t = tokens.FirstEndingAfter(m.Range.Start);
            if (t + 1 >= tokens.Count) return false;
            ref readonly var word = ref tokens[t];
            if (word.Start != m.Range.Start || word.Range.End != m.Range.End || word.Kind != TokenKind.Word) return false;
            if (!word.Has(TokenFlags.Capitalized) || word.Has(TokenFlags.AllCaps) || !word.Has(TokenFlags.HasCyrillic)) return false;
            ref readonly var next = ref tokens[t + 1];
            if (next.Kind != TokenKind.Word || !next.Has(TokenFlags.Lower) || !next.Has(TokenFlags.HasCyrillic)) return false;
            return IsAdjectiveOf(document.Text.AsSpan(word.Start, word.Range.Length), document.Text.AsSpan(next.Start, next.Range.Length));
        });
    }

    /// <summary>
    /// A person or organisation mention of two or more words that opens a sentence with a title or profession («Академик
    /// Сагдеев», «Президент Путин», «Адмирал Военно-морских сил США»: capitalised only by the sentence start, never
    /// capitalised inside a sentence of the document) starts at the name after it; a one-word person mention that is such
    /// a word («Эксперты считают») is dropped.
    /// </summary>
    private void TrimTitles(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is not (EntityType.PER or EntityType.ORG)) continue;
            int t = tokens.FirstEndingAfter(m.Range.Start);
            if (t >= tokens.Count) continue;
            ref readonly var word = ref tokens[t];
            if (word.Start != m.Range.Start || word.Kind != TokenKind.Word || !word.Has(TokenFlags.SentenceStart)) continue;
            // An organisation keeps a one-word name (the tagger's call), and loses only a title before its name.
            if (m.Type == EntityType.ORG && word.Range.End == m.Range.End) continue;
            if (!word.Has(TokenFlags.Capitalized) || word.Has(TokenFlags.AllCaps) || !word.Has(TokenFlags.HasCyrillic)) continue;
            var text = document.Text.AsSpan(word.Start, word.Range.Length);
            if (word.Range.End == m.Range.End)
            {
                // The whole mention is such a word («Эксперты считают», «Адвокат заявил»): no person is named.
                if (IsTitle(text) && !CapitalisedInsideSentence(document, text)) mentions.RemoveAt(i--);
                continue;
            }
            if (t + 1 >= tokens.Count) continue;
            ref readonly var next = ref tokens[t + 1];
            if (next.Kind != TokenKind.Word || !next.Has(TokenFlags.Capitalized) || next.Range.End > m.Range.End) continue;
            if (!IsTitle(text) || CapitalisedInsideSentence(document, text)) continue;
            mentions[i] = new Mention(new TextRange(next.Start, m.Range.End), m.Type, m.Source, m.Confidence);
        }
    }

    /// <summary>
    /// A mention does not end in a verb: lower-case words at its end that the dictionary knows only as a finite verb, an
    /// infinitive or a gerund are cut off («секретарь Совета безопасности получил…» → «Совета безопасности»).
    /// </summary>
    private void TrimVerbs(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is not (EntityType.PER or EntityType.ORG or EntityType.LOC)) continue;
            var (first, end) = tokens.Covering(m.Range);
            int last = end - 1;
            while (last > first && tokens[last].Kind == TokenKind.Word && tokens[last].Has(TokenFlags.Lower)
                   && tokens[last].Has(TokenFlags.HasCyrillic) && IsVerbOnly(document.Span(tokens[last].Range)))
                last--;
            if (last == end - 1) continue;
            while (last > first && tokens[last].Kind != TokenKind.Word && !tokens[last].Has(TokenFlags.CloseQuote)) last--;
            mentions[i] = new Mention(new TextRange(m.Range.Start, tokens[last].End), m.Type, m.Source, m.Confidence);
        }
    }

    /// <summary>The dictionary knows <paramref name="word"/>, and only as a finite verb, an infinitive or a gerund.</summary>
    private bool IsVerbOnly(ReadOnlySpan<char> word) =>
        _morph.EveryDictionaryReading(word, static tag => tag.HasAny(Grammemes.Verb | Grammemes.Infn | Grammemes.Grnd));

    /// <summary>
    /// Per thread: the words the current document writes capitalised where no sentence starts, gathered at the document's
    /// first title candidate (one pass over its tokens), so a long document with many candidates is read once.
    /// </summary>
    [ThreadStatic] private static HashSet<string>? t_midSentence;
    [ThreadStatic] private static Document? t_midSentenceOf;

    /// <summary>Whether the document writes <paramref name="word"/> capitalised where no sentence starts («Кит Флинт» again mid-sentence: a name).</summary>
    private static bool CapitalisedInsideSentence(Document document, ReadOnlySpan<char> word)
    {
        var words = t_midSentence ??= new HashSet<string>(StringComparer.Ordinal);
        if (!ReferenceEquals(t_midSentenceOf, document))
        {
            words.Clear();
            var lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
            var tokens = document.Tokens;
            for (int k = 0; k < tokens.Count; k++)
            {
                ref readonly var t = ref tokens[k];
                if (t.Kind == TokenKind.Word && !t.Has(TokenFlags.SentenceStart) && t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.AllCaps))
                    lookup.Add(document.Text.AsSpan(t.Start, t.Range.Length));
            }
            t_midSentenceOf = document;
        }
        return words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    /// <summary>The dictionary reads <paramref name="word"/> only as an animate common noun (a title, a profession), never as a name.</summary>
    internal bool IsTitle(ReadOnlySpan<char> word) =>
        _morph.EveryDictionaryReading(word, static tag => tag.Has(Grammemes.Noun) && tag.Has(Grammemes.Anim)
            && !tag.HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr | Grammemes.Geox | Grammemes.Orgn));

    /// <summary>
    /// The dictionary knows <paramref name="word"/>, its readings as a first name, surname or patronymic are less likely
    /// than its other readings, and one adjective or participle reading agrees with a noun reading of <paramref name="noun"/>.
    /// </summary>
    internal bool IsAdjectiveOf(ReadOnlySpan<char> word, ReadOnlySpan<char> noun)
    {
        if (word.Length > RussianMorphology.MaxWordLength || noun.Length > RussianMorphology.MaxWordLength) return false;
        Span<MorphParse> readings = stackalloc MorphParse[32];
        int n = _morph.Analyse(word, readings);
        if (n == 0) return false;
        Span<MorphParse> nouns = stackalloc MorphParse[32];
        int k = _morph.Analyse(noun, nouns);
        float names = 0, others = 0;
        bool agrees = false;
        for (int i = 0; i < n; i++)
        {
            if (readings[i].IsGuess) return false;
            var tag = _morph.Tag(readings[i]);
            if (tag.HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr))
            {
                names += readings[i].Score;
                continue;
            }
            others += readings[i].Score;
            if (!tag.HasAny(Grammemes.Agreeing)) continue;
            for (int j = 0; j < k && !agrees; j++)
            {
                var nt = _morph.Tag(nouns[j]);
                agrees = !nouns[j].IsGuess && nt.HasAny(Grammemes.Noun) && !nt.HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr) && tag.AgreesWith(nt);
            }
        }
        return agrees && others > names;
    }
}
