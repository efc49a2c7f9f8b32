using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tagging;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Tagging;

/// <summary>
/// Quality gates for the shipped NER models on slices of dev data they were not trained on. Each threshold is the
/// slice figure written in the model card (models/ner-XX.md, "Quality test slices") minus a margin of 0.02.
/// </summary>
public class NerQualityTests
{
    private const double Margin = 0.02;

    private static NerModel Model(string name) => NerModel.Load(Path.Combine(SharedData.ModelsDir, name));

    [QualityFact]
    public void English_model_on_the_first_50_documents_of_eng_testa()
    {
        var docs = Conll.Read(SharedData.Path_("conll2003_en", "eng.testa.gz")).Take(50).ToList();
        var scores = NerEvaluation.Strict(Model("ner-en.bin"), docs);
        Assert.True(scores.MicroF1 >= 0.941 - Margin, $"eng.testa[0..50) strict: {scores}");
    }

    [QualityFact]
    public void Russian_model_on_the_first_30_documents_of_nerel_dev()
    {
        var docs = Brat.ReadDirectory(SharedData.Path_("nerel", "dev")).Take(30).ToList();
        var scores = NerEvaluation.Strict(Model("ner-ru.bin"), docs);
        Assert.True(scores.MicroF1 >= 0.896 - Margin, $"NEREL dev[0..30) strict: {scores}");
    }

    [QualityFact]
    public void Russian_model_on_the_first_40_documents_of_factrueval_devset()
    {
        var docs = FactRuEval.ReadDirectory(SharedData.Path_("factrueval2016", "devset")).Take(40).ToList();
        var scores = NerEvaluation.TokenLevel(Model("ner-ru.bin"), docs);
        Assert.True(scores.F1(EntityType.PER) >= 0.962 - Margin, $"factRuEval devset[0..40) token level: {scores}");
        Assert.True(scores.MicroF1 >= 0.845 - Margin, $"factRuEval devset[0..40) token level: {scores}");
    }
}
