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

    /// <summary>Per thread: the name words (token indices) and which tokens a mention covers; reused across documents.</summary>
    [ThreadStatic] private static List<int>? t_names;
    [ThreadStatic] private static bool[]? t_covered;

    public void Process(Document document)
    {
        var mentions = document.Mentions;
        var tokens = document.Tokens;
        var names = t_names ??= [];
        names.Clear();
        foreach (var m in mentions)
        {
            if (m.Type != EntityType.PER) continue;
            var (first, end) = tokens.Covering(m.Range);
            for (int k = first; k < end; k++)
                if (IsCandidate(document, k)) names.Add(k);
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
                if (covered[k] || !IsCandidate(document, k) || !Repeats(document, k, names)) continue;
                mentions.Add(new Mention(tokens[k].Range, EntityType.PER, Source, 0.5f));
                covered[k] = true;
                names.Add(k);
                found++;
            }
        }
        if (mentions.Count > count) document.SortMentions();
    }

    private static bool Repeats(Document document, int k, List<int> names)
    {
        var word = document.Span(document.Tokens[k].Range);
        foreach (var n in names)
            if (SameName(word, document.Span(document.Tokens[n].Range))) return true;
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
