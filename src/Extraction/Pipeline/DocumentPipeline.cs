using Extraction.Documents;

namespace Extraction.Pipeline;

/// <summary>The built, checked chain of per-document stages.</summary>
public sealed class DocumentPipeline
{
    public DocumentPipeline(IReadOnlyList<IStage> stages) => Stages = stages;

    public IReadOnlyList<IStage> Stages { get; }

    public bool Provides(string layer) => Stages.Any(s => s.Provides.Contains(layer));

    public void Process(Document document)
    {
        foreach (var stage in Stages) stage.Process(document);
        document.SortMentions();
    }
}
