namespace Extraction.Tagging;

/// <summary>Writes the values of one feature template for token <c>i</c> into <c>values</c> and returns how many (0 = none).</summary>
public delegate int FeatureExtractor(SentenceFeatures s, int i, Span<ulong> values);

/// <summary>A named feature template. Its feature ids are <c>Mix(Seed, value)</c>; the seed is the hash of the name, so ids are stable.</summary>
public sealed class FeatureTemplate(string name, FeatureExtractor extract)
{
    public string Name { get; } = name;
    public FeatureExtractor Extract { get; } = extract;
    public ulong Seed { get; } = FeatureHash.Of(name);
    public override string ToString() => Name;
}

/// <summary>
/// The table of feature templates the NER tagger may use. A model stores the names of the templates it was trained with
/// and resolves them here when loaded, so templates are only ever added, never changed under an existing name.
/// Offsets in names are token positions relative to the current one (<c>w-1</c> is the previous word).
/// </summary>
public static class FeatureTemplates
{
    public const int MaxValues = 4;

    private static int One(Span<ulong> v, ulong x) { v[0] = x; return 1; }

    private static ulong ProperBits(LexEntry e) => (ulong)(e.Bits & (LexBits.FirstName | LexBits.Surname | LexBits.Patronymic
        | LexBits.Place | LexBits.Organisation | LexBits.Abbreviation | LexBits.Country | LexBits.City | LexBits.Region)) | ((ulong)e.Bits & 0x8000_0000UL);

    private static ulong CaseBits(LexEntry e) => (ulong)(e.Bits & (LexBits.MostlyCapitalized | LexBits.MostlyLower | LexBits.CommonWord));

    private static readonly FeatureTemplate[] Table =
    [
        new("bias", static (s, i, v) => One(v, 1)),
        new("w0", static (s, i, v) => One(v, s.Lower[i])),
        new("w-1", static (s, i, v) => One(v, s.LowerAt(i - 1))),
        new("w+1", static (s, i, v) => One(v, s.LowerAt(i + 1))),
        new("w-2", static (s, i, v) => One(v, s.LowerAt(i - 2))),
        new("w+2", static (s, i, v) => One(v, s.LowerAt(i + 2))),
        new("w-1,w+1", static (s, i, v) => One(v, FeatureHash.Mix(s.LowerAt(i - 1), s.LowerAt(i + 1)))),
        new("form0", static (s, i, v) => One(v, s.Exact[i])),
        new("w-1,w0", static (s, i, v) => One(v, FeatureHash.Mix(s.LowerAt(i - 1), s.Lower[i]))),
        new("w0,w+1", static (s, i, v) => One(v, FeatureHash.Mix(s.Lower[i], s.LowerAt(i + 1)))),
        new("prefix0", static (s, i, v) =>
        {
            int n = 0;
            for (int k = 0; k < SentenceFeatures.Prefixes; k++)
                if (s.Prefix[i * SentenceFeatures.Prefixes + k] is var p and not 0) v[n++] = p ^ (ulong)k;
            return n;
        }),
        new("suffix0", static (s, i, v) =>
        {
            int n = 0;
            for (int k = 0; k < SentenceFeatures.Suffixes; k++)
                if (s.Suffix[i * SentenceFeatures.Suffixes + k] is var p and not 0) v[n++] = p ^ (ulong)k;
            return n;
        }),
        new("suffix3-1", static (s, i, v) => One(v, s.SuffixAt(i - 1, 3))),
        new("suffix3+1", static (s, i, v) => One(v, s.SuffixAt(i + 1, 3))),
        new("shape0", static (s, i, v) => One(v, s.Shape[i])),
        new("shape-1", static (s, i, v) => One(v, s.ShapeAt(i - 1))),
        new("shape+1", static (s, i, v) => One(v, s.ShapeAt(i + 1))),
        new("shape-1,0", static (s, i, v) => One(v, FeatureHash.Mix(s.ShapeAt(i - 1), s.Shape[i]))),
        new("shape0,+1", static (s, i, v) => One(v, FeatureHash.Mix(s.Shape[i], s.ShapeAt(i + 1)))),
        new("short-1,0,+1", static (s, i, v) => One(v, FeatureHash.Mix(s.ShortShapeAt(i - 1), s.ShortShape[i], s.ShortShapeAt(i + 1)))),
        new("case0", static (s, i, v) => One(v, s.CaseAt(i))),
        new("case-1,0,+1", static (s, i, v) => One(v, FeatureHash.Mix(s.CaseAt(i - 1), s.CaseAt(i), s.CaseAt(i + 1)))),
        new("w-1,case0", static (s, i, v) => One(v, FeatureHash.Mix(s.LowerAt(i - 1), s.CaseAt(i)))),
        new("case0,w+1", static (s, i, v) => One(v, FeatureHash.Mix(s.CaseAt(i), s.LowerAt(i + 1)))),
        new("script0", static (s, i, v) => One(v, s.ScriptAt(i))),
        new("length0", static (s, i, v) => One(v, (ulong)Math.Min(s.Lengths[i], 12))),
        new("quote0", static (s, i, v) => One(v, FeatureHash.Mix(s.Quote[i], s.CaseAt(i)))),
        new("quote-head0", static (s, i, v) => s.QuoteHead[i] == 0 ? 0 : One(v, s.QuoteHead[i])),
        new("gazetteer0", static (s, i, v) => s.Gazetteer[i] == 0 ? 0 : One(v, s.Gazetteer[i])),
        new("gazetteer-1,+1", static (s, i, v) => One(v, FeatureHash.Mix(s.GazetteerAt(i - 1), s.GazetteerAt(i + 1)))),
        new("lexicon0", static (s, i, v) =>
        {
            var e = s.Lex[i];
            v[0] = ProperBits(e);
            v[1] = CaseBits(e) | 0x1000_0000UL;
            v[2] = FeatureHash.Mix(ProperBits(e), s.CaseAt(i));
            return 3;
        }),
        new("lexicon-1", static (s, i, v) => One(v, ProperBits(s.LexAt(i - 1)))),
        new("lexicon+1", static (s, i, v) => One(v, ProperBits(s.LexAt(i + 1)))),
        new("lexicon-1,0,+1", static (s, i, v) => One(v, FeatureHash.Mix(ProperBits(s.LexAt(i - 1)), ProperBits(s.Lex[i]), ProperBits(s.LexAt(i + 1))))),
        new("cluster0", static (s, i, v) =>
        {
            var e = s.Lex[i];
            if (e.Cluster1 == 0) return 0;
            v[0] = e.Cluster1;
            v[1] = 0x10000UL | e.Cluster2;
            v[2] = 0x20000UL | e.Cluster3;
            return 3;
        }),
        new("cluster-1", static (s, i, v) => One(v, s.LexAt(i - 1).Cluster2)),
        new("cluster+1", static (s, i, v) => One(v, s.LexAt(i + 1).Cluster2)),
        new("cluster-1,0", static (s, i, v) => One(v, FeatureHash.Mix(s.LexAt(i - 1).Cluster2, s.Lex[i].Cluster2))),
        new("evidence0", static (s, i, v) => One(v, FeatureHash.Mix(s.Evidence[i], s.CaseAt(i)))),
        new("w-3", static (s, i, v) => One(v, s.LowerAt(i - 3))),
        new("w+3", static (s, i, v) => One(v, s.LowerAt(i + 3))),
        new("stem-1", static (s, i, v) => One(v, s.StemAt(i - 1))),
        new("stem+1", static (s, i, v) => One(v, s.StemAt(i + 1))),
        new("stem-2", static (s, i, v) => One(v, s.StemAt(i - 2))),
        new("stem-1,case0", static (s, i, v) => One(v, FeatureHash.Mix(s.StemAt(i - 1), s.CaseAt(i)))),
        new("doc-word0", static (s, i, v) => One(v, FeatureHash.Mix(s.PassOneWord[i], s.CaseAt(i)))),
        new("doc-stem0", static (s, i, v) => One(v, FeatureHash.Mix(s.PassOneStem[i], s.CaseAt(i)))),
        new("doc-word-1,0,+1", static (s, i, v) => One(v, FeatureHash.Mix(s.PassOneWordAt(i - 1), s.PassOneWord[i], s.PassOneWordAt(i + 1)))),
        new("doc-token-1,0,+1", static (s, i, v) => One(v, FeatureHash.Mix(s.PassOneTokenAt(i - 1), s.PassOneToken[i], s.PassOneTokenAt(i + 1)))),
        new("doc-token0,word0", static (s, i, v) => One(v, FeatureHash.Mix(s.PassOneToken[i], s.Lower[i]))),
        new("quote-head-stem0", static (s, i, v) => s.QuoteHead[i] == 0 ? 0 : One(v, s.QuoteHeadStem[i])),
    ];

    /// <summary>Every template, in table order.</summary>
    public static IReadOnlyList<FeatureTemplate> All => Table;

    public static IReadOnlyList<string> DefaultNames => Table.Select(t => t.Name).ToArray();

    /// <summary>
    /// Templates added for Russian (wider context, five-letter stems that absorb case endings): they raise NEREL dev and
    /// cost English a little (eng.testa 0.925 → 0.921 at equal settings), so English models are trained without them.
    /// </summary>
    private static readonly string[] ForRussian = ["w-3", "w+3", "stem-1", "stem+1", "stem-2", "stem-1,case0", "quote-head-stem0"];

    /// <summary>The templates a model of <paramref name="language"/> is trained with by default.</summary>
    public static IReadOnlyList<string> DefaultFor(Documents.Language language) =>
        language == Documents.Language.Ru ? DefaultNames : DefaultNames.Except(ForRussian).ToArray();

    /// <summary>Templates that read the first tagging pass (<c>doc-…</c>): used only by the second pass of a stacked model.</summary>
    public static bool IsSecondPass(string name) => name.StartsWith("doc-", StringComparison.Ordinal);

    /// <summary>Looks up templates by name; throws naming the unknown ones (a model newer than this program).</summary>
    public static FeatureTemplate[] Resolve(IEnumerable<string> names)
    {
        var byName = Table.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var result = new List<FeatureTemplate>();
        var unknown = new List<string>();
        foreach (var n in names)
        {
            if (byName.TryGetValue(n, out var t)) result.Add(t);
            else unknown.Add(n);
        }
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown feature templates: {string.Join(", ", unknown)}. Known: {string.Join(", ", byName.Keys)}.");
        return result.ToArray();
    }

    public static FeatureTemplate Get(string name) => Resolve([name])[0];
}
