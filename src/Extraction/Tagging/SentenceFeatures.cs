using Extraction.Documents;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Tagging;

/// <summary>
/// Document-wide word evidence for the tagger: for each lower-cased form, whether the document also writes it capitalised
/// in mid-sentence (a name) or lower case (a common word). Helps all-caps headlines and sentence-initial words.
/// After a first tagging pass (<see cref="AddPassOne"/>) it also knows, per word form and per <see cref="SentenceFeatures.Stem"/>,
/// which types the first pass gave that word anywhere in the document, for the second pass of a stacked model.
/// </summary>
public sealed class DocumentEvidence
{
    public const byte CapitalizedMidSentence = 1, LowerCase = 2;
    /// <summary>First-pass bits: the word was tagged PER / ORG / LOC somewhere; it began a span somewhere.</summary>
    public const byte PassOnePer = 1, PassOneOrg = 2, PassOneLoc = 4, PassOneFirst = 8;
    private readonly HashMap64<byte> _seen = new(256, trackSlots: true);
    private readonly HashMap64<byte> _passOneWord = new(64, trackSlots: true), _passOneStem = new(64, trackSlots: true);
    /// <summary>Per document token: the first pass's label there (type bits, <see cref="PassOneFirst"/> on a span's first token).</summary>
    private byte[] _passOneToken = [];
    /// <summary>Token count of the document this evidence describes (the part of <see cref="_passOneToken"/> in use).</summary>
    private int _tokens;

    /// <summary>Records the first pass's predictions over <paramref name="document"/>'s tokens.</summary>
    public void AddPassOne(Document document, IEnumerable<NerModel.Prediction> predictions)
    {
        var text = document.Text.AsSpan();
        if (_passOneToken.Length < document.Tokens.Count) _passOneToken = new byte[Math.Max(document.Tokens.Count, 2 * _passOneToken.Length)];
        _tokens = Math.Max(_tokens, document.Tokens.Count);
        foreach (var p in predictions)
        {
            for (int k = p.First; k < p.End; k++)
                _passOneToken[k] = (byte)((p.Type switch { EntityType.PER => PassOnePer, EntityType.ORG => PassOneOrg, _ => PassOneLoc }) | (k == p.First ? PassOneFirst : 0));
            byte type = p.Type switch { EntityType.PER => PassOnePer, EntityType.ORG => PassOneOrg, _ => PassOneLoc };
            for (int k = p.First; k < p.End; k++)
            {
                ref readonly var t = ref document.Tokens[k];
                if (t.Kind != TokenKind.Word) continue;
                var s = text.Slice(t.Start, t.End - t.Start);
                byte bits = (byte)(type | (k == p.First ? PassOneFirst : 0));
                _passOneWord.GetOrAdd(FeatureHash.OfLower(s)) |= bits;
                _passOneStem.GetOrAdd(FeatureHash.OfLower(s[..Math.Min(s.Length, SentenceFeatures.StemLength)])) |= bits;
            }
        }
    }

    public byte PassOneOfToken(int token) => token < _passOneToken.Length ? _passOneToken[token] : (byte)0;
    public byte PassOneOfWord(ulong lowerHash) => _passOneWord.TryGet(lowerHash, out var b) ? b : (byte)0;
    public byte PassOneOfStem(ulong stemHash) => _passOneStem.TryGet(stemHash, out var b) ? b : (byte)0;

    public static DocumentEvidence Build(Document document) => new DocumentEvidence().Rebuild(document);

    /// <summary>This evidence emptied and built again for <paramref name="document"/>, reusing its tables (the stage keeps one per thread).</summary>
    public DocumentEvidence Rebuild(Document document)
    {
        _seen.Clear();
        _passOneWord.Clear();
        _passOneStem.Clear();
        Array.Clear(_passOneToken, 0, Math.Min(_passOneToken.Length, _tokens));
        _tokens = document.Tokens.Count;
        var text = document.Text.AsSpan();
        foreach (ref readonly var t in document.Tokens.AsSpan())
        {
            if (t.Kind != TokenKind.Word) continue;
            byte bit;
            if (t.Has(TokenFlags.Lower)) bit = LowerCase;
            else if (t.Has(TokenFlags.Capitalized) && !t.Has(TokenFlags.AllCaps) && !t.Has(TokenFlags.SentenceStart) && !t.Has(TokenFlags.LineStart)) bit = CapitalizedMidSentence;
            else continue;
            _seen.GetOrAdd(FeatureHash.OfLower(text.Slice(t.Start, t.End - t.Start))) |= bit;
        }
        return this;
    }

    public byte Of(ulong lowerHash) => _seen.TryGet(lowerHash, out var b) ? b : (byte)0;
}

/// <summary>
/// Per-token atoms of one sentence, computed once and read by the <see cref="FeatureTemplates"/>: hashes of the lower-cased and
/// exact forms, prefixes, suffixes and shapes, token flags, lexicon rows, gazetteer phrase positions, quote context and
/// document evidence. Reused between sentences (one instance per thread) so tagging allocates nothing per token.
/// </summary>
public sealed class SentenceFeatures
{
    public const int Prefixes = 3, Suffixes = 4, StemLength = 5;

    public int Length { get; private set; }
    public ulong[] Lower = [], Exact = [], Shape = [], ShortShape = [];
    /// <summary>Hash of the first <see cref="StemLength"/> lower-cased characters (the whole word when shorter): a crude Russian stem.</summary>
    public ulong[] Stem = [];
    /// <summary>Prefix hashes of lengths 2, 3, 4 (row-major, <see cref="Prefixes"/> per token; 0 when the word is not longer).</summary>
    public ulong[] Prefix = [];
    /// <summary>Suffix hashes of lengths 1..4 (row-major, <see cref="Suffixes"/> per token; 0 when the word is not longer).</summary>
    public ulong[] Suffix = [];
    public TokenFlags[] Flags = [];
    public TokenKind[] Kinds = [];
    public int[] Lengths = [];
    public LexEntry[] Lex = [];
    /// <summary>Gazetteer phrase match: (phrase bits &lt;&lt; 3) | position (1 B, 2 I, 3 L, 4 U), 0 none.</summary>
    public uint[] Gazetteer = [];
    /// <summary>Quote context: 0 outside quotes, 1 inside, 2 first inside, 3 last inside, 4 only token inside.</summary>
    public byte[] Quote = [];
    /// <summary>For tokens inside quotes, the lower-case hash of the word before the opening quote (<c>компания</c> in <c>компания «Газпром»</c>); else 0.</summary>
    public ulong[] QuoteHead = [];
    /// <summary>The <see cref="Stem"/> of that word (so every case form of the descriptor counts).</summary>
    public ulong[] QuoteHeadStem = [];
    public byte[] Evidence = [];
    /// <summary>First-pass types of the word's form and of its stem elsewhere in the document (<see cref="DocumentEvidence.AddPassOne"/>).</summary>
    public byte[] PassOneWord = [], PassOneStem = [], PassOneToken = [];

    private void Ensure(int n)
    {
        if (Lower.Length >= n) return;
        int size = Math.Max(n, 64);
        Lower = new ulong[size]; Stem = new ulong[size]; Exact = new ulong[size]; Shape = new ulong[size]; ShortShape = new ulong[size];
        Prefix = new ulong[size * Prefixes]; Suffix = new ulong[size * Suffixes];
        Flags = new TokenFlags[size]; Kinds = new TokenKind[size]; Lengths = new int[size];
        Lex = new LexEntry[size]; Gazetteer = new uint[size]; Quote = new byte[size]; QuoteHead = new ulong[size]; QuoteHeadStem = new ulong[size]; Evidence = new byte[size];
        PassOneWord = new byte[size]; PassOneStem = new byte[size]; PassOneToken = new byte[size];
    }

    /// <summary>Fills the atoms for tokens [<paramref name="first"/>, <paramref name="end"/>) of <paramref name="document"/>.</summary>
    public void Load(Document document, int first, int end, TaggerLexicon lexicon, DocumentEvidence? evidence)
    {
        int n = end - first;
        Ensure(n);
        Length = n;
        var text = document.Text.AsSpan();
        var tokens = document.Tokens.AsSpan();
        var words = WordsOf(lexicon);
        for (int k = 0; k < n; k++)
        {
            ref readonly var t = ref tokens[first + k];
            var s = text.Slice(t.Start, t.End - t.Start);
            Atoms(k, s);
            Flags[k] = t.Flags;
            Kinds[k] = t.Kind;
            Lengths[k] = s.Length;
            Lex[k] = words.Get(Lower[k]);
            Evidence[k] = evidence?.Of(Lower[k]) ?? 0;
            PassOneWord[k] = evidence?.PassOneOfWord(Lower[k]) ?? 0;
            PassOneStem[k] = evidence?.PassOneOfStem(Stem[k]) ?? 0;
            PassOneToken[k] = evidence?.PassOneOfToken(first + k) ?? 0;
        }
        MarkPhrases(lexicon, n);
        MarkQuotes(text, tokens.Slice(first, n));
    }

    /// <summary>
    /// The lexicon rows of recently seen word forms, one slot per top 12 bits of the lower-case hash: news text repeats its
    /// words, and a slot (in the core's cache) is cheaper than a lookup in the half-million-form lexicon (three reads from
    /// memory). Two of them, for the lexicons of the last two models (Russian and English sentences alternate).
    /// </summary>
    private sealed class WordCache(TaggerLexicon lexicon)
    {
        private const int Bits = 12;
        private readonly ulong[] _keys = new ulong[1 << Bits];
        private readonly LexEntry[] _rows = new LexEntry[1 << Bits];
        public TaggerLexicon Lexicon { get; } = lexicon;

        public LexEntry Get(ulong lower)
        {
            int slot = (int)(lower >> (64 - Bits));
            // Key 0 marks an empty slot, so a (vanishingly rare) hash of 0 always asks the lexicon.
            if (_keys[slot] == lower && lower != 0) return _rows[slot];
            if (!Lexicon.Words.TryGet(lower, out var row)) row = default;
            _keys[slot] = lower;
            _rows[slot] = row;
            return row;
        }
    }

    private WordCache? _words, _otherWords;

    private WordCache WordsOf(TaggerLexicon lexicon)
    {
        if (_words?.Lexicon != lexicon) (_words, _otherWords) = (_otherWords?.Lexicon == lexicon ? _otherWords : new WordCache(lexicon), _words);
        return _words;
    }

    /// <summary>
    /// Fills only what the <c>doc-…</c> templates read — lower-case and stem hashes (carried from the first pass by token
    /// index), flags, kinds and the first-pass evidence — for the second pass of a stacked model; the other atoms keep
    /// whatever the previous sentence left.
    /// </summary>
    public void LoadCarried(Document document, int first, int end, ReadOnlySpan<ulong> lower, ReadOnlySpan<ulong> stem, DocumentEvidence evidence)
    {
        int n = end - first;
        Ensure(n);
        Length = n;
        var tokens = document.Tokens.AsSpan();
        lower.Slice(first, n).CopyTo(Lower);
        stem.Slice(first, n).CopyTo(Stem);
        for (int k = 0; k < n; k++)
        {
            ref readonly var t = ref tokens[first + k];
            Flags[k] = t.Flags;
            Kinds[k] = t.Kind;
            PassOneWord[k] = evidence.PassOneOfWord(Lower[k]);
            PassOneStem[k] = evidence.PassOneOfStem(Stem[k]);
            PassOneToken[k] = evidence.PassOneOfToken(first + k);
        }
    }

    private void Atoms(int k, ReadOnlySpan<char> s)
    {
        ulong lower = FeatureHash.Start, exact = FeatureHash.Start, shape = FeatureHash.Start, shortShape = FeatureHash.Start;
        char lastShape = '\0';
        int run = 0;
        int pre = k * Prefixes;
        Prefix[pre] = Prefix[pre + 1] = Prefix[pre + 2] = 0;
        for (int j = 0; j < s.Length; j++)
        {
            char c = s[j];
            lower = FeatureHash.Step(lower, FeatureHash.Lower(c));
            exact = FeatureHash.Step(exact, c);
            char sc = FeatureHash.ShapeOf(c);
            if (sc == lastShape) run++;
            else { run = 1; lastShape = sc; shortShape = FeatureHash.Step(shortShape, sc); }
            if (run <= 4) shape = FeatureHash.Step(shape, sc);
            if (j is >= 1 and <= 3 && s.Length > j + 1) Prefix[pre + j - 1] = FeatureHash.Finish(lower);
            if (j == StemLength - 1) Stem[k] = FeatureHash.Finish(lower);
        }
        Lower[k] = FeatureHash.Finish(lower);
        if (s.Length < StemLength) Stem[k] = Lower[k];
        Exact[k] = FeatureHash.Finish(exact);
        Shape[k] = FeatureHash.Finish(shape);
        ShortShape[k] = FeatureHash.Finish(shortShape);
        int suf = k * Suffixes;
        ulong h = FeatureHash.Start;
        for (int j = 1; j <= Suffixes; j++)
        {
            if (s.Length > j)
            {
                h = FeatureHash.Step(h, FeatureHash.Lower(s[^j]));
                Suffix[suf + j - 1] = FeatureHash.Finish(h);
            }
            else Suffix[suf + j - 1] = 0;
        }
    }

    private void MarkPhrases(TaggerLexicon lexicon, int n)
    {
        Array.Clear(Gazetteer, 0, n);
        if (lexicon.Phrases.Count == 0) return;
        for (int i = 0; i < n; i++)
        {
            ulong key = FeatureHash.Start;
            int bestEnd = -1;
            uint bestBits = 0;
            for (int j = i; j < n && j - i < TaggerLexicon.MaxPhraseTokens; j++)
            {
                key = TaggerLexicon.PhraseKey(key, Lower[j]);
                if (j > i && lexicon.Phrases.TryGet(key, out var bits)) { bestEnd = j + 1; bestBits = bits; }
            }
            if (bestEnd < 0) continue;
            for (int j = i; j < bestEnd; j++)
                Gazetteer[j] = (bestBits << 3) | (j == i ? 1u : j == bestEnd - 1 ? 3u : 2u);
            i = bestEnd - 1;
        }
    }

    private static bool IsQuoteChar(char c) => c is '«' or '»' or '“' or '”' or '„' or '"';

    private void MarkQuotes(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
    {
        int n = tokens.Length;
        Array.Clear(Quote, 0, n);
        Array.Clear(QuoteHead, 0, n);
        Array.Clear(QuoteHeadStem, 0, n);
        int open = -1;
        for (int i = 0; i < n; i++)
        {
            ref readonly var t = ref tokens[i];
            if (t.End - t.Start != 1 || !IsQuoteChar(text[t.Start])) continue;
            if (open < 0 && t.Has(TokenFlags.OpenQuote)) { open = i; continue; }
            if (open >= 0 && (t.Has(TokenFlags.CloseQuote) || text[t.Start] == '"'))
            {
                int a = open + 1, b = i - 1;
                ulong head = open > 0 ? Lower[open - 1] : FeatureHash.Before, headStem = open > 0 ? Stem[open - 1] : FeatureHash.Before;
                for (int k = a; k <= b; k++) { Quote[k] = 1; QuoteHead[k] = head; QuoteHeadStem[k] = headStem; }
                if (a == b) Quote[a] = 4;
                else if (a < b) { Quote[a] = 2; Quote[b] = 3; }
                open = -1;
            }
        }
    }

    public ulong LowerAt(int i) => i < 0 ? FeatureHash.Before : i >= Length ? FeatureHash.After : Lower[i];
    public ulong PassOneTokenAt(int i) => i < 0 ? 0xFFUL : i >= Length ? 0xFEUL : PassOneToken[i];
    public ulong PassOneWordAt(int i) => i < 0 ? 0xFFUL : i >= Length ? 0xFEUL : PassOneWord[i];
    public ulong StemAt(int i) => i < 0 ? FeatureHash.Before : i >= Length ? FeatureHash.After : Stem[i];
    public ulong ShapeAt(int i) => i < 0 ? FeatureHash.Before : i >= Length ? FeatureHash.After : Shape[i];
    public ulong ShortShapeAt(int i) => i < 0 ? FeatureHash.Before : i >= Length ? FeatureHash.After : ShortShape[i];
    public ulong SuffixAt(int i, int length) => i < 0 ? FeatureHash.Before : i >= Length ? FeatureHash.After : Suffix[i * Suffixes + length - 1];
    public uint GazetteerAt(int i) => i < 0 || i >= Length ? 0xFFFF_FFFFu : Gazetteer[i];
    public LexEntry LexAt(int i) => i < 0 || i >= Length ? new LexEntry { Bits = (LexBits)0x8000_0000u } : Lex[i];

    /// <summary>A small code of the token's case and position: capitalised / all caps / lower / mixed, sentence or line start, digit, hyphen, kind.</summary>
    public ulong CaseAt(int i)
    {
        if (i < 0) return FeatureHash.Before;
        if (i >= Length) return FeatureHash.After;
        const TokenFlags keep = TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.Lower | TokenFlags.SentenceStart
            | TokenFlags.LineStart | TokenFlags.HasDigit | TokenFlags.HasHyphen;
        return ((ulong)(Flags[i] & keep) << 8) | (byte)Kinds[i];
    }

    /// <summary>Script of the token: 1 Cyrillic, 2 Latin, 3 both, 0 none; with whether it has digits.</summary>
    public ulong ScriptAt(int i)
    {
        var f = Flags[i];
        return ((f & TokenFlags.HasCyrillic) != 0 ? 1UL : 0) | ((f & TokenFlags.HasLatin) != 0 ? 2UL : 0) | ((f & TokenFlags.HasDigit) != 0 ? 4UL : 0);
    }

    public static bool IsLetterToken(ReadOnlySpan<char> s) => s.Length > 0 && IsLetter(s[0]);
}
