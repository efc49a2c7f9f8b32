using System.IO.Compression;
using System.Text;
using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Corpora;

public class ConllTests
{
    private const string Sample = """
        -DOCSTART- -X- O O

        EU NNP I-NP I-ORG
        rejects VBZ I-VP O
        German JJ I-NP I-MISC
        call NN I-NP O

        Peter NNP I-NP I-PER
        Blackburn NNP I-NP I-PER
        Smith NNP I-NP B-PER

        -DOCSTART- -X- O O

        BRUSSELS NNP I-NP I-LOC
        1996-08-22 CD I-NP O
        """;

    [Fact]
    public void Builds_text_tokens_sentences_and_iob1_spans_and_keeps_misc_aside()
    {
        var docs = Conll.Parse(new StringReader(Sample), "eng.x").ToList();
        Assert.Equal(2, docs.Count);
        var d = docs[0];
        Assert.Equal("EU rejects German call\nPeter Blackburn Smith", d.Text);
        Assert.Equal(7, d.Tokens!.Count);
        Assert.Equal("Blackburn", d.Tokens[5].Of(d.Text));
        Assert.Equal(2, d.Sentences!.Count);
        Assert.Equal("Peter Blackburn Smith", d.Sentences[1].Of(d.Text));
        Assert.Equal(["EU", "Peter Blackburn", "Smith"], d.Spans.Select(s => s.Range.Of(d.Text)));
        Assert.Equal([EntityType.ORG, EntityType.PER, EntityType.PER], d.Spans.Select(s => s.Type));
        Assert.Equal("ORG", d.Spans[0].OriginalLabel);
        Assert.Equal([new OtherSpan(new TextRange(11, 17), "MISC")], d.Others);
        Assert.Empty(docs[1].Others);
        Assert.Equal(Language.En, d.Language);
        Assert.Equal("BRUSSELS 1996-08-22", docs[1].Text);
        Assert.Equal("eng.x#1", docs[1].Id);
    }

    [Fact]
    public void Reads_iob2_tab_separated_and_gzip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"conll-{Guid.NewGuid():N}.gz");
        try
        {
            using (var gz = new GZipStream(File.Create(path), CompressionLevel.Fastest))
            using (var w = new StreamWriter(gz, Encoding.UTF8))
                w.Write("New\tB-LOC\nYork\tI-LOC\nYork\tB-LOC\nis\tO\nbig\tI-LOC\n");
            var d = Assert.Single(Conll.Read(path));
            Assert.Equal(["New York", "York", "big"], d.Spans.Select(s => s.Range.Of(d.Text)));
        }
        finally { File.Delete(path); }
    }

    [QualityFact]
    public void Reads_the_conll_dev_file()
    {
        var docs = Conll.Read(SharedData.Path_("conll2003_en", "eng.testa.gz")).ToList();
        Assert.Equal(216, docs.Count);
        Assert.Equal(1842 + 1837 + 1341, docs.Sum(d => d.Spans.Count));
    }
}
