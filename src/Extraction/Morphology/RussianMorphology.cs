namespace Extraction.Morphology;

/// <summary>
/// Russian morphological analyser and inflector over the compiled OpenCorpora dictionary (<see cref="MorphData"/>).
/// <para>Analysis: a word is folded (lower case, ё → е) and every split <c>stem + suffix</c> whose suffix is a known
/// paradigm suffix is looked up in the stem index; matching (lexeme, form) pairs are the parses, scored by the corpus
/// P(tag | word) when the word has one, uniformly otherwise. A hyphenated word unknown as a whole is analysed by its
/// last part, the rest kept. Words the dictionary does not know are guessed from their longest known ending.</para>
/// <para>Inflection: <see cref="Inflect"/> moves a parse to the form of its own paradigm that has the requested
/// grammemes and otherwise shares most grammemes with the current form (so a participle stays a participle of
/// the same voice and tense, a surname keeps its gender). The stem is copied from the text, so capitalisation and
/// the text's е/ё spelling are kept; dictionary spelling (with ё) is what <see cref="Lemma"/> returns.</para>
/// Thread-safe: immutable after construction, no allocation per analysed word (besides the result strings).
/// </summary>
public sealed class RussianMorphology
{
    /// <summary>Longer words are not analysed.</summary>
    public const int MaxWordLength = 64;

    /// <summary>Stems shared by more lexemes than this are expanded into whole forms at load time.</summary>
    private const int MaxGroup = 16;

    private readonly MorphData _d;
    private readonly Grammemes[] _tagMask;
    private readonly string[] _foldedSuffix;      // by suffix id
    private readonly string[] _foldedPrefix;      // by prefix id
    private readonly SpanTable _suffixes;         // distinct folded suffixes (backward hash)
    private readonly int _maxSuffixLength;
    private readonly int[] _formFold;             // per form: folded suffix id
    private readonly long[] _pairKeys;            // open-addressing table of (paradigm << 32 | folded suffix id); -1 = empty
    private readonly int[] _pairStart;            // per slot: the forms with that suffix are _pairForms[_pairStart[s] .. + _pairCount[s])
    private readonly byte[] _pairCount;
    private readonly int[] _pairForms;            // global form indices
    private readonly int _pairShift;
    private readonly SpanTable _stems;            // distinct folded stems (forward hash)
    private readonly int[] _groupStart;           // stem group g: lexemes _groupStart[g] .. _groupStart[g+1], sorted by paradigm
    private readonly bool[] _groupExpanded;       // groups with more than MaxGroup lexemes: their forms are in _fullForms instead
    private readonly SpanTable _fullForms;        // folded word forms of the expanded groups
    private readonly int[] _fullFormStart;        // form f: _fullFormParses[_fullFormStart[f] .. _fullFormStart[f+1])
    private readonly MorphParse[] _fullFormParses;
    private readonly SpanTable _probabilityWords;
    private readonly SpanTable _endings;
    private readonly int _maxEndingLength;

    public RussianMorphology(MorphData data)
    {
        _d = data;
        _tagMask = Array.ConvertAll(data.Tags, Grammemes.Parse);
        _foldedSuffix = Array.ConvertAll(data.Suffixes, Letters.Fold);
        _foldedPrefix = Array.ConvertAll(data.Prefixes, Letters.Fold);

        // Distinct folded suffixes, and per form its folded suffix id.
        var suffixIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in _foldedSuffix) suffixIds.TryAdd(s, suffixIds.Count);
        var distinct = new string[suffixIds.Count];
        foreach (var (s, id) in suffixIds) distinct[id] = s;
        _suffixes = SpanTable.Of(distinct, backward: true);
        _maxSuffixLength = distinct.Max(s => s.Length);
        int forms = data.FormSuffix.Length;
        _formFold = new int[forms];
        for (int k = 0; k < forms; k++) _formFold[k] = suffixIds[_foldedSuffix[data.FormSuffix[k]]];

        // (paradigm, folded suffix) → its forms, so a lexeme is checked against a suffix with one probe.
        var pairs = new Dictionary<long, List<int>>();
        for (int p = 0; p < data.ParadigmCount; p++)
            for (int k = data.ParadigmStart[p]; k < data.ParadigmStart[p + 1]; k++)
            {
                long key = (long)p << 32 | (uint)_formFold[k];
                if (!pairs.TryGetValue(key, out var list)) pairs[key] = list = [];
                list.Add(k);
            }
        int bits = 4;
        while ((1 << bits) < pairs.Count * 2) bits++;
        _pairShift = 64 - bits;
        _pairKeys = new long[1 << bits];
        Array.Fill(_pairKeys, -1L);
        _pairStart = new int[1 << bits];
        _pairCount = new byte[1 << bits];
        _pairForms = new int[forms];
        int filled = 0;
        foreach (var (key, list) in pairs)
        {
            int slot = PairSlot(key);
            while (_pairKeys[slot] != -1) slot = (slot + 1) & (_pairKeys.Length - 1);
            _pairKeys[slot] = key;
            _pairStart[slot] = filled;
            _pairCount[slot] = (byte)list.Count;
            foreach (var k in list) _pairForms[filled++] = k;
        }

        // Stem groups: lexemes are stored sorted by folded stem, so equal stems are adjacent runs.
        var folded = data.Stems.Folded();
        var groupStart = new List<int>();
        for (int i = 0; i < folded.Count; i++)
            if (i == 0 || !folded[i].SequenceEqual(folded[i - 1])) groupStart.Add(i);
        var keyStart = new int[groupStart.Count];
        var keyLength = new int[groupStart.Count];
        for (int g = 0; g < groupStart.Count; g++) { keyStart[g] = folded.Start(groupStart[g]); keyLength[g] = folded.Length(groupStart[g]); }
        groupStart.Add(folded.Count);
        _groupStart = [.. groupStart];
        _stems = new SpanTable(folded.Chars, keyStart, keyLength, backward: false);
        (_groupExpanded, _fullForms, _fullFormStart, _fullFormParses) = ExpandLargeGroups(folded);
        _probabilityWords = SpanTable.Of(data.ProbabilityWords, backward: false);
        _endings = SpanTable.Of(data.Endings, backward: false);
        for (int i = 0; i < data.Endings.Count; i++) _maxEndingLength = Math.Max(_maxEndingLength, data.Endings.Length(i));
    }

    /// <summary>
    /// A few stems are shared by very many lexemes (the empty stem of suppletive words such as «ёж/ежа», «с», «в», «пол»…);
    /// intersecting them with a suffix would be slow, so their forms are listed whole in a table of their own.
    /// </summary>
    private (bool[], SpanTable, int[], MorphParse[]) ExpandLargeGroups(StringPool folded)
    {
        var expanded = new bool[_groupStart.Length - 1];
        var forms = new Dictionary<string, List<MorphParse>>(StringComparer.Ordinal);
        for (int g = 0; g < expanded.Length; g++)
        {
            if (_groupStart[g + 1] - _groupStart[g] <= MaxGroup) continue;
            expanded[g] = true;
            for (int lex = _groupStart[g]; lex < _groupStart[g + 1]; lex++)
            {
                int p = _d.LexemeParadigm[lex];
                var stem = folded[lex].ToString();
                for (int k = _d.ParadigmStart[p]; k < _d.ParadigmStart[p + 1]; k++)
                {
                    var prefix = _foldedPrefix[_d.FormPrefix[k]];
                    var word = prefix + stem + _foldedSuffix[_d.FormSuffix[k]];
                    if (word.Length > MaxWordLength) continue;
                    if (!forms.TryGetValue(word, out var list)) forms[word] = list = [];
                    list.Add(new MorphParse(lex, (ushort)p, (ushort)(k - _d.ParadigmStart[p]), 0, (byte)prefix.Length, (byte)stem.Length, 0));
                }
            }
        }
        var words = forms.Keys.ToArray();
        var start = new int[words.Length + 1];
        var parses = new List<MorphParse>();
        for (int i = 0; i < words.Length; i++)
        {
            start[i] = parses.Count;
            parses.AddRange(forms[words[i]]);
        }
        start[words.Length] = parses.Count;
        return (expanded, SpanTable.Of(words, backward: false), start, [.. parses]);
    }

    /// <summary>Loads a compiled model file (see <see cref="MorphData.Write"/>).</summary>
    public static RussianMorphology Load(string path) => new(MorphData.Read(path).Data);

    public MorphData Data => _d;

    /// <summary>
    /// Analyses <paramref name="word"/> into <paramref name="results"/> (best first) and returns the number of parses.
    /// Dictionary parses come first; guesses from the ending are added when there are none or when
    /// <paramref name="alwaysGuess"/> is set (their scores are then scaled down by <paramref name="guessWeight"/>).
    /// </summary>
    public int Analyse(ReadOnlySpan<char> word, Span<MorphParse> results, bool alwaysGuess = false, float guessWeight = 0.1f)
    {
        if (word.IsEmpty || word.Length > MaxWordLength || results.IsEmpty) return 0;
        Span<char> w = stackalloc char[word.Length];
        Letters.Fold(word, w);

        int keep = 0;
        int n = Lookup(w, 0, results, 0);
        if (n == 0)
        {
            int hyphen = w.LastIndexOf('-');
            if (hyphen > 0 && hyphen < w.Length - 1)
            {
                keep = hyphen + 1;
                n = Lookup(w[keep..], keep, results, 0);
            }
        }
        if (n > 0) Score(w, results[..n]);
        if (n == 0 || alwaysGuess)
        {
            int dictionary = n;
            n = Guess(w[keep..], keep, results, n);
            if (dictionary > 0)
                for (int i = dictionary; i < n; i++) results[i] = results[i].WithScore(results[i].Score * guessWeight);
        }
        SortByScore(results[..n]);
        return n;
    }

    /// <summary>Allocating convenience form of <see cref="Analyse(ReadOnlySpan{char}, Span{MorphParse}, bool, float)"/>.</summary>
    public MorphParse[] Analyse(string word, bool alwaysGuess = false)
    {
        Span<MorphParse> buffer = stackalloc MorphParse[64];
        return buffer[..Analyse(word, buffer, alwaysGuess)].ToArray();
    }

    /// <summary>
    /// The dictionary knows <paramref name="word"/> and every dictionary reading's tag passes <paramref name="test"/>; the
    /// ending guesser's readings say nothing of a word the dictionary has and are left out.
    /// </summary>
    public bool EveryDictionaryReading(ReadOnlySpan<char> word, Func<Grammemes, bool> test)
    {
        if (word.Length > MaxWordLength) return false;
        Span<MorphParse> readings = stackalloc MorphParse[32];
        int n = Analyse(word, readings);
        bool known = false;
        for (int i = 0; i < n; i++)
        {
            if (readings[i].IsGuess) continue;
            known = true;
            if (!test(Tag(readings[i]))) return false;
        }
        return known;
    }

    /// <summary>A dictionary noun reading of <paramref name="word"/> has its lemma (dictionary spelling) in <paramref name="lemmas"/>.</summary>
    public bool HasNounLemma(ReadOnlySpan<char> word, IReadOnlySet<string> lemmas)
    {
        if (word.Length > MaxWordLength) return false;
        Span<MorphParse> readings = stackalloc MorphParse[32];
        int n = Analyse(word, readings);
        for (int i = 0; i < n; i++)
            if (!readings[i].IsGuess && Tag(readings[i]).Has(Grammemes.Noun) && lemmas.Contains(Lemma(word, readings[i]))) return true;
        return false;
    }

    /// <summary>True when the dictionary knows the word (as a whole, without guessing or hyphen splitting).</summary>
    public bool IsKnown(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength) return false;
        Span<char> w = stackalloc char[word.Length];
        Letters.Fold(word, w);
        Span<MorphParse> one = stackalloc MorphParse[1];
        return Lookup(w, 0, one, 0) > 0;
    }

    public Grammemes Tag(in MorphParse p) => _tagMask[_d.FormTag[_d.ParadigmStart[p.Paradigm] + p.Form]];

    public string TagText(in MorphParse p) => _d.Tags[_d.FormTag[_d.ParadigmStart[p.Paradigm] + p.Form]];

    /// <summary>Tag of form <paramref name="form"/> (index within the paradigm) of <paramref name="paradigm"/>.</summary>
    public Grammemes FormTag(int paradigm, int form) => _tagMask[_d.FormTag[_d.ParadigmStart[paradigm] + form]];

    /// <summary>The tag of the paradigm's first form (the lemma): lexical grammemes such as Name, Surn, Geox, Fixd, gender.</summary>
    public Grammemes LemmaTag(in MorphParse p) => _tagMask[_d.FormTag[_d.ParadigmStart[p.Paradigm]]];

    /// <summary>
    /// The lemma in dictionary spelling (lower case, with ё where the dictionary has it): the paradigm's first form.
    /// For guesses the stem is the word's own.
    /// </summary>
    public string Lemma(ReadOnlySpan<char> word, in MorphParse p) => Form(word, p, 0, dictionarySpelling: true);

    /// <summary>
    /// The form of the parse's paradigm that has every grammeme of <paramref name="required"/> and is otherwise closest
    /// to the current form, spelled like the text (stem copied, capitalisation kept); null when the paradigm has none.
    /// </summary>
    public string? Inflect(ReadOnlySpan<char> word, in MorphParse p, Grammemes required)
    {
        int k = FindForm(p.Paradigm, p.Form, required);
        return k < 0 ? null : Form(word, p, k, dictionarySpelling: false);
    }

    /// <summary>
    /// The dictionary form of a noun (common or proper) as a lemmatiser gives it: the best noun reading (for proper nouns
    /// a name, surname, patronymic, place or organisation reading first; the ending guesser when the dictionary has
    /// no noun reading), then its nominative singular in the same gender for surnames and patronymics («Ивановой» →
    /// «Иванова»), the paradigm's lemma otherwise. Spelled like the text (stem copied); null when there is no noun reading.
    /// </summary>
    public string? NounLemma(string word, bool proper)
    {
        if (word.Length > 1 && word[^1] == '.') word = word[..^1]; // «А.», «г.»
        if (word.Length == 1) return word;
        Span<MorphParse> buffer = stackalloc MorphParse[64];
        int n = Analyse(word, buffer);
        int best = BestNoun(buffer[..n], proper);
        if (best < 0)
        {
            n = Analyse(word, buffer, alwaysGuess: true);
            best = BestNoun(buffer[..n], proper);
        }
        if (best < 0) return null;
        var p = buffer[best];
        var tag = Tag(p);
        if (tag.Has(Grammemes.Fixd)) return word;
        if (tag.HasAny(Grammemes.Surn | Grammemes.Patr) && !tag.Has(Grammemes.Plur))
            return Inflect(word, p, Grammemes.Nomn | Grammemes.Sing);
        return Form(word, p, 0, dictionarySpelling: false);
    }

    private int BestNoun(ReadOnlySpan<MorphParse> parses, bool proper)
    {
        var properTags = Grammemes.Name | Grammemes.Surn | Grammemes.Patr | Grammemes.Geox | Grammemes.Orgn | Grammemes.Abbr;
        int best = -1;
        float bestScore = -1;
        for (int i = 0; i < parses.Length; i++)
        {
            var tag = Tag(parses[i]);
            if (!tag.Has(Grammemes.Noun)) continue;
            float score = parses[i].Score * (proper == tag.HasAny(properTags) ? 4 : 1) * (tag.Has(Grammemes.Abbr) ? 0.2f : 1);
            if (score > bestScore) { best = i; bestScore = score; }
        }
        return best;
    }

    /// <summary>Index (within the paradigm) of the form with <paramref name="required"/> closest to form <paramref name="current"/>, or -1.</summary>
    public int FindForm(int paradigm, int current, Grammemes required)
    {
        var cur = FormTag(paradigm, current);
        var replace = Grammemes.None;
        if (required.HasAny(Grammemes.AnyCase)) replace |= Grammemes.AnyCase;
        if (required.HasAny(Grammemes.AnyNumber)) replace |= Grammemes.AnyNumber;
        if (required.HasAny(Grammemes.AnyGender)) replace |= Grammemes.AnyGender;
        var target = (cur & ~replace) | required;
        int s0 = _d.ParadigmStart[paradigm], count = _d.ParadigmStart[paradigm + 1] - s0;
        int best = -1, bestScore = int.MinValue;
        for (int k = 0; k < count; k++)
        {
            var t = _tagMask[_d.FormTag[s0 + k]];
            if (!t.Has(required)) continue;
            int score = 4 * t.Common(target) - (t & ~target).Count + (_d.FormPrefix[s0 + k] == _d.FormPrefix[s0 + current] ? 1 : 0);
            if (score > bestScore) { best = k; bestScore = score; }
        }
        return best;
    }

    /// <summary>Form <paramref name="form"/> of the parse's paradigm built on the word's stem.</summary>
    public string Form(ReadOnlySpan<char> word, in MorphParse p, int form, bool dictionarySpelling)
    {
        int k = _d.ParadigmStart[p.Paradigm] + form;
        var prefix = _d.Prefixes[_d.FormPrefix[k]];
        var suffix = _d.Suffixes[_d.FormSuffix[k]];
        var keep = word[..p.Keep];
        var part = word.Slice(p.Keep);
        var stem = dictionarySpelling && !p.IsGuess ? _d.Stems[p.Lexeme] : part.Slice(p.Prefix, p.Stem);
        Span<char> buffer = stackalloc char[keep.Length + prefix.Length + stem.Length + suffix.Length];
        keep.CopyTo(buffer);
        var body = buffer[keep.Length..];
        prefix.CopyTo(body);
        stem.CopyTo(body[prefix.Length..]);
        suffix.CopyTo(body[(prefix.Length + stem.Length)..]);
        if (dictionarySpelling)
        {
            for (int i = 0; i < buffer.Length; i++) buffer[i] = char.ToLowerInvariant(buffer[i]);
            return new string(buffer);
        }
        if (!Letters.HasYo(word))
        {
            for (int i = 0; i < body.Length; i++)
                if (body[i] == 'ё') body[i] = 'е';
        }
        else KeepYo(word, buffer);
        if (IsAllUpper(part))
        {
            for (int i = 0; i < body.Length; i++) body[i] = char.ToUpperInvariant(body[i]);
        }
        else if (part.Length > 0 && char.IsUpper(part[0]) && body.Length > 0)
        {
            body[0] = char.ToUpperInvariant(body[0]);
        }
        return new string(buffer);
    }

    /// <summary>
    /// Puts back an ё of the word that the paradigm's ending spells е (the word «Лёв» read as the name «Лев», whose ending
    /// -ев holds the vowel): where the form still spells the word up to that letter, the letter stays as written.
    /// </summary>
    private static void KeepYo(ReadOnlySpan<char> word, Span<char> form)
    {
        int n = Math.Min(word.Length, form.Length);
        for (int i = 0; i < n; i++)
        {
            char w = word[i], f = form[i];
            if (w is 'ё' or 'Ё' && f is 'е' or 'Е') form[i] = char.IsUpper(f) ? 'Ё' : 'ё';
            else if (char.ToLowerInvariant(w) != char.ToLowerInvariant(f)) return;
        }
    }

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        int letters = 0;
        foreach (var c in s)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }

    /// <summary>Dictionary lookup of a folded word: every (stem, suffix) split, every paradigm prefix.</summary>
    private int Lookup(ReadOnlySpan<char> w, int keep, Span<MorphParse> results, int n)
    {
        int full = _fullForms.Find(w);
        if (full >= 0)
            for (int j = _fullFormStart[full]; j < _fullFormStart[full + 1] && n < results.Length; j++)
                results[n++] = _fullFormParses[j] with { Keep = (byte)keep };
        Span<uint> forward = stackalloc uint[w.Length + 1];
        for (int pre = 0; pre < _foldedPrefix.Length; pre++)
        {
            var prefix = _foldedPrefix[pre];
            if (!w.StartsWith(prefix)) continue;
            var body = w[prefix.Length..];
            forward[0] = Letters.HashSeed;
            for (int i = 0; i < body.Length; i++) forward[i + 1] = Letters.Step(forward[i], body[i]);
            uint backward = Letters.HashSeed;
            for (int i = body.Length; i >= 0 && body.Length - i <= _maxSuffixLength; i--)
            {
                if (i < body.Length) backward = Letters.Step(backward, body[i]);
                int suffix = _suffixes.Find(body[i..], backward);
                if (suffix < 0) continue;
                int group = _stems.Find(body[..i], forward[i]);
                if (group < 0 || _groupExpanded[group]) continue;
                n = Intersect(group, suffix, pre, keep, prefix.Length, i, results, n);
                if (n == results.Length) return n;
            }
        }
        return n;
    }

    /// <summary>Parses for the lexemes of a stem group whose paradigm has the suffix (one table probe per lexeme).</summary>
    private int Intersect(int group, int suffix, int prefix, int keep, int prefixLength, int stemLength, Span<MorphParse> results, int n)
    {
        for (int lex = _groupStart[group]; lex < _groupStart[group + 1] && n < results.Length; lex++)
        {
            int p = _d.LexemeParadigm[lex];
            long key = (long)p << 32 | (uint)suffix;
            int slot = PairSlot(key);
            while (_pairKeys[slot] != key)
            {
                if (_pairKeys[slot] == -1) goto next;
                slot = (slot + 1) & (_pairKeys.Length - 1);
            }
            int s0 = _d.ParadigmStart[p];
            for (int j = _pairStart[slot], end = j + _pairCount[slot]; j < end && n < results.Length; j++)
            {
                int k = _pairForms[j];
                if (_d.FormPrefix[k] == prefix)
                    results[n++] = new MorphParse(lex, (ushort)p, (ushort)(k - s0), (byte)keep, (byte)prefixLength, (byte)stemLength, 0);
            }
        next:;
        }
        return n;
    }

    private int PairSlot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _pairShift);

    /// <summary>Scores dictionary parses by P(tag | word) when the corpus has the word, uniformly otherwise.</summary>
    private void Score(ReadOnlySpan<char> w, Span<MorphParse> parses)
    {
        int word = _probabilityWords.Find(w);
        float total = 0;
        if (word < 0)
            for (int i = 0; i < parses.Length; i++) total += CaseWeight(Tag(parses[i]));
        for (int i = 0; i < parses.Length; i++)
        {
            float score = word < 0 ? CaseWeight(Tag(parses[i])) / total : 0;
            if (word >= 0)
            {
                int tag = _d.FormTag[_d.ParadigmStart[parses[i].Paradigm] + parses[i].Form];
                score = 0.001f / parses.Length;
                for (int k = _d.ProbabilityStart[word]; k < _d.ProbabilityStart[word + 1]; k++)
                    if (_d.ProbabilityTag[k] == tag) { score = _d.ProbabilityValue[k] / 65535f; break; }
            }
            parses[i] = parses[i].WithScore(score);
        }
    }

    /// <summary>Without corpus counts, a nominative reading is a little likelier than an oblique one («море»: not «мор»).</summary>
    private static float CaseWeight(Grammemes tag) => tag.Has(Grammemes.Nomn) ? 1.5f : 1f;

    /// <summary>Guesses from the longest known ending: paradigm forms whose suffix the word ends with, scored by frequency.</summary>
    private int Guess(ReadOnlySpan<char> w, int keep, Span<MorphParse> results, int n)
    {
        int ending = -1;
        for (int l = Math.Min(_maxEndingLength, w.Length - 1); l >= 1 && ending < 0; l--) ending = _endings.Find(w[^l..]);
        if (ending < 0) return n;
        int e0 = _d.EndingStart[ending], e1 = _d.EndingStart[ending + 1];
        float total = 0;
        for (int e = e0; e < e1; e++) total += _d.EndingCount[e];
        for (int e = e0; e < e1 && n < results.Length; e++)
        {
            int p = _d.EndingParadigm[e], form = _d.EndingForm[e];
            var suffix = _foldedSuffix[_d.FormSuffix[_d.ParadigmStart[p] + form]];
            if (suffix.Length >= w.Length || !w.EndsWith(suffix)) continue;
            results[n++] = new MorphParse(-1, (ushort)p, (ushort)form, (byte)keep, 0, (byte)(w.Length - suffix.Length), _d.EndingCount[e] / total);
        }
        return n;
    }

    private static void SortByScore(Span<MorphParse> parses)
    {
        for (int i = 1; i < parses.Length; i++)
        {
            var x = parses[i];
            int j = i - 1;
            while (j >= 0 && parses[j].Score < x.Score) { parses[j + 1] = parses[j]; j--; }
            parses[j + 1] = x;
        }
    }
}
