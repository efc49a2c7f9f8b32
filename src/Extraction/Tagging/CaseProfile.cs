using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tagging;

/// <summary>
/// How a corpus writes each word form in the middle of a sentence: how often in lower case, how often capitalised
/// (all-caps forms, sentence-initial words and words right after an opening quote are not counted). It tells whether a
/// capitalised sentence-initial word is a common word that the sentence start capitalised («Власти Германии …»: the
/// corpus writes «власти» in lower case) or a name (NEREL's «Министерство обороны …», «Верховный суд …»). Word pairs
/// are counted too (by the case of their first word): «Совет Федерации» is a name though «совет» is mostly lower case.
/// </summary>
public sealed class CaseProfile
{
    private readonly HashMap64<(int Lower, int Capitalized)> _counts;

    private CaseProfile(HashMap64<(int Lower, int Capitalized)> counts) => _counts = counts;

    /// <summary>Counts the mid-sentence word forms of <paramref name="documents"/>, tokenized and split as the pipeline does.</summary>
    public static CaseProfile Build(IEnumerable<GoldDocument> documents)
    {
        var counts = new HashMap64<(int Lower, int Capitalized)>(1 << 16);
        foreach (var gold in documents)
        {
            var doc = new Document(gold.Id, gold.Text);
            Tokenizer.Tokenize(doc.Text, doc.Tokens);
            SentenceSplitter.Split(doc);
            var tokens = doc.Tokens.AsSpan();
            for (int i = 1; i < tokens.Length; i++)
            {
                ref readonly var t = ref tokens[i];
                if (t.Kind != TokenKind.Word || t.Has(TokenFlags.SentenceStart | TokenFlags.LineStart | TokenFlags.AllCaps)
                    || tokens[i - 1].Has(TokenFlags.OpenQuote)) continue;
                if (!t.Has(TokenFlags.Lower | TokenFlags.Capitalized)) continue;
                bool lower = t.Has(TokenFlags.Lower);
                var key = FeatureHash.OfLower(t.Range.Slice(doc.Text));
                Count(counts, key, lower);
                if (i + 1 < tokens.Length && tokens[i + 1].Kind == TokenKind.Word && tokens[i + 1].Sentence == t.Sentence)
                    Count(counts, PairKey(key, FeatureHash.OfLower(tokens[i + 1].Range.Slice(doc.Text))), lower);
            }
        }
        return new CaseProfile(counts);
    }

    private static void Count(HashMap64<(int Lower, int Capitalized)> counts, ulong key, bool lower)
    {
        ref var c = ref counts.GetOrAdd(key);
        if (lower) c.Lower++;
        else c.Capitalized++;
    }

    private static ulong PairKey(ulong first, ulong second) => FeatureHash.Mix(first, second, 0x5041495255UL);

    /// <summary>
    /// Whether a capitalised sentence-initial <paramref name="first"/> word (followed by <paramref name="second"/>, empty at
    /// the end of the span) starts a description rather than a name: the corpus writes the word mid-sentence in lower case
    /// at least twice and more than twice as often as capitalised, and then, when it has seen the pair mid-sentence, mostly in
    /// lower case («российские власти»); for an unseen pair, when the second word is not a lower-case word («Полиция
    /// Бельгии», unlike «Исторический музей», which is how Russian names of organisations are written). Single letters
    /// (initials) are never descriptions.
    /// </summary>
    public bool StartsDescription(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        if (first.Length < 2) return false;
        var key = FeatureHash.OfLower(first);
        if (!_counts.TryGet(key, out var c) || c.Lower < 2 || c.Lower <= 2 * c.Capitalized) return false;
        if (second.IsEmpty) return true;
        if (_counts.TryGet(PairKey(key, FeatureHash.OfLower(second)), out var pair)) return pair.Lower > pair.Capitalized;
        return !CharClass.IsLower(second[0]);
    }
}
