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
/// Gender knowledge about Russian personal names: a list of first names with their gender (sex-by-russian-name)
/// and petrovich's gender rules per name part (whole-word exceptions, then the longest matching ending).
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

    public NameRules(Dictionary<string, NameGender> firstNames, Dictionary<string, NameGender>[] exceptions, Dictionary<string, NameGender>[] suffixes)
    {
        _firstNames = firstNames;
        _exceptions = exceptions;
        _suffixes = suffixes;
        _maxSuffix = suffixes.Select(s => s.Count == 0 ? 0 : s.Keys.Max(k => k.Length)).ToArray();
    }

    public int FirstNameCount => _firstNames.Count;

    /// <summary>Gender of a first name in the list (folded nominative), or Unknown.</summary>
    public NameGender FirstName(string folded) => _firstNames.GetValueOrDefault(folded);

    /// <summary>Gender the rules give a nominative name part (folded), or Unknown (androgynous or no rule).</summary>
    public NameGender ByRule(NameRole role, string folded)
    {
        int r = (int)role;
        if (_exceptions[r].TryGetValue(folded, out var g)) return g;
        for (int l = Math.Min(_maxSuffix[r], folded.Length); l >= 1; l--)
            if (_suffixes[r].TryGetValue(folded[^l..], out g)) return g;
        return NameGender.Unknown;
    }

    /// <summary>Compiles <c>first_names_gender.tsv</c> and <c>petrovich_gender.json</c> from the ru_names_rules folder.</summary>
    public static (NameRules Rules, object Metadata) Compile(string dataDir)
    {
        var namesPath = Path.Combine(dataDir, "first_names_gender.tsv");
        var genderPath = Path.Combine(dataDir, "petrovich_gender.json");
        foreach (var p in new[] { namesPath, genderPath })
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
        var rules = new NameRules(names, exceptions, suffixes);
        return (rules, new
        {
            source = "ru_names_rules: sex-by-russian-name 1.0.3 first names, petrovich-rules gender.json (MIT)",
            firstNames = names.Count,
            exceptions = exceptions.Sum(e => e.Count),
            suffixes = suffixes.Sum(s => s.Count),
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
            return new NameRules(names, exceptions, suffixes);
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
