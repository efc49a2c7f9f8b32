using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Tagging;

/// <summary>Options of the <c>ner</c> stage: the model file per language (relative to the models folder; null = not tagged).</summary>
public sealed record NerOptions
{
    public string? Ru { get; init; } = "ner-ru.bin";
    public string? En { get; init; } = "ner-en.bin";
    /// <summary>Mentions below this confidence are not emitted.</summary>
    public float MinConfidence { get; init; }
}

/// <summary>
/// The <c>ner</c> stage: tags each sentence with the model of its language (the sentence's, else the document's), skipping
/// tokens inside page furniture, and adds PER/ORG/LOC <see cref="Mention"/>s with source <c>ner</c> and the tagger's confidence.
/// </summary>
public sealed class NerStage : IStage
{
    public const string Source = "ner";
    private readonly NerModel? _ru, _en;
    private readonly float _minConfidence;

    public NerStage(NerOptions options, StageContext context, string where = "ner")
    {
        _ru = Load(options.Ru, context, $"{where}.options.ru");
        _en = Load(options.En, context, $"{where}.options.en");
        if (options.MinConfidence is < 0 or > 1)
            throw new ConfigException($"{where}.options.minConfidence: {options.MinConfidence} is outside [0, 1]; use a probability such as 0.5 or remove it.");
        _minConfidence = options.MinConfidence;
    }

    public NerStage(NerModel? ru, NerModel? en, float minConfidence = 0)
    {
        _ru = ru;
        _en = en;
        _minConfidence = minConfidence;
    }

    private static NerModel? Load(string? file, StageContext context, string where) =>
        string.IsNullOrEmpty(file) ? null : context.Cache.Get(context.ModelPath(file, where), NerModel.Load);

    /// <summary>Per thread, reused from document to document (allocation-free tagging).</summary>
    [ThreadStatic] private static DocumentEvidence? t_evidence;
    [ThreadStatic] private static List<NerModel.Prediction>? t_predictions;

    public string Name => "ner";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Sentences, Layers.Language];
    public IReadOnlyList<string> Provides => [Layers.Entities];

    public void Process(Document document)
    {
        if (document.Sentences.Count == 0) return;
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
        foreach (var p in predictions)
        {
            if (p.Confidence < _minConfidence) continue;
            var range = new TextRange(tokens[p.First].Start, tokens[p.End - 1].End);
            document.AddMention(new Mention(range, p.Type, Source, p.Confidence));
        }
    }

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
