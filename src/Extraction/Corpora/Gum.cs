using System.Text;
using Extraction.Documents;

namespace Extraction.Corpora;

/// <summary>
/// Reads GUM (Georgetown University Multilayer corpus) CoNLL-U files, several documents per file (each opens with
/// <c># newdoc id = …</c>; <c>.gz</c> is read transparently), into <see cref="GoldDocument"/>s with their TEI dates.
/// The text is rebuilt from the surface tokens (multiword tokens such as <c>country’s</c> by their range line) with
/// <c>SpaceAfter=No</c> honoured, one sentence per line and a blank line between paragraphs. Gold spans: each
/// <c>XML=&lt;date …&gt;</c> … <c>&lt;/date&gt;</c> element in MISC as <see cref="EntityType.DATE"/>, with
/// <see cref="GoldSpan.Value"/> = its <c>when</c> value, else <c>from/to</c> when it has both, else null, and
/// <see cref="GoldSpan.OriginalLabel"/> <c>date</c>. <see cref="GoldDocument.DocumentDate"/> is <c># meta::dateCreated</c>.
/// Documents whose word forms are withheld (reddit: every form is <c>_</c>) are skipped.
/// </summary>
public static class Gum
{
    public static IEnumerable<GoldDocument> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"GUM file '{path}' not found; check the path.", path);
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            stream = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        foreach (var d in Read(reader)) yield return d;
    }

    public static IEnumerable<GoldDocument> Read(TextReader reader)
    {
        Builder? doc = null;
        for (string? line; (line = reader.ReadLine()) is not null;)
        {
            if (line.StartsWith("# newdoc id", StringComparison.Ordinal))
            {
                if (doc?.Build() is { } done) yield return done;
                doc = new Builder(Value(line));
                continue;
            }
            if (doc is null) continue;
            if (line.Length == 0) doc.EndSentence();
            else if (line.StartsWith("# meta::dateCreated", StringComparison.Ordinal)) doc.Created = Value(line);
            else if (line.StartsWith("# newpar", StringComparison.Ordinal) && !line.StartsWith("# newpar_", StringComparison.Ordinal)) doc.NewParagraph();
            else if (line[0] != '#') doc.Word(line.Split('\t'));
        }
        if (doc?.Build() is { } last) yield return last;
    }

    private static string Value(string comment)
    {
        int eq = comment.IndexOf('=');
        return eq < 0 ? "" : comment[(eq + 1)..].Trim();
    }

    private sealed class Builder(string id)
    {
        public string? Created;
        private readonly StringBuilder _text = new();
        private readonly List<TextRange> _tokens = [], _sentences = [];
        private readonly List<GoldSpan> _spans = [];
        private readonly Stack<(int Start, string? Value)> _open = new();
        private int _sentenceStart = -1, _rangeEnd, _forms, _blanks;
        private bool _spaceAfter, _paragraph;

        public void NewParagraph() => _paragraph = true;

        public void Word(string[] f)
        {
            if (f.Length < 10) return;
            int dash = f[0].IndexOf('-');
            if (dash > 0)
            {
                // A multiword token: its form is the surface; its words carry the annotations.
                _rangeEnd = int.Parse(f[0].AsSpan(dash + 1));
                AddToken(f[1], f[9]);
                return;
            }
            if (!int.TryParse(f[0], out int n)) return; // empty nodes (1.1)
            if (n <= _rangeEnd) { Annotate(f[9], _tokens[^1]); if (n == _rangeEnd) _spaceAfter &= !f[9].Contains("SpaceAfter=No"); return; }
            AddToken(f[1], f[9]);
        }

        private void AddToken(string form, string misc)
        {
            _forms++;
            if (form == "_") _blanks++;
            if (_sentenceStart < 0)
            {
                if (_text.Length > 0) _text.Append(_paragraph ? "\n\n" : "\n");
                _paragraph = false;
                _sentenceStart = _text.Length;
            }
            else if (_spaceAfter) _text.Append(' ');
            int start = _text.Length;
            _text.Append(form);
            var range = new TextRange(start, _text.Length);
            _tokens.Add(range);
            _spaceAfter = !misc.Contains("SpaceAfter=No");
            Annotate(misc, range);
        }

        /// <summary>Opens and closes date elements named in a token's <c>XML=</c> field.</summary>
        private void Annotate(string misc, TextRange token)
        {
            int x = misc.IndexOf("XML=", StringComparison.Ordinal);
            if (x < 0) return;
            int end = misc.IndexOf('|', x);
            var xml = end < 0 ? misc[(x + 4)..] : misc[(x + 4)..end];
            for (int i = 0; (i = xml.IndexOf('<', i)) >= 0; i++)
            {
                if (string.CompareOrdinal(xml, i, "<date ", 0, 6) == 0 || string.CompareOrdinal(xml, i, "<date>", 0, 6) == 0)
                {
                    int close = xml.IndexOf('>', i);
                    var tag = close < 0 ? xml[i..] : xml[i..close];
                    var when = Attribute(tag, "when");
                    var from = Attribute(tag, "from");
                    var to = Attribute(tag, "to");
                    _open.Push((token.Start, when ?? (from is not null && to is not null ? from + "/" + to : null)));
                }
                else if (string.CompareOrdinal(xml, i, "</date>", 0, 7) == 0 && _open.Count > 0)
                {
                    var (start, value) = _open.Pop();
                    _spans.Add(new GoldSpan(new TextRange(start, token.End), EntityType.DATE) { Value = value, OriginalLabel = "date" });
                }
            }
        }

        /// <summary><c>when:::"1805-07"</c> → <c>1805-07</c>.</summary>
        private static string? Attribute(string tag, string name)
        {
            int i = tag.IndexOf(" " + name + ":::\"", StringComparison.Ordinal);
            if (i < 0) return null;
            int start = i + name.Length + 5;
            int end = tag.IndexOf('"', start);
            return end < 0 ? null : tag[start..end];
        }

        public void EndSentence()
        {
            if (_sentenceStart < 0) return;
            _sentences.Add(new TextRange(_sentenceStart, _text.Length));
            _sentenceStart = -1;
            _spaceAfter = false;
            _rangeEnd = 0;
        }

        public GoldDocument? Build()
        {
            EndSentence();
            if (_forms == 0 || _blanks * 2 > _forms) return null;
            return new GoldDocument(id, _text.ToString(), _spans.OrderBy(s => s.Range.Start).ToList())
            {
                Tokens = _tokens,
                Sentences = _sentences,
                DocumentDate = string.IsNullOrEmpty(Created) ? null : Created,
                Language = Language.En,
            };
        }
    }
}
