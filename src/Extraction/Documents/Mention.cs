namespace Extraction.Documents;

/// <summary>
/// An entity mention: a span layer over the document text. Taggers keep their BIO/BILOU labels
/// to themselves and emit these. The verbatim form is always <c>Range.Of(text)</c>; normalization adds
/// <see cref="Normal"/> and linking adds <see cref="EntityId"/>.
/// </summary>
public sealed class Mention
{
    public Mention(TextRange range, EntityType type, string source, float confidence = 1f)
    {
        Range = range;
        Type = type;
        Source = source;
        Confidence = confidence;
    }

    /// <summary>
    /// The same span as another type, said by <paramref name="source"/> (a check stage); its confidence stays. For stages
    /// before <c>normalize</c>: the normal form and entity id are not carried over.
    /// </summary>
    public Mention Retyped(EntityType type, string source) => new(Range, type, source, Confidence);

    public TextRange Range { get; }
    public EntityType Type { get; }
    /// <summary>Which stage or rule produced the mention (for dates: how the value was resolved).</summary>
    public string Source { get; set; }
    public float Confidence { get; set; }

    /// <summary>Normal form: nominative name for PER/ORG/LOC, a TIMEX3-style ISO value for DATE.</summary>
    public string? Normal { get; set; }

    /// <summary>Stable entity id, assigned by linking.</summary>
    public string? EntityId { get; set; }

    /// <summary>Document-local cluster key assigned by in-document linking (mentions with one key are one entity).</summary>
    public int Cluster { get; set; } = -1;

    /// <summary>Language-independent key that in-document and corpus linking compare (e.g. a transliterated name).</summary>
    public string? LinkKey { get; set; }

    public override string ToString() => $"{Type} {Range} {Normal}";
}
