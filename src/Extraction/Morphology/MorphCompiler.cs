using System.Diagnostics;
using System.IO.Compression;

namespace Extraction.Morphology;

/// <summary>Options of the morphology compiler (recorded in the model metadata).</summary>
public sealed record MorphCompileOptions
{
    /// <summary>Longest word ending used to guess unknown words.</summary>
    public int MaxEndingLength { get; init; } = 5;
    /// <summary>Most frequent (paradigm, form) pairs kept per ending.</summary>
    public int CandidatesPerEnding { get; init; } = 8;
    /// <summary>An ending must occur in at least this many dictionary words to be kept.</summary>
    public int MinEndingFrequency { get; init; } = 2;
    /// <summary>Only paradigms shared by at least this many lexemes teach the guesser (productive inflection).</summary>
    public int MinParadigmPopularity { get; init; } = 3;
}

/// <summary>
/// Compiles the OpenCorpora dictionary in its pymorphy2-derived TSV form (<c>ru_morph_opencorpora/</c>:
/// lexemes.tsv.gz, paradigms.tsv.gz, p_t_given_w.tsv.gz) into <see cref="MorphData"/>, including the ending
/// table that guesses unknown words: for every word of a productive open-class paradigm and every ending of
/// 1..<see cref="MorphCompileOptions.MaxEndingLength"/> letters, how often the word is form k of paradigm p.
/// Endings whose candidate list equals that of their one-letter-shorter ending are dropped (the shorter one answers).
/// </summary>
public static class MorphCompiler
{
    private static readonly Grammemes ClosedClasses =
        Grammemes.Npro | Grammemes.Prep | Grammemes.Conj | Grammemes.Prcl | Grammemes.Numr | Grammemes.Of("PRED") | Grammemes.Of("INTJ");

    public static (MorphData Data, object Metadata) Compile(string dataDir, MorphCompileOptions options)
    {
        var watch = Stopwatch.StartNew();
        foreach (var f in new[] { "lexemes.tsv.gz", "paradigms.tsv.gz", "p_t_given_w.tsv.gz" })
            if (!File.Exists(Path.Combine(dataDir, f)))
                throw new FileNotFoundException($"'{Path.Combine(dataDir, f)}' not found; --data must point at the ru_morph_opencorpora folder.");

        // Paradigms: rows "paradigm form prefix suffix tag", forms in order.
        var tagIds = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var suffixIds = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var prefixes = new List<string> { "", "по", "наи" };
        var rows = new List<(int P, int K, byte Prefix, ushort Suffix, ushort Tag)>();
        foreach (var f in Rows(Path.Combine(dataDir, "paradigms.tsv.gz"), 5))
        {
            int prefix = prefixes.IndexOf(f[2]);
            if (prefix < 0) throw new FormatException($"paradigms.tsv.gz: unknown prefix '{f[2]}'.");
            Grammemes.Parse(f[4]);
            rows.Add((int.Parse(f[0]), int.Parse(f[1]), (byte)prefix, Id(suffixIds, f[3]), Id(tagIds, f[4])));
        }
        rows.Sort((a, b) => a.P != b.P ? a.P.CompareTo(b.P) : a.K.CompareTo(b.K));
        int paradigmCount = rows[^1].P + 1;
        var pStart = new int[paradigmCount + 1];
        for (int i = 0, p = 0; p <= paradigmCount; p++)
        {
            while (i < rows.Count && rows[i].P < p) i++;
            pStart[p] = i;
        }
        var tags = tagIds.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var suffixes = suffixIds.OrderBy(kv => kv.Value).Select(kv => kv.Key).ToArray();
        var formPrefix = rows.Select(r => r.Prefix).ToArray();
        var formSuffix = rows.Select(r => r.Suffix).ToArray();
        var formTag = rows.Select(r => r.Tag).ToArray();

        // Lexemes: stem = lemma without the lemma's own prefix and suffix; sorted by folded stem, then paradigm.
        var lexemes = new List<(string Stem, string Folded, ushort Paradigm, string Lemma)>();
        foreach (var f in Rows(Path.Combine(dataDir, "lexemes.tsv.gz"), 2))
        {
            var lemma = f[0];
            int p = int.Parse(f[1]);
            var pre = prefixes[formPrefix[pStart[p]]];
            var suf = suffixes[formSuffix[pStart[p]]];
            if (!lemma.StartsWith(pre, StringComparison.Ordinal) || !lemma.EndsWith(suf, StringComparison.Ordinal) || lemma.Length < pre.Length + suf.Length)
                throw new FormatException($"lexemes.tsv.gz: lemma '{lemma}' does not fit paradigm {p} (prefix '{pre}', suffix '{suf}').");
            var stem = lemma[pre.Length..^suf.Length];
            lexemes.Add((stem, Letters.Fold(stem), (ushort)p, lemma));
        }
        lexemes.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Folded, b.Folded);
            if (c == 0) c = a.Paradigm.CompareTo(b.Paradigm);
            return c != 0 ? c : string.CompareOrdinal(a.Lemma, b.Lemma);
        });
        var stems = lexemes.Select(l => l.Stem).ToList();
        var lexParadigm = lexemes.Select(l => l.Paradigm).ToList();

        // P(tag | word), words folded; tags absent from the paradigms (LATN, PNCT…) are dropped.
        var probs = new SortedDictionary<string, Dictionary<ushort, double>>(StringComparer.Ordinal);
        foreach (var f in Rows(Path.Combine(dataDir, "p_t_given_w.tsv.gz"), 3))
        {
            if (!tagIds.TryGetValue(f[1], out var tag)) continue;
            var word = Letters.Fold(f[0]);
            if (!probs.TryGetValue(word, out var m)) probs[word] = m = [];
            m[tag] = m.GetValueOrDefault(tag) + int.Parse(f[2]) / 1e6;
        }
        var pWords = new List<string>();
        var pStartList = new List<int>();
        var pTag = new List<ushort>();
        var pValue = new List<ushort>();
        foreach (var (word, m) in probs)
        {
            pWords.Add(word);
            pStartList.Add(pTag.Count);
            double total = m.Values.Sum();
            foreach (var (tag, v) in m.OrderByDescending(kv => kv.Value).Take(255))
            {
                pTag.Add(tag);
                pValue.Add((ushort)Math.Clamp(Math.Round(v / total * 65535), 0, 65535));
            }
        }
        pStartList.Add(pTag.Count);

        var endings = BuildEndings(options, suffixes, tags, pStart, formPrefix, formSuffix, formTag, stems, lexParadigm);

        var data = new MorphData
        {
            Tags = tags, Suffixes = suffixes, Prefixes = [.. prefixes],
            ParadigmStart = pStart, FormPrefix = formPrefix, FormSuffix = formSuffix, FormTag = formTag,
            Stems = StringPool.From(stems), LexemeParadigm = [.. lexParadigm],
            ProbabilityWords = StringPool.From(pWords), ProbabilityStart = [.. pStartList], ProbabilityTag = [.. pTag], ProbabilityValue = [.. pValue],
            Endings = StringPool.From(endings.Keys), EndingStart = endings.Start, EndingParadigm = endings.Paradigm, EndingForm = endings.Form, EndingCount = endings.Count,
        };
        var metadata = new
        {
            source = "OpenCorpora dictionary 0.92 rev. 394551 (pymorphy2 0.8 compiled form), CC BY-SA",
            data = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDir))),
            options,
            lexemes = stems.Count, paradigms = paradigmCount, forms = rows.Count, tags = tags.Length, suffixes = suffixes.Length,
            probabilityWords = pWords.Count, endings = endings.Keys.Length,
            compileSeconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
        };
        return (data, metadata);
    }

    private static (string[] Keys, int[] Start, ushort[] Paradigm, ushort[] Form, ushort[] Count) BuildEndings(
        MorphCompileOptions options, string[] suffixes, string[] tags, int[] pStart,
        byte[] formPrefix, ushort[] formSuffix, ushort[] formTag, List<string> stems, List<ushort> lexParadigm)
    {
        int paradigmCount = pStart.Length - 1;
        var popularity = new int[paradigmCount];
        foreach (var p in lexParadigm) popularity[p]++;
        var teaches = new bool[paradigmCount];
        for (int p = 0; p < paradigmCount; p++)
            teaches[p] = popularity[p] >= options.MinParadigmPopularity && !Grammemes.Parse(tags[formTag[pStart[p]]]).HasAny(ClosedClasses);

        var endingIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = endingIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var counts = new Dictionary<long, int>();
        Span<char> buffer = stackalloc char[256];
        for (int i = 0; i < stems.Count; i++)
        {
            int p = lexParadigm[i];
            if (!teaches[p]) continue;
            var stem = stems[i];
            for (int k = pStart[p]; k < pStart[p + 1]; k++)
            {
                if (formPrefix[k] != 0) continue;
                var suf = suffixes[formSuffix[k]];
                int len = stem.Length + suf.Length;
                if (len > buffer.Length || stem.Length == 0) continue;
                stem.CopyTo(buffer);
                suf.CopyTo(buffer[stem.Length..]);
                var word = buffer[..len];
                Letters.Fold(word, word);
                for (int l = 1; l <= options.MaxEndingLength && l < len; l++)
                {
                    var ending = word[(len - l)..];
                    if (!lookup.TryGetValue(ending, out var id)) lookup[ending] = id = endingIds.Count;
                    long key = ((long)id << 20) | ((long)p << 8) | (long)(k - pStart[p]);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        var perEnding = new List<(int P, int K, int N)>[endingIds.Count];
        foreach (var (key, n) in counts)
        {
            int id = (int)(key >> 20);
            (perEnding[id] ??= []).Add(((int)(key >> 8) & 0xFFF, (int)(key & 0xFF), n));
        }
        var names = new string[endingIds.Count];
        foreach (var (e, id) in endingIds) names[id] = e;
        var top = new Dictionary<string, List<(int P, int K, int N)>>(StringComparer.Ordinal);
        for (int id = 0; id < names.Length; id++)
        {
            var list = perEnding[id];
            if (list is null || list.Sum(x => x.N) < options.MinEndingFrequency) continue;
            top[names[id]] = list.OrderByDescending(x => x.N).ThenBy(x => x.P).ThenBy(x => x.K).Take(options.CandidatesPerEnding).ToList();
        }
        var kept = top.Where(kv => kv.Key.Length == 1 || !top.TryGetValue(kv.Key[1..], out var shorter)
                                   || !shorter.Select(x => (x.P, x.K)).SequenceEqual(kv.Value.Select(x => (x.P, x.K))))
                      .OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var start = new int[kept.Count + 1];
        var par = new List<ushort>();
        var form = new List<ushort>();
        var cnt = new List<ushort>();
        for (int i = 0; i < kept.Count; i++)
        {
            start[i] = par.Count;
            foreach (var (p, k, n) in kept[i].Value)
            {
                par.Add((ushort)p);
                form.Add((ushort)k);
                cnt.Add((ushort)Math.Min(n, ushort.MaxValue));
            }
        }
        start[kept.Count] = par.Count;
        return ([.. kept.Select(kv => kv.Key)], start, [.. par], [.. form], [.. cnt]);
    }

    private static ushort Id(Dictionary<string, ushort> ids, string key)
    {
        if (!ids.TryGetValue(key, out var id))
        {
            if (ids.Count > ushort.MaxValue) throw new FormatException("More than 65536 distinct tags or suffixes.");
            ids[key] = id = (ushort)ids.Count;
        }
        return id;
    }

    /// <summary>Data rows of a gzipped TSV (lines starting with '#' are comments), each with at least <paramref name="columns"/> fields.</summary>
    private static IEnumerable<string[]> Rows(string path, int columns)
    {
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        int n = 0;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < columns) throw new FormatException($"{Path.GetFileName(path)} line {n}: expected {columns} tab-separated fields.");
            yield return f;
        }
    }
}
