using Extraction.Batch;
using Extraction.Documents;

namespace Extraction.Tests.Batch;

public sealed class JournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void PieceLines_ReadBackAsTheDocumentsMentions()
    {
        var doc = new Document("a.txt", "Сергей Шойгу 23 декабря \"=x\"\nпрочее")
        {
            Date = new DocumentDate("2015-12-23", "dateline", new TextRange(13, 23)),
        };
        doc.AddMention(new Mention(new TextRange(0, 12), EntityType.PER, "ner", 0.8754321f) { Normal = "Сергей Шойгу", Cluster = 3, LinkKey = "per:шойгу" });
        doc.AddMention(new Mention(new TextRange(13, 23), EntityType.DATE, "date:absolute", 1f) { Cluster = -1 });
        doc.AddMention(new Mention(new TextRange(24, 28), EntityType.ORG, "ner", 0.5f) { Normal = "\"=x\"\n" });

        var path = Path.Combine(_dir, Journal.FileName);
        using (var journal = Journal.Open(path, "key", resume: false))
        {
            journal.AddPiece(Journal.PieceLine("/in/a.txt", 0, 0, doc));
            journal.AddPiece(Journal.PieceLine("/in/a.txt", 1, doc.Text.Length, new Document("a.txt", "x")));
            journal.AddDone(new JournalDone("/in/a.txt", 100, 42));
        }
        using var resumed = Journal.Open(path, "key", resume: true);
        var entry = resumed.Finished("/in/a.txt", 100, 42);

        Assert.NotNull(entry);
        Assert.Equal(2, entry.Pieces.Count);
        var first = entry.Pieces[0];
        Assert.Equal(("/in/a.txt", 0, 0, doc.Text.Length, doc.Date), (first.Path, first.Piece, first.Offset, first.Chars, first.Date));
        Assert.Equal(doc.Mentions.Select(Journal.ToJournal), first.Mentions);
        Assert.Equal(doc.Mentions.Select(m => (m.Range, m.Type, m.Source, m.Confidence, m.Normal, m.Cluster, m.LinkKey)),
            first.Mentions.Select(Journal.FromJournal).Select(m => (m.Range, m.Type, m.Source, m.Confidence, m.Normal, m.Cluster, m.LinkKey)));
        Assert.Equal((1, doc.Text.Length, 1, (DocumentDate?)null), (entry.Pieces[1].Piece, entry.Pieces[1].Offset, entry.Pieces[1].Chars, entry.Pieces[1].Date));
        Assert.Empty(entry.Pieces[1].Mentions);
        Assert.Null(resumed.Finished("/in/a.txt", 101, 42));
    }
}
