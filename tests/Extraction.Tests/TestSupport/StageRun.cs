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
    public static Document Tagged(IStage stage, string text, EntityType type, float confidence, Language language, params string[] tagged) =>
        TaggedAt(stage, text, type, confidence, language, [.. tagged.Select(words => At(text, words))]);

    /// <summary>As <see cref="Tagged"/>, with the tagged ranges given (several occurrences of one word, say).</summary>
    public static Document TaggedAt(IStage stage, string text, EntityType type, float confidence, Language language, params TextRange[] tagged)
    {
        var doc = new Document("t", text) { Language = language };
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        foreach (var range in tagged) doc.AddMention(new Mention(range, type, "ner", confidence));
        stage.Process(doc);
        return doc;
    }

    /// <summary>The range of the first occurrence of <paramref name="words"/> at or after <paramref name="from"/>; fails the test when there is none.</summary>
    public static TextRange At(string text, string words, int from = 0)
    {
        int start = text.IndexOf(words, from, StringComparison.Ordinal);
        Assert.True(start >= 0, $"«{words}» is not in the text");
        return new TextRange(start, start + words.Length);
    }

    /// <summary>The ranges of every occurrence of <paramref name="words"/>.</summary>
    public static TextRange[] Every(string text, string words)
    {
        var ranges = new List<TextRange>();
        for (int at = text.IndexOf(words, StringComparison.Ordinal); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.Ordinal))
            ranges.Add(new TextRange(at, at + words.Length));
        Assert.NotEmpty(ranges);
        return [.. ranges];
    }
}
