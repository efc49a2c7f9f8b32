using Extraction.Corpora;

namespace Extraction.Tests.Corpora;

public sealed class ConllUTests
{
    private const string Sample =
        "# sent_id = s1\n# text = Обамы нет.\n" +
        "1\tОбамы\tОбама\tPROPN\t_\tAnimacy=Anim|Case=Gen|Gender=Masc|Number=Sing\t2\tnsubj\t_\t_\n" +
        "2-3\tнет.\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tнет\tнет\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "2.1\tx\tx\tX\t_\t_\t_\t_\t_\t_\n" +
        "3\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_\n\n" +
        "1\tДа\tда\tPART\t_\t_\t0\troot\t_\t_\n";

    [Fact]
    public void Reads_sentences_words_and_features_skipping_ranges_and_empty_nodes()
    {
        var sentences = ConllU.Read(new StringReader(Sample)).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal("s1", sentences[0].Id);
        Assert.Equal("Обамы нет.", sentences[0].Text);
        Assert.Equal(["Обамы", "нет", "."], sentences[0].Words.Select(w => w.Form));
        var w = sentences[0].Words[0];
        Assert.Equal(("Обама", "PROPN", "Gen", "Sing"), (w.Lemma, w.Upos, w.Feature("Case"), w.Feature("Number")));
        Assert.Null(w.Feature("Tense"));
        Assert.Equal("SpaceAfter=No", sentences[0].Words[1].Misc);
        Assert.Null(sentences[1].Id);
    }
}
