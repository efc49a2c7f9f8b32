namespace Extraction.Corpora;

/// <summary>One syntactic word of a CoNLL-U sentence (multiword-token range lines and empty nodes are not words).</summary>
public sealed record ConllWord(int Id, string Form, string Lemma, string Upos, string Xpos, string Feats, string Misc)
{
    /// <summary>The value of one feature (<c>Case</c>, <c>Number</c>, <c>Gender</c>…) or null.</summary>
    public string? Feature(string name)
    {
        foreach (var part in Feats.Split('|'))
        {
            int eq = part.IndexOf('=');
            if (eq > 0 && part.AsSpan(0, eq).SequenceEqual(name)) return part[(eq + 1)..];
        }
        return null;
    }
}

/// <summary>A CoNLL-U sentence: its id and text comments (when present) and its words.</summary>
public sealed record ConllSentence(string? Id, string? Text, IReadOnlyList<ConllWord> Words);

/// <summary>
/// Reader for CoNLL-U (ten tab-separated columns, <c>#</c> comments, blank line after each sentence).
/// Gzipped files (<c>.gz</c>) are read transparently. <c>_</c> stays as the literal value.
/// </summary>
public static class ConllU
{
    public static IEnumerable<ConllSentence> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CoNLL-U file '{path}' not found; check the path.", path);
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        foreach (var s in Read(reader)) yield return s;
    }

    public static IEnumerable<ConllSentence> Read(TextReader reader)
    {
        string? id = null, text = null;
        var words = new List<ConllWord>();
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            if (line.Length == 0)
            {
                if (words.Count > 0) yield return new ConllSentence(id, text, words);
                id = text = null;
                words = [];
                continue;
            }
            if (line[0] == '#')
            {
                if (Comment(line, "sent_id") is { } i) id = i;
                else if (Comment(line, "text") is { } t) text = t;
                continue;
            }
            var f = line.Split('\t');
            if (f.Length < 10 || !int.TryParse(f[0], out var n)) continue; // "1-2" ranges and "1.1" empty nodes
            words.Add(new ConllWord(n, f[1], f[2], f[3], f[4], f[5], f[9]));
        }
        if (words.Count > 0) yield return new ConllSentence(id, text, words);
    }

    private static string? Comment(string line, string key)
    {
        var body = line.AsSpan(1).TrimStart();
        if (!body.StartsWith(key, StringComparison.Ordinal)) return null;
        var rest = body[key.Length..].TrimStart();
        return rest.Length > 0 && rest[0] == '=' ? rest[1..].Trim().ToString() : null;
    }
}
