using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Evaluation;

/// <summary>
/// One document to score: its text, the gold spans and the predicted spans over it. Predictions use
/// <see cref="GoldSpan"/> too: <see cref="GoldSpan.Normal"/> is the predicted normal form of a PER/ORG/LOC mention and
/// <see cref="GoldSpan.Value"/> the predicted value of a DATE (see <see cref="FromMention"/>).
/// </summary>
public sealed record EvalDocument(string Id, string Text, IReadOnlyList<GoldSpan> Gold, IReadOnlyList<GoldSpan> Predicted)
{
    /// <summary>A pipeline mention as a prediction: its normal form goes to <c>Value</c> for DATE and to <c>Normal</c> otherwise.</summary>
    public static GoldSpan FromMention(Mention m) => Prediction(m.Range, m.Type, m.Normal);

    /// <summary>A prediction with the normalized column of our tables (a DATE value or a normal form, by type).</summary>
    public static GoldSpan Prediction(TextRange range, EntityType type, string? normalized) =>
        type == EntityType.DATE
            ? new GoldSpan(range, type) { Value = normalized }
            : new GoldSpan(range, type) { Normal = normalized };
}
