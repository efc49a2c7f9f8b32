using System.Globalization;
using Extraction.Documents;

namespace Extraction.Corpora;

/// <summary>What the brat reader makes of NEREL FACILITY spans (factRuEval counts streets, squares and named buildings as locations).</summary>
public enum FacilityMapping
{
    /// <summary>Dropped (no PER/ORG/LOC counterpart).</summary>
    None,
    /// <summary>Streets and squares become LOC spans of their name part (<see cref="Brat.StreetName"/>); other facilities are dropped.</summary>
    Streets,
    /// <summary>As <see cref="Streets"/>, and every other facility span starting with a capital letter («Белом доме», «Кремле») becomes a LOC span.</summary>
    Named,
}

/// <summary>
/// Reader for brat standoff corpora (NEREL): each <c>NAME.txt</c> with its <c>NAME.ann</c>. Entity lines
/// <c>T1\tTYPE start end[;start end]\ttext</c> become <see cref="GoldSpan"/>s when the type maps (see <see cref="MapNerel"/>);
/// discontinuous entities take their full extent. Nested spans are all kept; <see cref="Outermost"/> reduces them for tagging.
/// NEREL FACILITY spans are dropped unless a <see cref="FacilityMapping"/> makes (some of) them LOC. Spans of the types that
/// map to nothing are kept aside in <see cref="GoldDocument.Others"/>.
/// Wikidata links (<c>N1\tReference T1 Wikidata:Q42\tlabel</c>) become <see cref="GoldSpan.EntityId"/>.
/// </summary>
public static class Brat
{
    /// <summary>NEREL types: PERSON→PER; ORGANIZATION→ORG; COUNTRY, CITY, STATE_OR_PROVINCE, DISTRICT, LOCATION→LOC; DATE, TIME→DATE.</summary>
    public static EntityType? MapNerel(string label) => label switch
    {
        "PERSON" => EntityType.PER,
        "ORGANIZATION" => EntityType.ORG,
        "COUNTRY" or "CITY" or "STATE_OR_PROVINCE" or "DISTRICT" or "LOCATION" => EntityType.LOC,
        "DATE" or "TIME" => EntityType.DATE,
        _ => null,
    };

    /// <summary>Reads every <c>.txt</c> with an <c>.ann</c> beside it in <paramref name="directory"/>, in ordinal file order.</summary>
    public static IEnumerable<GoldDocument> ReadDirectory(string directory, Language language = Language.Ru, Func<string, EntityType?>? map = null, FacilityMapping facilities = FacilityMapping.None)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Brat corpus folder '{directory}' not found; pass a folder with NAME.txt + NAME.ann files.");
        foreach (var txt in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var ann = Path.ChangeExtension(txt, ".ann");
            if (!File.Exists(ann)) continue;
            yield return Parse(Path.GetFileNameWithoutExtension(txt), File.ReadAllText(txt), File.ReadAllLines(ann), language, map, facilities);
        }
    }

    public static GoldDocument Parse(string id, string text, IEnumerable<string> annLines, Language language = Language.Ru,
        Func<string, EntityType?>? map = null, FacilityMapping facilities = FacilityMapping.None)
    {
        map ??= MapNerel;
        var spans = new List<(string Id, GoldSpan Span)>();
        var others = new List<OtherSpan>();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in annLines)
        {
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            if (line[0] == 'T' && cols.Length >= 2)
            {
                var head = cols[1];
                int sp = head.IndexOf(' ');
                if (sp < 0) throw new FormatException($"{id}.ann: entity line '{line}' has no offsets; expected 'T1\\tTYPE start end\\ttext'.");
                var label = head[..sp];
                var type = map(label);
                int start = int.MaxValue, end = -1;
                foreach (var frag in head[(sp + 1)..].Split(';'))
                {
                    var se = frag.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    start = Math.Min(start, int.Parse(se[0], CultureInfo.InvariantCulture));
                    end = Math.Max(end, int.Parse(se[1], CultureInfo.InvariantCulture));
                }
                var range = new TextRange(start, end);
                range.Validate(text.Length);
                if (type is null && !(facilities != FacilityMapping.None && label == "FACILITY"))
                {
                    others.Add(new OtherSpan(range, label));
                    continue;
                }
                if (type is null)
                {
                    if (StreetName(text, range) is { } name) range = name;
                    else if (facilities != FacilityMapping.Named || !char.IsUpper(text[range.Start]))
                    {
                        others.Add(new OtherSpan(range, label));
                        continue;
                    }
                    type = EntityType.LOC;
                }
                spans.Add((cols[0], new GoldSpan(range, type.Value) { OriginalLabel = label }));
            }
            else if (line[0] == 'N' && cols.Length >= 2)
            {
                // N1\tReference T1 Wikidata:Q42
                var parts = cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 3 && parts[2].StartsWith("Wikidata:", StringComparison.Ordinal) && parts[2].Length > 9)
                    links[parts[1]] = parts[2][9..];
            }
        }
        var result = spans
            .Select(s => links.TryGetValue(s.Id, out var q) ? s.Span with { EntityId = q } : s.Span)
            .OrderBy(s => s.Range.Start).ThenByDescending(s => s.Range.End)
            .ToArray();
        return new GoldDocument(id, text, result) { Language = language, Others = others };
    }

    /// <summary>
    /// Class nouns of streets and squares (and their usual abbreviations), as lower-case prefixes: the thoroughfare words
    /// among the lower-case words of NEREL train FACILITY spans («улице», «площади», «проспекта», «бульвару», «набережной»,
    /// «переулку», «ул.») and the other members of the same class.
    /// </summary>
    private static readonly string[] StreetNouns =
        ["улиц", "ул.", "площад", "пл.", "проспект", "пр-т", "просп.", "переул", "пер.", "шоссе", "бульвар", "б-р",
         "набережн", "наб.", "проезд", "тупик", "аллея", "аллее", "аллеи", "аллею", "аллей", "сквер", "микрорайон", "мкр."];

    /// <summary>
    /// The name part of a street or square span, the way factRuEval annotates locations: the span without its class noun at
    /// the start («улице Тверской», «ул. Бассейной», «ул.Рябиновой») or at the end («Манежной площади»), up to a comma
    /// (house numbers). Null when the span has no such class noun or what is left does not start with a capital letter or a digit.
    /// </summary>
    public static TextRange? StreetName(string text, TextRange range)
    {
        var span = text.AsSpan(range.Start, range.Length);
        int comma = span.IndexOf(',');
        if (comma > 0) span = span[..comma];
        span = span.TrimEnd();
        int start = range.Start, end = range.Start + span.Length;
        if (StreetNounLength(span) is > 0 and var n)
        {
            start += n;
            while (start < end && char.IsWhiteSpace(text[start])) start++;
        }
        else
        {
            int space = span.LastIndexOf(' ');
            if (space <= 0 || StreetNounLength(span[(space + 1)..]) != span.Length - space - 1) return null;
            end = range.Start + span[..space].TrimEnd().Length;
        }
        if (end <= start || !(char.IsUpper(text[start]) || char.IsDigit(text[start]))) return null;
        return new TextRange(start, end);
    }

    /// <summary>Length of the street class noun <paramref name="s"/> starts with (the whole word, or an abbreviation up to its dot), else 0.</summary>
    private static int StreetNounLength(ReadOnlySpan<char> s)
    {
        foreach (var noun in StreetNouns)
        {
            if (!s.StartsWith(noun, StringComparison.OrdinalIgnoreCase)) continue;
            if (noun[^1] == '.') return noun.Length;
            int k = noun.Length;
            while (k < s.Length && char.IsLetter(s[k])) k++;
            if (k == s.Length || char.IsWhiteSpace(s[k])) return k;
        }
        return 0;
    }

    /// <summary>
    /// Keeps the outermost spans of each type group (PER/ORG/LOC together, DATE apart): a span inside another span of
    /// its group is dropped (<c>России</c> inside <c>Министерство обороны России</c>); of two crossing spans the earlier
    /// (then longer) one wins. The result is sorted by start.
    /// </summary>
    public static IReadOnlyList<GoldSpan> Outermost(IReadOnlyList<GoldSpan> spans)
    {
        var result = new List<GoldSpan>();
        foreach (var group in spans.GroupBy(s => s.Type == EntityType.DATE))
        {
            int lastEnd = -1;
            foreach (var s in group.OrderBy(s => s.Range.Start).ThenByDescending(s => s.Range.End))
            {
                if (s.Range.Start < lastEnd) continue;
                result.Add(s);
                lastEnd = s.Range.End;
            }
        }
        result.Sort(static (a, b) => a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : b.Range.End.CompareTo(a.Range.End));
        return result;
    }
}
