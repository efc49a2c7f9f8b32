using System.Text;
using Extraction.Reading;
using Decoder = Extraction.Reading.Decoder;

namespace Extraction.Tests.Reading;

public sealed class DecoderTests
{
    private static readonly Encoding Cp1251 = CodePage(1251);
    private static readonly Encoding Koi8 = CodePage(20866);

    private static Encoding CodePage(int number)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(number);
    }

    [Theory]
    [InlineData("Да")]
    [InlineData("Привет")]
    [InlineData("МОСКВА")]
    [InlineData("ТАСС")]
    [InlineData("Шойгу")]
    [InlineData("ёж")]
    [InlineData("В Нур-Султане")]
    [InlineData("МОСКВА, 23 июня. /ТАСС/. Глава Минобороны России Сергей Шойгу.")]
    [InlineData("Министерство обороны Республики Казахстан")]
    public void ShortRussianTexts_AreReadBackInBothSingleByteCodePages(string text)
    {
        var (fromCp1251, name1251, _) = Decoder.Decode(Cp1251.GetBytes(text));
        Assert.Equal(text, fromCp1251);
        Assert.Equal("windows-1251", name1251);

        var (fromKoi8, nameKoi8, _) = Decoder.Decode(Koi8.GetBytes(text));
        Assert.Equal(text, fromKoi8);
        Assert.Equal("koi8-r", nameKoi8);
    }

    [Fact]
    public void SeedTexts_AreDetectedInEveryEncoding()
    {
        foreach (var file in Directory.GetFiles(TestSupport.SharedData.SeedsDir))
        {
            var text = File.ReadAllText(file);
            Assert.Equal("utf-8", Decoder.Decode(File.ReadAllBytes(file)).Encoding);
            Assert.Equal(text, Decoder.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray()).Text);
            Assert.Equal(text, Decoder.Decode(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray()).Text);
            Assert.Equal(text, Decoder.Decode(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray()).Text);
            if (text.Any(c => c is >= 'а' and <= 'я'))
            {
                var cyrillicOnly = new string(text.Select(c => c < 128 || c is >= 'А' and <= 'я' or 'Ё' or 'ё' or '«' or '»' or '—' or '–' ? c : ' ').ToArray());
                Assert.Equal(("windows-1251", cyrillicOnly), Pick(Decoder.Decode(Cp1251.GetBytes(cyrillicOnly))));
                Assert.Equal(("koi8-r", cyrillicOnly.Replace('«', ' ').Replace('»', ' ').Replace('—', ' ').Replace('–', ' ')),
                    Pick(Decoder.Decode(Koi8.GetBytes(cyrillicOnly.Replace('«', ' ').Replace('»', ' ').Replace('—', ' ').Replace('–', ' ')))));
            }
        }

        static (string, string) Pick((string Text, string Encoding, int) d) => (d.Encoding, d.Text);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41 }, "A", "utf-8-bom")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x1F, 0x04 }, "AП", "utf-16le")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x41, 0x04, 0x1F }, "AП", "utf-16be")]
    [InlineData(new byte[] { 0x41, 0x00, 0x20, 0x00, 0x1F, 0x04 }, "A П", "utf-16le")]
    [InlineData(new byte[] { 0x00, 0x41, 0x00, 0x20, 0x04, 0x1F }, "A П", "utf-16be")]
    [InlineData(new byte[] { 0x48, 0x69 }, "Hi", "utf-8")]
    public void ByteOrderMarks_AndUtf16WithoutOne_AreRecognised(byte[] bytes, string text, string encoding)
    {
        var d = Decoder.Decode(bytes);
        Assert.Equal(text, d.Text);
        Assert.Equal(encoding, d.Encoding);
    }

    [Fact]
    public void ForcedEncoding_Wins_AndItsBomIsDropped()
    {
        var bytes = Koi8.GetBytes("Привет");
        Assert.Equal(Cp1251.GetString(bytes), Decoder.Decode(bytes, Decoder.Resolve("cp1251")).Text);
        Assert.Equal("Привет", Decoder.Decode(bytes, Decoder.Resolve("koi8-r")).Text);
        Assert.Equal("Я", Decoder.Decode([0xEF, 0xBB, 0xBF, 0xD0, 0xAF], Decoder.Resolve("utf-8")).Text);
        Assert.Throws<ArgumentException>(() => Decoder.Resolve("latin-9"));
    }

    [Fact]
    public void InvalidBytesInUtf8_BecomeReplacementCharacters_AndAreCounted()
    {
        var good = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Сергей Шойгу ", 20)));
        var bytes = good.Concat(new byte[] { 0xFF, 0x20, 0xC3 }).Concat(good).ToArray();
        var d = Decoder.Decode(bytes);
        Assert.Equal("utf-8", d.Encoding);
        Assert.Equal(2, d.Replaced);
        Assert.Equal(2, d.Text.Count(c => c == '\uFFFD'));
    }

    [Fact]
    public void ALegitimateReplacementCharacter_IsNotCountedAsInvalid() =>
        Assert.Equal(0, Decoder.Decode(Encoding.UTF8.GetBytes("a\uFFFDb")).Replaced);

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D })]
    [InlineData(new byte[] { 0x01, 0x02, 0x03, 0x04, 0x05, 0x41 })]
    [InlineData(new byte[] { 0x00, 0x00, 0x41, 0x00 })]
    public void BinaryContent_IsNotText(byte[] bytes) =>
        Assert.Contains("binary", Assert.Throws<NotTextException>(() => Decoder.Decode(bytes)).Message);

    [Fact]
    public void EmptyInput_IsNotText() =>
        Assert.Contains("empty", Assert.Throws<NotTextException>(() => Decoder.Decode([])).Message);

    [Fact]
    public void AHeadCutInsideAMultiByteCharacter_IsStillUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("Шойгу");
        Assert.Equal("utf-8", Decoder.Detect(bytes.AsSpan(0, 3), complete: false).Name);
    }
}
