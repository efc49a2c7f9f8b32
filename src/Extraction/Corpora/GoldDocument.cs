using Extraction.Documents;

namespace Extraction.Corpora;

/// <summary>
/// An annotated document from a gold corpus: its text and gold spans over it (half-open UTF-16 ranges).
/// Token-based corpora (CoNLL) build the text by joining tokens with single spaces (sentences by newlines)
/// and keep the token ranges in <see cref="Tokens"/>.
/// </summary>
public sealed record GoldDocument(string Id, string Text, IReadOnlyList<GoldSpan> Spans)
{
    /// <summary>Gold tokenization when the corpus has one (CoNLL, factRuEval); otherwise null.</summary>
    public IReadOnlyList<TextRange>? Tokens { get; init; }

    /// <summary>Sentence ranges when the corpus marks them; otherwise null.</summary>
    public IReadOnlyList<TextRange>? Sentences { get; init; }

    /// <summary>The document creation time (ISO) when the corpus gives one (MEANTIME, GUM), for anchoring dates.</summary>
    public string? DocumentDate { get; init; }

    public Language Language { get; init; } = Language.Other;
}

/// <summary>
/// A gold span: range, type, and optionally the gold normal form (nominative / base form), the gold DATE value
/// (TIMEX3), the gold entity/cluster id, and the corpus' own label before mapping.
/// </summary>
public sealed record GoldSpan(TextRange Range, EntityType Type)
{
    public string? Normal { get; init; }
    public string? Value { get; init; }
    public string? EntityId { get; init; }
    public string? OriginalLabel { get; init; }
}
