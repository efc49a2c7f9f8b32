using Extraction.Documents;
using Extraction.Tagging;
using Extraction.Tokenization;

namespace Extraction.Tests.Tagging;

/// <summary>Small helpers: documents tokenized like the pipeline, a tiny lexicon, sentence features.</summary>
internal static class TaggingTestData
{
    public static Document Doc(string text, Language language = Language.En)
    {
        var d = new Document("t", text) { Language = language };
        Tokenizer.Tokenize(text, d.Tokens);
        SentenceSplitter.Split(d);
        for (int i = 0; i < d.Sentences.Count; i++) d.Sentences[i] = d.Sentences[i] with { Language = language };
        return d;
    }

    public static TaggerLexicon Lexicon()
    {
        var b = new LexiconBuilder();
        b.AddName("Moscow", LexBits.City);
        b.AddName("New York", LexBits.City);
        b.AddName("Москва", LexBits.City);
        b.SetClusters(FeatureHash.OfLower("moscow"), 1, 2, 3);
        b.SetClusters(FeatureHash.OfLower("london"), 1, 4, 5);
        return b.Lexicon;
    }

    /// <summary>
    /// Features of the first sentence of <paramref name="text"/> with document evidence. A suffix <c>||TYPE:first-end …</c>
    /// gives first-pass predictions over token ranges (for the second-pass <c>doc-…</c> templates).
    /// </summary>
    public static SentenceFeatures Features(string text)
    {
        var parts = text.Split("||");
        var d = Doc(parts[0].TrimEnd());
        var evidence = DocumentEvidence.Build(d);
        if (parts.Length > 1)
            evidence.AddPassOne(d, parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p =>
            {
                var (type, range) = (p[..p.IndexOf(':')], p[(p.IndexOf(':') + 1)..].Split('-'));
                return new NerModel.Prediction(int.Parse(range[0]), int.Parse(range[1]), EntityTypes.Parse(type), 1f);
            }));
        var s = new SentenceFeatures();
        var first = d.Sentences[0];
        s.Load(d, first.FirstToken, first.EndToken, Lexicon(), evidence);
        return s;
    }
}
