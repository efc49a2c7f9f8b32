using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Reading;

/// <summary>Options of the <c>furniture</c> stage.</summary>
public sealed record FurnitureOptions
{
    /// <summary>Keep page furniture as content: no ranges are marked, so later stages tag inside menus and footers too.</summary>
    public bool Keep { get; init; }
}

/// <summary>The <c>furniture</c> stage: marks menu, share, rating and footer lines (<see cref="PageFurniture"/>) in <see cref="Document.Furniture"/>.</summary>
public sealed class FurnitureStage(FurnitureOptions options) : IStage
{
    public string Name => "furniture";
    public IReadOnlyList<string> Requires => [Layers.Text];
    public IReadOnlyList<string> Provides => [Layers.Furniture];

    public void Process(Document document)
    {
        document.Furniture.Clear();
        if (!options.Keep) document.Furniture.AddRange(PageFurniture.Find(document.Text));
    }
}
