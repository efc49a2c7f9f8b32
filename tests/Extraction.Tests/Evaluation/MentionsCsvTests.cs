using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Evaluation;
using Extraction.Output;

namespace Extraction.Tests.Evaluation;

public class MentionsCsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eval-pred-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Reads_what_extract_run_writes_including_spreadsheet_escapes()
    {
        var path = Path.Combine(_dir, "mentions.csv");
        TableWriter.WriteMentions(path,
        [
            new MentionRow("book_1.txt", 0, 5, "Путин", "PER", "Владимир Путин", "e1", 0, "ner", 0.9f),
            new MentionRow("book_1.txt", 10, 16, "-Мск, \"x\"", "LOC", "-Москва", null, 0, "ner", 1f),
            new MentionRow("=odd.txt", 0, 4, "1990", "DATE", "1990", null, 0, "dates", 1f),
        ], new TableOptions { SpreadsheetSafe = true, JsonLines = false });

        var byDoc = MentionsCsv.Read(path);
        Assert.Equal(["=odd.txt", "book_1.txt"], byDoc.Keys.Order(StringComparer.Ordinal));
        var book = byDoc["book_1.txt"];
        Assert.Equal((new TextRange(0, 5), EntityType.PER, "Владимир Путин"), (book[0].Range, book[0].Type, book[0].Normal));
        Assert.Equal("-Москва", book[1].Normal);
        var date = Assert.Single(byDoc["=odd.txt"]);
        Assert.Equal(("1990", null), (date.Value, date.Normal));
    }

    [Fact]
    public void Predictions_pair_with_gold_by_id_or_by_id_without_extension()
    {
        var gold = new[] { new GoldDocument("book_1", "Путин", []), new GoldDocument("b.txt", "Bob", []) };
        var pred = new Dictionary<string, List<GoldSpan>>
        {
            ["book_1.txt"] = [EvalDocument.Prediction(new TextRange(0, 5), EntityType.PER, null)],
            ["b.txt"] = [EvalDocument.Prediction(new TextRange(0, 3), EntityType.PER, null)],
            ["stray.txt"] = [],
        };
        var (docs, unmatched) = EvalRunner.Pair(gold, pred);
        Assert.All(docs, d => Assert.Single(d.Predicted));
        Assert.Equal(["stray.txt"], unmatched);

        pred["b.txt"] = [EvalDocument.Prediction(new TextRange(0, 9), EntityType.PER, null)];
        Assert.Contains("past the end", Assert.Throws<InvalidDataException>(() => EvalRunner.Pair(gold, pred)).Message);
    }

    [Theory]
    [InlineData("doc_id,start,end,type\nx,1,0,PER\n", "0 <= start <= end")]
    [InlineData("doc_id,start,end,type\nx,0,1,MISC\n", "'MISC'")]
    [InlineData("id,start,end,type\n", "no 'doc_id' column")]
    public void Malformed_rows_are_reported(string csv, string expected)
    {
        var path = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(path, csv);
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => MentionsCsv.Read(path)).Message);
    }
}
