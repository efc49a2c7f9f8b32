using System.Text;
using Extraction.Output;

namespace Extraction.Tests.Output;

public sealed class TableWriterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-tables-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MentionRow Mention(string text, int sentence = 0) =>
        new("doc.txt", 0, text.Length, text, "ORG", null, null, sentence, "test", 0.5f);

    private string WriteMentions(TableOptions options, params MentionRow[] rows)
    {
        var path = Path.Combine(_dir, "mentions.csv");
        TableWriter.WriteMentions(path, rows, options);
        return path;
    }

    private static string[] DataLines(string path) =>
        File.ReadAllText(path, new UTF8Encoding(false)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];

    [Fact]
    public void SpreadsheetSafeTables_StartWithUtf8Bom_AndHaveTheHeader()
    {
        var path = WriteMentions(new TableOptions(), Mention("Минобороны"));
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(string.Join(',', MentionRow.Header) + "\r\n", text);
        Assert.Contains("Минобороны", text);
    }

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("plain", "plain")]
    public void Fields_AreQuotedAsRfc4180Says(string value, string expected)
    {
        var line = DataLines(WriteMentions(new TableOptions { SpreadsheetSafe = false }, Mention(value)))[0];
        Assert.Equal($"doc.txt,0,{value.Length},{expected},ORG,,,0,test,0.5", line);
    }

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("+7 700 388")]
    [InlineData("-Not voted-")]
    [InlineData("@user")]
    [InlineData("\tindent")]
    [InlineData("\rreturn")]
    public void CellsAFormulaCouldStartWith_AreNeutralised(string value)
    {
        var safe = File.ReadAllText(WriteMentions(new TableOptions(), Mention(value)));
        var field = ParseFourthField(safe);
        Assert.Equal("'" + value, field);
    }

    [Theory]
    [InlineData("=SUM(A1)")]
    [InlineData("-Not voted-")]
    public void RawOption_WritesValuesAsTheyAre_WithoutBom(string value)
    {
        var path = WriteMentions(new TableOptions { SpreadsheetSafe = false }, Mention(value));
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]);
        Assert.Equal(value, ParseFourthField(File.ReadAllText(path)));
    }

    [Fact]
    public void NegativeNumbers_AreNumbersNotFormulas()
    {
        var line = DataLines(WriteMentions(new TableOptions(), Mention("x", sentence: -1)))[0];
        Assert.Contains(",-1,", line);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JsonLines_HoldTheSameRecords(bool concurrent)
    {
        var path = WriteMentions(new TableOptions { Concurrent = concurrent }, Mention("=a\"b"), Mention("Шойгу"));
        var lines = File.ReadAllLines(Path.ChangeExtension(path, ".jsonl"));
        Assert.Equal(2, lines.Length);
        using var doc = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.Equal("=a\"b", doc.RootElement.GetProperty("text").GetString());
        Assert.Contains("\"text\":\"Шойгу\"", lines[1]);
    }

    [Fact]
    public void AFailedWrite_LeavesTheOldTableInPlace()
    {
        var path = WriteMentions(new TableOptions(), Mention("old"));
        var before = File.ReadAllBytes(path);
        Assert.ThrowsAny<Exception>(() => TableWriter.WriteMentions(path, Rows(), new TableOptions()));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));

        static IEnumerable<MentionRow> Rows()
        {
            yield return Mention("new");
            throw new IOException("disk gone");
        }
    }

    [Fact]
    public void DocumentRows_CarryTheExtraColumns()
    {
        var path = Path.Combine(_dir, "documents.csv");
        TableWriter.WriteDocuments(path, [new DocumentRow("a.txt", "ru", null, 10, 2, 1, 0, DocumentStatus.Ok, null, "koi8-r", null, 10, 1, 3)], new TableOptions());
        var lines = DataLines(path);
        Assert.Equal("a.txt,ru,,10,2,1,0,ok,,koi8-r,,10,1,3", lines[0]);
    }

    /// <summary>The text column (fourth field) of the first data row, unquoted per RFC 4180 by a reader independent of the writer.</summary>
    private static string ParseFourthField(string csv) => Rfc4180.ParseRecords(csv.TrimStart('\uFEFF'))[1][3];
}

/// <summary>A small RFC 4180 reader for checking what the writer produced.</summary>
public static class Rfc4180
{
    public static List<List<string>> ParseRecords(string csv)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, wasQuoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            if (c == '"' && field.Length == 0 && !wasQuoted) { quoted = wasQuoted = true; continue; }
            if (c == ',') { record.Add(field.ToString()); field.Clear(); wasQuoted = false; continue; }
            if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                record.Add(field.ToString());
                records.Add(record);
                record = [];
                field.Clear();
                wasQuoted = false;
                i++;
                continue;
            }
            field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        return records;
    }
}
