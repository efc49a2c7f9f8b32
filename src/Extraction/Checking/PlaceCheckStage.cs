using Extraction.Documents;
using Extraction.Linking;
using Extraction.Morphology;
using Extraction.Pipeline;
using Extraction.Tokenization;

namespace Extraction.Checking;

/// <summary>Options of the <c>place-check</c> stage.</summary>
public sealed record PlaceCheckOptions
{
    /// <summary>The bilingual gazetteer (shared with the <c>link</c> stage: loaded once).</summary>
    public string Gazetteer { get; init; } = "gazetteer.bin";

    /// <summary>The Russian morphology model (shared with the <c>normalize</c> stage: loaded once).</summary>
    public string Morphology { get; init; } = "ru-morph.bin";
}

/// <summary>
/// Retypes as LOC a tagger's person mention of two or more words that, as a whole, names a country, a region or a
/// subdivision in the gazetteer (as its name keys match it, which covers the common case endings): «Объединённые Арабские
/// Эмираты», «Коста Рика», «Коста-Рике». The tagger reads such names, unknown to it word by word, as a first name and a surname. One-word mentions are
/// not looked up in the gazetteer: many surnames are also place names there (Кан, Мэдисон), and the tagger weighs the context.
/// A person mention of three or more words whose last word alone names a country is split into the person and the
/// country («после смерти Кима Чен Ира КНДР падёт»). A person mention whose words are in two scripts keeps the run in one
/// script (the document's where there is one): «цитирует ИА Regnum Минченко» → «Минченко».
/// <para>With the Russian dictionary, two more kinds of places: a one-word person mention that the dictionary knows only
/// as a place name (every reading Geox, none a first name, surname or patronymic: «Иерусалим», «Муром»), and the Sun, the
/// Moon and the planets («Луне», «Землю», «Марс»: NEREL annotates them LOCATION; the tagger saw eight of them in training
/// and reads «Луне» as a person), which a one-word person or organisation mention becomes and a capitalised word inside a
/// sentence that no mention covers is tagged as. Neither applies to a word the document also writes inside a person
/// name of two or more words («Кан Гён Хва», «Венера Петровна»).</para>
/// </summary>
public sealed class PlaceCheckStage : IStage
{
    public const string Source = "place-check";
    private readonly Gazetteer _gazetteer;
    private readonly RussianMorphology? _morph;

    /// <summary>Confidence of a place this stage adds where the tagger found nothing (a celestial body's name).</summary>
    public const float AddedConfidence = 0.6f;

    /// <summary>
    /// Lemmas of the Sun, the Moon and the planets, as the dictionary spells them (the class is closed: it exists because
    /// NEREL, the training corpus, annotates them LOCATION, not because of any one text).
    /// </summary>
    private static readonly HashSet<string> CelestialLemmas = new(StringComparer.Ordinal)
    {
        "солнце", "луна", "земля", "меркурий", "венера", "марс", "юпитер", "сатурн", "уран", "нептун", "плутон",
    };

    public PlaceCheckStage(PlaceCheckOptions options, StageContext context)
        : this(context.Cache.Get(context.ModelPath(options.Gazetteer, "place-check.gazetteer"), Gazetteer.Load),
            context.Cache.Get(context.ModelPath(options.Morphology, "place-check.morphology"), RussianMorphology.Load))
    {
    }

    public PlaceCheckStage(Gazetteer gazetteer, RussianMorphology? morphology = null)
    {
        _gazetteer = gazetteer;
        _morph = morphology;
    }

    public string Name => "place-check";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Entities];
    public IReadOnlyList<string> Provides => [];

    public void Process(Document document)
    {
        var mentions = document.Mentions;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityType.PER) continue;
            if (IsPlace(document, m.Range))
            {
                mentions[i] = m.Retyped(EntityType.LOC, Source);
                continue;
            }
            if (OneScriptPart(document, m.Range) is { } part)
            {
                // «ИА Regnum Минченко», «Хвана Чжан Епа Lenta.ru»: a name is written in one script.
                m = mentions[i] = new Mention(part, EntityType.PER, m.Source, m.Confidence);
            }
            if (TrailingCountry(document, m.Range) is not { } country) continue;
            // «Кима Чен Ира КНДР»: a person name run into the country after it (the person ends at its last word).
            int before = document.Tokens.Covering(country).First - 1;
            while (document.Tokens[before].Kind != TokenKind.Word) before--;
            var person = new TextRange(m.Range.Start, document.Tokens[before].End);
            mentions[i] = new Mention(person, EntityType.PER, m.Source, m.Confidence);
            mentions.Insert(i + 1, new Mention(country, EntityType.LOC, Source, m.Confidence));
            i++;
        }
        if (_morph is not null && document.Language == Language.Ru)
        {
            SplitEdges(document);
            AfterPlaceNouns(document);
            GeographicHeads(document);
            DictionaryPlaces(document);
        }
    }

    /// <summary>
    /// One-word person mentions the dictionary knows only as places, and celestial bodies written with a capital (see the
    /// class comment): retyped, or added where no mention covers them.
    /// </summary>
    private void DictionaryPlaces(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        HashSet<string>? personWords = null; // the words of the document's person mentions of two or more words, lower case
        bool added = false;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type is not (EntityType.PER or EntityType.ORG)) continue;
            int t = OneWord(document, m.Range);
            if (t < 0) continue;
            var word = document.Span(tokens[t].Range);
            var kind = Kind(word);
            if (!(kind == DictionaryPlace.Celestial || kind == DictionaryPlace.Geox && m.Type == EntityType.PER)) continue;
            if (InPersonName(word)) continue;
            mentions[i] = m.Retyped(EntityType.LOC, Source);
        }
        for (int k = 0; k < tokens.Count; k++)
        {
            ref readonly var tok = ref tokens[k];
            if (tok.Kind != TokenKind.Word || tok.Has(TokenFlags.SentenceStart) || !tok.Has(TokenFlags.Capitalized)
                || tok.Has(TokenFlags.AllCaps) || !tok.Has(TokenFlags.HasCyrillic) || !MayBeCelestial(document.Span(tok.Range))) continue;
            // Part of a longer name («Земля Франца-Иосифа», «Новая Земля»): the tagger's business.
            if (k > 0 && tokens[k - 1].Kind == TokenKind.Word && tokens[k - 1].Has(TokenFlags.Capitalized) && tokens[k - 1].End + 1 >= tok.Start) continue;
            if (k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Word && tokens[k + 1].Has(TokenFlags.Capitalized)) continue;
            bool covered = false; // candidates are rare: a look at every mention is cheap
            foreach (var other in mentions)
                if (other.Range.Start < tok.End && other.Range.End > tok.Start) { covered = true; break; }
            if (covered) continue;
            var word = document.Span(tok.Range);
            if (Kind(word) != DictionaryPlace.Celestial || InPersonName(word)) continue;
            mentions.Add(new Mention(tok.Range, EntityType.LOC, Source, AddedConfidence));
            added = true;
        }
        if (added) document.SortMentions();

        bool InPersonName(ReadOnlySpan<char> word)
        {
            personWords ??= PersonNameStems(document);
            return personWords.Count > 0 && personWords.Contains(Stem(word));
        }
    }

    /// <summary>The stems (<see cref="Stem"/>) of the words of the document's person mentions of two or more words.</summary>
    private static HashSet<string> PersonNameStems(Document document)
    {
        var tokens = document.Tokens;
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in document.Mentions)
        {
            if (p.Type != EntityType.PER) continue;
            var (first, end) = tokens.Covering(p.Range);
            if (Words(document, first, end) < 2) continue;
            for (int k = first; k < end; k++)
                if (tokens[k].Kind == TokenKind.Word) stems.Add(Stem(document.Span(tokens[k].Range)));
        }
        return stems;
    }

    /// <summary>
    /// Lemmas of the lower-case nouns that name a kind of place right before its name: «в городе», «графство», «реки»,
    /// «микрорайоне». In NEREL train a capitalised name right after «городе» is a place 45 times of 45, after «штата» 31
    /// of 31, after «района»/«районе» 24 of 24, after «провинции», «села», «деревни», «графства» every time.
    /// </summary>
    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "город", "село", "деревня", "посёлок", "станица", "хутор", "аул", "кишлак", "пригород", "столица", "графство",
        "округ", "район", "микрорайон", "местность", "штат", "провинция", "область", "край", "регион", "префектура",
        "коммуна", "кантон", "департамент", "уезд", "волость", "остров", "полуостров", "река", "озеро", "залив", "пролив",
        "хребет", "пустыня",
    };

    /// <summary>
    /// A person mention right after a lower-case noun of a kind of place is that place: «в графстве Эссекс», «в микрорайоне
    /// Затон», «в реке Славянка»; the document's other one-word person mentions of the same word follow («в Славянку»).
    /// Not a name that starts with a first name («мэр города Сергей Собянин»), nor one word the dictionary knows as a
    /// surname and not as a place («глава района Петров»).
    /// </summary>
    private void AfterPlaceNouns(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        HashSet<string>? places = null, personStems = null;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityType.PER) continue;
            var (first, end) = tokens.Covering(m.Range);
            if (first == 0 || tokens[first].Start != m.Range.Start || !tokens[first].Has(TokenFlags.HasCyrillic)) continue;
            ref readonly var noun = ref tokens[first - 1];
            if (noun.Kind != TokenKind.Word || !noun.Has(TokenFlags.Lower) || !noun.Has(TokenFlags.HasCyrillic)
                || noun.End + 1 < m.Range.Start || !IsPlaceNoun(document.Span(noun.Range))) continue;
            // «Пермского края Алмаз Закиев», «Партии регионов Святаш»: the noun ends a name, a title's «of …» part.
            if (first >= 2 && tokens[first - 2].Kind == TokenKind.Word && tokens[first - 2].Has(TokenFlags.Capitalized)
                && !tokens[first - 2].Has(TokenFlags.SentenceStart)) continue;
            var word = document.Span(tokens[first].Range);
            if (tokens[first].Kind != TokenKind.Word
                || (Words(document, first, end) > 1 ? !PlaceLike(document, first, end) : IsSurnameOnly(word))) continue;
            if (end - first == 1 && (personStems ??= PersonNameStems(document)).Contains(Stem(word))) continue; // «у Хиллари» after «Хиллари Клинтон»
            mentions[i] = m.Retyped(EntityType.LOC, Source);
            if (end - first == 1) (places ??= new HashSet<string>(StringComparer.Ordinal)).Add(Stem(word));
        }
        if (places is null) return;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type == EntityType.PER && OneWord(document, m.Range) is var t && t >= 0 && places.Contains(Stem(document.Span(tokens[t].Range))))
                mentions[i] = m.Retyped(EntityType.LOC, Source);
        }
    }

    /// <summary>
    /// Lemmas of the lower-case nouns that end a place name after its adjective: «Чесапикского залива», «Курильские
    /// острова», «Кировоградской области». In NEREL train a place span ending in a lower-case word ends in «области» 98
    /// times, then «района»/«районе», «края», «море», «округа», «республики», «острова»…; factRuEval spans them the same way.
    /// </summary>
    private static readonly HashSet<string> GeographicHeadLemmas = new(StringComparer.Ordinal)
    {
        "область", "край", "район", "округ", "республика", "провинция", "губерния", "автономия", "остров", "полуостров",
        "архипелаг", "море", "океан", "залив", "пролив", "бухта", "озеро", "река", "хребет", "нагорье", "плоскогорье",
        "равнина", "низменность", "долина", "пустыня", "побережье",
    };

    /// <summary>
    /// A place mention ending in a capitalised adjective takes the lower-case geographic noun right after it, which the
    /// tagger left out: «Чесапикского | залива» → «Чесапикского залива», «Курильские | острова» → «Курильские острова».
    /// </summary>
    private void GeographicHeads(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityType.LOC) continue;
            var (first, end) = tokens.Covering(m.Range);
            if (end >= tokens.Count || tokens[end - 1].End != m.Range.End) continue;
            ref readonly var last = ref tokens[end - 1];
            ref readonly var noun = ref tokens[end];
            if (last.Kind != TokenKind.Word || !last.Has(TokenFlags.Capitalized) || !Letters.HasAdjectiveEnding(document.Span(last.Range))) continue;
            // Written out: «о» is also the dictionary's abbreviation of «остров» («договорились с Пакистаном о …»).
            if (noun.Kind != TokenKind.Word || noun.Range.Length < 3 || !noun.Has(TokenFlags.Lower) || noun.Start != last.End + 1
                || noun.Sentence != last.Sentence) continue;
            if (!_morph!.HasNounLemma(document.Span(noun.Range), GeographicHeadLemmas)) continue;
            var head = noun.Range;
            if (mentions.Exists(o => o.Range.Start < head.End && head.Start < o.Range.End)) continue;
            mentions[i] = new Mention(new TextRange(m.Range.Start, head.End), EntityType.LOC, m.Source, m.Confidence);
        }
    }

    /// <summary>
    /// A person mention of two or more words may be a place name: no initial, no word with a first-name reading in the
    /// dictionary («Том Паркер», «Максим Быстров»), the last word no dictionary surname («Курмана Исмаилова»).
    /// </summary>
    private bool PlaceLike(Document document, int first, int end)
    {
        var tokens = document.Tokens;
        int last = -1;
        for (int k = first; k < end; k++)
        {
            if (tokens[k].Kind == TokenKind.Initial) return false;
            if (tokens[k].Kind != TokenKind.Word) continue;
            if (HasReading(document.Span(tokens[k].Range), Grammemes.Name)) return false;
            last = k;
        }
        return last >= 0 && !HasReading(document.Span(tokens[last].Range), Grammemes.Surn);
    }

    /// <summary>A dictionary reading of <paramref name="word"/> has <paramref name="grammeme"/> (a first name or a surname).</summary>
    private bool HasReading(ReadOnlySpan<char> word, Grammemes grammeme) =>
        (FactsOf(word) & (grammeme == Grammemes.Name ? Facts.HasName : Facts.HasSurn)) != 0;

    /// <summary>A dictionary noun reading of <paramref name="word"/> has a lemma of <see cref="PlaceNouns"/>.</summary>
    private bool IsPlaceNoun(ReadOnlySpan<char> word) => (FactsOf(word) & Facts.PlaceNoun) != 0;

    /// <summary>The dictionary knows <paramref name="word"/> as a surname and not as a place.</summary>
    private bool IsSurnameOnly(ReadOnlySpan<char> word) => (FactsOf(word) & Facts.SurnameOnly) != 0;

    /// <summary>The first four letters in lower case: «Венеры» and «Венера» alike.</summary>
    private static string Stem(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[4];
        int n = word[..Math.Min(4, word.Length)].ToLowerInvariant(lower);
        return new string(lower[..n]);
    }

    /// <summary>The token of a one-word mention, or −1.</summary>
    private static int OneWord(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        if (end - first != 1) return -1;
        ref readonly var t = ref document.Tokens[first];
        return t.Kind == TokenKind.Word && t.Range == range && t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.AllCaps)
            && t.Has(TokenFlags.HasCyrillic) ? first : -1;
    }

    private enum DictionaryPlace { None, Geox, Celestial, Orgn }

    /// <summary>A cheap look at the first letters before asking the dictionary whether a word may name a celestial body.</summary>
    private static bool MayBeCelestial(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > 9) return false;
        Span<char> head = stackalloc char[3];
        word[..3].ToLowerInvariant(head);
        return head switch
        {
            "сол" or "лун" or "зем" or "мер" or "вен" or "мар" or "юпи" or "сат" or "ура" or "неп" or "плу" => true,
            _ => false,
        };
    }

    /// <summary>
    /// What the dictionary says of a capitalised word: <see cref="DictionaryPlace.Celestial"/> when a reading is the lemma
    /// of the Sun, the Moon or a planet; <see cref="DictionaryPlace.Geox"/> when it knows the word and every reading is a
    /// place name and none a person's name; <see cref="DictionaryPlace.Orgn"/> likewise for organisations; otherwise
    /// <see cref="DictionaryPlace.None"/>.
    /// </summary>
    private DictionaryPlace Kind(ReadOnlySpan<char> word)
    {
        var facts = FactsOf(word);
        if ((facts & Facts.Celestial) != 0) return DictionaryPlace.Celestial;
        if ((facts & Facts.Known) == 0) return DictionaryPlace.None;
        return (facts & Facts.AllGeox) != 0 ? DictionaryPlace.Geox : (facts & Facts.AllOrgn) != 0 ? DictionaryPlace.Orgn : DictionaryPlace.None;
    }

    /// <summary>
    /// The dictionary reads <paramref name="word"/> mostly as one person's first name: its singular first-name readings
    /// weigh at least half of its readings («Фолькер», «Фрэнка»; not «Гён», a plural of «Гена» by ё-folding).
    /// </summary>
    private bool IsFirstName(ReadOnlySpan<char> word) => (FactsOf(word) & Facts.FirstName) != 0;

    /// <summary>What the dictionary says of a word, as far as this stage asks.</summary>
    [Flags]
    private enum Facts : ushort
    {
        None = 0,
        Known = 1, AllGeox = 2, AllOrgn = 4, Celestial = 8, FirstName = 16, SurnameOnly = 32, HasName = 64, HasSurn = 128,
        PlaceNoun = 256,
    }

    /// <summary>Per thread, the facts of the word forms seen (names and the nouns before them repeat across documents).</summary>
    [ThreadStatic] private static Dictionary<string, Facts>? t_facts;
    [ThreadStatic] private static PlaceCheckStage? t_factsOf;
    private const int FactsKept = 100_000;

    private Facts FactsOf(ReadOnlySpan<char> word)
    {
        if (word.Length > RussianMorphology.MaxWordLength) return Facts.None;
        var cache = t_facts ??= new Dictionary<string, Facts>(StringComparer.Ordinal);
        if (!ReferenceEquals(t_factsOf, this) || cache.Count >= FactsKept)
        {
            cache.Clear();
            t_factsOf = this;
        }
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var facts)) return facts;
        facts = Compute(word);
        lookup[word] = facts;
        return facts;
    }

    private Facts Compute(ReadOnlySpan<char> word)
    {
        Span<MorphParse> readings = stackalloc MorphParse[32];
        int n = _morph!.Analyse(word, readings);
        bool known = false, allGeox = true, allOrgn = true, geox = false, celestial = false, placeNoun = false;
        bool hasName = false, hasSurn = false;
        float name = 0, all = 0;
        bool mayBeCelestial = MayBeCelestial(word);
        // A place noun is written out: «с» and «у» are also the dictionary's abbreviations of «село» and «уезд».
        bool lower = word.Length >= 3 && char.IsLower(word[0]);
        for (int i = 0; i < n; i++)
        {
            if (readings[i].IsGuess) continue;
            known = true;
            var tag = _morph.Tag(readings[i]);
            all += readings[i].Score;
            bool personal = tag.HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr);
            if (!tag.Has(Grammemes.Geox) || personal) allGeox = false;
            if (!tag.Has(Grammemes.Orgn) || personal || tag.Has(Grammemes.Geox)) allOrgn = false;
            geox |= tag.Has(Grammemes.Geox);
            hasName |= tag.Has(Grammemes.Name);
            hasSurn |= tag.Has(Grammemes.Surn);
            if (tag.Has(Grammemes.Name) && tag.Has(Grammemes.Sing)) name += readings[i].Score;
            if (!tag.Has(Grammemes.Noun) || !(mayBeCelestial && !celestial || lower && !placeNoun)) continue;
            var lemma = _morph.Lemma(word, readings[i]);
            celestial |= mayBeCelestial && CelestialLemmas.Contains(lemma);
            placeNoun |= lower && PlaceNouns.Contains(lemma);
        }
        var facts = Facts.None;
        if (known) facts |= Facts.Known;
        if (known && allGeox) facts |= Facts.AllGeox;
        if (known && allOrgn) facts |= Facts.AllOrgn;
        if (celestial) facts |= Facts.Celestial;
        if (all > 0 && name >= 0.5f * all) facts |= Facts.FirstName;
        if (hasSurn && !geox) facts |= Facts.SurnameOnly;
        if (hasName) facts |= Facts.HasName;
        if (hasSurn) facts |= Facts.HasSurn;
        if (placeNoun) facts |= Facts.PlaceNoun;
        return facts;
    }

    /// <summary>
    /// Splits a place or organisation word off the edge of a person mention it ran into, when no other person mention of
    /// the document has that word: the last word when the dictionary knows it only as a place and the words before are
    /// more than a lone first name («Нетаньяху Иерусалим» → «Нетаньяху» + LOC «Иерусалим»; «Джордж Вашингтон» stays), the
    /// first word when the dictionary knows it only as a place or only as an organisation and a first name follows
    /// («Гессен Фолькер Буфье» → LOC «Гессен» + «Фолькер Буфье»; «Челси Фрэнк Лэмпард» → ORG «Челси» + «Фрэнк Лэмпард»).
    /// </summary>
    private void SplitEdges(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        Span<int> words = stackalloc int[8];
        Dictionary<string, int>? persons = null; // per word stem, how many person mentions have it
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityType.PER) continue;
            var (first, end) = tokens.Covering(m.Range);
            int n = 0;
            bool plain = true;
            for (int k = first; k < end && plain; k++)
            {
                if (tokens[k].Kind != TokenKind.Word) continue;
                if (n == words.Length || !tokens[k].Has(TokenFlags.HasCyrillic) || !tokens[k].Has(TokenFlags.Capitalized) || tokens[k].Has(TokenFlags.AllCaps)) plain = false;
                else words[n++] = k;
            }
            if (!plain || n < 2) continue;
            ref readonly var last = ref tokens[words[n - 1]];
            if (Kind(document.Span(last.Range)) == DictionaryPlace.Geox && (n > 2 || !IsFirstName(document.Span(tokens[words[0]].Range)))
                && RunInto(words[n - 2], words[n - 1]))
            {
                mentions[i] = new Mention(new TextRange(m.Range.Start, tokens[words[n - 2]].End), EntityType.PER, m.Source, m.Confidence);
                mentions.Insert(i + 1, new Mention(last.Range, EntityType.LOC, Source, m.Confidence));
                i++;
                continue;
            }
            ref readonly var head = ref tokens[words[0]];
            var kind = Kind(document.Span(head.Range));
            if (kind is not (DictionaryPlace.Geox or DictionaryPlace.Orgn) || !IsFirstName(document.Span(tokens[words[1]].Range))
                || !RunInto(words[n - 1], words[0])) continue;
            mentions[i] = new Mention(head.Range, kind == DictionaryPlace.Geox ? EntityType.LOC : EntityType.ORG, Source, m.Confidence);
            mentions.Insert(i + 1, new Mention(new TextRange(tokens[words[1]].Start, m.Range.End), EntityType.PER, m.Source, m.Confidence));
            i++;
        }

        // The place word is in no other person mention of the document: a surname that is also a city comes back with
        // its first name («Уитни Хьюстон», «Франсиско Флорес», «Харпер Ли» again and again), a run-in place does not.
        bool RunInto(int person, int place)
        {
            if (persons is null)
            {
                persons = new Dictionary<string, int>(StringComparer.Ordinal);
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var p in mentions)
                {
                    if (p.Type != EntityType.PER) continue;
                    seen.Clear();
                    var (f, e) = tokens.Covering(p.Range);
                    for (int k = f; k < e; k++)
                        if (tokens[k].Kind == TokenKind.Word && Stem(document.Span(tokens[k].Range)) is var stem && seen.Add(stem))
                            persons[stem] = persons.GetValueOrDefault(stem) + 1;
                }
            }
            return persons.GetValueOrDefault(Stem(document.Span(tokens[place].Range))) == 1
                && persons.GetValueOrDefault(Stem(document.Span(tokens[person].Range))) >= 1;
        }
    }

    /// <summary>
    /// The last word of a person mention of three or more words when, alone, it names a country of the gazetteer and is
    /// no name word the mention needs (its other words are two or more); null otherwise.
    /// </summary>
    private TextRange? TrailingCountry(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        if (end - first < 3) return null;
        ref readonly var last = ref document.Tokens[end - 1];
        if (last.Kind != TokenKind.Word) return null;
        if (Words(document, first, end - 1) < 2) return null;
        var text = document.Respelt(last.Range);
        return _gazetteer.Find(text) is { Kind: PlaceKind.Country } ? last.Range : null;
    }

    /// <summary>Whether the text of <paramref name="range"/> has two or more words and names a country, region or subdivision.</summary>
    internal bool IsPlace(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        int words = Words(document, first, end);
        var text = document.Respelt(range);
        if (words < 2 && !(words == 1 && text.AsSpan().IndexOfAny('-', '\u2010') > 0)) return false;
        return _gazetteer.Find(text) is { Kind: PlaceKind.Country or PlaceKind.Region or PlaceKind.Subdivision };
    }

    /// <summary>
    /// For a person mention whose words are in two scripts, the run of words in one script that is the person: the
    /// longest run in the document's script (Cyrillic in Russian text, Latin otherwise), else the longest, the later of
    /// two as long (a name follows the agency that is quoted), abbreviations not counted; null when the mention is in one script.
    /// </summary>
    private static TextRange? OneScriptPart(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        bool cyrillicText = document.Language == Language.Ru;
        int runStart = -1, runEnd = -1, runWords = 0;
        bool? runCyrillic = null;
        (int Start, int End, int Words, bool Cyrillic)? best = null;
        bool mixed = false;
        for (int k = first; k <= end; k++)
        {
            bool? cyrillic = null;
            if (k < end && document.Tokens[k].Kind == TokenKind.Word)
            {
                var word = document.Span(document.Tokens[k].Range);
                // A Roman numeral («Елизавета II», «Иоанн Павел II») belongs to the run it follows, in any script.
                if (!word.ContainsAnyExcept("IVXLCDM"))
                {
                    if (runCyrillic is not null) runEnd = k + 1;
                    continue;
                }
                foreach (var c in word)
                    if (char.IsLetter(c)) { cyrillic = CharClass.IsCyrillic(c); break; }
            }
            if (k < end && cyrillic is null) continue; // punctuation, digits: inside whatever run they are in
            if (k == end || cyrillic != runCyrillic)
            {
                if (runCyrillic is { } rc)
                {
                    var run = (runStart, runEnd, runWords, rc);
                    if (best is not { } b || Better(run, b)) best = run;
                }
                if (k == end) break;
                if (runCyrillic is not null) mixed = true;
                (runStart, runWords, runCyrillic) = (k, 0, cyrillic);
            }
            runEnd = k + 1;
            // An abbreviation («ИА», «РИА») names no person: it does not count towards the run.
            if (!document.Tokens[k].Has(TokenFlags.AllCaps)) runWords++;
        }
        if (!mixed || best is not { } kept) return null;
        return new TextRange(document.Tokens[kept.Start].Start, document.Tokens[kept.End - 1].End);

        bool Better((int Start, int End, int Words, bool Cyrillic) a, (int Start, int End, int Words, bool Cyrillic) b) =>
            a.Cyrillic == cyrillicText && b.Cyrillic != cyrillicText || a.Cyrillic == b.Cyrillic && a.Words >= b.Words;
    }

    /// <summary>The word tokens among tokens [<paramref name="first"/>, <paramref name="end"/>).</summary>
    private static int Words(Document document, int first, int end)
    {
        int words = 0;
        for (int k = first; k < end; k++)
            if (document.Tokens[k].Kind == TokenKind.Word) words++;
        return words;
    }
}
