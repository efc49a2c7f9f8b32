using Extraction.Documents;

namespace Extraction.Pipeline;

/// <summary>
/// A per-document stage: a pure function of one <see cref="Document"/> that adds layers to it.
/// Stages declare the layers they read (<see cref="Requires"/>) and add (<see cref="Provides"/>);
/// <see cref="PipelineBuilder"/> checks the chain when the pipeline is built. Stages must be
/// safe to call from several threads at once on different documents.
/// </summary>
public interface IStage
{
    string Name { get; }
    IReadOnlyList<string> Requires { get; }
    IReadOnlyList<string> Provides { get; }
    void Process(Document document);
}

/// <summary>Names of the document layers stages exchange.</summary>
public static class Layers
{
    /// <summary>The decoded text; every document has it.</summary>
    public const string Text = "text";
    public const string Furniture = "furniture";
    public const string Tokens = "tokens";
    public const string Sentences = "sentences";
    public const string Language = "language";
    public const string DocumentDate = "document-date";
    /// <summary>How ordinary text would spell the tokens of sentences written without case (<see cref="Document.Spelling"/>; read when present).</summary>
    public const string Spelling = "spelling";
    /// <summary>PER/ORG/LOC mentions.</summary>
    public const string Entities = "mentions.entities";
    /// <summary>DATE mentions with values.</summary>
    public const string Dates = "mentions.dates";
    /// <summary>Normal forms on mentions.</summary>
    public const string Normal = "mentions.normal";
    /// <summary>Document-local clusters and link keys on mentions.</summary>
    public const string Clusters = "mentions.clusters";
}
