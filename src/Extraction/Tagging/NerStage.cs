using Extraction.Documents;
using Extraction.Morphology;
using Extraction.Pipeline;

namespace Extraction.Tagging;

/// <summary>Options of the <c>ner</c> stage: the model file per language (relative to the models folder; null = not tagged).</summary>
public sealed record NerOptions
{
    public string? Ru { get; init; } = "ner-ru.bin";
    public string? En { get; init; } = "ner-en.bin";
    /// <summary>Mentions below this confidence are not emitted.</summary>
    public float MinConfidence { get; init; }
    /// <summary>
    /// Drop or trim ORG/LOC mentions that start with a common noun capitalised only by the sentence start
    /// (<see cref="NerStage.SentenceStartNoun"/>). Off by default: it follows factRuEval's convention («Правительство
    /// Китая» is a description around the place «Китая»), where NEREL's raw spans count the whole phrase as ORG.
    /// </summary>
    public bool SentenceStartFilter { get; init; }
    /// <summary>
    /// Languages (<c>ru</c>, <c>en</c>) whose sentences written all in capitals are tagged through a re-cased copy
    /// (<see cref="Truecaser"/>); the mentions are ranges of the original text either way. Not English by default: its
    /// model learnt CoNLL's capitalised headlines and result tables, and re-casing them costs it on CoNLL (see models/ner-en.md).
    /// </summary>
    public string[] RecaseCaps { get; init; } = ["ru"];
    /// <summary>Languages whose sentences written all in lower case are tagged through a re-cased copy.</summary>
    public string[] RecaseLower { get; init; } = ["ru", "en"];
    /// <summary>
    /// Languages whose sentences in capitals are re-cased when the whole document is written in capitals (a telegram, a
    /// dispatch in capitals), even when <see cref="RecaseCaps"/> leaves them out: English headlines and tables in capitals
    /// inside ordinary text stay as they are, a document in capitals is re-cased.
    /// </summary>
    public string[] RecaseCapitalDocuments { get; init; } = ["ru", "en"];
    /// <summary>The Russian morphology model re-casing asks whether a word is a dictionary word (shared with other stages: loaded once); null = lexicon only.</summary>
    public string? Morphology { get; init; } = "ru-morph.bin";
}

/// <summary>
/// The <c>ner</c> stage: tags each sentence with the model of its language (the sentence's, else the document's), skipping
/// tokens inside page furniture, and adds PER/ORG/LOC <see cref="Mention"/>s with source <c>ner</c> and the tagger's confidence.
/// Optionally (<see cref="NerOptions.SentenceStartFilter"/>) a post-filter then drops or trims ORG/LOC mentions that start
/// with a sentence-initial common noun (<see cref="SentenceStartNoun"/>). Sentences without case distinctions are tagged
/// through a re-cased copy of the document (<see cref="Truecaser"/>, <see cref="NerOptions.RecaseCaps"/>).
/// </summary>
public sealed class NerStage : IStage
{
    public const string Source = "ner";
    private readonly NerModel? _ru, _en;
    private readonly float _minConfidence;
    private readonly bool _sentenceStartFilter;
    // Per language (index: Language) and sentence style: whether caseless sentences are re-cased.
    private readonly bool[] _recaseCaps, _recaseLower, _recaseCapitalDocuments;
    private readonly RussianMorphology? _morphology;

    public NerStage(NerOptions options, StageContext context, string where = "ner")
    {
        _sentenceStartFilter = options.SentenceStartFilter;
        _recaseCaps = Languages(options.RecaseCaps, $"{where}.options.recaseCaps");
        _recaseLower = Languages(options.RecaseLower, $"{where}.options.recaseLower");
        _recaseCapitalDocuments = Languages(options.RecaseCapitalDocuments, $"{where}.options.recaseCapitalDocuments");
        _ru = Load(options.Ru, context, $"{where}.options.ru");
        _en = Load(options.En, context, $"{where}.options.en");
        bool recaseRussian = _recaseCaps[(int)Language.Ru] || _recaseLower[(int)Language.Ru] || _recaseCapitalDocuments[(int)Language.Ru];
        if (_ru is not null && recaseRussian && !string.IsNullOrEmpty(options.Morphology))
            _morphology = context.Cache.Get(context.ModelPath(options.Morphology, $"{where}.options.morphology"), RussianMorphology.Load);
        if (options.MinConfidence is < 0 or > 1)
            throw new ConfigException($"{where}.options.minConfidence: {options.MinConfidence} is outside [0, 1]; use a probability such as 0.5 or remove it.");
        _minConfidence = options.MinConfidence;
    }

    public NerStage(NerModel? ru, NerModel? en, float minConfidence = 0, bool sentenceStartFilter = false, NerOptions? recasing = null,
        RussianMorphology? morphology = null)
    {
        recasing ??= new NerOptions();
        _recaseCaps = Languages(recasing.RecaseCaps, "recaseCaps");
        _recaseLower = Languages(recasing.RecaseLower, "recaseLower");
        _recaseCapitalDocuments = Languages(recasing.RecaseCapitalDocuments, "recaseCapitalDocuments");
        _morphology = morphology;
        _ru = ru;
        _en = en;
        _minConfidence = minConfidence;
        _sentenceStartFilter = sentenceStartFilter;
    }

    private static bool[] Languages(string[] codes, string where)
    {
        var on = new bool[3];
        foreach (var code in codes)
            on[(int)(code switch
            {
                "ru" => Language.Ru,
                "en" => Language.En,
                _ => throw new ConfigException($"{where}: '{code}' is not a language the tagger has; use \"ru\" or \"en\", or an empty list to turn re-casing off."),
            })] = true;
        return on;
    }

    private static NerModel? Load(string? file, StageContext context, string where) =>
        string.IsNullOrEmpty(file) ? null : context.Cache.Get(context.ModelPath(file, where), NerModel.Load);

    /// <summary>Per thread, reused from document to document (allocation-free tagging).</summary>
    [ThreadStatic] private static DocumentEvidence? t_evidence;
    [ThreadStatic] private static List<NerModel.Prediction>? t_predictions;

    public string Name => "ner";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Sentences, Layers.Language];
    public IReadOnlyList<string> Provides => [Layers.Entities, Layers.Spelling];

    public void Process(Document document)
    {
        if (document.Sentences.Count == 0) return;
        // The tagger reads the re-cased copy when there is one; mentions go to the document (same tokens, same ranges).
        var target = document;
        bool inCapitals = Truecaser.InCapitals(target);
        if (Truecaser.Recase(target, WordsFor) is { } copy) document = copy;
        var evidence = (t_evidence ??= new DocumentEvidence()).Rebuild(document);
        var predictions = t_predictions ??= [];
        predictions.Clear();
        if (_ru?.Refiner is not null || _en?.Refiner is not null)
        {
            // Stacked models: a first pass over the whole document feeds the second pass's document-level features.
            Run(document, evidence, Pass.First, predictions);
            evidence.AddPassOne(document, predictions);
            predictions.Clear();
            Run(document, evidence, Pass.Second, predictions);
        }
        else Run(document, evidence, Pass.Only, predictions);
        var tokens = document.Tokens;
        foreach (var prediction in predictions)
        {
            var p = prediction;
            if (p.Confidence < _minConfidence) continue;
            if (_sentenceStartFilter && p.Type != EntityType.PER && ModelOf(document, tokens[p.First].Sentence) is { } m
                && SentenceStartNoun(document, p.First, m.Lexicon))
            {
                // «Полиция» alone is dropped; «Правительство Китая» keeps the name after the noun, a place when the lexicon
                // says so; a person's name («Правительство Медведева») is dropped with it.
                if (p.End - p.First == 1 || !tokens[p.First + 1].Has(TokenFlags.Capitalized)) continue;
                var rest = Bits(document, p.First + 1, m.Lexicon);
                if ((rest & (LexBits.FirstName | LexBits.Surname)) != 0) continue;
                p = p with { First = p.First + 1, Type = (rest & (LexBits.Country | LexBits.City | LexBits.Region | LexBits.Place)) != 0 ? EntityType.LOC : p.Type };
            }
            var range = new TextRange(tokens[p.First].Start, tokens[p.End - 1].End);
            target.AddMention(new Mention(range, p.Type, Source, p.Confidence));
        }

        Truecaser.Words? WordsFor(int sentence, Truecaser.SentenceCase style) =>
            ModelOf(target, sentence) is { } m && (style == Truecaser.SentenceCase.AllCaps
                ? _recaseCaps[(int)m.Language] || inCapitals && _recaseCapitalDocuments[(int)m.Language]
                : _recaseLower[(int)m.Language])
                ? new Truecaser.Words(m.Lexicon, m.Language == Language.Ru ? _morphology : null, LatinIsForeign: m.Language == Language.Ru)
                : null;
    }

    private NerModel? ModelOf(Document document, int sentence)
    {
        var language = document.Sentences[sentence].Language is var l && l != Language.Other ? l : document.Language;
        return language switch { Language.Ru => _ru, Language.En => _en, _ => null };
    }

    /// <summary>
    /// Whether token <paramref name="index"/> is a common noun capitalised only because it starts the sentence: the first
    /// word of its sentence (after opening quotes or dashes at most), a capitalised (not all-caps) Cyrillic word that the
    /// lexicon's case statistics know as mostly written in lower case and that it does not know as any kind of name, and
    /// whose stem (first five letters) the document never writes capitalised inside a sentence (the name «Голос Америки»
    /// is also written «Голоса Америки» there).
    /// </summary>
    public static bool SentenceStartNoun(Document document, int index, TaggerLexicon lexicon)
    {
        var t = document.Tokens[index];
        if (!FirstWord(document, index) || !t.Has(TokenFlags.Capitalized) || !t.Has(TokenFlags.HasCyrillic) || t.Has(TokenFlags.AllCaps))
            return false;
        var word = t.Range.Slice(document.Text);
        const LexBits names = LexBits.Country | LexBits.City | LexBits.Region | LexBits.FirstName | LexBits.Surname | LexBits.Patronymic
            | LexBits.Place | LexBits.Organisation | LexBits.Abbreviation | LexBits.MostlyCapitalized;
        if (!lexicon.Words.TryGet(FeatureHash.OfLower(word), out var e) || (e.Bits & LexBits.MostlyLower) == 0 || (e.Bits & names) != 0)
            return false;
        var stem = word[..Math.Min(word.Length, SentenceFeatures.StemLength)];
        var tokens = document.Tokens.AsSpan();
        for (int k = 0; k < tokens.Length; k++)
        {
            ref readonly var other = ref tokens[k];
            if (other.Kind != TokenKind.Word || !other.Has(TokenFlags.Capitalized) || other.Has(TokenFlags.AllCaps)
                || other.Has(TokenFlags.LineStart) || FirstWord(document, k)) continue;
            if (other.Range.Slice(document.Text).StartsWith(stem, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    /// <summary>Whether token <paramref name="index"/> is a word preceded in its sentence by punctuation only.</summary>
    private static bool FirstWord(Document document, int index)
    {
        var tokens = document.Tokens.AsSpan();
        int sentence = tokens[index].Sentence;
        if (tokens[index].Kind != TokenKind.Word || (uint)sentence >= (uint)document.Sentences.Count) return false;
        int first = document.Sentences[sentence].FirstToken;
        for (int k = index - 1; k >= first; k--)
            if (tokens[k].Kind != TokenKind.Punctuation) return false;
        return true;
    }

    private static LexBits Bits(Document document, int index, TaggerLexicon lexicon) =>
        lexicon.Words.TryGet(FeatureHash.OfLower(document.Tokens[index].Range.Slice(document.Text)), out var e) ? e.Bits : LexBits.None;

    private enum Pass { Only, First, Second }

    /// <summary>
    /// Tags each sentence with its language's model: the only pass, or the first pass of stacked models (other models wait),
    /// or the second (stacked models refine, the others tag). Both passes of a document cut the same runs.
    /// </summary>
    private void Run(Document document, DocumentEvidence evidence, Pass pass, List<NerModel.Prediction> predictions)
    {
        var furniture = document.Furniture.Count == 0 ? [] : document.Furniture.OrderBy(r => r.Start).ToArray();
        var tokens = document.Tokens;
        int f = 0;
        foreach (var sentence in document.Sentences)
        {
            var language = sentence.Language != Language.Other ? sentence.Language : document.Language;
            var model = language switch { Language.Ru => _ru, Language.En => _en, _ => null };
            if (model is null || (pass == Pass.First && model.Refiner is null)) continue;
            // Tag each run of tokens outside furniture as its own sequence.
            int runStart = sentence.FirstToken;
            for (int k = sentence.FirstToken; k <= sentence.EndToken; k++)
            {
                bool cut = k == sentence.EndToken;
                if (!cut)
                {
                    int start = tokens[k].Start;
                    while (f < furniture.Length && furniture[f].End <= start) f++;
                    cut = f < furniture.Length && furniture[f].Contains(start);
                }
                if (!cut) continue;
                if (k > runStart)
                {
                    if (pass == Pass.First) model.TagFirstPass(document, runStart, k, evidence, predictions);
                    else if (pass == Pass.Second && model.Refiner is not null) model.TagSecondPass(document, runStart, k, evidence, predictions);
                    else model.Tag(document, runStart, k, evidence, predictions);
                }
                runStart = k + 1;
            }
        }
    }
}
