using System.Globalization;
using Extraction.Documents;

namespace Extraction.Corpora;

/// <summary>
/// Reader for the factRuEval-2016 standoff format: per document <c>book_N.txt</c> with <c>.tokens</c> (<c>id start length text</c>,
/// blank line = sentence break), <c>.spans</c> (<c>id type start length first_token n_tokens</c>), <c>.objects</c>
/// (<c>id TYPE span_id... # text</c>) and <c>.coref</c> (blocks: <c>entity_id mention_id...</c> then <c>key value</c> lines).
///
/// Mentions become spans the way naeval scores them: Person → PER from its first to its last name part (name, surname,
/// patronymic, nickname); Org → ORG over its <c>org_name</c> parts only (an Org made of a bare place name, e.g. «Кремль», keeps it);
/// Location and LocOrg → LOC over their <c>loc_name</c>/<c>geo_adj</c> parts. Descriptors (<c>org_descr</c>, <c>loc_descr</c>, <c>job</c>)
/// stay outside; an object with no name part yields no span. Project is dropped.
/// From <c>.coref</c>: <see cref="GoldSpan.EntityId"/> = <c>doc/entity</c>, and <see cref="GoldSpan.Normal"/> = the nominative
/// name when derivable: for PER the firstname/patronymic/lastname/nickname values of the parts present, in text order; for
/// ORG/LOC the <c>name</c> value with a leading or trailing descriptor removed, kept only when it has as many words as the span.
/// </summary>
public static class FactRuEval
{
    private sealed record RawSpan(string Type, int Start, int End);

    public static IEnumerable<GoldDocument> ReadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"factRuEval folder '{directory}' not found; pass the devset/ folder with book_N.txt/.tokens/.spans/.objects/.coref files.");
        foreach (var txt in Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal))
        {
            var stem = Path.ChangeExtension(txt, null);
            string[] Lines(string ext) => File.Exists(stem + ext) ? File.ReadAllLines(stem + ext) : [];
            yield return Parse(Path.GetFileName(stem), File.ReadAllText(txt), Lines(".tokens"), Lines(".spans"), Lines(".objects"), Lines(".coref"));
        }
    }

    public static GoldDocument Parse(string id, string text, IEnumerable<string> tokenLines, IEnumerable<string> spanLines,
        IEnumerable<string> objectLines, IEnumerable<string> corefLines)
    {
        var (tokens, sentences) = ReadTokens(tokenLines, text.Length);
        var spans = new Dictionary<string, RawSpan>(StringComparer.Ordinal);
        foreach (var line in spanLines)
        {
            var p = BeforeHash(line);
            if (p.Length < 4) continue;
            int start = Int(p[2]);
            spans[p[0]] = new RawSpan(p[1], start, start + Int(p[3]));
        }
        var coref = ReadCoref(corefLines);

        var result = new List<GoldSpan>();
        foreach (var line in objectLines)
        {
            var p = BeforeHash(line);
            if (p.Length < 3) continue;
            EntityType type;
            switch (p[1])
            {
                case "Person": type = EntityType.PER; break;
                case "Org": type = EntityType.ORG; break;
                case "Location" or "LocOrg": type = EntityType.LOC; break;
                default: continue;
            }
            var parts = p.Skip(2).Select(s => spans.TryGetValue(s, out var r) ? r
                    : throw new FormatException($"{id}.objects: object {p[0]} names span {s}, which .spans lacks."))
                .OrderBy(s => s.Start).ToList();
            var names = NameParts(type, parts);
            if (names.Count == 0) continue;
            var range = new TextRange(names.Min(s => s.Start), names.Max(s => s.End));
            range.Validate(text.Length);
            coref.TryGetValue(p[0], out var entity);
            result.Add(new GoldSpan(range, type)
            {
                OriginalLabel = p[1],
                EntityId = entity is null ? null : $"{id}/{entity.Id}",
                Normal = entity is null ? null : NormalOf(type, names, parts.Count != names.Count, entity, range.Slice(text)),
            });
        }
        result.Sort(static (a, b) => a.Range.Start != b.Range.Start ? a.Range.Start.CompareTo(b.Range.Start) : b.Range.End.CompareTo(a.Range.End));
        return new GoldDocument(id, text, result) { Tokens = tokens, Sentences = sentences, Language = Language.Ru };
    }

    private static List<RawSpan> NameParts(EntityType type, List<RawSpan> parts)
    {
        static bool IsPersonPart(string t) => t is "name" or "surname" or "patronymic" or "nickname";
        switch (type)
        {
            case EntityType.PER:
                return parts.Where(s => IsPersonPart(s.Type)).ToList();
            case EntityType.ORG:
                var orgNames = parts.Where(s => s.Type == "org_name").ToList();
                if (orgNames.Count > 0) return orgNames;
                // «Кремль» annotated as an organisation by its place name alone, with no descriptor.
                return parts.All(s => s.Type == "loc_name") ? parts : [];
            default:
                var locNames = parts.Where(s => s.Type is "loc_name" or "geo_adj").ToList();
                return locNames.Count > 0 ? locNames : parts.Where(s => s.Type is "org_name" or "name").ToList();
        }
    }

    private static string? NormalOf(EntityType type, List<RawSpan> names, bool descriptorsDropped, CorefEntity entity, ReadOnlySpan<char> surface)
    {
        if (type == EntityType.PER)
        {
            var words = new List<string>();
            foreach (var part in names)
            {
                var key = part.Type switch { "name" => "firstname", "surname" => "lastname", _ => part.Type };
                if (!entity.Values.TryGetValue(key, out var v)) return null;
                words.Add(v[0]);
            }
            return string.Join(' ', words);
        }
        if (!entity.Values.TryGetValue("name", out var nameValues)) return null;
        var name = nameValues[0];
        if (descriptorsDropped && entity.Values.TryGetValue("descriptor", out var descriptors))
        {
            foreach (var d in descriptors.OrderByDescending(d => d.Length))
            {
                if (name.StartsWith(d + " ", StringComparison.OrdinalIgnoreCase)) { name = name[(d.Length + 1)..]; break; }
                if (name.EndsWith(" " + d, StringComparison.OrdinalIgnoreCase)) { name = name[..^(d.Length + 1)]; break; }
            }
        }
        return WordCount(name) == WordCount(surface) ? name : null;
    }

    private static int WordCount(ReadOnlySpan<char> s)
    {
        int n = 0;
        foreach (var _ in s.Split(' ')) n++;
        return n;
    }

    private sealed record CorefEntity(string Id, Dictionary<string, List<string>> Values);

    /// <summary>Maps each mention (object) id to its coreference entity with its key → values.</summary>
    private static Dictionary<string, CorefEntity> ReadCoref(IEnumerable<string> lines)
    {
        var byMention = new Dictionary<string, CorefEntity>(StringComparer.Ordinal);
        CorefEntity? current = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0) { current = null; continue; }
            int sp = line.IndexOf(' ');
            if (current is null)
            {
                var ids = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                current = new CorefEntity(ids[0], new Dictionary<string, List<string>>(StringComparer.Ordinal));
                foreach (var m in ids.Skip(1)) byMention[m] = current;
                continue;
            }
            if (sp <= 0) continue;
            var key = line[..sp];
            var value = line[(sp + 1)..].Trim();
            if (value.Length == 0) continue;
            if (!current.Values.TryGetValue(key, out var list)) current.Values[key] = list = [];
            list.Add(value);
        }
        return byMention;
    }

    private static (TextRange[] Tokens, TextRange[] Sentences) ReadTokens(IEnumerable<string> lines, int textLength)
    {
        var tokens = new List<TextRange>();
        var sentences = new List<TextRange>();
        int sentenceFirst = 0;
        void EndSentence()
        {
            if (tokens.Count > sentenceFirst) sentences.Add(new TextRange(tokens[sentenceFirst].Start, tokens[^1].End));
            sentenceFirst = tokens.Count;
        }
        foreach (var line in lines)
        {
            var p = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (p.Length < 3) { EndSentence(); continue; }
            var range = TextRange.FromLength(Int(p[1]), Int(p[2]));
            range.Validate(textLength);
            tokens.Add(range);
        }
        EndSentence();
        return (tokens.ToArray(), sentences.ToArray());
    }

    private static string[] BeforeHash(string line)
    {
        int hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
