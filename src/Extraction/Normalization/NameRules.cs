using System.Text;
using System.Text.Json;
using Extraction.Models;
using Extraction.Morphology;

namespace Extraction.Normalization;

public enum NameGender : byte
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}

/// <summary>The part of a Russian personal name a gender rule is about.</summary>
public enum NameRole : byte
{
    First = 0,
    Middle = 1,
    Last = 2,
}

/// <summary>
/// One petrovich declension rule: for a nominative name part of <see cref="Gender"/> (Unknown = any) that equals
/// (<see cref="Exception"/>) or ends with one of <see cref="Tests"/>, the five oblique cases (gent, datv, accs, ablt,
/// loct) are made by <see cref="Mods"/>: each leading '-' deletes a final letter, the rest is appended, "." = unchanged.
/// </summary>
public sealed record DeclensionRule(NameGender Gender, bool Exception, string[] Tests, string[] Mods)
{
    public bool Fits(NameGender gender) => Gender == NameGender.Unknown || Gender == gender;

    /// <summary>Per oblique case (index c − 1): letters cut from the nominative's end, and the ending added ("." = none cut, none added).</summary>
    private readonly (int Cut, string Add)[] _mods = [.. Mods.Select(m =>
    {
        if (m == ".") return (0, "");
        int cut = 0;
        while (cut < m.Length && m[cut] == '-') cut++;
        return (cut, m[cut..]);
    })];

    /// <summary>
    /// Per oblique case (index c − 1): the distinct endings of the tests that the case's cut removes (each test at
    /// least as long as the cut), in test order — what a nominative this rule declines can end with in place of the
    /// case's ending.
    /// </summary>
    private readonly string[][] _tails = [.. Mods.Select(m =>
    {
        int cut = m == "." ? 0 : m.TakeWhile(ch => ch == '-').Count();
        return Tests.Where(t => t.Length >= cut).Select(t => t[(t.Length - cut)..]).Distinct().ToArray();
    })];

    /// <summary>The distinct test endings oblique case <paramref name="c"/> (1 = gent … 5 = loct) cuts off.</summary>
    public string[] Tails(int c) => _tails[c - 1];

    /// <summary>The modification of oblique case <paramref name="c"/> (1 = gent … 5 = loct).</summary>
    public (int Cut, string Add) Mod(int c) => _mods[c - 1];

    /// <summary>Oblique case <paramref name="c"/> (1 = gent … 5 = loct) of a nominative this rule applies to.</summary>
    public string Apply(string nominative, int c)
    {
        var (cut, add) = Mod(c);
        return cut > nominative.Length || cut == 0 && add.Length == 0 ? nominative : nominative[..^cut] + add;
    }

    /// <summary>Whether <see cref="Apply"/> gives <paramref name="form"/> for <paramref name="nominative"/>, without building it.</summary>
    public bool Gives(ReadOnlySpan<char> nominative, int c, ReadOnlySpan<char> form)
    {
        var (cut, add) = Mod(c);
        if (cut > nominative.Length) return nominative.SequenceEqual(form);
        var kept = nominative[..^cut];
        return form.Length == kept.Length + add.Length && form.StartsWith(kept) && form.EndsWith(add);
    }
}

/// <summary>
/// Knowledge about Russian personal names: a list of first names with their gender (sex-by-russian-name),
/// petrovich's gender rules per name part (whole-word exceptions, then the longest matching ending) and
/// petrovich's declension rules, used backwards to find the nominatives an inflected name part can come from.
/// Compiled from <c>ru_names_rules/</c> into <c>models/ru-names.bin</c> (kind <c>names-ru</c>).
/// </summary>
public sealed class NameRules
{
    public const string Kind = "names-ru";
    public const uint FormatVersion = 1;

    private readonly Dictionary<string, NameGender> _firstNames;
    private readonly Dictionary<string, NameGender>[] _exceptions;
    private readonly Dictionary<string, NameGender>[] _suffixes;
    private readonly int[] _maxSuffix;
    private readonly DeclensionRule[][] _declension;

    public NameRules(Dictionary<string, NameGender> firstNames, Dictionary<string, NameGender>[] exceptions,
        Dictionary<string, NameGender>[] suffixes, DeclensionRule[][] declension)
    {
        _firstNames = firstNames;
        _exceptions = exceptions;
        _suffixes = suffixes;
        _declension = declension;
        _maxSuffix = suffixes.Select(s => s.Count == 0 ? 0 : s.Keys.Max(k => k.Length)).ToArray();
        _index = new RuleIndex[3 * 3];
        for (int r = 0; r < 3; r++)
            for (int g = 0; g < 3; g++)
                _index[r * 3 + g] = new RuleIndex(declension[r], (NameGender)g);
    }

    // Per role and gender (role × 3 + gender): the declension rules indexed, so a lookup does not scan them all.
    private readonly RuleIndex[] _index;

    /// <summary>
    /// The declension rules of one role that fit one gender, indexed. For <see cref="RuleFor"/>, a trie of the rules'
    /// tests read from the end: walking a word's letters backwards passes every ending a rule tests for (and reaches
    /// the whole word, which an exception tests for), each node holding the first rule that selects it; a node's
    /// children by the letters а–я sit in a flat table, any other letter in a dictionary. For
    /// <see cref="Nominatives"/>, per oblique case, the rules whose ending for that case a form can end with, by the
    /// form's last letter (rules that add nothing apply to every form), each list in rule order.
    /// </summary>
    private sealed class RuleIndex
    {
        private const int None = int.MaxValue;
        public readonly DeclensionRule[] Rules;
        private const int Alphabet = 32; // а–я
        private int[] _children = new int[Alphabet]; // node × 32 + letter − 'а' → child node, 0 = none (the root is no child)
        private readonly Dictionary<(int Node, char Letter), int> _otherChildren = [];
        private readonly List<int> _ending = [None], _exact = [None]; // per node: first rule testing for the ending / whole word
        private readonly Dictionary<char, int[]>[] _byLastLetter = new Dictionary<char, int[]>[5];
        private readonly int[][] _addingNothing = new int[5][];

        public RuleIndex(DeclensionRule[] all, NameGender gender)
        {
            Rules = [.. all.Where(r => r.Fits(gender))];
            for (int i = 0; i < Rules.Length; i++)
                foreach (var t in Rules[i].Tests)
                {
                    int node = 0;
                    for (int k = t.Length - 1; k >= 0; k--)
                    {
                        int child = Child(node, t[k]);
                        if (child == 0)
                        {
                            child = _ending.Count;
                            _ending.Add(None);
                            _exact.Add(None);
                            if (t[k] is >= 'а' and <= 'я')
                            {
                                if (_children.Length < (child + 1) * Alphabet) Array.Resize(ref _children, _children.Length * 2);
                                _children[node * Alphabet + t[k] - 'а'] = child;
                            }
                            else _otherChildren[(node, t[k])] = child;
                        }
                        node = child;
                    }
                    var first = Rules[i].Exception ? _exact : _ending;
                    first[node] = Math.Min(first[node], i);
                }
            for (int c = 1; c <= 5; c++)
            {
                var adding = Enumerable.Range(0, Rules.Length).Where(i => Rules[i].Mod(c).Add.Length > 0).ToArray();
                _addingNothing[c - 1] = [.. Enumerable.Range(0, Rules.Length).Where(i => Rules[i].Mod(c).Add.Length == 0)];
                _byLastLetter[c - 1] = adding.GroupBy(i => Rules[i].Mod(c).Add[^1]).ToDictionary(
                    g => g.Key, g => g.Concat(_addingNothing[c - 1]).Order().ToArray());
            }
        }

        public DeclensionRule? RuleFor(ReadOnlySpan<char> nominative)
        {
            int node = 0, first = _ending[0];
            for (int k = nominative.Length - 1; k >= 0; k--)
            {
                node = Child(node, nominative[k]);
                if (node == 0) return first == None ? null : Rules[first];
                first = Math.Min(first, _ending[node]);
            }
            first = Math.Min(first, _exact[node]);
            return first == None ? null : Rules[first];
        }

        private int Child(int node, char letter) =>
            letter is >= 'а' and <= 'я' ? _children[node * Alphabet + letter - 'а'] : _otherChildren.GetValueOrDefault((node, letter));

        /// <summary>Positions in <see cref="Rules"/>, in order, of the rules that may make <paramref name="form"/> in case <paramref name="c"/>.</summary>
        public int[] Making(ReadOnlySpan<char> form, int c) =>
            form.Length > 0 && _byLastLetter[c - 1].TryGetValue(form[^1], out var rules) ? rules : _addingNothing[c - 1];
    }

    /// <summary>The first declension rule (exceptions first, then endings, in order) that applies to a nominative.</summary>
    public DeclensionRule? RuleFor(NameRole role, NameGender gender, ReadOnlySpan<char> nominative) =>
        _index[(int)role * 3 + (int)gender].RuleFor(nominative);

    /// <summary>
    /// The nominatives (folded) that petrovich declines to <paramref name="folded"/> in case <paramref name="c"/>
    /// (0 = nomn: the word itself; 1 = gent … 5 = loct) for a name part of this role and gender.
    /// </summary>
    public IEnumerable<string> Nominatives(NameRole role, NameGender gender, string folded, int c)
    {
        if (c == 0) return [folded];
        List<string>? found = null;
        // A candidate is a nominative when the rule that makes it is the rule that declines it (the first one that
        // selects it); it is composed on the stack and becomes a string only then.
        Span<char> buffer = stackalloc char[64];
        var index = _index[(int)role * 3 + (int)gender];
        foreach (var r in index.Making(folded, c))
        {
            var rule = index.Rules[r];
            var add = rule.Mod(c).Add;
            if (!folded.AsSpan().EndsWith(add)) continue;
            var stem = folded.AsSpan(0, folded.Length - add.Length);
            foreach (var tail in rule.Tails(c))
            {
                int length = stem.Length + tail.Length;
                var candidate = length <= buffer.Length ? buffer[..length] : new char[length];
                stem.CopyTo(candidate);
                tail.CopyTo(candidate[stem.Length..]);
                if (!ReferenceEquals(index.RuleFor(candidate), rule) || !rule.Gives(candidate, c, folded) || Contains(found, candidate)) continue;
                (found ??= []).Add(candidate.ToString());
            }
        }
        return found ?? [];

        static bool Contains(List<string>? found, ReadOnlySpan<char> candidate)
        {
            if (found is null) return false;
            foreach (var t in found)
                if (candidate.SequenceEqual(t)) return true;
            return false;
        }
    }

    public int FirstNameCount => _firstNames.Count;

    /// <summary>Gender of a first name in the list (folded nominative), or Unknown.</summary>
    public NameGender FirstName(string folded) => _firstNames.GetValueOrDefault(folded);

    /// <summary>Gender the rules give a nominative name part (folded), or Unknown (androgynous or no rule).</summary>
    public NameGender ByRule(NameRole role, string folded)
    {
        int r = (int)role;
        if (_exceptions[r].TryGetValue(folded, out var g)) return g;
        var suffixes = _suffixes[r].GetAlternateLookup<ReadOnlySpan<char>>();
        for (int l = Math.Min(_maxSuffix[r], folded.Length); l >= 1; l--)
            if (suffixes.TryGetValue(folded.AsSpan(folded.Length - l), out g)) return g;
        return NameGender.Unknown;
    }

    /// <summary>Compiles <c>first_names_gender.tsv</c> and <c>petrovich_gender.json</c> from the ru_names_rules folder.</summary>
    public static (NameRules Rules, object Metadata) Compile(string dataDir)
    {
        var namesPath = Path.Combine(dataDir, "first_names_gender.tsv");
        var genderPath = Path.Combine(dataDir, "petrovich_gender.json");
        var rulesPath = Path.Combine(dataDir, "petrovich_rules.json");
        foreach (var p in new[] { namesPath, genderPath, rulesPath })
            if (!File.Exists(p)) throw new FileNotFoundException($"'{p}' not found; --data must point at the ru_names_rules folder.");
        var names = new Dictionary<string, NameGender>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(namesPath))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 2) continue;
            var g = f[1].Trim() switch { "m" => NameGender.Male, "f" => NameGender.Female, _ => NameGender.Unknown };
            var name = Letters.Fold(f[0].Trim());
            // A name listed with both genders is androgynous.
            names[name] = names.TryGetValue(name, out var old) && old != g ? NameGender.Unknown : g;
        }
        using var json = JsonDocument.Parse(File.ReadAllText(genderPath));
        var gender = json.RootElement.GetProperty("gender");
        string[] roles = ["firstname", "middlename", "lastname"];
        var exceptions = new Dictionary<string, NameGender>[3];
        var suffixes = new Dictionary<string, NameGender>[3];
        for (int r = 0; r < 3; r++)
        {
            exceptions[r] = [];
            suffixes[r] = [];
            if (!gender.TryGetProperty(roles[r], out var role)) continue;
            Fill(role, "exceptions", exceptions[r]);
            Fill(role, "suffixes", suffixes[r]);
        }
        using var rulesJson = JsonDocument.Parse(File.ReadAllText(rulesPath));
        var declension = new DeclensionRule[3][];
        for (int r = 0; r < 3; r++)
        {
            var list = new List<DeclensionRule>();
            if (rulesJson.RootElement.TryGetProperty(roles[r], out var role))
                foreach (var kind in new[] { "exceptions", "suffixes" })
                    if (role.TryGetProperty(kind, out var items))
                        foreach (var item in items.EnumerateArray())
                        {
                            if (item.TryGetProperty("tags", out _)) continue; // "first_word": parts of double surnames only
                            var g = item.GetProperty("gender").GetString() switch { "male" => NameGender.Male, "female" => NameGender.Female, _ => NameGender.Unknown };
                            var tests = item.GetProperty("test").EnumerateArray().Select(t => Letters.Fold(t.GetString()!)).ToArray();
                            var mods = item.GetProperty("mods").EnumerateArray().Select(m => Letters.Fold(m.GetString()!)).ToArray();
                            if (mods.Length != 5) throw new FormatException($"{rulesPath}: a {roles[r]} rule has {mods.Length} mods instead of 5.");
                            list.Add(new DeclensionRule(g, kind == "exceptions", tests, mods));
                        }
            declension[r] = [.. list];
        }
        var rules = new NameRules(names, exceptions, suffixes, declension);
        return (rules, new
        {
            source = "ru_names_rules: sex-by-russian-name 1.0.3 first names; petrovich-rules gender.json and rules.json (MIT)",
            firstNames = names.Count,
            genderExceptions = exceptions.Sum(e => e.Count),
            genderSuffixes = suffixes.Sum(s => s.Count),
            declensionRules = declension.Sum(d => d.Length),
        });
    }

    private static void Fill(JsonElement role, string kind, Dictionary<string, NameGender> target)
    {
        if (!role.TryGetProperty(kind, out var groups)) return;
        foreach (var group in groups.EnumerateObject())
        {
            var g = group.Name switch { "male" => NameGender.Male, "female" => NameGender.Female, _ => NameGender.Unknown };
            foreach (var item in group.Value.EnumerateArray()) target[Letters.Fold(item.GetString()!)] = g;
        }
    }

    /// <summary>
    /// Payload (BinaryWriter, little-endian; str = 7-bit length + UTF-8):
    /// <code>
    ///   i32 n, n × (str folded first name, u8 gender)            gender: 0 androgynous, 1 male, 2 female
    ///   for role in (first, middle, last):
    ///     i32 n, n × (str whole-word exception, u8 gender)
    ///     i32 n, n × (str ending, u8 gender)
    ///   for role in (first, middle, last):
    ///     i32 n, n × (u8 gender, u8 exception 0|1, u8 t, t × str test, 5 × str mod)     declension rules in order
    /// </code>
    /// </summary>
    public void Write(string path, object metadata) =>
        ModelFile.Write(path, ModelHeader.Create(Kind, "ru", FormatVersion, metadata), w =>
        {
            WriteMap(w, _firstNames);
            for (int r = 0; r < 3; r++)
            {
                WriteMap(w, _exceptions[r]);
                WriteMap(w, _suffixes[r]);
            }
            for (int r = 0; r < 3; r++)
            {
                w.Write(_declension[r].Length);
                foreach (var rule in _declension[r])
                {
                    w.Write((byte)rule.Gender);
                    w.Write(rule.Exception);
                    w.Write((byte)rule.Tests.Length);
                    foreach (var t in rule.Tests) w.Write(t);
                    foreach (var m in rule.Mods) w.Write(m);
                }
            }
        });

    public static NameRules Load(string path)
    {
        var (_, payload) = ModelFile.Read(path, Kind, FormatVersion);
        try
        {
            using var r = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
            var names = ReadMap(r);
            var exceptions = new Dictionary<string, NameGender>[3];
            var suffixes = new Dictionary<string, NameGender>[3];
            for (int i = 0; i < 3; i++)
            {
                exceptions[i] = ReadMap(r);
                suffixes[i] = ReadMap(r);
            }
            var declension = new DeclensionRule[3][];
            for (int i = 0; i < 3; i++)
            {
                int n = r.ReadInt32();
                if (n < 0) throw new InvalidDataException("negative rule count");
                declension[i] = new DeclensionRule[n];
                for (int k = 0; k < n; k++)
                {
                    var g = r.ReadByte();
                    if (g > 2) throw new InvalidDataException("bad gender");
                    bool exception = r.ReadBoolean();
                    var tests = new string[r.ReadByte()];
                    for (int t = 0; t < tests.Length; t++) tests[t] = r.ReadString();
                    var mods = new string[5];
                    for (int m = 0; m < 5; m++) mods[m] = r.ReadString();
                    declension[i][k] = new DeclensionRule((NameGender)g, exception, tests, mods);
                }
            }
            return new NameRules(names, exceptions, suffixes, declension);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException)
        {
            throw new ModelFormatException(path, "has a damaged name-rules payload", "restore the file from git or recompile it ('extract morph names')", e);
        }
    }

    private static void WriteMap(BinaryWriter w, Dictionary<string, NameGender> map)
    {
        w.Write(map.Count);
        foreach (var (k, g) in map.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(k);
            w.Write((byte)g);
        }
    }

    private static Dictionary<string, NameGender> ReadMap(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0) throw new InvalidDataException("negative count");
        var map = new Dictionary<string, NameGender>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var k = r.ReadString();
            var g = r.ReadByte();
            if (g > 2) throw new InvalidDataException("bad gender");
            map[k] = (NameGender)g;
        }
        return map;
    }
}
