using Extraction.Documents;
using Extraction.Pipeline;
using Extraction.Tokenization;

namespace Extraction.Tests.TestSupport;

/// <summary>Runs one stage over a hand-built document: the text tokenized, the given words tagged as the tagger would.</summary>
internal static class StageRun
{
    /// <summary>
    /// Tokenizes <paramref name="text"/>, tags the first occurrence of each of <paramref name="tagged"/> as
    /// <paramref name="type"/> (source <c>ner</c>, <paramref name="confidence"/>), runs <paramref name="stage"/>, returns the document.
    /// </summary>
    public static Document Tagged(IStage stage, string text, EntityType type, float confidence, Language language, params string[] tagged)
    {
        var doc = new Document("t", text) { Language = language };
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        foreach (var words in tagged)
        {
            int start = text.IndexOf(words, StringComparison.Ordinal);
            Assert.True(start >= 0, $"«{words}» is not in the text");
            doc.AddMention(new Mention(new TextRange(start, start + words.Length), type, "ner", confidence));
        }
        stage.Process(doc);
        return doc;
    }
}
