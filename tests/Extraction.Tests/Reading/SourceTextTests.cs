using System.Text;
using Extraction.Reading;

namespace Extraction.Tests.Reading;

public sealed class SourceTextTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-source-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string RussianAndEnglish(int chars)
    {
        var sb = new StringBuilder();
        string[] parts =
        [
            "Министр обороны России Сергей Шойгу встретился с коллегой. ", "Defence Minister Serik Akhmetov said so.\n",
            "Эмодзи 👍 и «кавычки».\n\n", "Одна очень длинная строка без переносов ",
        ];
        for (int i = 0; sb.Length < chars; i++) sb.Append(parts[i % parts.Length]);
        return sb.ToString();
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static List<TextPiece> ReadPieces(string path, LoadOptions options, out string encoding, out int replaced)
    {
        using var source = SourceText.Open(new InputFile(path, Path.GetFileName(path)), options);
        var pieces = source.Pieces().ToList();
        encoding = source.Encoding;
        replaced = source.ReplacedSequences;
        return pieces;
    }

    private static void AssertPiecesMakeTheText(string expected, List<TextPiece> pieces, int max)
    {
        int offset = 0;
        for (int i = 0; i < pieces.Count; i++)
        {
            Assert.Equal(i, pieces[i].Index);
            Assert.Equal(offset, pieces[i].Offset);
            Assert.InRange(pieces[i].Text.Length, 1, max);
            Assert.False(char.IsHighSurrogate(pieces[i].Text[^1]), "a piece ends inside a surrogate pair");
            offset += pieces[i].Text.Length;
        }
        Assert.Equal(expected, string.Concat(pieces.Select(p => p.Text)));
    }

    public static TheoryData<string> Encodings => new() { "utf-8", "utf-8-bom", "utf-16le", "utf-16be" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void LongText_IsReadInPieces_WhoseOffsetsAndTextsMakeTheWholeText(string encoding)
    {
        var text = RussianAndEnglish(300_000);
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        };
        var pieces = ReadPieces(Write("long.txt", bytes), new LoadOptions { PieceChars = 10_000 }, out var name, out var replaced);
        Assert.Equal(encoding, name);
        Assert.Equal(0, replaced);
        Assert.True(pieces.Count >= 30);
        AssertPiecesMakeTheText(text, pieces, 10_000);
        Assert.All(pieces.SkipLast(1), p => Assert.True(p.Text.EndsWith('\n') || p.Text.EndsWith(' ')));
    }

    [Fact]
    public void SingleHugeLineWithoutSpaces_IsCutAtTheLimit_NeverInsideASurrogatePair()
    {
        var text = string.Concat(Enumerable.Repeat("😀ж", 40_000));
        var pieces = ReadPieces(Write("line.txt", Encoding.UTF8.GetBytes(text)), new LoadOptions { PieceChars = 1001 }, out _, out _);
        AssertPiecesMakeTheText(text, pieces, 1001);
    }

    [Fact]
    public void ShortFile_IsOnePieceWithTheWholeText()
    {
        var pieces = ReadPieces(Write("a.txt", Encoding.UTF8.GetBytes("Шойгу\n")), new LoadOptions(), out var name, out _);
        Assert.Equal("utf-8", name);
        Assert.Equal([new TextPiece(0, 0, "Шойгу\n")], pieces);
    }

    [Fact]
    public void InvalidBytes_AreReplacedAndCounted_AcrossReadChunks()
    {
        var good = Encoding.UTF8.GetBytes(RussianAndEnglish(100_000));
        byte[] bytes = [.. good, 0xFF, .. good, 0xC3];
        var pieces = ReadPieces(Write("bad.txt", bytes), new LoadOptions { PieceChars = 50_000 }, out var name, out var replaced);
        Assert.Equal("utf-8", name);
        Assert.Equal(2, replaced);
        Assert.Equal(2, pieces.Sum(p => p.Text.Count(c => c == '\uFFFD')));
    }

    [Fact]
    public void SingleByteCyrillic_IsDecodedWhilePieceByPiece()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "Министерство обороны Казахстана сообщило о встрече.\n".PadRight(60, ' ');
        var full = string.Concat(Enumerable.Repeat(text, 3000));
        var pieces = ReadPieces(Write("koi.txt", Encoding.GetEncoding(20866).GetBytes(full)), new LoadOptions { PieceChars = 5000 }, out var name, out _);
        Assert.Equal("koi8-r", name);
        AssertPiecesMakeTheText(full, pieces, 5000);
    }

    [Fact]
    public void Html_IsExtracted_ThenCut()
    {
        var html = "<html><head><title>Заголовок</title><style>p{}</style></head><body>" +
                   string.Concat(Enumerable.Repeat("<p>Сергей Шойгу &amp; Serik Akhmetov.</p>", 2000)) + "</body></html>";
        var pieces = ReadPieces(Write("page.html", Encoding.UTF8.GetBytes(html)), new LoadOptions { PieceChars = 4000 }, out _, out _);
        var text = string.Concat(pieces.Select(p => p.Text));
        Assert.StartsWith("Заголовок\n\nСергей Шойгу & Serik Akhmetov.", text);
        Assert.DoesNotContain("<p>", text);
        AssertPiecesMakeTheText(text, pieces, 4000);
    }

    [Fact]
    public void OversizedHtml_IsRefusedWithTheReason()
    {
        var path = Write("big.htm", Encoding.UTF8.GetBytes(new string('x', 5000)));
        var e = Assert.Throws<NotTextException>(() => SourceText.Open(new InputFile(path, "big.htm"), new LoadOptions { MaxHtmlBytes = 1000 }));
        Assert.Contains("HTML", e.Message);
    }

    [Fact]
    public void EmptyFile_IsNotText()
    {
        var path = Write("empty.txt", []);
        Assert.Contains("empty", Assert.Throws<NotTextException>(() => SourceText.Open(new InputFile(path, "empty.txt"), new LoadOptions())).Message);
    }
}

public sealed class PieceCutterTests
{
    [Fact]
    public void PrefersAParagraphBreak_ThenALineBreak_ThenASpace()
    {
        Assert.Equal(13, PieceCutter.Cut("aaaaaa bbbb\n\ncc\ndddd eeee", 20));
        Assert.Equal(20, PieceCutter.Cut("aaaa bbbb cccc dddd\neeee ffff", 22));
        Assert.Equal(15, PieceCutter.Cut("aaaa bbbb cccc dddd eeee", 17));
        Assert.Equal(10, PieceCutter.Cut("aaaaaaaaaaaaaaaaaaaa", 10));
        Assert.Equal(5, PieceCutter.Cut("short", 10));
    }

    [Fact]
    public void IgnoresBreaksInTheFirstHalf_SoPiecesStayLarge() =>
        Assert.Equal(20, PieceCutter.Cut("a\n\nbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", 20));

    [Fact]
    public void NeverSplitsASurrogatePair()
    {
        Assert.Equal(9, PieceCutter.Cut("aaaaaaaaa😀bbbb", 10));
        Assert.Equal(2, PieceCutter.Cut("😀😀", 1 + 2));
    }

    [Fact]
    public void PiecesOfAStringConcatenateToIt()
    {
        var text = string.Concat(Enumerable.Repeat("Слово слово.\n", 1000));
        var pieces = PieceCutter.Pieces(text, 333).ToList();
        Assert.Equal(text, string.Concat(pieces.Select(p => p.Text)));
        Assert.All(pieces, p => Assert.Equal(p.Text, text.Substring(p.Offset, p.Text.Length)));
    }
}
