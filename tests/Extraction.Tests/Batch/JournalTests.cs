using Extraction.Batch;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Tests.Batch;

public sealed class JournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string JournalPath => Path.Combine(_dir, Journal.FileName);

    /// <summary>A piece with every field: dates with and without a range, nulls, repeated and unicode strings, negative clusters.</summary>
    private static Document Tagged()
    {
        var doc = new Document("a.txt", "Сергей Шойгу 23 декабря \"=x\"\nпрочее Шойгу 𝔘 ёлка")
        {
            Date = new DocumentDate("2015-12-23", "dateline", new TextRange(13, 23)),
        };
        doc.AddMention(new Mention(new TextRange(0, 12), EntityType.PER, "ner", 0.8754321f) { Normal = "Сергей Шойгу", Cluster = 3, LinkKey = "per:шойгу" });
        doc.AddMention(new Mention(new TextRange(13, 23), EntityType.DATE, "date:absolute", 1f) { Normal = "2015-12-23", Cluster = -1 });
        doc.AddMention(new Mention(new TextRange(24, 28), EntityType.ORG, "ner", 0.5f) { Normal = "\"=x\"\n" });
        doc.AddMention(new Mention(new TextRange(36, 41), EntityType.PER, "ner", 1f) { Normal = "Сергей Шойгу", Cluster = 3, LinkKey = "per:шойгу" });
        doc.AddMention(new Mention(new TextRange(42, 44), EntityType.LOC, "gazetteer", float.Epsilon) { Normal = "𝔘", Cluster = 1234567 });
        doc.AddMention(new Mention(new TextRange(45, 49), EntityType.LOC, "gazetteer", 0f) { Normal = "Ёлка", Cluster = -7, LinkKey = "" });
        // A mention that starts before the one listed before it (offsets are delta-coded, both ways).
        doc.AddMention(new Mention(new TextRange(7, 12), EntityType.PER, "ner", 0.25f));
        return doc;
    }

    private static (TextRange, EntityType, string, float, string?, int, string?) Fields(Mention m) =>
        (m.Range, m.Type, m.Source, m.Confidence, m.Normal, m.Cluster, m.LinkKey);

    private void WriteTwoDocuments(Document doc)
    {
        using var journal = Journal.Open(JournalPath, "key", resume: false);
        journal.AddPiece(Journal.PieceRecord(0, 0, doc));
        journal.AddPiece(Journal.PieceRecord(1, doc.Text.Length, new Document("a.txt", "x")));
        journal.AddDone(new JournalDone("/in/a.txt", 100, 42));
        journal.AddPiece(Journal.PieceRecord(0, 0, new Document("b.txt", "")));
        journal.AddDone(new JournalDone("/in/b.txt", 3, -5));
    }

    [Fact]
    public void PieceRecords_ReadBackAsTheDocumentsMentions()
    {
        var doc = Tagged();
        WriteTwoDocuments(doc);
        using var resumed = Journal.Open(JournalPath, "key", resume: true);
        Assert.Equal(2, resumed.FinishedCount);
        var entry = resumed.Finished("/in/a.txt", 100, 42);

        Assert.NotNull(entry);
        Assert.Equal(new JournalDone("/in/a.txt", 100, 42), entry.Done);
        Assert.Equal(2, entry.Pieces.Count);
        var first = entry.Pieces[0];
        Assert.Equal(("/in/a.txt", 0, 0, doc.Text.Length, doc.Date), (first.Path, first.Piece, first.Offset, first.Chars, first.Date));
        Assert.Equal(doc.Mentions.Select(Fields), first.Mentions.Select(m => Journal.FromJournal(m, doc.Text)).Select(Fields));
        Assert.Equal((1, doc.Text.Length, 1, (DocumentDate?)null), (entry.Pieces[1].Piece, entry.Pieces[1].Offset, entry.Pieces[1].Chars, entry.Pieces[1].Date));
        Assert.Empty(entry.Pieces[1].Mentions);
        Assert.Null(resumed.Finished("/in/a.txt", 101, 42));
        Assert.Null(resumed.Finished("/in/a.txt", 100, 43));

        var empty = resumed.Finished("/in/b.txt", 3, -5);
        Assert.NotNull(empty);
        Assert.Equal((0, 0, (DocumentDate?)null), (empty.Pieces.Single().Chars, empty.Pieces.Single().Mentions.Count, empty.Pieces.Single().Date));
    }

    [Fact]
    public void ADateWithoutRange_AndNormalFormsEqualToTheText_RoundTrip()
    {
        var doc = new Document("c.txt", "Москва и Москва") { Date = new DocumentDate("2020-01", "filename") };
        doc.AddMention(new Mention(new TextRange(0, 6), EntityType.LOC, "gazetteer") { Normal = "Москва", LinkKey = "loc:moskva" });
        doc.AddMention(new Mention(new TextRange(9, 15), EntityType.LOC, "gazetteer") { Normal = "Москва", LinkKey = "loc:moskva" });
        using (var journal = Journal.Open(JournalPath, "key", resume: false))
        {
            journal.AddPiece(Journal.PieceRecord(0, 0, doc));
            journal.AddDone(new JournalDone("/in/c.txt", 30, 1));
        }
        using var resumed = Journal.Open(JournalPath, "key", resume: true);
        var piece = resumed.Finished("/in/c.txt", 30, 1)!.Pieces.Single();
        Assert.Equal(doc.Date, piece.Date);
        Assert.All(piece.Mentions, m => Assert.True(m.NormalIsText));
        Assert.Equal(doc.Mentions.Select(Fields), piece.Mentions.Select(m => Journal.FromJournal(m, doc.Text)).Select(Fields));
    }

    [Fact]
    public void DonePaths_CodedAgainstThePreviousPath_ReadBack_AlsoAfterResumingTwice()
    {
        // The second and third paths share a prefix with the one before that ends inside a surrogate pair.
        string[] paths = ["/in/dir/𝔘𝔙.txt", "/in/dir/𝔘𝔚.txt", "/in/dir/𝔘𝔚.txt.bak", "/other/x", "/in/dir/𝔘𝔙.txt2"];
        using (var journal = Journal.Open(JournalPath, "key", resume: false))
            for (int i = 0; i < 3; i++)
            {
                journal.AddPiece(Journal.PieceRecord(0, 0, new Document("d", "d")));
                journal.AddDone(new JournalDone(paths[i], i, i));
            }
        using (var resumed = Journal.Open(JournalPath, "key", resume: true))
            for (int i = 3; i < 5; i++)
            {
                resumed.AddPiece(Journal.PieceRecord(0, 0, new Document("d", "d")));
                resumed.AddDone(new JournalDone(paths[i], i, i));
            }
        using var again = Journal.Open(JournalPath, "key", resume: true);
        Assert.Equal(5, again.FinishedCount);
        for (int i = 0; i < 5; i++) Assert.Equal(new JournalDone(paths[i], i, i), again.Finished(paths[i], i, i)?.Done);
    }

    [Fact]
    public void RepeatedStrings_AreStoredOncePerPiece()
    {
        var doc = new Document("r.txt", string.Concat(Enumerable.Repeat("Организация Объединённых Наций; ", 100)));
        for (int i = 0; i < 100; i++)
            doc.AddMention(new Mention(new TextRange(i * 32, i * 32 + 30), EntityType.ORG, "gazetteer:organisations", 0.75f)
            {
                Normal = "Организация Объединённых Наций", Cluster = 0, LinkKey = "org:organizatsiya obyedinyonnykh natsiy",
            });
        var record = Journal.PieceRecord(0, 0, doc);
        // Per mention: flags, start delta, length, three one-byte references, the confidence and the cluster: 11 bytes.
        Assert.InRange(record.Length, 100 * 11, 100 * 11 + 80); // plus the two strings once
    }

    [Fact]
    public void ATornTail_AtEveryBytePosition_LosesOnlyTheLastDocument()
    {
        WriteTwoDocuments(Tagged());
        var bytes = File.ReadAllBytes(JournalPath);
        // Where the last document's records start: the journal as it was before them.
        using (var journal = Journal.Open(JournalPath, "key", resume: false))
        {
            var doc = Tagged();
            journal.AddPiece(Journal.PieceRecord(0, 0, doc));
            journal.AddPiece(Journal.PieceRecord(1, doc.Text.Length, new Document("a.txt", "x")));
            journal.AddDone(new JournalDone("/in/a.txt", 100, 42));
        }
        int lastStart = (int)new FileInfo(JournalPath).Length;
        Assert.Equal(bytes[..lastStart], File.ReadAllBytes(JournalPath));

        for (int cut = lastStart; cut < bytes.Length; cut++)
        {
            File.WriteAllBytes(JournalPath, bytes[..cut]);
            using var resumed = Journal.Open(JournalPath, "key", resume: true);
            Assert.Equal(1, resumed.FinishedCount);
            Assert.NotNull(resumed.Finished("/in/a.txt", 100, 42));
            Assert.Null(resumed.Finished("/in/b.txt", 3, -5));
        }
    }

    [Fact]
    public void ATornHeader_ResumesNothing()
    {
        WriteTwoDocuments(Tagged());
        var bytes = File.ReadAllBytes(JournalPath);
        foreach (int cut in new[] { 0, 3, 8, 10 })
        {
            File.WriteAllBytes(JournalPath, bytes[..cut]);
            using var resumed = Journal.Open(JournalPath, "key", resume: true);
            Assert.Equal(0, resumed.FinishedCount);
        }
    }

    [Fact]
    public void ACorruptChecksum_EndsTheJournalThere()
    {
        var doc = Tagged();
        WriteTwoDocuments(doc);
        var bytes = File.ReadAllBytes(JournalPath);
        // Flip one bit inside the first piece record (magic 8 bytes, header record 11 bytes, then the piece, 100-odd bytes).
        bytes[40] ^= 0x10;
        File.WriteAllBytes(JournalPath, bytes);
        using var resumed = Journal.Open(JournalPath, "key", resume: true);
        Assert.Equal(0, resumed.FinishedCount);
    }

    [Fact]
    public void AnotherKey_IsRefused()
    {
        WriteTwoDocuments(Tagged());
        var e = Assert.Throws<ConfigException>(() => Journal.Open(JournalPath, "other", resume: true));
        Assert.Contains("without --resume", e.Message);
    }

    [Fact]
    public void AnOldJsonJournal_IsRefused()
    {
        File.WriteAllText(JournalPath, "{\"header\":{\"version\":1,\"key\":\"key\"}}\n{\"done\":{\"path\":\"/in/a.txt\",\"bytes\":1,\"modifiedTicks\":2}}\n");
        var e = Assert.Throws<ConfigException>(() => Journal.Open(JournalPath, "key", resume: true));
        Assert.Contains("without --resume", e.Message);
        // Without --resume the old journal is simply replaced.
        using (Journal.Open(JournalPath, "key", resume: false)) { }
        using var resumed = Journal.Open(JournalPath, "key", resume: true);
        Assert.Equal(0, resumed.FinishedCount);
    }

    [Fact]
    public void PiecesOfAnUnfinishedDocument_AreDropped_AndTheNextDocumentIsKept()
    {
        var doc = Tagged();
        using (var journal = Journal.Open(JournalPath, "key", resume: false))
        {
            // A failed document: two pieces, no done record.
            journal.AddPiece(Journal.PieceRecord(0, 0, doc));
            journal.AddPiece(Journal.PieceRecord(1, doc.Text.Length, doc));
            journal.AddPiece(Journal.PieceRecord(0, 0, new Document("b.txt", "b")));
            journal.AddDone(new JournalDone("/in/b.txt", 1, 1));
        }
        using (var resumed = Journal.Open(JournalPath, "key", resume: true))
        {
            Assert.Equal(1, resumed.FinishedCount);
            Assert.Single(resumed.Finished("/in/b.txt", 1, 1)!.Pieces);
            // Resumed journals are compacted: the failed document's pieces are gone, new documents follow.
            resumed.AddPiece(Journal.PieceRecord(0, 0, doc));
            resumed.AddDone(new JournalDone("/in/a.txt", 100, 42));
        }
        using var again = Journal.Open(JournalPath, "key", resume: true);
        Assert.Equal(2, again.FinishedCount);
        Assert.Equal(doc.Mentions.Count, again.Finished("/in/a.txt", 100, 42)!.Pieces.Single().Mentions.Count);
    }
}
