using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Tokenization;

/// <summary>Options of the <c>tokenize</c> stage.</summary>
public sealed record TokenizeOptions
{
    /// <summary>Hard cap on sentence length in tokens (longer runs are cut).</summary>
    public int MaxSentenceTokens { get; init; } = SentenceSplitter.MaxTokens;
}

/// <summary>The <c>tokenize</c> stage: token table and sentences.</summary>
public sealed class TokenizeStage(TokenizeOptions options) : IStage
{
    public TokenizeOptions Options { get; } = options;
    public string Name => "tokenize";
    public IReadOnlyList<string> Requires => [Layers.Text];
    public IReadOnlyList<string> Provides => [Layers.Tokens, Layers.Sentences];

    public void Process(Document document)
    {
        document.Tokens.Clear();
        document.Sentences.Clear();
        Tokenizer.Tokenize(document.Text, document.Tokens);
        SentenceSplitter.Split(document);
    }
}
