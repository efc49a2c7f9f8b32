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
/// («Горький сказал»).
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
