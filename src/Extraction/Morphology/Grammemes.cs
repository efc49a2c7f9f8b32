namespace Extraction.Morphology;

/// <summary>
/// A set of OpenCorpora grammemes as a 128-bit mask (the dictionary has 113 grammemes). Tags such as
/// <c>NOUN,anim,masc,Name sing,gent</c> parse into one set; agreement checks are mask operations.
/// </summary>
public readonly record struct Grammemes(UInt128 Bits)
{
    /// <summary>OpenCorpora grammeme names in the dictionary's order; a grammeme's bit is its index here.</summary>
    public static readonly string[] Names =
    [
        "POST", "NOUN", "ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "NUMR", "ADVB", "NPRO", "PRED", "PREP",
        "CONJ", "PRCL", "INTJ", "ANim", "anim", "inan", "GNdr", "masc", "femn", "neut", "Ms-f", "NMbr", "sing", "plur", "Sgtm",
        "Pltm", "Fixd", "CAse", "nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen1", "gen2", "acc2", "loc1", "loc2",
        "Abbr", "Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Subx", "Supr", "Qual", "Apro", "Anum", "Poss", "V-ey", "V-oy",
        "Cmp2", "V-ej", "ASpc", "perf", "impf", "TRns", "tran", "intr", "Impe", "Impx", "Mult", "Refl", "PErs", "1per", "2per",
        "3per", "TEns", "pres", "past", "futr", "MOod", "indc", "impr", "INvl", "incl", "excl", "VOic", "actv", "pssv", "Infr",
        "Slng", "Arch", "Litr", "Erro", "Dist", "Ques", "Dmns", "Prnt", "V-be", "V-en", "V-ie", "V-bi", "Fimp", "Prdx", "Coun",
        "Coll", "V-sh", "Af-p", "Inmx", "Vpre", "Anph", "Init", "Adjx",
    ];

    private static readonly Dictionary<string, int> Index = Names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);

    public static readonly Grammemes None = default;
    public static readonly Grammemes Noun = Of("NOUN"), Adjf = Of("ADJF"), Adjs = Of("ADJS"), Prtf = Of("PRTF"), Prts = Of("PRTS"),
        Verb = Of("VERB"), Infn = Of("INFN"), Grnd = Of("GRND"), Numr = Of("NUMR"), Npro = Of("NPRO"), Prep = Of("PREP"),
        Conj = Of("CONJ"), Prcl = Of("PRCL"), Comp = Of("COMP"), Advb = Of("ADVB");
    public static readonly Grammemes Masc = Of("masc"), Femn = Of("femn"), Neut = Of("neut"), MsF = Of("Ms-f"), GNdr = Of("GNdr");
    public static readonly Grammemes Sing = Of("sing"), Plur = Of("plur"), Sgtm = Of("Sgtm"), Pltm = Of("Pltm"), Fixd = Of("Fixd");
    public static readonly Grammemes Nomn = Of("nomn"), Gent = Of("gent"), Datv = Of("datv"), Accs = Of("accs"), Ablt = Of("ablt"),
        Loct = Of("loct"), Voct = Of("voct"), Gen2 = Of("gen2"), Acc2 = Of("acc2"), Loc2 = Of("loc2");
    public static readonly Grammemes Anim = Of("anim"), Inan = Of("inan");
    public static readonly Grammemes Abbr = Of("Abbr"), Name = Of("Name"), Surn = Of("Surn"), Patr = Of("Patr"), Geox = Of("Geox"),
        Orgn = Of("Orgn"), Init = Of("Init"), Apro = Of("Apro"), Anum = Of("Anum"), Poss = Of("Poss"), Erro = Of("Erro"), Dist = Of("Dist");

    /// <summary>Parts of speech.</summary>
    public static readonly Grammemes AnyPos = OfMany("NOUN ADJF ADJS COMP VERB INFN PRTF PRTS GRND NUMR ADVB NPRO PRED PREP CONJ PRCL INTJ");
    /// <summary>All cases (including the second genitive, accusative and locative).</summary>
    public static readonly Grammemes AnyCase = OfMany("nomn gent datv accs ablt loct voct gen1 gen2 acc2 loc1 loc2");
    public static readonly Grammemes AnyGender = OfMany("masc femn neut Ms-f GNdr");
    public static readonly Grammemes AnyNumber = Sing | Plur;
    /// <summary>Words that agree with a noun: full adjectives, full participles, adjectival pronouns and ordinal numbers.</summary>
    public static readonly Grammemes Agreeing = Adjf | Prtf;
    /// <summary>The six main cases in their usual order (nomn, gent, datv, accs, ablt, loct).</summary>
    public static readonly Grammemes[] MainCases = [Nomn, Gent, Datv, Accs, Ablt, Loct];

    public static Grammemes Of(string name) =>
        Index.TryGetValue(name, out var i) ? new Grammemes(UInt128.One << i) : throw new ArgumentException($"Unknown grammeme '{name}'.", nameof(name));

    private static Grammemes OfMany(string names) =>
        names.Split(' ').Aggregate(None, (acc, n) => acc | Of(n));

    /// <summary>Parses a tag (<c>NOUN,anim,masc sing,gent</c>); unknown grammemes are errors naming the tag.</summary>
    public static Grammemes Parse(string tag)
    {
        var g = None;
        foreach (var part in tag.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Index.TryGetValue(part, out var i))
                throw new FormatException($"Tag '{tag}' has an unknown grammeme '{part}'; the morphology data does not match this program's grammeme list.");
            g |= new Grammemes(UInt128.One << i);
        }
        return g;
    }

    public static bool TryParse(string tag, out Grammemes grammemes)
    {
        try { grammemes = Parse(tag); return true; }
        catch (FormatException) { grammemes = None; return false; }
    }

    public bool IsEmpty => Bits == UInt128.Zero;
    public bool Has(Grammemes g) => (Bits & g.Bits) == g.Bits && !g.IsEmpty;
    public bool HasAny(Grammemes g) => (Bits & g.Bits) != UInt128.Zero;
    public int Count => (int)UInt128.PopCount(Bits);
    public int Common(Grammemes g) => (int)UInt128.PopCount(Bits & g.Bits);

    /// <summary>The case grammeme of this set (second cases folded into the main ones), or none.</summary>
    public Grammemes Case
    {
        get
        {
            var c = this & AnyCase;
            if (c.HasAny(Gen2)) return Gent;
            if (c.HasAny(Acc2)) return Accs;
            if (c.HasAny(Loc2)) return Loct;
            return c;
        }
    }

    public Grammemes Gender => this & AnyGender;
    public Grammemes Number => this & AnyNumber;
    public Grammemes Pos => this & AnyPos;

    /// <summary>
    /// This adjective or participle reading agrees with the noun reading <paramref name="noun"/>: same case and number, and in
    /// the singular the same gender (a common-gender noun takes masculine or feminine).
    /// </summary>
    public bool AgreesWith(Grammemes noun)
    {
        if (Case != noun.Case) return false;
        bool plural = noun.Has(Plur);
        if (plural != Has(Plur)) return false;
        if (plural) return true;
        var g = noun.Gender;
        if (g.HasAny(MsF | GNdr)) return HasAny(Masc | Femn);
        return HasAny(g);
    }

    public static Grammemes operator |(Grammemes a, Grammemes b) => new(a.Bits | b.Bits);
    public static Grammemes operator &(Grammemes a, Grammemes b) => new(a.Bits & b.Bits);
    public static Grammemes operator ~(Grammemes a) => new(~a.Bits);

    public override string ToString()
    {
        var parts = new List<string>();
        for (int i = 0; i < Names.Length; i++)
            if ((Bits & (UInt128.One << i)) != UInt128.Zero) parts.Add(Names[i]);
        return string.Join(',', parts);
    }
}
