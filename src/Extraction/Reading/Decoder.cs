using System.Buffers;
using System.Text;

namespace Extraction.Reading;

/// <summary>A file that is not text (empty, binary, not a regular file); the batch records the reason as a failed document.</summary>
public sealed class NotTextException(string reason) : Exception(reason);

/// <summary>How a file's bytes are to be decoded: the encoding, its readable name, and how many leading bytes are a BOM.</summary>
public sealed record EncodingChoice(Encoding Encoding, string Name, int BomLength);

/// <summary>
/// Bytes → text. Detection looks at the head of a file (<see cref="SampleBytes"/>): a BOM decides (UTF-8, UTF-16 LE/BE)
/// and is dropped; NUL bytes only at odd (even) positions mean BOM-less UTF-16 LE (BE), anywhere else a binary file;
/// many control bytes also mean binary; valid UTF-8 (ASCII included) is UTF-8, and so is UTF-8 with a few broken
/// sequences among many good ones; anything else is a single-byte Cyrillic page, Windows-1251 or KOI8-R, chosen by
/// which decoding reads more like Russian (letter frequencies and letter case inside words), which works from a
/// single word on. A forced encoding overrides detection. Invalid bytes become U+FFFD and are counted by
/// <see cref="ReplacementCounter"/>, never thrown.
/// </summary>
public static class Decoder
{
    /// <summary>How many leading bytes detection reads.</summary>
    public const int SampleBytes = 64 * 1024;

    static Decoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static Encoding Cp1251 => Encoding.GetEncoding(1251);
    private static Encoding Koi8R => Encoding.GetEncoding(20866);

    /// <summary>Resolves a user-given encoding name (utf-8, utf-16le, utf-16be, windows-1251/cp1251, koi8-r).</summary>
    public static Encoding Resolve(string name)
    {
        var n = name.Trim().ToLowerInvariant().Replace("_", "-");
        return n switch
        {
            "utf-8" or "utf8" => new UTF8Encoding(false),
            "utf-16" or "utf-16le" or "utf16le" or "utf16" => new UnicodeEncoding(false, false),
            "utf-16be" or "utf16be" => new UnicodeEncoding(true, false),
            "cp1251" or "windows-1251" or "win1251" => Cp1251,
            "koi8-r" or "koi8r" or "koi8" => Koi8R,
            _ => throw new ArgumentException($"Unknown encoding '{name}': use utf-8, utf-16le, utf-16be, windows-1251 or koi8-r."),
        };
    }

    /// <summary>Decodes a whole buffer (detecting the encoding unless <paramref name="forced"/>); returns the text, the encoding name and the replaced sequences.</summary>
    public static (string Text, string Encoding, int Replaced) Decode(ReadOnlySpan<byte> bytes, Encoding? forced = null)
    {
        var choice = Detect(bytes, complete: true, forced);
        var counter = new ReplacementCounter();
        var text = counter.Decode(choice.Encoding, bytes[choice.BomLength..]);
        return (text, choice.Name, counter.Count);
    }

    /// <summary>
    /// Chooses the encoding from the head of a file. <paramref name="complete"/> says the head is the whole file
    /// (otherwise a multi-byte sequence cut at its end is not an error).
    /// </summary>
    public static EncodingChoice Detect(ReadOnlySpan<byte> head, bool complete, Encoding? forced = null)
    {
        if (head.Length == 0) throw new NotTextException("empty file");
        if (forced is not null) return new EncodingChoice(forced, forced.WebName, BomLength(head, forced));

        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return new(new UTF8Encoding(false), "utf-8-bom", 3);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return new(new UnicodeEncoding(false, false), "utf-16le", 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return new(new UnicodeEncoding(true, false), "utf-16be", 2);

        var sample = head.Length > SampleBytes ? head[..SampleBytes] : head;
        if (sample.Contains((byte)0))
        {
            return Utf16WithoutBom(sample) is { } utf16
                ? utf16
                : throw new NotTextException("binary file (NUL bytes): not text");
        }
        if (ControlHeavy(sample)) throw new NotTextException("binary file (control bytes): not text");

        // Most files are valid UTF-8: checked vectorised first; the rune-by-rune count is for the others.
        if (System.Text.Unicode.Utf8.IsValid(sample)) return new(new UTF8Encoding(false), "utf-8", 0);
        int invalid = CountInvalidUtf8(sample, complete && sample.Length == head.Length, out int multibyte);
        if (invalid == 0 || (multibyte > 0 && invalid * 20 < multibyte)) return new(new UTF8Encoding(false), "utf-8", 0);
        return RussianScore(sample, Cp1251) >= RussianScore(sample, Koi8R)
            ? new(Cp1251, "windows-1251", 0)
            : new(Koi8R, "koi8-r", 0);
    }

    private static int BomLength(ReadOnlySpan<byte> bytes, Encoding e)
    {
        if (e is UTF8Encoding && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return 3;
        var pre = e.GetPreamble();
        if (pre.Length == 0 && e is UnicodeEncoding) pre = e.CodePage == 1201 ? [0xFE, 0xFF] : [0xFF, 0xFE];
        return pre.Length > 0 && bytes.StartsWith(pre) ? pre.Length : 0;
    }

    /// <summary>Text in UTF-16 without a BOM has NUL bytes in the high half of ASCII characters only: all on odd positions (LE) or all on even ones (BE).</summary>
    private static EncodingChoice? Utf16WithoutBom(ReadOnlySpan<byte> sample)
    {
        int even = 0, odd = 0;
        for (int i = 0; i < sample.Length; i++)
            if (sample[i] == 0) { if ((i & 1) == 0) even++; else odd++; }
        int pairs = sample.Length / 2;
        if (even == 0 && odd * 10 >= pairs) return new(new UnicodeEncoding(false, false), "utf-16le", 0);
        if (odd == 0 && even * 10 >= pairs) return new(new UnicodeEncoding(true, false), "utf-16be", 0);
        return null;
    }

    private static readonly SearchValues<byte> Controls =
        SearchValues.Create([.. Enumerable.Range(0, 32).Where(b => b is not (9 or 10 or 12 or 13 or 27)).Select(b => (byte)b)]);

    /// <summary>More than 2% C0 control bytes other than tab, line breaks, form feed and escape mean a binary file.</summary>
    private static bool ControlHeavy(ReadOnlySpan<byte> sample)
    {
        if (!sample.ContainsAny(Controls)) return false;
        int control = 0;
        foreach (var b in sample)
            if (b < 32 && b is not (9 or 10 or 12 or 13 or 27)) control++;
        return control * 50 > sample.Length;
    }

    private static int CountInvalidUtf8(ReadOnlySpan<byte> bytes, bool complete, out int multibyte)
    {
        int invalid = 0;
        multibyte = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == OperationStatus.Done) { if (consumed > 1) multibyte++; }
            else if (status == OperationStatus.NeedMoreData && !complete) break;
            else invalid++;
            i += Math.Max(consumed, 1);
        }
        return invalid;
    }

    // Relative frequency of Russian letters а..я, ё (per mille), from common corpus counts.
    private static readonly double[] LetterLog = BuildLetterLog(
    [
        80, 16, 45, 17, 30, 85, 9, 17, 74, 12, 35, 44, 32, 67, 110, 28, 47, 55, 63, 26, 3, 10, 5, 14, 7, 4, 0.4, 19, 17, 3, 6, 20,
    ], yo: 0.4);

    private static double[] BuildLetterLog(double[] perMille, double yo)
    {
        var logs = new double[perMille.Length + 1];
        for (int i = 0; i < perMille.Length; i++) logs[i] = Math.Log(perMille[i] / 1000);
        logs[^1] = Math.Log(yo / 1000);
        return logs;
    }

    /// <summary>
    /// How much a decoding reads like Russian: the log frequency of each Cyrillic letter (case folded), and a penalty
    /// for words whose case changes inside (a wrong code page swaps the case of most letters: Привет → пРИВЕТ).
    /// Non-letters decoded from high bytes count as rare letters.
    /// </summary>
    private static double RussianScore(ReadOnlySpan<byte> sample, Encoding e)
    {
        var text = e.GetString(sample.Length > 16384 ? sample[..16384] : sample);
        double score = 0;
        int upperInWord = 0, lowerInWord = 0, letters = 0;
        bool firstUpper = false;
        foreach (var c in text)
        {
            if (c is >= 'А' and <= 'я' or 'Ё' or 'ё')
            {
                var lower = char.ToLowerInvariant(c);
                score += lower == 'ё' ? LetterLog[^1] : LetterLog[lower - 'а'];
                bool upper = c is >= 'А' and <= 'Я' or 'Ё';
                if (letters == 0) firstUpper = upper;
                else if (upper) upperInWord++;
                else lowerInWord++;
                letters++;
                continue;
            }
            if (c >= 0x80 && !char.IsWhiteSpace(c)) score += Math.Log(0.0005);
            score -= WordCasePenalty(firstUpper, upperInWord, lowerInWord);
            upperInWord = lowerInWord = letters = 0;
        }
        return score - WordCasePenalty(firstUpper, upperInWord, lowerInWord);
    }

    /// <summary>Words are lower case, Capitalized or ALL CAPS; anything else (пРИВЕТ, ПрИвет) costs.</summary>
    private static double WordCasePenalty(bool firstUpper, int upperInWord, int lowerInWord)
    {
        if (upperInWord == 0) return 0;
        if (lowerInWord == 0 && firstUpper) return 0;
        return 4.0 * Math.Min(upperInWord, lowerInWord + (firstUpper ? 0 : 1));
    }
}

/// <summary>Counts the invalid byte sequences a decoder replaces with U+FFFD (one counter per file; not shared across threads).</summary>
public sealed class ReplacementCounter
{
    private int _count;

    public int Count => _count;

    /// <summary>
    /// Decodes a whole buffer in one pass. (<see cref="Encoding.GetString(byte[])"/> measures before it decodes, which
    /// would run the fallback, and so the count, twice.)
    /// </summary>
    public string Decode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        // Valid UTF-8, most files, has nothing to replace: decoded straight into the string.
        if (encoding.CodePage == Encoding.UTF8.CodePage && System.Text.Unicode.Utf8.IsValid(bytes)) return Encoding.UTF8.GetString(bytes);
        var e = Wrap(encoding);
        var chars = ArrayPool<char>.Shared.Rent(e.GetMaxCharCount(bytes.Length));
        try
        {
            int n = e.GetDecoder().GetChars(bytes, chars, flush: true);
            return new string(chars, 0, n);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// A copy of <paramref name="encoding"/> whose decoder replaces invalid bytes with U+FFFD and counts them here. Use
    /// it through a <see cref="System.Text.Decoder"/> (one pass), as <see cref="Decode"/> and <see cref="SourceText"/> do.
    /// </summary>
    public Encoding Wrap(Encoding encoding)
    {
        var e = (Encoding)encoding.Clone();
        e.DecoderFallback = new CountingFallback(this);
        return e;
    }

    private sealed class CountingFallback(ReplacementCounter owner) : DecoderFallback
    {
        public override int MaxCharCount => 1;
        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(owner);

        private sealed class Buffer(ReplacementCounter owner) : DecoderFallbackBuffer
        {
            private bool _pending;

            public override int Remaining => _pending ? 1 : 0;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                Interlocked.Increment(ref owner._count);
                _pending = true;
                return true;
            }

            public override char GetNextChar()
            {
                if (!_pending) return '\0';
                _pending = false;
                return '\uFFFD';
            }

            public override bool MovePrevious() => false;

            public override void Reset() => _pending = false;
        }
    }
}
