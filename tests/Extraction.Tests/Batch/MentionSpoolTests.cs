using Extraction.Batch;
using Extraction.Output;

namespace Extraction.Tests.Batch;

public sealed class MentionSpoolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-spool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly DocumentRow[] Documents =
    [
        new("a.txt", "ru", null, 10, 2, 1, 2, DocumentStatus.Ok, null),
        new("b/c.txt", "en", null, 10, 2, 1, 1, DocumentStatus.Ok, null),
    ];

    [Fact]
    public void RowsReadBack_InOrder_WithFinalIds_AsOftenAsNeeded()
    {
        using var spool = new MentionSpool(_dir);
        var first = new MentionBlock();
        first.Add(3, 8, "Шойгу", "PER", "Сергей Шойгу", 0, "ner", 0.875f);
        first.Add(10, 10, "", "DATE", null, -1, "dates", 1f);
        first.EntityIds[0] = "#1";
        spool.Add(0, first);
        spool.Add(1, new MentionBlock());
        var second = new MentionBlock();
        second.Add(0, 2, "\ud800x", "ORG", "", 4, "ner", 0.5f);
        second.EntityIds[0] = "#2";
        spool.Add(1, second);
        spool.Complete(Documents, id => "final" + id);

        MentionRow[] expected =
        [
            new("a.txt", 3, 8, "Шойгу", "PER", "Сергей Шойгу", "final#1", 0, "ner", 0.875f),
            new("a.txt", 10, 10, "", "DATE", null, null, -1, "dates", 1f),
            new("b/c.txt", 0, 2, "\ud800x", "ORG", "", "final#2", 4, "ner", 0.5f),
        ];
        Assert.Equal(3, spool.Count);
        Assert.Equal(expected, spool.ToArray());
        Assert.Equal(expected, spool.ToArray());
        Assert.Equal("\ud800x", spool.Last().Text);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TablesWrittenFromTheSpool_AreTheBytesTheRowObjectsGive(bool spreadsheetSafe)
    {
        using var spool = new MentionSpool(_dir);
        var block = new MentionBlock();
        string[] texts =
        [
            "Шойгу", "", "\ud800x", "=SUM(A1)", "-1", "say \"hi\", then\r\nleave", "\t@x", "Tengrinews.kz", "a\u2028b", "back\\slash",
            "<b>&'</b>", "\u0001\u001f\u007f", "emoji 😀", "\udc00", "x\ud83d", "\ufffe\uffff", "中文", "\u0378",
            new string('ж', 40), new string('ж', 5000) + "\"", new string('x', 70_000), new string('ж', 3000) + "\ud800",
        ];
        for (int k = 0; k < texts.Length; k++)
        {
            block.Add(k, k + texts[k].Length, texts[k], k % 2 == 0 ? "PER" : "ORG", k % 3 == 0 ? null : "+" + texts[k], k - 1, "ner:" + texts[k],
                k == 0 ? 1f : k / 7f);
            block.EntityIds[k] = k % 4 == 0 ? null : "#" + k;
        }
        spool.Add(1, block);
        spool.Complete(Documents, id => id == "#5" ? "bad\ud800" : "=id" + id + texts[int.Parse(id[1..])]);
        var options = new TableOptions { SpreadsheetSafe = spreadsheetSafe };

        var fromSpool = Path.Combine(_dir, "spool", "mentions.csv");
        var fromRows = Path.Combine(_dir, "rows", "mentions.csv");
        TableWriter.WriteMentions(fromSpool, spool, options);
        TableWriter.WriteMentions(fromRows, spool.ToList(), options);

        Assert.Equal(File.ReadAllBytes(fromRows), File.ReadAllBytes(fromSpool));
        Assert.Equal(File.ReadAllBytes(Path.ChangeExtension(fromRows, ".jsonl")), File.ReadAllBytes(Path.ChangeExtension(fromSpool, ".jsonl")));
        var records = Extraction.Tests.Output.Rfc4180.ParseRecords(File.ReadAllText(fromSpool).TrimStart('\uFEFF'));
        Assert.Equal(texts.Length + 1, records.Count);
        Assert.Equal(texts[5], records[6][3]);
    }

    [Fact]
    public void TheFile_IsInTheGivenFolder_AndDeletedOnDispose()
    {
        var spool = new MentionSpool(_dir);
        var block = new MentionBlock();
        block.Add(0, 1, "A", "PER", null, 0, "ner", 1f);
        spool.Add(0, block);
        spool.Complete(Documents, id => id);
        Assert.Single(Directory.GetFiles(_dir, "*.tmp"));
        Assert.Throws<InvalidOperationException>(() => spool.Add(0, block));
        spool.Dispose();
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void ReadingBeforeComplete_IsAnError()
    {
        using var spool = new MentionSpool(_dir);
        Assert.Throws<InvalidOperationException>(() => spool.ToList());
    }
}
