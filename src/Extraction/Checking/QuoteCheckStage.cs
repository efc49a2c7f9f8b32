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
/// Drops a tagger's person, organisation or place mention in Russian text that is (part of) the quoted name of a work, an
/// award, a law, a contest, a vehicle or a product: the common noun in front of the opening quote says what kind of thing
/// the quotes name — «фильма «Доктор Лиза»», «на шаттле «Дискавери»», «торговыми марками «Раундап»», «картины
/// «Печки-лавочки»». A list of quoted names after one such noun is read the same way («в кинофильмах «Звезда», «Космос» и
/// «Юность»»). The nouns are the kinds whose quoted names NEREL (the training corpus) annotates as works, awards, laws,
/// events or products, not as persons, organisations or places (see <see cref="KindLemmas"/>). The tagger has the word
/// before an opening quote as a feature, but a quoted capitalised word it has never seen («Раундап») still reads as an
/// organisation. The stage runs after <c>repeat-check</c>, which may repeat a person into a title («Доктор» of «Доктор Лиза»).
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
        if (document.Language != Language.Ru || document.Mentions.Count == 0) return;
        var tokens = document.Tokens;
        document.Mentions.RemoveAll(m =>
        {
            if (m.Type is not (EntityType.PER or EntityType.ORG or EntityType.LOC)) return false;
            int first = tokens.FirstEndingAfter(m.Range.Start);
            if (first <= 0 || first >= tokens.Count || tokens[first].Start != m.Range.Start) return false;
            int open = first - 1;
            if (!tokens[open].Has(TokenFlags.OpenQuote) || tokens[open].End != m.Range.Start) return false;
            return ClosedAfter(document, open, m.Range.End) && NamesAKind(document, open);
        });
    }

    /// <summary>A closing quote follows in the sentence of the opening quote at <paramref name="open"/>, at or after <paramref name="end"/>.</summary>
    private static bool ClosedAfter(Document document, int open, int end)
    {
        var tokens = document.Tokens;
        int sentence = tokens[open].Sentence;
        for (int k = open + 1; k < tokens.Count && tokens[k].Sentence == sentence; k++)
        {
            ref readonly var t = ref tokens[k];
            if (t.Has(TokenFlags.CloseQuote)) return t.Start >= end;
            if (t.Has(TokenFlags.OpenQuote)) return false;
        }
        return false;
    }

    /// <summary>
    /// The word in front of the opening quote at <paramref name="open"/> is a noun of <see cref="KindLemmas"/>, directly or
    /// through a list of quoted names before this one («…», «…» и «…»).
    /// </summary>
    private bool NamesAKind(Document document, int open)
    {
        var tokens = document.Tokens;
        for (int items = 0; items < 12; items++)
        {
            int h = open - 1;
            if (h < 0 || tokens[h].Sentence != tokens[open].Sentence) return false;
            ref readonly var head = ref tokens[h];
            var text = document.Span(head.Range);
            if (head.Kind == TokenKind.Word && !(text is "и" or "или"))
                return head.Has(TokenFlags.HasCyrillic) && (!head.Has(TokenFlags.Capitalized) || head.Has(TokenFlags.SentenceStart)) && IsKind(text);
            // «…», «…» и «…»: step over the separator and the quoted name before it to that name's opening quote.
            if (!(text is "," or "и" or "или")) return false;
            int close = h - 1;
            if (close < 0 || !tokens[close].Has(TokenFlags.CloseQuote)) return false;
            int k = close - 1;
            while (k >= 0 && !tokens[k].Has(TokenFlags.OpenQuote) && !tokens[k].Has(TokenFlags.CloseQuote) && close - k < 12) k--;
            if (k < 0 || !tokens[k].Has(TokenFlags.OpenQuote)) return false;
            open = k;
        }
        return false;
    }

    /// <summary>A dictionary noun reading of <paramref name="word"/> has a lemma of <see cref="KindLemmas"/>.</summary>
    internal bool IsKind(ReadOnlySpan<char> word)
    {
        if (word.Length < 3 || word.Length > RussianMorphology.MaxWordLength) return false;
        Span<MorphParse> readings = stackalloc MorphParse[32];
        int n = _morph.Analyse(word, readings);
        for (int i = 0; i < n; i++)
        {
            if (readings[i].IsGuess || !_morph.Tag(readings[i]).Has(Grammemes.Noun)) continue;
            if (KindLemmas.Contains(_morph.Lemma(word, readings[i]))) return true;
        }
        return false;
    }
}
