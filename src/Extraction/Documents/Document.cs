namespace Extraction.Documents;

/// <summary>
/// One document: an immutable text and the layers stages add over it (tokens, sentences, language,
/// document date, mentions). Nothing in a layer copies text; everything is a <see cref="TextRange"/>.
/// </summary>
public sealed class Document
{
    public Document(string id, string text)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    /// <summary>Path relative to the input root, with '/' separators.</summary>
    public string Id { get; }

    /// <summary>The decoded text (BOM dropped, nothing else changed). All offsets refer to it.</summary>
    public string Text { get; }

    public Language Language { get; set; } = Language.Other;

    public TokenTable Tokens { get; } = new();

    public List<Sentence> Sentences { get; } = [];

    public List<Mention> Mentions { get; } = [];

    /// <summary>Ranges that are page furniture (menus, share rows, footers): stages do not tag inside them.</summary>
    public List<TextRange> Furniture { get; } = [];

    /// <summary>
    /// Per token, how ordinary text would spell it when its sentence is written without case distinctions (set by the
    /// <c>ner</c> stage, which tags such sentences respelt); null when no sentence needed it. Readers that compare words
    /// with dictionaries (normal forms) read <see cref="Respelt"/>; offsets and mention texts stay those of <see cref="Text"/>.
    /// </summary>
    public TokenSpelling[]? Spelling { get; set; }

    /// <summary>The text of <paramref name="range"/> with the <see cref="Spelling"/> layer applied (the plain slice without it).</summary>
    public string Respelt(TextRange range)
    {
        if (Spelling is not { } spelling) return Slice(range);
        var chars = Text.ToCharArray(range.Start, range.Length);
        var tokens = Tokens.AsSpan();
        Span<char> buffer = stackalloc char[128];
        var (first, end) = Tokens.Covering(range);
        for (int k = first; k < end; k++)
        {
            ref readonly var t = ref tokens[k];
            if (spelling[k] == TokenSpelling.AsWritten) continue;
            int from = Math.Max(t.Start, range.Start), to = Math.Min(t.End, range.End);
            // A token cut by the range is respelt as a whole, then cut.
            var word = t.Range.Length <= buffer.Length ? buffer[..t.Range.Length] : new char[t.Range.Length];
            TokenSpellings.Apply(Text.AsSpan(t.Start, t.Range.Length), spelling[k], word);
            word[(from - t.Start)..(to - t.Start)].CopyTo(chars.AsSpan(from - range.Start));
        }
        return new string(chars);
    }

    /// <summary>The article's own date, when known (the anchor for relative dates).</summary>
    public DocumentDate? Date { get; set; }

    public ReadOnlySpan<char> Span(TextRange range) => Text.AsSpan(range.Start, range.Length);

    public string Slice(TextRange range) => Text.Substring(range.Start, range.Length);

    /// <summary>Adds a mention after checking its range lies inside the text.</summary>
    public void AddMention(Mention mention)
    {
        mention.Range.Validate(Text.Length);
        Mentions.Add(mention);
    }

    /// <summary>Sorts mentions by start, then longer first: the order tables are written in.</summary>
    public void SortMentions() => Mentions.Sort(static (a, b) =>
        a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : b.Range.End.CompareTo(a.Range.End));
}

/// <summary>
/// The document date: <see cref="Value"/> is a TIMEX3-style ISO value that may be partial
/// (<c>2015-12-23</c>, <c>XXXX-06-23</c>), with the time when the dateline has one; <see cref="Source"/>
/// says where it came from (dateline, user, metadata, inferred).
/// </summary>
public sealed record DocumentDate(string Value, string Source, TextRange? Range = null)
{
    /// <summary>The calendar date when the value is complete to the day, otherwise null.</summary>
    public DateOnly? Day => Value.Length >= 10 && DateOnly.TryParseExact(Value.AsSpan(0, 10), "yyyy-MM-dd", out var d) ? d : null;
}
