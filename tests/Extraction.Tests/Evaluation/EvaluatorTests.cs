using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Evaluation;

namespace Extraction.Tests.Evaluation;

/// <summary>Every metric against figures worked out by hand (the comments show the working).</summary>
public class EvaluatorTests
{
    private const double Eps = 1e-4;

    internal static GoldSpan S(int start, int end, EntityType type, string? normal = null, string? value = null) =>
        new(new TextRange(start, end), type) { Normal = normal, Value = value };

    // "Anna Smith met Bob in Paris on Monday."
    //  Anna[0,4) Smith[5,10) met[11,14) Bob[15,18) in[19,21) Paris[22,27) on[28,30) Monday[31,37) .[37,38)
    private const string Text = "Anna Smith met Bob in Paris on Monday.";

    private static EvalDocument MixedDocument() => new("d1", Text,
        [S(0, 10, EntityType.PER), S(15, 18, EntityType.PER), S(22, 27, EntityType.LOC, normal: "Paris"), S(31, 37, EntityType.DATE)],
        [
            S(0, 4, EntityType.PER),                      // wrong boundary
            S(11, 14, EntityType.PER),                    // spurious
            S(15, 18, EntityType.LOC),                    // wrong type
            S(22, 27, EntityType.LOC, normal: "paris"),   // correct, normal right only when folded
            S(28, 37, EntityType.DATE, value: "XXXX-WXX-1"), // wrong boundary
        ]);

    [Fact]
    public void Strict_counts_only_same_start_end_and_type()
    {
        var r = Evaluator.Evaluate([MixedDocument()]);
        Assert.Equal(["PER", "LOC", "DATE"], r.Types);
        // PER: 2 predicted, 0 right, 2 gold. LOC: 2 predicted, 1 right, 1 gold. DATE: 1 predicted, 0 right, 1 gold.
        Assert.Equal(new PrfCounts(2, 0, 2, 0), r.Strict.ByType["PER"]);
        Assert.Equal(new PrfCounts(2, 1, 1, 1), r.Strict.ByType["LOC"]);
        Assert.Equal(new PrfCounts(1, 0, 1, 0), r.Strict.ByType["DATE"]);
        Assert.Equal(0.5, r.Strict.ByType["LOC"].Precision, Eps);
        Assert.Equal(2.0 / 3, r.Strict.ByType["LOC"].F1, Eps);
        // micro: P = 1/5, R = 1/4, F1 = 2·0.2·0.25/0.45
        Assert.Equal(0.2, r.Strict.Micro.Precision, Eps);
        Assert.Equal(0.25, r.Strict.Micro.Recall, Eps);
        Assert.Equal(2 * 0.2 * 0.25 / 0.45, r.Strict.Micro.F1, Eps);
        // macro over PER, LOC, DATE: P = (0 + .5 + 0)/3, R = (0 + 1 + 0)/3, F1 = (0 + 2/3 + 0)/3
        Assert.Equal(0.5 / 3, r.Strict.Macro.Precision, Eps);
        Assert.Equal(1.0 / 3, r.Strict.Macro.Recall, Eps);
        Assert.Equal(2.0 / 9, r.Strict.Macro.F1, Eps);
    }

    [Fact]
    public void Partial_counts_overlaps_of_the_same_type()
    {
        var r = Evaluator.Evaluate([MixedDocument()]);
        // PER preds: "Anna" overlaps gold "Anna Smith", "met" overlaps nothing; PER gold: "Anna Smith" found, "Bob" not (predicted LOC).
        Assert.Equal(new PrfCounts(2, 1, 2, 1), r.Partial.ByType["PER"]);
        // LOC preds: "Bob" overlaps no LOC gold, "Paris" does.
        Assert.Equal(new PrfCounts(2, 1, 1, 1), r.Partial.ByType["LOC"]);
        Assert.Equal(new PrfCounts(1, 1, 1, 1), r.Partial.ByType["DATE"]);
        // micro: P = 3/5, R = 3/4
        Assert.Equal(0.6, r.Partial.Micro.Precision, Eps);
        Assert.Equal(0.75, r.Partial.Micro.Recall, Eps);
        Assert.Equal(2 * 0.6 * 0.75 / 1.35, r.Partial.Micro.F1, Eps);
    }

    [Fact]
    public void Token_level_compares_per_token_labels()
    {
        var r = Evaluator.Evaluate([MixedDocument()]);
        // gold: Anna PER, Smith PER, Bob PER, Paris LOC, Monday DATE
        // pred: Anna PER, met PER, Bob LOC, Paris LOC, on DATE, Monday DATE
        Assert.Equal(new PrfCounts(2, 1, 3, 1), r.Token.ByType["PER"]);
        Assert.Equal(new PrfCounts(2, 1, 1, 1), r.Token.ByType["LOC"]);
        Assert.Equal(new PrfCounts(2, 1, 1, 1), r.Token.ByType["DATE"]);
        Assert.Equal(0.4, r.Token.ByType["PER"].F1, Eps);
        Assert.Equal(0.5, r.Token.Micro.Precision, Eps);
        Assert.Equal(0.6, r.Token.Micro.Recall, Eps);
    }

    [Fact]
    public void Errors_fall_in_one_kind_each()
    {
        var r = Evaluator.Evaluate([MixedDocument()]);
        Assert.Equal(new ErrorCounts(Missed: 0, Spurious: 1, WrongType: 1, WrongBoundary: 2), r.Errors);
        var wrongType = Assert.Single(r.Examples, e => e.Kind == ErrorKind.WrongType);
        Assert.Equal(("PER", "LOC", "Bob"), (wrongType.GoldType, wrongType.PredType, wrongType.PredText));
        Assert.Equal("met", Assert.Single(r.Examples, e => e.Kind == ErrorKind.Spurious).PredText);
        var worst = Assert.Single(r.WorstDocuments);
        Assert.Equal(("d1", 4, 5, 1), (worst.DocId, worst.Gold, worst.Predicted, worst.Correct));
    }

    [Fact]
    public void Normal_forms_and_date_values_are_scored_on_strict_matches_only()
    {
        // "Алёна Иванова приехала 1 марта 2024 года и уехала 5 марта."
        const string text = "Алёна Иванова приехала 1 марта 2024 года и уехала 5 марта.";
        int d1 = text.IndexOf("1 марта 2024", StringComparison.Ordinal), d2 = text.IndexOf("5 марта", StringComparison.Ordinal);
        var doc = new EvalDocument("d", text,
            [
                S(0, 13, EntityType.PER, normal: "Алёна Иванова"),
                S(d1, d1 + 12, EntityType.DATE, value: "2024-03-01"),
                S(d2, d2 + 7, EntityType.DATE, value: "2024-03-05"),
                S(14, 22, EntityType.ORG), // no normal form in the gold: not scored for normalization
            ],
            [
                S(0, 13, EntityType.PER, normal: "алена иванова"),
                S(d1, d1 + 12, EntityType.DATE, value: "2024-03-01"),
                S(d2, d2 + 7, EntityType.DATE, value: "XXXX-03-05"),
                S(14, 22, EntityType.ORG, normal: "что-то"),
            ]);
        var r = Evaluator.Evaluate([doc]);
        Assert.Equal(new NormalAccuracy(new Accuracy(1, 0), new Accuracy(1, 1)), r.Normalization["PER"]);
        Assert.Equal(new NormalAccuracy(), r.Normalization["ORG"]);
        Assert.Equal(new Accuracy(2, 1), r.DateValue);
        var m = r.Metrics();
        Assert.Equal(0.0, m["norm.PER.exact"]);
        Assert.Equal(1.0, m["norm.all.folded"]);
        Assert.Equal(0.5, m["date.value"]);
        Assert.False(m.ContainsKey("norm.ORG.exact"));

        // The differing normal form and date value are listed, in document order, with the mention they belong to.
        Assert.Equal(
            [
                new NormalExample("d", "PER", 0, 13, "Алёна Иванова", "Алёна Иванова", "алена иванова"),
                new NormalExample("d", "DATE", d2, d2 + 7, "5 марта", "2024-03-05", "XXXX-03-05"),
            ],
            r.NormalExamples);
        Assert.Single(Evaluator.Evaluate([doc], new EvalOptions { ExamplesPerKind = 1 }).NormalExamples);
        Assert.Empty(Evaluator.Evaluate([doc], new EvalOptions { ExamplesPerKind = 0 }).NormalExamples);
    }

    [Fact]
    public void Nested_gold_spans_are_scored_each()
    {
        // "Министерство обороны России": Министерство[0,12) обороны[13,20) России[21,27)
        var doc = new EvalDocument("n", "Министерство обороны России",
            [S(0, 27, EntityType.ORG), S(21, 27, EntityType.LOC)],
            [S(0, 20, EntityType.ORG), S(21, 27, EntityType.LOC)]);
        var r = Evaluator.Evaluate([doc]);
        Assert.Equal(new PrfCounts(1, 0, 1, 0), r.Strict.ByType["ORG"]);
        Assert.Equal(new PrfCounts(1, 1, 1, 1), r.Strict.ByType["LOC"]);
        Assert.Equal(new PrfCounts(1, 1, 1, 1), r.Partial.ByType["ORG"]);
        // Tokens take the outermost span's type: gold ORG ORG ORG, pred ORG ORG LOC.
        Assert.Equal(new PrfCounts(2, 2, 3, 2), r.Token.ByType["ORG"]);
        Assert.Equal(new PrfCounts(1, 0, 0, 0), r.Token.ByType["LOC"]);
        Assert.Equal(new ErrorCounts(0, 0, 0, 1), r.Errors);
    }

    [Fact]
    public void Overlapping_predictions_pair_with_one_gold_span_at_most()
    {
        // Two crossing predictions over one gold span: both overlap it (partial precision 2/2), but only the larger
        // overlap is its wrong boundary; the other is spurious.
        var doc = new EvalDocument("o", "Anna Smith met Bob.",
            [S(0, 10, EntityType.PER)],
            [S(0, 4, EntityType.PER), S(2, 10, EntityType.PER)]);
        var r = Evaluator.Evaluate([doc]);
        Assert.Equal(new PrfCounts(2, 2, 1, 1), r.Partial.ByType["PER"]);
        Assert.Equal(new PrfCounts(2, 0, 1, 0), r.Strict.ByType["PER"]);
        Assert.Equal(new ErrorCounts(0, 1, 0, 1), r.Errors);
        var boundary = Assert.Single(r.Examples, e => e.Kind == ErrorKind.WrongBoundary);
        Assert.Equal((2, 10), (boundary.PredStart, boundary.PredEnd));
    }

    [Fact]
    public void Type_and_boundary_both_wrong_counts_as_wrong_type()
    {
        var doc = new EvalDocument("t", "Bank of Moscow", [S(0, 14, EntityType.ORG)], [S(8, 14, EntityType.LOC)]);
        var r = Evaluator.Evaluate([doc], new EvalOptions { Types = [EntityType.ORG, EntityType.LOC] });
        Assert.Equal(new ErrorCounts(0, 0, 1, 0), r.Errors);
    }

    [Fact]
    public void Duplicate_spans_count_once()
    {
        var doc = new EvalDocument("dup", "Bob", [S(0, 3, EntityType.PER), S(0, 3, EntityType.PER)], [S(0, 3, EntityType.PER), S(0, 3, EntityType.PER)]);
        Assert.Equal(new PrfCounts(1, 1, 1, 1), Evaluator.Evaluate([doc]).Strict.ByType["PER"]);
    }

    [Fact]
    public void Empty_input_gives_empty_figures()
    {
        var none = Evaluator.Evaluate([]);
        Assert.Equal(0, none.Documents);
        Assert.Empty(none.Types);
        Assert.Empty(none.Metrics());

        var empty = Evaluator.Evaluate([new EvalDocument("e", "", [], [])], new EvalOptions { Types = [EntityType.PER] });
        Assert.Equal(default, empty.Strict.Micro);
        Assert.Empty(empty.Metrics());
        Assert.Empty(empty.WorstDocuments);
    }

    [Fact]
    public void A_document_without_gold_makes_its_predictions_spurious()
    {
        var docs = new[]
        {
            new EvalDocument("a", "Bob", [S(0, 3, EntityType.PER)], [S(0, 3, EntityType.PER)]),
            new EvalDocument("b", "Tom", [], [S(0, 3, EntityType.PER)]),
        };
        var r = Evaluator.Evaluate(docs);
        Assert.Equal(new PrfCounts(2, 1, 1, 1), r.Strict.ByType["PER"]);
        Assert.Equal(new ErrorCounts(0, 1, 0, 0), r.Errors);
        Assert.Equal("b", Assert.Single(r.WorstDocuments).DocId);
    }

    [Fact]
    public void Unscored_types_are_ignored_on_both_sides()
    {
        var doc = new EvalDocument("u", "Bob on Monday", [S(0, 3, EntityType.PER)], [S(0, 3, EntityType.PER), S(7, 13, EntityType.DATE)]);
        var r = Evaluator.Evaluate([doc]);
        Assert.Equal(["PER"], r.Types);
        Assert.Equal(1.0, r.Strict.Micro.Precision);
        Assert.Equal(1, r.UnscoredPredictions);
        var withDate = Evaluator.Evaluate([doc], new EvalOptions { Types = [EntityType.DATE, EntityType.PER] });
        Assert.Equal(["PER", "DATE"], withDate.Types);
        Assert.Equal(0.5, withDate.Strict.Micro.Precision);
    }

    [Fact]
    public void Offsets_are_utf16_code_units_past_surrogate_pairs_and_combining_marks()
    {
        // "😀 Ха́рьков": the emoji is two code units [0,2); the city carries a combining acute (U+0301): [3,11).
        const string text = "😀 Ха\u0301рьков 😀";
        Assert.Equal([new TextRange(0, 2), new TextRange(3, 11), new TextRange(12, 14)], EvalTokens.Tokenize(text));
        var doc = new EvalDocument("u", text, [S(3, 11, EntityType.LOC, normal: "Харьков")], [S(3, 11, EntityType.LOC, normal: "Харьков")]);
        var r = Evaluator.Evaluate([doc]);
        Assert.Equal(new PrfCounts(1, 1, 1, 1), r.Strict.ByType["LOC"]);
        Assert.Equal(new PrfCounts(1, 1, 1, 1), r.Token.ByType["LOC"]);
        // One code unit short: no strict match, still a partial one; the token is no longer inside the prediction.
        var shifted = Evaluator.Evaluate([doc with { Predicted = [S(3, 10, EntityType.LOC)] }]);
        Assert.Equal(0, shifted.Strict.Micro.PredictedCorrect);
        Assert.Equal(1, shifted.Partial.Micro.PredictedCorrect);
        Assert.Equal(new PrfCounts(0, 0, 1, 0), shifted.Token.ByType["LOC"]);
    }

    [Fact]
    public void Tokens_are_letter_runs_digit_runs_and_single_other_characters()
    {
        const string text = "«Газпром»-2024, т.е. А320";
        var t = EvalTokens.Tokenize(text);
        Assert.Equal(["«", "Газпром", "»", "-", "2024", ",", "т", ".", "е", ".", "А", "320"], t.Select(r => r.Of(text)).ToArray());
    }

    [Fact]
    public void Folding_ignores_case_and_yo()
    {
        Assert.Equal(Evaluator.Fold("Алёна ЁЛКИНА"), Evaluator.Fold("алена елкина"));
    }

    [Fact]
    public void Worst_documents_rank_by_errors()
    {
        var docs = new[]
        {
            new EvalDocument("one", "Bob Tom", [S(0, 3, EntityType.PER)], []),
            new EvalDocument("two", "Bob Tom", [S(0, 3, EntityType.PER), S(4, 7, EntityType.PER)], []),
            new EvalDocument("ok", "Bob Tom", [S(0, 3, EntityType.PER)], [S(0, 3, EntityType.PER)]),
        };
        var r = Evaluator.Evaluate(docs, new EvalOptions { WorstDocuments = 5 });
        Assert.Equal(["two", "one"], r.WorstDocuments.Select(d => d.DocId));
    }
}
