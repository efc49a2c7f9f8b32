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
