using System.Globalization;
using System.Text;
using CsvHelper;
using Extraction.Output;

namespace Extraction.Tests.Output;

public sealed class CsvRowsTests
{
    private static string Write(bool safe, Action<CsvRows> write)
    {
        var stream = new MemoryStream();
        using (var csv = new CsvRows(stream, safe)) write(csv);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" spaces ", " spaces ")]
    [InlineData("=SUM(A1)", "\"'=SUM(A1)\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("=a\"b", "\"'=a\"\"b\"")]
    [InlineData("x=1", "x=1")]
    public void TextFields_AreQuotedAndNeutralised(string value, string expected)
    {
        Assert.Equal(expected + ",-1\r\n", Write(true, csv => { csv.Field(value); csv.Number(-1); csv.EndRecord(); }));
    }

    [Fact]
    public void NullAndEmpty_AreEmptyFields_AndFloatsTakeTheirFormat()
    {
        Assert.Equal(",,0.876\r\n", Write(true, csv => { csv.Field((string?)null); csv.Field(""); csv.Number(0.87649f, "0.###"); csv.EndRecord(); }));
    }

    [Fact]
    public void LongFields_GrowTheBuffer()
    {
        var value = new string('"', 100_000);
        var text = Write(false, csv => { csv.Field(value); csv.EndRecord(); });
        Assert.Equal(200_000 + 4, text.Length);
    }

    /// <summary>
    /// The tables used to be written with CsvHelper; random fields over the characters that matter give the same bytes,
    /// so users' readers see the same files.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RandomFields_AreWrittenAsCsvHelperWritesThem(bool safe)
    {
        var random = new Random(7);
        const string alphabet = "ab ,\"\r\n\t=+-@'Жё\u2028";
        for (int round = 0; round < 300; round++)
        {
            var fields = Enumerable.Range(0, 6).Select(_ => new string(Enumerable.Range(0, random.Next(0, 6)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())).ToArray();
            var ours = Write(safe, csv => { foreach (var f in fields) csv.Field(f); csv.EndRecord(); });

            var stream = new MemoryStream();
            using (var w = CsvWriter.Create(stream, new CsvWriterOptions
            {
                WriteByteOrderMark = false,
                Injection = safe ? CsvInjection.Escape : CsvInjection.None,
                FormatProvider = CultureInfo.InvariantCulture,
            }, leaveOpen: true))
            {
                foreach (var f in fields) w.WriteField(f);
                w.EndRecord();
                w.Flush();
            }
            Assert.Equal(Encoding.UTF8.GetString(stream.ToArray()), ours);
        }
    }
}
