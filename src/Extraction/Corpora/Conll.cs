using System.IO.Compression;
using System.Text;
using Extraction.Documents;

namespace Extraction.Corpora;

/// <summary>
/// Reader for CoNLL-style column files (CoNLL-2003: <c>word POS chunk NER</c>; also <c>token TAB tag</c> files such as WNUT):
/// the first column is the token, the last the tag, IOB1 or IOB2 (both decoded: <c>B-X</c> always starts a span, <c>I-X</c>
/// continues a span of the same type or starts one). Blank lines end sentences, <c>-DOCSTART-</c> ends documents.
/// The text is the tokens joined by single spaces with a newline between sentences; token and sentence ranges are kept.
/// Files ending in <c>.gz</c> are decompressed. Spans of labels the mapper rejects (CoNLL MISC) are kept aside in <see cref="GoldDocument.Others"/>.
/// </summary>
public static class Conll
{
    /// <summary>CoNLL-2003 labels: PER, ORG, LOC kept; MISC (and anything else) dropped.</summary>
    public static EntityType? MapConll2003(string label) => label switch
    {
        "PER" => EntityType.PER,
        "ORG" => EntityType.ORG,
        "LOC" => EntityType.LOC,
        _ => null,
    };

    public static IEnumerable<GoldDocument> Read(string path, Language language = Language.En, Func<string, EntityType?>? map = null)
    {
        using var stream = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        using var reader = new StreamReader(input, Encoding.UTF8);
        foreach (var doc in Parse(reader, Path.GetFileName(path), language, map)) yield return doc;
    }

    public static IEnumerable<GoldDocument> Parse(TextReader reader, string idPrefix, Language language = Language.En, Func<string, EntityType?>? map = null)
    {
        map ??= MapConll2003;
        var builder = new Builder(idPrefix, language, map);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            var trimmed = line.AsSpan().Trim();
            if (trimmed.IsEmpty) { builder.EndSentence(); continue; }
            if (trimmed.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                if (builder.Flush() is { } doc) yield return doc;
                continue;
            }
            int firstSep = trimmed.IndexOfAny(' ', '\t');
            int lastSep = trimmed.LastIndexOfAny(' ', '\t');
            if (firstSep < 0) throw new FormatException($"{idPrefix}: line '{line}' has no tag column; expected 'token ... TAG'.");
            builder.AddToken(trimmed[..firstSep].ToString(), trimmed[(lastSep + 1)..].ToString());
        }
        if (builder.Flush() is { } last) yield return last;
    }

    private sealed class Builder(string idPrefix, Language language, Func<string, EntityType?> map)
    {
        private readonly StringBuilder _text = new();
        private readonly List<TextRange> _tokens = [];
        private readonly List<TextRange> _sentences = [];
        private readonly List<GoldSpan> _spans = [];
        private readonly List<OtherSpan> _others = [];
        private int _sentenceStart = -1;
        private int _docIndex;
        // The open span: start offset, end offset, label, mapped type (null when dropped).
        private int _spanStart = -1, _spanEnd;
        private string? _spanLabel;

        public void AddToken(string word, string tag)
        {
            if (_sentenceStart < 0)
            {
                if (_text.Length > 0) _text.Append('\n');
                _sentenceStart = _text.Length;
            }
            else _text.Append(' ');
            int start = _text.Length;
            _text.Append(word);
            var range = new TextRange(start, _text.Length);
            _tokens.Add(range);

            if (tag == "O" || tag.Length < 3 || tag[1] != '-')
            {
                CloseSpan();
                return;
            }
            var label = tag[2..];
            bool begins = tag[0] == 'B' || tag[0] == 'S' || _spanLabel != label;
            if (begins)
            {
                CloseSpan();
                _spanStart = range.Start;
                _spanLabel = label;
            }
            _spanEnd = range.End;
            if (tag[0] is 'E' or 'L' or 'S' or 'U') CloseSpan();
        }

        public void EndSentence()
        {
            CloseSpan();
            if (_sentenceStart >= 0) _sentences.Add(new TextRange(_sentenceStart, _text.Length));
            _sentenceStart = -1;
        }

        private void CloseSpan()
        {
            if (_spanLabel is not null && map(_spanLabel) is { } type)
                _spans.Add(new GoldSpan(new TextRange(_spanStart, _spanEnd), type) { OriginalLabel = _spanLabel });
            else if (_spanLabel is not null)
                _others.Add(new OtherSpan(new TextRange(_spanStart, _spanEnd), _spanLabel));
            _spanLabel = null;
            _spanStart = -1;
        }

        public GoldDocument? Flush()
        {
            EndSentence();
            if (_tokens.Count == 0) return null;
            var doc = new GoldDocument($"{idPrefix}#{_docIndex++}", _text.ToString(), _spans.ToArray())
            {
                Tokens = _tokens.ToArray(),
                Sentences = _sentences.ToArray(),
                Language = language,
                Others = _others.ToArray(),
            };
            _text.Clear();
            _others.Clear();
            _tokens.Clear();
            _sentences.Clear();
            _spans.Clear();
            return doc;
        }
    }
}
