using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Linking;

/// <summary>
/// The <c>link</c> stage: in-document linking (<see cref="DocumentLinker"/>). Sets <see cref="Mention.Cluster"/> and
/// <see cref="Mention.LinkKey"/> on every PER/ORG/LOC mention; corpus linking then joins clusters across documents.
/// </summary>
public sealed class LinkStage : IStage
{
    private readonly DocumentLinker _linker;

    public LinkStage(LinkStageOptions options, StageContext context)
    {
        var resources = LinkingResources.Load(context, options.Gazetteer, options.Lexicon, "link.options");
        _linker = new DocumentLinker(resources, options.Fuzzy);
    }

    public LinkStage(LinkingResources resources, bool fuzzy = true) => _linker = new DocumentLinker(resources, fuzzy);

    public string Name => "link";
    public IReadOnlyList<string> Requires { get; } = [Layers.Entities];
    public IReadOnlyList<string> Provides { get; } = [Layers.Clusters];

    public void Process(Document document) => _linker.Link(document);
}
