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

    /// <summary>For a silver corpus (spans matched from document-level annotations, <see cref="Bsnlp.Silver"/>): what else the annotation says about the text; null for gold corpora.</summary>
    public SilverMarks? Silver { get; init; }

    /// <summary>
    /// The corpus' spans of types that map to no <see cref="EntityType"/> (NEREL FACILITY, EVENT, WORK_OF_ART, …), with their
    /// labels; training may teach them as the tagger's X label (<see cref="Tagging.NerTrainingOptions.OtherNames"/>). Empty when the reader keeps none.
    /// </summary>
    public IReadOnlyList<OtherSpan> Others { get; init; } = [];
}

/// <summary>A gold span of a corpus type outside PER/ORG/LOC/DATE (<see cref="GoldDocument.Others"/>).</summary>
public sealed record OtherSpan(TextRange Range, string Label);

/// <summary>
/// What a silver annotation knows beyond its spans. <paramref name="Explained"/>: ranges annotated as something that is not
/// a PER/ORG/LOC name (an event such as «Brexit»), so their capitalised words are rightly outside every span.
/// <paramref name="Doubtful"/>: ranges whose type has no fixed counterpart in the target convention (BSNLP PRO: «The Guardian»
/// is a product there and an organisation in NEREL), so sentences holding them are no evidence either way.
/// </summary>
public sealed record SilverMarks(IReadOnlyList<TextRange> Explained, IReadOnlyList<TextRange> Doubtful);

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
