using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Tokenization;

/// <summary>Options of the <c>language</c> stage.</summary>
public sealed record LanguageOptions
{
    /// <summary>Force one language for every document and sentence (ru, en or other) instead of detecting it.</summary>
    public string? Force { get; init; }
}

/// <summary>The <c>language</c> stage: language per sentence and per document.</summary>
public sealed class LanguageStage : IStage
{
    private readonly Language? _forced;

    public LanguageStage(LanguageOptions options, string where = "language")
    {
        if (options.Force is { } f)
            _forced = Languages.TryParse(f, out var l) ? l : throw new ConfigException($"{where}.force: '{f}' is not a language; use ru, en or other.");
    }

    public string Name => "language";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Sentences];
    public IReadOnlyList<string> Provides => [Layers.Language];

    public void Process(Document document)
    {
        if (_forced is { } l)
        {
            document.Language = l;
            for (int i = 0; i < document.Sentences.Count; i++) document.Sentences[i] = document.Sentences[i] with { Language = l };
            return;
        }
        LanguageDetector.Detect(document);
    }
}
