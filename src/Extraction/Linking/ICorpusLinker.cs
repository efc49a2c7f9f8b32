using Extraction.Documents;
using Extraction.Output;

namespace Extraction.Linking;

/// <summary>
/// Links mentions across documents. It sees documents one by one in input order (after the per-document
/// stages), keeps entity state — never text — and at the end resolves each provisional id to a final one.
/// </summary>
public interface ICorpusLinker
{
    /// <summary>Assigns a provisional <see cref="Mention.EntityId"/> to every mention of the document.</summary>
    void Add(Document document);

    /// <summary>Called once after the last document: merges entities and fixes the final ids.</summary>
    void Complete();

    /// <summary>The final id for a provisional one (after <see cref="Complete"/>).</summary>
    string Resolve(string provisionalId);

    /// <summary>The entity table (after <see cref="Complete"/>).</summary>
    IReadOnlyList<EntityRow> Entities();
}
