namespace Extraction.Output;

/// <summary>Status of a document in <c>documents.csv</c>.</summary>
public static class DocumentStatus
{
    public const string Ok = "ok";
    public const string Failed = "failed";
    /// <summary>The run was interrupted while this document was being processed: only its first pieces are in the tables.</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>
/// A row of <c>documents.csv</c>: one per input file, processed or failed. <c>pieces</c> is how many pieces a long text was
/// processed in (offsets always refer to the whole text); <c>replaced</c> counts invalid byte sequences decoded as U+FFFD.
/// </summary>
public sealed record DocumentRow(
    string DocId, string Language, string? Date, int Chars, int Tokens, int Sentences, int Mentions,
    string Status, string? Error, string? Encoding = null, string? DateSource = null, long Bytes = 0, int Pieces = 0, int Replaced = 0)
{
    public static readonly string[] Header =
    [
        "doc_id", "language", "date", "chars", "tokens", "sentences", "mentions", "status", "error", "encoding", "date_source", "bytes",
        "pieces", "replaced",
    ];
}

/// <summary>A row of <c>mentions.csv</c>; <c>text == content.Substring(start, end - start)</c>.</summary>
public sealed record MentionRow(
    string DocId, int Start, int End, string Text, string Type, string? Normalized, string? EntityId,
    int Sentence, string Source, float Confidence)
{
    public static readonly string[] Header =
        ["doc_id", "start", "end", "text", "type", "normalized", "entity_id", "sentence", "source", "confidence"];
}

/// <summary>A row of <c>entities.csv</c>: one real-world thing.</summary>
public sealed record EntityRow(
    string EntityId, string Type, string Name, string? NameEn, string? NameRu, string Aliases, int Mentions, int Documents,
    string? ExternalId = null)
{
    public static readonly string[] Header =
        ["entity_id", "type", "name", "name_en", "name_ru", "aliases", "mentions", "documents", "external_id"];
}
