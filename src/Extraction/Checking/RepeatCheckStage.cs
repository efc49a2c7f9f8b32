using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Checking;

/// <summary>Options of the <c>repeat-check</c> stage (none yet).</summary>
public sealed record RepeatCheckOptions;

/// <summary>
/// Tags as PER a capitalised Cyrillic word the tagger left untagged when it repeats a word of a person mention of the same
/// document in the same form or with a case ending («Байден, баллотирующийся в президенты…» after «Джо Байдена»). The tagger
/// reads a lone capitalised word at a sentence start with little context; the document has already named the person.
/// Latin words are left alone: in English text the rule repeats the tagger's misread persons as often as it finds missed
/// ones (CoNLL eng.testa: «King» ×6 found, «Mercantile», «Boatmen» ×2, «Real» turned into persons; micro F1 unchanged).
/// </summary>
public sealed class RepeatCheckStage : IStage
{
    public const string Source = "repeat-check";

    /// <summary>Endings a Russian surname takes in its cases («Байден» → «Байдена», «Байденом»).</summary>
    private static readonly string[] Endings = ["а", "у", "ом", "е", "ым", "ой", "ей", "ы", "ю", "ем"];

    public string Name => "repeat-check";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Entities];
    public IReadOnlyList<string> Provides => [];

    /// <summary>
    /// Per thread, reused across documents: the person mentions' name words in lower case (looked up by span, so a
    /// candidate word costs a few hash lookups however many names the document has), and which tokens a mention covers.
    /// </summary>
    [ThreadStatic] private static HashSet<string>? t_names;
    [ThreadStatic] private static bool[]? t_covered;

    public void Process(Document document)
    {
        var mentions = document.Mentions;
        var tokens = document.Tokens;
        var names = t_names ??= new HashSet<string>(StringComparer.Ordinal);
        names.Clear();
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[MaxWord + 2];
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.PER) continue;
            var (first, end) = tokens.Covering(m.Range);
            for (int k = first; k < end; k++)
                if (IsCandidate(document, k)) AddName(lookup, document, k, buffer);
        }
        if (names.Count == 0) return;
        if (t_covered is null || t_covered.Length < tokens.Count) t_covered = new bool[Math.Max(tokens.Count, 1024)];
        var covered = t_covered.AsSpan(0, tokens.Count);
        covered.Clear();
        foreach (var m in mentions)
        {
            var (first, end) = tokens.Covering(m.Range);
            covered[first..end].Fill(true);
        }
        int count = mentions.Count;
        // A word found joins the names, so a later pass finds its other forms («Байден» → «Байденом»).
        for (int pass = 0, found = 1; pass < 3 && found > 0; pass++)
        {
            found = 0;
            for (int k = 0; k < tokens.Count; k++)
            {
                if (covered[k] || !IsCandidate(document, k) || !Repeats(lookup, document.Span(tokens[k].Range), buffer)) continue;
                mentions.Add(new Mention(tokens[k].Range, EntityType.PER, Source, 0.5f));
                covered[k] = true;
                AddName(lookup, document, k, buffer);
                found++;
            }
        }
        if (mentions.Count > count) document.SortMentions();
        names.Clear(); // the document's name strings are not kept alive by the thread
    }

    /// <summary>Longest word looked up (longer words are compared by no name: none is that long).</summary>
    private const int MaxWord = 64;

    private static void AddName(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> names, Document document, int k, Span<char> buffer)
    {
        var word = document.Span(document.Tokens[k].Range);
        if (word.Length > MaxWord) return;
        int n = word.ToLowerInvariant(buffer);
        names.Add(buffer[..n]);
    }

    /// <summary>
    /// Whether <paramref name="word"/> is a name word of the set in the same form, or with a case ending added to or taken
    /// from one of four letters or more — <see cref="SameName"/> against every name, by lookups.
    /// </summary>
    internal static bool Repeats(HashSet<string>.AlternateLookup<ReadOnlySpan<char>> names, ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length > MaxWord) return false;
        int n = word.ToLowerInvariant(buffer);
        var lower = buffer[..n];
        if (names.Contains(lower)) return true;
        foreach (var e in Endings)
        {
            // The name is the word without an ending («Байдена» after «Байден»)…
            if (n - e.Length >= 4 && lower.EndsWith(e, StringComparison.Ordinal) && names.Contains(lower[..(n - e.Length)])) return true;
            // …or the word with one («Байден» after «Байдена»).
            if (n >= 4)
            {
                e.AsSpan().CopyTo(buffer[n..]);
                if (names.Contains(buffer[..(n + e.Length)])) return true;
            }
        }
        return false;
    }

    /// <summary>A Cyrillic word of four letters or more, capitalised but not all in capitals.</summary>
    private static bool IsCandidate(Document document, int k)
    {
        ref readonly var t = ref document.Tokens[k];
        return t.Kind == TokenKind.Word && t.Range.Length >= 4 && t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.AllCaps)
               && t.Has(TokenFlags.HasCyrillic);
    }

    /// <summary>
    /// The same word, or the longer one the shorter (four letters or more) with a case ending («Байден», «Байдена»).
    /// Two oblique forms are not compared by their stems: the document's misread persons would spread («Острова Уайт» →
    /// «Острове»).
    /// </summary>
    internal static bool SameName(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Equals(b, StringComparison.OrdinalIgnoreCase)) return true;
        var shorter = a.Length < b.Length ? a : b;
        var longer = a.Length < b.Length ? b : a;
        if (shorter.Length < 4 || !longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)) return false;
        var ending = longer[shorter.Length..];
        foreach (var e in Endings)
            if (ending.Equals(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
