using System.Text;

namespace Extraction.Reading;

/// <summary>The decoded text of a file and how it was decoded.</summary>
public sealed record DecodedText(string Text, string Encoding, int ReplacedBytes);

/// <summary>A file that is not text (binary, empty); the batch records the reason as a failed document.</summary>
public sealed class NotTextException(string reason) : Exception(reason);

/// <summary>
/// Bytes → text. A BOM decides (UTF-8, UTF-16 LE/BE) and is dropped; otherwise valid UTF-8 is UTF-8; otherwise
/// Windows-1251 or KOI8-R is chosen by which one yields more common Russian letters in their usual case; a forced
/// encoding overrides detection. Invalid bytes become U+FFFD and are counted. NUL bytes and control-heavy content
/// mark a binary file.
/// </summary>
public static class Decoder
{
    static Decoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public static Encoding Cp1251 => Encoding.GetEncoding(1251);
    public static Encoding Koi8R => Encoding.GetEncoding(20866);

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

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, Encoding? forced = null)
    {
        if (bytes.Length == 0) throw new NotTextException("empty file");
        if (forced is not null) return Finish(forced, DropBom(bytes, forced), forced.WebName);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Finish(new UTF8Encoding(false), bytes[3..], "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Finish(new UnicodeEncoding(false, false), bytes[2..], "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Finish(new UnicodeEncoding(true, false), bytes[2..], "utf-16be");

        if (LooksBinary(bytes)) throw new NotTextException("binary file (NUL or control bytes): not text");

        if (System.Text.Unicode.Utf8.IsValid(bytes)) return new DecodedText(Utf8Strict.GetString(bytes), "utf-8", 0);

        // Not valid UTF-8: a single-byte Cyrillic code page, or UTF-8 with a few broken bytes.
        int invalid = CountInvalidUtf8(bytes, out int multibyte);
        if (multibyte > 0 && invalid * 20 < multibyte) return Finish(new UTF8Encoding(false), bytes, "utf-8");
        return ScoreCyrillic(bytes, Cp1251) >= ScoreCyrillic(bytes, Koi8R)
            ? Finish(Cp1251, bytes, "windows-1251")
            : Finish(Koi8R, bytes, "koi8-r");
    }

    private static ReadOnlySpan<byte> DropBom(ReadOnlySpan<byte> bytes, Encoding e)
    {
        var pre = e.GetPreamble();
        if (e is UTF8Encoding && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return bytes[3..];
        return pre.Length > 0 && bytes.StartsWith(pre) ? bytes[pre.Length..] : bytes;
    }

    private static DecodedText Finish(Encoding e, ReadOnlySpan<byte> bytes, string name)
    {
        var text = e.GetString(bytes);
        int replaced = 0;
        if (e is UTF8Encoding or UnicodeEncoding)
            foreach (var c in text) if (c == '\uFFFD') replaced++;
        return new DecodedText(text, name, replaced);
    }

    /// <summary>NUL bytes (outside UTF-16) or many C0 control bytes mean a binary file.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 65536 ? bytes[..65536] : bytes;
        int control = 0;
        foreach (var b in sample)
        {
            if (b == 0) return true;
            if (b < 32 && b is not (9 or 10 or 12 or 13 or 27)) control++;
        }
        return control * 50 > sample.Length;
    }

    private static int CountInvalidUtf8(ReadOnlySpan<byte> bytes, out int multibyte)
    {
        int invalid = 0;
        multibyte = 0;
        int i = 0;
        while (i < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == System.Buffers.OperationStatus.Done) { if (consumed > 1) multibyte++; }
            else invalid++;
            i += Math.Max(consumed, 1);
        }
        return invalid;
    }

    /// <summary>Scores a decoding by frequent Russian letters (о е а и н т с р в л) in lower case, with upper case at word starts.</summary>
    private static int ScoreCyrillic(ReadOnlySpan<byte> bytes, Encoding e)
    {
        var sample = bytes.Length > 16384 ? bytes[..16384] : bytes;
        var text = e.GetString(sample);
        int score = 0;
        char prev = ' ';
        foreach (var c in text)
        {
            if ("оеаинтсрвлкмдпуяыьгзбчйхжшюцщэфъё".Contains(c)) score += 2;
            else if (c is >= 'А' and <= 'Я') score += char.IsLetter(prev) ? -3 : 1;
            prev = c;
        }
        return score;
    }
}
