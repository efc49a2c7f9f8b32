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
/// A name's spelling in another script, in brackets right after it, is tagged with the name's type («Ма Лин (马凌)»).
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
        ParenthesisedSpellings(document);
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

    /// <summary>Lower-case words a Latin name may have inside («Hochheim am Main», «Bank of China», «Leonardo da Vinci»).</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "am", "an", "im", "de", "da", "di", "do", "du", "des", "del", "della", "la", "le", "el", "al",
        "von", "van", "der", "den", "ten", "ter", "y", "e", "bin", "ibn",
    };

    /// <summary>
    /// Tags the spelling in another script that a Russian name gives in brackets right after it, with the name's type:
    /// «Ма Лин (马凌)», «Хоххайм-ам-Майн (Hochheim am Main)», «Джошуа Вольфа (Joshua Wolf)». The bracket holds only that
    /// spelling: one to six words, none tagged, no Cyrillic letter, Latin words capitalised (or connectors: «am», «of»).
    /// </summary>
    private static void ParenthesisedSpellings(Document document)
    {
        var mentions = document.Mentions;
        var tokens = document.Tokens;
        int count = mentions.Count;
        for (int i = 0; i < count; i++)
        {
            var m = mentions[i];
            if (m.Type is not (EntityType.PER or EntityType.ORG or EntityType.LOC)) continue;
            var (first, end) = tokens.Covering(m.Range);
            if (end >= tokens.Count - 2 || tokens[end - 1].End != m.Range.End || !tokens[end - 1].Has(TokenFlags.HasCyrillic)) continue;
            if (document.Text[tokens[end].Start] != '(') continue;
            int close = end + 1;
            while (close < tokens.Count && close - end <= 12 && document.Text[tokens[close].Start] != ')') close++;
            if (close >= tokens.Count || document.Text[tokens[close].Start] != ')' || !IsSpelling(document, end + 1, close)) continue;
            var range = new TextRange(tokens[end + 1].Start, tokens[close - 1].End);
            bool tagged = false;
            foreach (var other in mentions)
                if (other.Range.Start < range.End && other.Range.End > range.Start) { tagged = true; break; }
            if (!tagged) mentions.Add(new Mention(range, m.Type, Source, m.Confidence));
        }
        if (mentions.Count > count) document.SortMentions();
    }

    /// <summary>Tokens [<paramref name="from"/>, <paramref name="to"/>) are a name's spelling in a script other than Cyrillic.</summary>
    private static bool IsSpelling(Document document, int from, int to)
    {
        var tokens = document.Tokens;
        int words = 0;
        for (int k = from; k < to; k++)
        {
            ref readonly var t = ref tokens[k];
            var text = document.Span(t.Range);
            if (t.Kind != TokenKind.Word)
            {
                // Inner punctuation of a name («O’Brien», «Saint-Denis», «Jr.»); anything else ends the spelling.
                if (k == from || k == to - 1 || !(text is "-" or "’" or "'" or ".")) return false;
                continue;
            }
            if (t.Has(TokenFlags.HasCyrillic) || t.Has(TokenFlags.HasDigit)) return false;
            words++;
            if (t.Has(TokenFlags.HasLatin) && !t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.AllCaps)
                && (k == from || k == to - 1 || !Connectors.Contains(text.ToString()))) return false;
        }
        return words is >= 1 and <= 6;
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
