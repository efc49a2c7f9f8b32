using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Tests.Corpora;

public class TsvTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tsv-gold-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string Write(string tsv)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "news"));
        File.WriteAllText(Path.Combine(_dir, "news", "a.txt"), "Путин прилетел в Москву 5 мая.");
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "Ничего.");
        var path = Path.Combine(_dir, "gold.tsv");
        File.WriteAllText(path, tsv);
        return path;
    }

    [Fact]
    public void Reads_spans_normal_forms_and_date_values_for_every_text_file()
    {
        var path = Write("doc\tstart\tend\ttype\ttext\tnormalized\n" +
                         "news/a.txt\t0\t5\tPER\tПутин\tВладимир Путин\n" +
                         "news/a.txt\t17\t23\tLOC\tМоскву\tМосква\n" +
                         "news/a.txt\t24\t29\tDATE\t5 мая\tXXXX-05-05\n");
        var docs = Tsv.Read(path);
        Assert.Equal(["b.txt", "news/a.txt"], docs.Select(d => d.Id));
        Assert.Empty(docs[0].Spans);
        var a = docs[1];
        Assert.Equal(3, a.Spans.Count);
        Assert.Equal((new TextRange(17, 23), EntityType.LOC, "Москва"), (a.Spans[1].Range, a.Spans[1].Type, a.Spans[1].Normal));
        Assert.Equal(("XXXX-05-05", null), (a.Spans[2].Value, a.Spans[2].Normal));
    }

    [Fact]
    public void Text_and_normalized_columns_are_optional()
    {
        var docs = Tsv.Read(Write("doc\ttype\tstart\tend\nnews/a.txt\tPER\t0\t5\n"));
        Assert.Null(Assert.Single(docs[1].Spans).Normal);
    }

    [Theory]
    [InlineData("doc\tstart\tend\ttype\ttext\nnews/a.txt\t0\t6\tPER\tПутин\n", "data row 1")]      // text does not match: shifted offsets
    [InlineData("doc\tstart\tend\ttype\nnews/a.txt\t0\t999\tPER\n", "start < end")]                 // past the end
    [InlineData("doc\tstart\tend\ttype\nnews/a.txt\t0\t5\tPERSON\n", "'PERSON'")]                   // unknown type
    [InlineData("doc\tstart\tend\ttype\nmissing.txt\t0\t5\tPER\n", "'missing.txt'")]                // unknown document
    [InlineData("document\tstart\tend\ttype\n", "no 'doc' column")]                                 // bad header
    public void Problems_name_the_row_and_the_fix(string tsv, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => Tsv.Read(Write(tsv)));
        Assert.Contains(expected, e.Message);
    }
}
