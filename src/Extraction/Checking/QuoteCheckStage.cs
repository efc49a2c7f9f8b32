using Extraction.Documents;
using Extraction.Morphology;
using Extraction.Pipeline;

namespace Extraction.Checking;

/// <summary>Options of the <c>quote-check</c> stage.</summary>
public sealed record QuoteCheckOptions
{
    /// <summary>The Russian morphology model (shared with the <c>normalize</c> stage: loaded once).</summary>
    public string Morphology { get; init; } = "ru-morph.bin";
}

/// <summary>
/// Reads what kind of thing a quoted name in Russian text is from the noun in front of the quotes. Drops a tagger's
/// person, organisation or place mention that starts the quoted name of a work, an
/// award, a law, a contest, a vehicle or a product: the common noun in front of the opening quote says what kind of thing
/// the quotes name — «фильма «Доктор Лиза»», «на шаттле «Дискавери»», «торговыми марками «Раундап»», «картины
/// «Печки-лавочки»». A list of quoted names after one such noun is read the same way («в кинофильмах «Звезда», «Космос» и
/// «Юность»»). The nouns are the kinds whose quoted names NEREL (the training corpus) annotates as works, awards, laws,
/// events or products, not as persons, organisations or places (see <see cref="KindLemmas"/>). The tagger has the word
/// before an opening quote as a feature, but a quoted capitalised word it has never seen («Раундап») still reads as an
/// organisation. The stage runs after <c>repeat-check</c>, which may repeat a person into a title («Доктор» of «Доктор Лиза»).
/// The other way round, a quoted name after a noun of an organisation kind («партии», «группы», «предприятия», «ООО») is
/// an organisation (see <see cref="OrganisationLemmas"/>), and so is a name in Latin script right after such a noun,
/// quoted or not («концерн Bayer»).
/// </summary>
public sealed class QuoteCheckStage : IStage
{
    private readonly RussianMorphology _morph;

    /// <summary>
    /// Lemmas of the nouns in front of quotes whose quoted names are not persons, organisations or places. Taken from NEREL
    /// train: nouns before an opening quote whose quoted spans NEREL annotates as PERSON/ORGANIZATION/place types in at most
    /// one case in ten (фильм 2 of 48, премия 2 of 26, сериал 1 of 13, выставка 1 of 12; закон, орден, конкурс, спектакль,
    /// номинация, роман, картина, награда, корабль, кинофестиваль, титул, песня, самолёт, указ: none), with the other
    /// nouns of the same kinds (works, awards, vehicles, products) that the corpus has too few of to count.
    /// Kinds whose quoted names are often organisations are not here: газета, журнал, агентство, компания, программа,
    /// телеканал, фестиваль, театр.
    /// </summary>
    internal static readonly HashSet<string> KindLemmas = new(StringComparer.Ordinal)
    {
        // works
        "фильм", "кинофильм", "мультфильм", "кинокартина", "картина", "сериал", "роман", "повесть", "рассказ", "книга",
        "поэма", "стихотворение", "спектакль", "пьеса", "опера", "балет", "мюзикл", "альбом", "песня", "сингл", "трек",
        "клип", "сочинение", "произведение", "симфония",
        // awards, titles, laws, contests
        "премия", "награда", "орден", "медаль", "номинация", "титул", "закон", "законопроект", "указ", "конкурс", "турнир",
        "кинофестиваль",
        // vehicles and products
        "корабль", "шаттл", "ракета", "самолёт", "истребитель", "автомобиль", "препарат", "марка",
    };

    public QuoteCheckStage(QuoteCheckOptions options, StageContext context)
        : this(context.Cache.Get(context.ModelPath(options.Morphology, "quote-check.morphology"), RussianMorphology.Load))
    {
    }

    public QuoteCheckStage(RussianMorphology morphology) => _morph = morphology;

    public string Name => "quote-check";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Entities];
    public IReadOnlyList<string> Provides => [];

    public void Process(Document document)
    {
        if (document.Language != Language.Ru) return;
        var tokens = document.Tokens;
        if (document.Mentions.Count > 0)
            document.Mentions.RemoveAll(m =>
            {
                if (m.Type is not (EntityType.PER or EntityType.ORG or EntityType.LOC)) return false;
                int first = tokens.FirstEndingAfter(m.Range.Start);
                if (first <= 0 || first >= tokens.Count || tokens[first].Start != m.Range.Start) return false;
                int open = first - 1;
                if (!tokens[open].Has(TokenFlags.OpenQuote) || tokens[open].End != m.Range.Start) return false;
                return Closing(document, open, int.MaxValue) is var close && close >= 0 && tokens[close].Start >= m.Range.End
                    && HeadOf(document, open) is var head && head >= 0 && IsKind(document.Span(tokens[head].Range));
            });
        Organisations(document);
        LatinNames(document);
        Events(document);
    }

    /// <summary>
    /// Lemmas of the head nouns of events' names. In NEREL train a capitalised span led by one of these (after its
    /// adjectives) is an EVENT, an AWARD or a work, never an ORGANIZATION: «Олимпийские игры» 25 times, «Олимпиада» 34,
    /// «Каннского фестиваля» 14, «Кубка Стэнли» 11, «Бостонского марафона», «Чемпионат мира», «Церемония открытия».
    /// Not «конференция» («Восточной конференции НБА» is an organisation there) nor «форум», «ассамблея».
    /// </summary>
    private static readonly HashSet<string> EventLemmas = new(StringComparer.Ordinal)
    {
        "игра", "олимпиада", "фестиваль", "кинофестиваль", "чемпионат", "первенство", "марафон", "кубок", "матч", "церемония",
        "выставка", "конкурс", "турнир", "съезд", "биеннале", "концерт",
    };

    /// <summary>
    /// An organisation mention whose head noun, after any adjectives and numbers, names a kind of event is the event's
    /// name, not an organisation's: «Международных армейских играх», «Уфимского международного марафона», «XIV Кубка
    /// мира»; it is dropped.
    /// </summary>
    private void Events(Document document)
    {
        var tokens = document.Tokens;
        document.Mentions.RemoveAll(m =>
        {
            if (m.Type != EntityType.ORG) return false;
            var (first, end) = tokens.Covering(m.Range);
            for (int k = first; k < end; k++)
            {
                ref readonly var t = ref tokens[k];
                var word = document.Span(t.Range);
                if (t.Kind is TokenKind.Number or TokenKind.Punctuation || word.IndexOfAnyExcept("IVXLC") < 0) continue; // «XIV»
                if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.HasCyrillic)) return false;
                if (word.Length >= 4 && _morph.HasNounLemma(word, EventLemmas)) return true;
                if (!Letters.HasAdjectiveEnding(word)) return false; // the head is another noun
            }
            return false;
        });
    }

    /// <summary>
    /// Lemmas of the nouns in front of quotes whose quoted names are organisations: NEREL train annotates the quoted name
    /// after «партии» as ORGANIZATION 33 times of 33, after «группы» 14 of 14, «движения» 10 of 10, «компании» 9 of 9,
    /// «клуб» 9 of 9, «банка», «телеканала», «организации», «газете», «холдинга», «агентство» every time, «клуба» 12 of
    /// 13, «газета» 11 of 12; with the other words of those kinds.
    /// </summary>
    internal static readonly HashSet<string> OrganisationLemmas = new(StringComparer.Ordinal)
    {
        "партия", "группа", "движение", "компания", "клуб", "банк", "телеканал", "телекомпания", "радиостанция",
        "организация", "газета", "журнал", "издание", "холдинг", "концерн", "корпорация", "фонд", "агентство",
        "предприятие", "фирма", "объединение", "ассоциация", "коллектив",
    };
    // Not «сеть» («сети «Интернет»») nor «ансамбль» («архитектурный ансамбль «Могила Неизвестного солдата»»): each names
    // other things as often.

    /// <summary>
    /// Legal forms written before a quoted company name: the name in the quotes is an organisation («ООО "МНКТ"» →
    /// «МНКТ»). NEREL's span takes the legal form and the quotes in; the mention here does not, so that «ОАО «Газпром»»
    /// and «Газпром» link as one organisation (NEREL dev names-only micro F1 .9043 with them in, .9027 without; factRuEval
    /// devset, which leaves them out, strict ORG .718 and .723).
    /// </summary>
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ООО", "ЗАО", "ОАО", "ПАО", "АО", "НАО", "ТОО", "ГУП", "ФГУП", "МУП", "АНО", "НКО", "ЧОП", "РГТРК", "ФГБУ", "ГБУ",
    };

    /// <summary>
    /// Quoted names after a noun of an organisation kind («партии «Единая Россия»», «группы «Цветы»», «предприятия
    /// «Уральская сталь», «Оскольский электрометаллургический комбинат» и «УралМетКом»») are organisations: tagged when
    /// the tagger left them, retyped when it called the whole name a person or place; so are quoted names after a legal
    /// form («ООО "МНКТ"»).
    /// </summary>
    private void Organisations(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        bool added = false;
        for (int open = 1; open < tokens.Count - 2; open++)
        {
            if (!tokens[open].Has(TokenFlags.OpenQuote) || document.Text[tokens[open].Start] is '(' or '[' or '{') continue;
            ref readonly var first = ref tokens[open + 1];
            if (first.Kind != TokenKind.Word || !first.Has(TokenFlags.Capitalized) || first.Start != tokens[open].End) continue;
            int close = Closing(document, open);
            if (close < 0) continue;
            int head = HeadOf(document, open);
            if (head < 0) continue;
            var headText = document.Span(tokens[head].Range);
            bool legal = head == open - 1 && LegalForms.GetAlternateLookup<ReadOnlySpan<char>>().Contains(headText);
            if (!legal && !IsOrganisationKind(headText)) continue;
            var range = new TextRange(first.Start, tokens[close - 1].End);
            if (range.Length < 2) continue; // «группы «Б»»: a letter names no organisation (see org-check)
            added |= MakeOrganisation(mentions, range) == Made.Added;
            open = close;
        }
        if (added) document.SortMentions();
    }

    private enum Made { None, Added, Retyped }

    /// <summary>
    /// Makes <paramref name="range"/> an organisation: added when no mention overlaps it, retyped when one person or place
    /// mention has exactly its range; left alone otherwise (the tagger read the words another way).
    /// </summary>
    private static Made MakeOrganisation(List<Mention> mentions, TextRange range)
    {
        int overlapping = -1, count = 0;
        for (int i = 0; i < mentions.Count; i++)
            if (mentions[i].Range.Start < range.End && mentions[i].Range.End > range.Start) { overlapping = i; count++; }
        if (count == 0)
        {
            mentions.Add(new Mention(range, EntityType.ORG, Source, AddedConfidence));
            return Made.Added;
        }
        if (count == 1 && mentions[overlapping].Range == range && mentions[overlapping].Type is EntityType.PER or EntityType.LOC)
        {
            mentions[overlapping] = mentions[overlapping].Retyped(EntityType.ORG, Source);
            return Made.Retyped;
        }
        return Made.None;
    }

    /// <summary>
    /// A name in Latin script right after a lower-case noun of an organisation kind is an organisation: «концерн Bayer»,
    /// «агентства Associated Press», «группы Pussy Riot», «изданию Il Fatto Quotidiano» (NEREL train: 157 of 161 such names
    /// are ORGANIZATION; the others are single letters, «группе E.»). The name runs over capitalised Latin words, with short
    /// lower-case joiners between them («Bank of America»); its other occurrences in the document, which no mention covers,
    /// become organisations too («…акции Bayer упали»).
    /// </summary>
    private void LatinNames(Document document)
    {
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        HashSet<string>? names = null;
        bool added = false;
        var all = tokens.AsSpan();
        for (int head = 0; head < all.Length - 1; head++)
        {
            // Most tokens fail here: the next one is no Latin word.
            if ((all[head + 1].Flags & TokenFlags.HasLatin) == 0) continue;
            ref readonly var noun = ref all[head];
            if (noun.Kind != TokenKind.Word || !noun.Has(TokenFlags.Lower) || !noun.Has(TokenFlags.HasCyrillic)) continue;
            int end = LatinNameEnd(document, head + 1);
            if (end < 0 || !IsOrganisationKind(document.Span(noun.Range))) continue;
            var range = new TextRange(tokens[head + 1].Start, tokens[end - 1].End);
            var made = MakeOrganisation(mentions, range);
            if (made == Made.None) continue;
            added |= made == Made.Added;
            (names ??= new HashSet<string>(StringComparer.Ordinal)).Add(document.Slice(range));
            head = end - 1;
        }
        if (names is not null)
            for (int t = 0; t < tokens.Count; t++)
            {
                if ((all[t].Flags & TokenFlags.HasLatin) == 0) continue;
                int end = LatinNameEnd(document, t);
                if (end < 0 || t > 0 && tokens[t - 1].Has(TokenFlags.HasLatin) && tokens[t - 1].End + 1 >= tokens[t].Start) continue;
                var range = new TextRange(tokens[t].Start, tokens[end - 1].End);
                if (names.GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.Span(range)) && MakeOrganisation(mentions, range) == Made.Added)
                    added = true;
                t = end - 1;
            }
        if (added) document.SortMentions();
    }

    /// <summary>Short lower-case Latin words inside a name («Bank of America», «Banco de España»).</summary>
    private static readonly HashSet<string> LatinJoiners = new(StringComparer.Ordinal) { "of", "de", "del", "la", "le", "du", "der", "di", "and", "&", "y", "et" };

    /// <summary>
    /// The end of a Latin-script name starting at token <paramref name="t"/>, right after a single space: capitalised Latin
    /// words (the first of two letters or more) joined by single spaces, <see cref="LatinJoiners"/> or a glued dot («Leave.EU»);
    /// −1 when none starts there.
    /// </summary>
    private static int LatinNameEnd(Document document, int t)
    {
        var tokens = document.Tokens;
        if (t <= 0 || t >= tokens.Count || tokens[t].Start != tokens[t - 1].End + 1 || !IsLatinName(tokens[t]) || tokens[t].Range.Length < 2) return -1;
        int end = t + 1;
        while (end < tokens.Count)
        {
            // «Leave.EU», «Gzt.Ru»: a dot glued between two Latin words belongs to the name.
            if (end + 1 < tokens.Count && tokens[end].Start == tokens[end - 1].End && document.Text[tokens[end].Start] == '.'
                && tokens[end].Range.Length == 1 && tokens[end + 1].Start == tokens[end].End && IsLatinName(tokens[end + 1]))
            {
                end += 2;
                continue;
            }
            if (tokens[end].Start != tokens[end - 1].End + 1) break;
            if (IsLatinName(tokens[end])) { end++; continue; }
            if (end + 1 < tokens.Count && LatinJoiners.GetAlternateLookup<ReadOnlySpan<char>>().Contains(document.Span(tokens[end].Range))
                && tokens[end + 1].Start == tokens[end].End + 1 && IsLatinName(tokens[end + 1]))
            {
                end += 2;
                continue;
            }
            break;
        }
        return end;
    }

    private static bool IsLatinName(in Token token) =>
        token.Kind is TokenKind.Word or TokenKind.Abbreviation && token.Has(TokenFlags.HasLatin) && !token.Has(TokenFlags.HasCyrillic)
        && (token.Has(TokenFlags.Capitalized) || token.Has(TokenFlags.AllCaps));

    public const string Source = "quote-check";

    /// <summary>Confidence of an organisation this stage adds where the tagger found nothing.</summary>
    public const float AddedConfidence = 0.6f;

    /// <summary>
    /// The closing quote of the quoted name opening at <paramref name="open"/>: in its sentence, at most
    /// <paramref name="maxTokens"/> tokens on, with a token inside and no quote opening between; −1 otherwise.
    /// </summary>
    private static int Closing(Document document, int open, int maxTokens = 10)
    {
        var tokens = document.Tokens;
        int sentence = tokens[open].Sentence;
        for (int k = open + 1; k < tokens.Count && k - open <= maxTokens && tokens[k].Sentence == sentence; k++)
        {
            if (tokens[k].Has(TokenFlags.CloseQuote)) return k - open >= 2 ? k : -1;
            if (tokens[k].Has(TokenFlags.OpenQuote)) return -1;
        }
        return -1;
    }

    /// <summary>A dictionary noun reading of <paramref name="word"/> has a lemma of <see cref="OrganisationLemmas"/>.</summary>
    internal bool IsOrganisationKind(ReadOnlySpan<char> word) => word.Length >= 3 && _morph.HasNounLemma(word, OrganisationLemmas);

    /// <summary>
    /// The word in front of the opening quote at <paramref name="open"/> that says what the quotes name: the word right
    /// before it, or the one before a list of quoted names ending with this one («…», «…» и «…»); −1 when there is none
    /// (a capitalised word inside a sentence is a name, not a kind).
    /// </summary>
    private static int HeadOf(Document document, int open)
    {
        var tokens = document.Tokens;
        for (int items = 0; items < 12; items++)
        {
            int h = open - 1;
            if (h < 0 || tokens[h].Sentence != tokens[open].Sentence) return -1;
            ref readonly var head = ref tokens[h];
            var text = document.Span(head.Range);
            if (head.Kind == TokenKind.Word && !(text is "и" or "или"))
                return head.Has(TokenFlags.HasCyrillic) && (!head.Has(TokenFlags.Capitalized) || head.Has(TokenFlags.SentenceStart) || head.Has(TokenFlags.AllCaps)) ? h : -1;
            // «…», «…» и «…»: step over the separator and the quoted name before it to that name's opening quote.
            if (!(text is "," or "и" or "или")) return -1;
            int close = h - 1;
            if (close < 0 || !tokens[close].Has(TokenFlags.CloseQuote)) return -1;
            int k = close - 1;
            while (k >= 0 && !tokens[k].Has(TokenFlags.OpenQuote) && !tokens[k].Has(TokenFlags.CloseQuote) && close - k < 12) k--;
            if (k < 0 || !tokens[k].Has(TokenFlags.OpenQuote)) return -1;
            open = k;
        }
        return -1;
    }

    /// <summary>A dictionary noun reading of <paramref name="word"/> has a lemma of <see cref="KindLemmas"/>.</summary>
    internal bool IsKind(ReadOnlySpan<char> word) => word.Length >= 3 && _morph.HasNounLemma(word, KindLemmas);
}
