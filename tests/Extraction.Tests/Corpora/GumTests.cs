using Extraction.Corpora;
using Extraction.Documents;

namespace Extraction.Tests.Corpora;

public sealed class GumTests
{
    private const string Sample =
        "# newdoc id = GUM_bio_x\n# meta::dateCreated = 2012-03-28\n# newpar\n# sent_id = GUM_bio_x-1\n# text = He left in July 1805.\n" +
        "1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n" +
        "2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
        "3\tin\tin\tADP\tIN\t_\t4\tcase\t_\t_\n" +
        "4\tJuly\tJuly\tPROPN\tNNP\t_\t2\tobl\t_\tEntity=(1-time|XML=<date when:::\"1805-07\">\n" +
        "5\t1805\t1805\tNUM\tCD\t_\t4\tnmod\t_\tEntity=1)|SpaceAfter=No|XML=</date>\n" +
        "6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n" +
        "# newpar\n# sent_id = GUM_bio_x-2\n" +
        "1-2\tcountry’s\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "1\tcountry\tcountry\tNOUN\tNN\t_\t3\tnmod\t_\t_\n" +
        "2\t’s\t's\tPART\tPOS\t_\t1\tcase\t_\t_\n" +
        "3\tautumn\tautumn\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No|XML=<date from:::\"--09\" to:::\"--12\"></date>\n" +
        "4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n" +
        "# newdoc id = GUM_reddit_y\n" +
        "1\t_\t_\tNOUN\tNN\t_\t0\troot\t_\t_\n\n";

    [Fact]
    public void Rebuilds_text_and_reads_dates_skipping_withheld_documents()
    {
        var docs = Gum.Read(new StringReader(Sample)).ToList();
        var doc = Assert.Single(docs);
        Assert.Equal("GUM_bio_x", doc.Id);
        Assert.Equal("He left in July 1805.\n\ncountry’s autumn.", doc.Text);
        Assert.Equal("2012-03-28", doc.DocumentDate);
        Assert.Equal(Language.En, doc.Language);
        Assert.Equal(2, doc.Sentences!.Count);
        Assert.Equal(
            [("July 1805", "1805-07"), ("autumn", "--09/--12")],
            doc.Spans.Select(s => (s.Range.Of(doc.Text), s.Value!)));
        Assert.All(doc.Spans, s => Assert.Equal(EntityType.DATE, s.Type));
    }
}
