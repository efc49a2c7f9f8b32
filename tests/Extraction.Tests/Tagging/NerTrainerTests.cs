using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Pipeline;
using Extraction.Tagging;

namespace Extraction.Tests.Tagging;

public class NerTrainerTests
{
    private static readonly string[] People = ["Anna Smith", "John Brown", "Maria Lopez", "Peter White", "Olga Green", "David Black"];
    private static readonly string[] Companies = ["Acme Corp", "Globex Inc", "Initech Ltd", "Umbrella Corp", "Hooli Inc", "Vandelay Ltd"];
    private static readonly string[] Cities = ["Paris", "Berlin", "Madrid", "Vienna", "Oslo", "Lisbon"];

    /// <summary>A hand-made corpus: "X works for Y in Z." and "In Z, Y hired X." with every combination of names.</summary>
    internal static List<GoldDocument> Corpus()
    {
        var docs = new List<GoldDocument>();
        for (int i = 0; i < People.Length; i++)
            for (int j = 0; j < Companies.Length; j++)
            {
                string p = People[i], c = Companies[(i + j) % Companies.Length], l = Cities[(i + 2 * j) % Cities.Length];
                var text = $"{p} works for {c} in {l} .\nIn {l} , {c} hired {p} .";
                var spans = new List<GoldSpan>();
                void Add(string s, EntityType t, int from)
                {
                    int at = text.IndexOf(s, from, StringComparison.Ordinal);
                    spans.Add(new GoldSpan(new TextRange(at, at + s.Length), t));
                }
                int second = text.IndexOf('\n');
                Add(p, EntityType.PER, 0); Add(c, EntityType.ORG, 0); Add(l, EntityType.LOC, 0);
                Add(l, EntityType.LOC, second); Add(c, EntityType.ORG, second); Add(p, EntityType.PER, second);
                docs.Add(new GoldDocument($"d{i}{j}", text, spans) { Language = Language.En });
            }
        return docs;
    }

    internal static NerModel TrainTiny(int seed = 1)
    {
        var trainer = new NerTrainer(Language.En, TaggerLexicon.Empty, new NerTrainingOptions { Epochs = 5, HashBits = 14, Seed = seed });
        trainer.Add(Corpus());
        return trainer.Train();
    }

    [Fact]
    public void Learns_a_tiny_corpus_and_generalises_to_a_new_sentence()
    {
        var model = TrainTiny();
        Assert.Equal(1.0, NerEvaluation.Strict(model, Corpus()).MicroF1, 3);

        var doc = TaggingTestData.Doc("Olga Green works for Hooli Inc in Oslo .");
        new NerStage(null, model).Process(doc);
        Assert.Equal(["PER Olga Green", "ORG Hooli Inc", "LOC Oslo"], doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)}"));
        Assert.All(doc.Mentions, m => Assert.Equal("ner", m.Source));
        Assert.All(doc.Mentions, m => Assert.InRange(m.Confidence, 0.3f, 1f));
    }

    [Fact]
    public void A_name_that_opens_a_quote_takes_its_closing_quote()
    {
        // Gold spans leave the closing quote out; the decoded mention still ends with it.
        var docs = Enumerable.Range(0, 12).Select(i =>
        {
            var text = $"{People[i % 6]} works for «{Companies[i % 6]}» in {Cities[i % 6]} .";
            int open = text.IndexOf('«');
            return new GoldDocument($"q{i}", text, [new GoldSpan(new TextRange(open, text.IndexOf('»')), EntityType.ORG)]) { Language = Language.En };
        }).ToList();
        var trainer = new NerTrainer(Language.En, TaggerLexicon.Empty, new NerTrainingOptions { Epochs = 5, HashBits = 14 });
        trainer.Add(docs);
        var model = trainer.Train();
        var doc = TaggingTestData.Doc("Olga Green works for «Hooli Inc» in Oslo .");
        new NerStage(null, model).Process(doc);
        Assert.Equal("«Hooli Inc»", doc.Slice(Assert.Single(doc.Mentions).Range));
    }

    /// <summary>
    /// Trains the tiny corpus twice with <paramref name="options"/> and checks that it is learnt, that training is
    /// deterministic and that the options change the weights (against the plain perceptron's); returns the model.
    /// </summary>
    private static NerModel LearnsDeterministicallyWith(NerTrainingOptions options)
    {
        NerModel Train()
        {
            var trainer = new NerTrainer(Language.En, TaggerLexicon.Empty, options);
            trainer.Add(Corpus());
            return trainer.Train();
        }
        var model = Train();
        Assert.Equal(1.0, NerEvaluation.Strict(model, Corpus()).MicroF1, 3);
        Assert.True(model.Weights.SameAs(Train().Weights));
        Assert.False(model.Weights.SameAs(TrainTiny().Weights));
        return model;
    }

    [Fact]
    public void Feature_bagging_still_learns_and_is_deterministic() =>
        LearnsDeterministicallyWith(new NerTrainingOptions { Epochs = 5, HashBits = 14, FeatureDropout = 0.2 });

    [Fact]
    public void Margin_training_still_learns_and_changes_the_weights() =>
        LearnsDeterministicallyWith(new NerTrainingOptions { Epochs = 5, HashBits = 14, Margin = 2 });

    [Fact]
    public void A_model_with_the_X_label_learns_other_names_outputs_none_and_survives_save_and_load()
    {
        // "Ann Lee visited the Louvre Museum in Paris ." — the museum is a name of another kind (FACILITY).
        string[] places = ["Louvre Museum", "Prado Museum", "Tate Gallery", "Uffizi Gallery", "Hermitage Museum", "Orsay Museum"];
        var docs = new List<GoldDocument>();
        for (int i = 0; i < People.Length; i++)
            for (int j = 0; j < places.Length; j++)
            {
                string p = People[i], f = places[(i + j) % places.Length], l = Cities[(i + 2 * j) % Cities.Length];
                var text = $"{p} visited the {f} in {l} .";
                int a = text.IndexOf(f, StringComparison.Ordinal), c = text.IndexOf(" in ", StringComparison.Ordinal) + 4;
                docs.Add(new GoldDocument($"v{i}{j}", text,
                    [new GoldSpan(new TextRange(0, p.Length), EntityType.PER), new GoldSpan(new TextRange(c, c + l.Length), EntityType.LOC)])
                {
                    Language = Language.En,
                    Others = [new OtherSpan(new TextRange(a, a + f.Length), "FACILITY")],
                });
            }
        var options = new NerTrainingOptions { Epochs = 5, HashBits = 14, OtherNames = ["FACILITY"], StackFolds = 3 };
        var (model, _) = NerTrainer.TrainModel(Language.En, TaggerLexicon.Empty, options, docs);
        Assert.Equal(Bilou.CountWithOther, model.LabelCount);
        Assert.Equal(Bilou.CountWithOther, model.Refiner!.LabelCount);
        Assert.Equal(1.0, NerEvaluation.Strict(model, docs).MicroF1, 3);

        var path = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path, new { note = "test" });
            var loaded = NerModel.Load(path);
            Assert.Equal(Bilou.CountWithOther, loaded.LabelCount);
            Assert.Equal(model.Transitions, loaded.Transitions);
            var doc = TaggingTestData.Doc("Maria Lopez visited the Tate Gallery in Oslo .");
            new NerStage(null, loaded).Process(doc);
            Assert.Equal(["PER Maria Lopez", "LOC Oslo"], doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)}"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Crf_training_learns_the_tiny_corpus_deterministically_and_differs_from_the_perceptron()
    {
        var model = LearnsDeterministicallyWith(new NerTrainingOptions { Epochs = 5, HashBits = 14, CrfRate = 1 });
        var doc = TaggingTestData.Doc("Olga Green works for Hooli Inc in Oslo .");
        new NerStage(null, model).Process(doc);
        Assert.Equal(["PER Olga Green", "ORG Hooli Inc", "LOC Oslo"], doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)}"));
    }

    [Theory]
    [InlineData("O B-PER I-PER L-PER U-PER")]
    [InlineData("O B-PER I-PER L-PER U-PER B-ORG I-ORG L-ORG U-ORG B-LOC I-LOC L-LOC U-LOC MISC")]
    public void A_model_file_with_another_label_set_fails_naming_both_sets_and_the_fix(string labelList)
    {
        var labels = labelList.Split(' ');
        var path = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            Extraction.Models.ModelFile.Write(path, Extraction.Models.ModelHeader.Create(NerModel.Kind, "en", NerModel.FormatVersion, new { }), w =>
            {
                w.Write(14);
                w.Write(labels.Length);
                foreach (var l in labels) w.Write(l);
            });
            var e = Assert.Throws<Extraction.Models.ModelFormatException>(() => NerModel.Load(path));
            Assert.Contains($"has labels [{string.Join(' ', labels)}]", e.Message);
            Assert.Contains("[O B-PER I-PER L-PER U-PER B-ORG I-ORG L-ORG U-ORG B-LOC I-LOC L-LOC U-LOC X]", e.Message);
            Assert.Contains("retrain", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Training_is_deterministic_for_a_seed()
    {
        Assert.True(TrainTiny(7).Weights.SameAs(TrainTiny(7).Weights));
        Assert.False(TrainTiny(7).Weights.SameAs(TrainTiny(8).Weights));
    }

    [Fact]
    public void Saved_model_loads_with_the_same_predictions_and_metadata()
    {
        var model = TrainTiny();
        var path = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path, new { note = "test" });
            var loaded = NerModel.Load(path);
            Assert.Equal(model.Templates.Select(t => t.Name), loaded.Templates.Select(t => t.Name));
            Assert.Equal(Language.En, loaded.Language);
            foreach (var gold in Corpus().Take(5))
                Assert.Equal(NerEvaluation.Predict(model, gold).Select(m => (m.Range, m.Type)), NerEvaluation.Predict(loaded, gold).Select(m => (m.Range, m.Type)));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Stacked_model_learns_the_tiny_corpus_and_keeps_its_refiner_through_save_and_load()
    {
        var options = new NerTrainingOptions { Epochs = 5, HashBits = 14, StackFolds = 3 };
        var (model, _) = NerTrainer.TrainModel(Language.En, TaggerLexicon.Empty, options, Corpus());
        Assert.NotNull(model.Refiner);
        Assert.DoesNotContain(model.Templates, t => FeatureTemplates.IsSecondPass(t.Name));
        Assert.Contains(model.Refiner!.Templates, t => FeatureTemplates.IsSecondPass(t.Name));
        Assert.Equal(1.0, NerEvaluation.Strict(model, Corpus()).MicroF1, 3);
        Assert.True(model.Refiner.Weights.SameAs(NerTrainer.TrainModel(Language.En, TaggerLexicon.Empty, options, Corpus()).Model.Refiner!.Weights));

        var path = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path, new { note = "test" });
            var loaded = NerModel.Load(path);
            Assert.Equal(model.Refiner.Templates.Select(t => t.Name), loaded.Refiner?.Templates.Select(t => t.Name));
            Assert.Equal(model.Refiner.Weights.RowCount, loaded.Refiner!.Weights.RowCount);
            var doc = TaggingTestData.Doc("Olga Green works for Hooli Inc in Oslo .");
            new NerStage(null, loaded).Process(doc);
            Assert.Equal(["PER Olga Green", "ORG Hooli Inc", "LOC Oslo"], doc.Mentions.Select(m => $"{m.Type} {doc.Slice(m.Range)}"));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Stacked_stage_reuses_the_first_pass_and_scores_exactly_like_two_separate_passes()
    {
        var (model, _) = NerTrainer.TrainModel(Language.En, TaggerLexicon.Empty, new NerTrainingOptions { Epochs = 5, HashBits = 14, StackFolds = 3 }, Corpus());
        var refiner = model.Refiner!;
        Assert.True(model.Weights.IsPairedWith(refiner.Weights)); // the stage takes the carried path
        string[] texts =
        [
            "Olga Green works for Hooli Inc in Oslo .\nIn Oslo , Hooli Inc hired Olga Green .",
            "David Black met « Acme Corp » staff in Lisbon , then Maria Lopez flew to « Vienna » .",
            "JOHN BROWN WORKS FOR GLOBEX INC IN PARIS . john brown works for globex inc in paris .",
            "Peter White",
        ];
        foreach (var text in texts)
        {
            var doc = TaggingTestData.Doc(text);
            new NerStage(null, model).Process(doc);
            var expected = TaggingTestData.Doc(text);
            var evidence = DocumentEvidence.Build(expected);
            var passOne = new List<NerModel.Prediction>();
            model.TagSentences(expected, evidence, passOne);
            evidence.AddPassOne(expected, passOne);
            var passTwo = new List<NerModel.Prediction>();
            foreach (var sentence in expected.Sentences) refiner.Tag(expected, sentence.FirstToken, sentence.EndToken, evidence, passTwo);
            Assert.NotEmpty(passTwo);
            Assert.Equal(
                passTwo.Select(p => (expected.Tokens[p.First].Start, expected.Tokens[p.End - 1].End, p.Type, BitConverter.SingleToInt32Bits(p.Confidence))),
                doc.Mentions.Select(m => (m.Range.Start, m.Range.End, m.Type, BitConverter.SingleToInt32Bits(m.Confidence))));
        }
    }

    [Fact]
    public void Stage_skips_furniture_and_sentences_without_a_model()
    {
        var model = TrainTiny();
        var doc = TaggingTestData.Doc("Anna Smith works for Acme Corp in Paris .\nJohn Brown works for Hooli Inc in Oslo .");
        doc.Furniture.Add(doc.Sentences[1].Range);
        new NerStage(null, model).Process(doc);
        Assert.Equal(3, doc.Mentions.Count);
        Assert.All(doc.Mentions, m => Assert.True(m.Range.End <= doc.Sentences[0].Range.End));

        var ru = TaggingTestData.Doc("Anna Smith works for Acme Corp in Paris .", Language.Ru);
        new NerStage(null, model).Process(ru);
        Assert.Empty(ru.Mentions);
    }

    [Fact]
    public void Stage_reports_a_missing_model_file_as_a_configuration_error()
    {
        var context = new StageContext(Path.GetTempPath());
        var e = Assert.Throws<ConfigException>(() => new NerStage(new NerOptions { Ru = "no-such-model.bin", En = null }, context));
        Assert.Contains("no-such-model.bin", e.Message);
    }
}
