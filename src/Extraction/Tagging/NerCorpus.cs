using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tagging;

/// <summary>
/// Turns gold documents into pipeline <see cref="Document"/>s the tagger reads (tokens, sentences, language) and gold
/// BILOU labels; makes case variants of sentences for training (all caps, lower case).
/// </summary>
public static class NerCorpus
{
    /// <summary>
    /// Builds a document from <paramref name="gold"/>: with <paramref name="goldTokens"/> and a corpus tokenization, its tokens
    /// and sentences are kept; otherwise the text is tokenized and split as the pipeline does. Every sentence gets <paramref name="language"/>.
    /// </summary>
    public static Document ToDocument(GoldDocument gold, Language language, bool goldTokens)
    {
        var doc = new Document(gold.Id, gold.Text) { Language = language };
        if (goldTokens && gold.Tokens is { Count: > 0 } tokens)
        {
            var text = gold.Text.AsSpan();
            int previousEnd = 0;
            foreach (var r in tokens)
            {
                var s = text.Slice(r.Start, r.Length);
                var kind = KindOf(s);
                var flags = Tokenizer.Describe(s, kind);
                if (previousEnd == 0 || text[previousEnd..r.Start].ContainsAny('\n', '\r')) flags |= TokenFlags.LineStart;
                if (r.End >= text.Length || CharClass.IsWhiteSpace(text[r.End])) flags |= TokenFlags.SpaceAfter;
                if (s.Length == 1 && kind == TokenKind.Punctuation)
                {
                    char c = s[0];
                    bool opening = CharClass.IsOpenQuote(c) || (c == '"' && (r.Start == 0 || CharClass.IsWhiteSpace(text[r.Start - 1]) || CharClass.IsOpenQuote(text[r.Start - 1])));
                    if (opening) flags |= TokenFlags.OpenQuote;
                    else if (CharClass.IsCloseQuote(c) || c == '"') flags |= TokenFlags.CloseQuote;
                }
                doc.Tokens.Add(new Token(r, kind, flags));
                previousEnd = r.End;
            }
            if (gold.Sentences is { Count: > 0 } sentences) AddSentences(doc, sentences);
            else SentenceSplitter.Split(doc);
        }
        else
        {
            Tokenizer.Tokenize(doc.Text, doc.Tokens);
            SentenceSplitter.Split(doc);
        }
        for (int i = 0; i < doc.Sentences.Count; i++) doc.Sentences[i] = doc.Sentences[i] with { Language = language };
        return doc;
    }

    private static TokenKind KindOf(ReadOnlySpan<char> s)
    {
        char c = s[0];
        if (CharClass.IsLetter(c))
            return s.Length == 2 && s[1] == '.' && CharClass.IsUpper(c) ? TokenKind.Initial : TokenKind.Word;
        if (CharClass.IsDigit(c)) return TokenKind.Number;
        return char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }

    private static void AddSentences(Document doc, IReadOnlyList<TextRange> sentences)
    {
        var tokens = doc.Tokens.AsSpan();
        int next = 0;
        foreach (var r in sentences)
        {
            var (first, end) = doc.Tokens.Covering(r);
            first = Math.Max(first, next);
            if (end <= first) continue;
            int index = doc.Sentences.Count;
            for (int k = first; k < end; k++) tokens[k].Sentence = index;
            tokens[first].Flags |= TokenFlags.SentenceStart;
            doc.Sentences.Add(new Sentence(first, end, new TextRange(tokens[first].Start, tokens[end - 1].End), doc.Language));
            next = end;
        }
    }

    /// <summary>
    /// What the tagger is trained to predict from a corpus' spans: PER/ORG/LOC names only — spans starting with a lower-case
    /// letter are descriptions, not names (NEREL's «правительства Китая», «полиция», «российских» are dropped, so a name nested
    /// inside them, «Китая», becomes the target) — and of nested names the outermost (<see cref="Brat.Outermost"/>).
    /// With a <paramref name="profile"/>, an ORG or LOC span whose first word is capitalised only because it starts a sentence
    /// is a description too when the profile's corpus writes that word in lower case mid-sentence
    /// (<see cref="CaseProfile.StartsDescription"/>: «Власти Германии», «Полиция Бельгии», «Российские» at a sentence start
    /// are the same descriptions as «власти Германии» elsewhere).
    /// </summary>
    public static IReadOnlyList<GoldSpan> Targets(string text, IReadOnlyList<GoldSpan> spans, CaseProfile? profile = null) =>
        Brat.Outermost(spans.Where(s => Bilou.IndexOf(s.Type) >= 0 && !IsDescription(text, s, profile)).ToList());

    private static bool IsDescription(string text, GoldSpan span, CaseProfile? profile)
    {
        var range = span.Range;
        if (range.Length == 0) return false;
        if (CharClass.IsLower(text[range.Start])) return true;
        if (profile is null || span.Type == EntityType.PER || !SentenceInitial(text, range.Start)) return false;
        var first = Word(text, range.Start, range.End);
        int next = range.Start + first.Length;
        while (next < range.End && text[next] == ' ') next++;
        return profile.StartsDescription(first, Word(text, next, range.End));
    }

    private static ReadOnlySpan<char> Word(string text, int start, int end)
    {
        int k = start;
        while (k < end && (CharClass.IsLetter(text[k]) || text[k] == '-')) k++;
        return text.AsSpan(start, k - start);
    }

    /// <summary>
    /// Whether only white space, opening quotes and dashes on the same line separate <paramref name="start"/> from the text
    /// start, a line start or a sentence-final mark (a quoted sentence «"Отношения Казахстана с Россией …"» starts at its word).
    /// </summary>
    private static bool SentenceInitial(string text, int start)
    {
        int i = start - 1;
        while (i >= 0 && (text[i] is ' ' or '\t' or '\u00A0' or '"' or '—' or '–' or '-' || CharClass.IsOpenQuote(text[i]))) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or '…' or '\n' or '\r';
    }

    /// <summary>
    /// Gold labels per token of <paramref name="doc"/> for the <see cref="Targets"/> among <paramref name="spans"/> (with <paramref name="profile"/>);
    /// a span crossing a sentence boundary is cut there so every sentence's labels are well formed.
    /// </summary>
    public static int[] Labels(Document doc, IReadOnlyList<GoldSpan> spans, CaseProfile? profile = null,
        IReadOnlyList<OtherSpan>? others = null, IReadOnlySet<string>? otherLabels = null)
    {
        var labels = new int[doc.Tokens.Count];
        var pieces = new List<(int, int, int)>();
        var tokens = doc.Tokens.AsSpan();
        int taken = 0;
        var targets = Targets(doc.Text, spans, profile);
        foreach (var span in targets)
        {
            var (first, end) = doc.Tokens.Covering(span.Range);
            first = Math.Max(first, taken);
            if (end <= first) continue;
            taken = end;
            int t = Bilou.IndexOf(span.Type);
            int a = first;
            for (int k = first + 1; k <= end; k++)
                if (k == end || tokens[k].Sentence != tokens[a].Sentence)
                {
                    pieces.Add((a, k, t));
                    a = k;
                }
        }
        if (others is { Count: > 0 } && otherLabels is { Count: > 0 })
            foreach (var range in OtherTargets(doc.Text, others, otherLabels, targets))
            {
                var (first, end) = doc.Tokens.Covering(range);
                if (end > first && !pieces.Exists(p => p.Item1 < end && first < p.Item2)) pieces.Add((first, end, Bilou.OtherType));
            }
        Bilou.Encode(pieces, labels);
        return labels;
    }

    /// <summary>
    /// The spans of <paramref name="others"/> taught as the X label (<see cref="Bilou.Other"/>): of a label in
    /// <paramref name="labels"/>, starting with a capital letter or a digit (a lower-case start is a description, as for the
    /// targets), overlapping no target (a facility named after a person, «конкурса имени Чайковского», keeps its person as the
    /// target), and, when the span starts a sentence, with a capitalised word after its first (a sentence start capitalises
    /// any noun: «Стрельба», «Митинг» are no names).
    /// </summary>
    public static IEnumerable<TextRange> OtherTargets(string text, IReadOnlyList<OtherSpan> others, IReadOnlySet<string> labels, IReadOnlyList<GoldSpan> targets)
    {
        foreach (var other in others)
        {
            var r = other.Range;
            if (r.Length == 0 || !labels.Contains(other.Label)) continue;
            char c = text[r.Start];
            if (!(CharClass.IsUpper(c) || CharClass.IsDigit(c))) continue;
            bool overlaps = false;
            foreach (var t in targets)
                if (t.Range.Start < r.End && r.Start < t.Range.End) { overlaps = true; break; }
            if (overlaps) continue;
            if (SentenceInitial(text, r.Start) && !HasLaterCapital(text, r)) continue;
            yield return r;
        }
    }

    /// <summary>Whether a word after the first of <paramref name="range"/> starts with a capital letter.</summary>
    private static bool HasLaterCapital(string text, TextRange range)
    {
        for (int k = range.Start + 1; k < range.End; k++)
            if (CharClass.IsUpper(text[k]) && !CharClass.IsLetter(text[k - 1])) return true;
        return false;
    }

    /// <summary>
    /// Whether sentence <paramref name="sentence"/> of a silver document (<paramref name="marks"/>, gold labels <paramref name="labels"/>)
    /// is trusted as training data under <paramref name="mode"/>. Never when it holds a doubtful range (<see cref="SilverMarks.Doubtful"/>);
    /// <see cref="SilverSentences.Matched"/> also needs a target in it; <see cref="SilverSentences.Explained"/> needs every
    /// capitalised word after the sentence's first word inside a target or an explained range (an unlisted name would
    /// otherwise teach the tagger that it is no name).
    /// </summary>
    public static bool KeepSilver(Document doc, int sentence, int[] labels, SilverMarks marks, SilverSentences mode)
    {
        var s = doc.Sentences[sentence];
        if (marks.Doubtful.Any(r => r.Start < s.Range.End && s.Range.Start < r.End)) return false;
        var tokens = doc.Tokens.AsSpan();
        switch (mode)
        {
            case SilverSentences.Matched:
                return labels.AsSpan(s.FirstToken, s.TokenCount).ContainsAnyExcept(0);
            case SilverSentences.Explained:
                bool first = true;
                for (int k = s.FirstToken; k < s.EndToken; k++)
                {
                    var t = tokens[k];
                    if (t.Kind is not (TokenKind.Word or TokenKind.Initial)) continue;
                    bool capital = CharClass.IsUpper(doc.Text[t.Start]);
                    if (!first && capital && labels[k] == 0 && !marks.Explained.Any(r => r.Start <= t.Start && t.End <= r.End)) return false;
                    first = false;
                }
                return true;
            default:
                return true;
        }
    }

    /// <summary>
    /// The target names of <paramref name="documents"/> by <see cref="SwapKey"/>: distinct one-line surfaces without quotes,
    /// in first-seen order (the pool <see cref="SwapNames"/> draws replacements from).
    /// </summary>
    public static Dictionary<string, List<string>> NamePool(IEnumerable<GoldDocument> documents, CaseProfile? profile = null)
    {
        var pool = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gold in documents)
            foreach (var span in Targets(gold.Text, gold.Spans, profile))
            {
                var surface = gold.Text[span.Range.Start..span.Range.End];
                if (!Swappable(surface) || !seen.Add($"{span.Type} {surface}")) continue;
                var key = SwapKey(span.Type, surface);
                if (!pool.TryGetValue(key, out var list)) pool[key] = list = [];
                list.Add(surface);
            }
        return pool;
    }

    private static bool Swappable(string surface) =>
        surface.AsSpan().IndexOfAny("\n\r\"«»“”„'") < 0 && surface.Length >= 2;

    /// <summary>
    /// Names that may replace each other: same type, same number of words and the same last two letters (lower case), so a
    /// Russian replacement mostly keeps the grammatical case of the name it replaces («в Лондоне» → «в Берлине»).
    /// </summary>
    private static string SwapKey(EntityType type, string surface)
    {
        int words = surface.Count(c => c == ' ') + 1;
        var tail = surface.Length >= 2 ? surface[^2..].ToLowerInvariant() : surface.ToLowerInvariant();
        return $"{type} {words} {tail}";
    }

    /// <summary>
    /// A copy of <paramref name="gold"/> whose target names are replaced by other names from <paramref name="pool"/> of the
    /// same <see cref="SwapKey"/> (the same surface always by the same replacement, so document-level evidence stays
    /// consistent), with the spans moved accordingly; null when no name could be replaced. Augmentation: the contexts
    /// are seen with names the tagger has to recognise from context rather than from memory.
    /// </summary>
    public static GoldDocument? SwapNames(GoldDocument gold, Dictionary<string, List<string>> pool, Random rng, CaseProfile? profile = null)
    {
        var text = new System.Text.StringBuilder(gold.Text.Length + 64);
        var spans = new List<GoldSpan>();
        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        int at = 0, swapped = 0;
        foreach (var span in Targets(gold.Text, gold.Spans, profile))
        {
            var surface = gold.Text[span.Range.Start..span.Range.End];
            if (!chosen.TryGetValue(surface, out var replacement))
            {
                replacement = surface;
                if (Swappable(surface) && pool.TryGetValue(SwapKey(span.Type, surface), out var list) && list.Count > 1)
                    replacement = list[rng.Next(list.Count)];
                chosen[surface] = replacement;
            }
            if (replacement != surface) swapped++;
            text.Append(gold.Text, at, span.Range.Start - at);
            spans.Add(new GoldSpan(new TextRange(text.Length, text.Length + replacement.Length), span.Type));
            text.Append(replacement);
            at = span.Range.End;
        }
        if (swapped == 0) return null;
        text.Append(gold.Text, at, gold.Text.Length - at);
        return new GoldDocument(gold.Id + "~swap", text.ToString(), spans) { Language = gold.Language };
    }

    /// <summary>A copy of <paramref name="doc"/> whose sentence <paramref name="sentence"/> is written all upper or all lower case.</summary>
    public static Document CaseVariant(Document doc, int sentence, bool upper)
    {
        var s = doc.Sentences[sentence];
        var spelling = new TokenSpelling[doc.Tokens.Count];
        spelling.AsSpan(s.FirstToken, s.TokenCount).Fill(upper ? TokenSpelling.Capitals : TokenSpelling.Lower);
        return Truecaser.Copy(doc, spelling);
    }
}
