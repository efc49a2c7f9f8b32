using Extraction.Batch;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Output;
using Extraction.Pipeline;
using Extraction.Reading;
using Extraction.Tokenization;
using Serilog;

namespace Extraction.Tests.Batch;

/// <summary>
/// A stand-in tagger for batch tests: every capitalised word outside page furniture is a PER mention with its text as
/// normal form. Deterministic and cheap, so tables can be compared across runs.
/// </summary>
internal sealed class CapitalisedWordTagger(Action<Document>? onProcess = null) : IStage
{
    private int _calls;

    public int Calls => _calls;
    public string Name => "test-tagger";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Furniture];
    public IReadOnlyList<string> Provides => [Layers.Entities];

    public void Process(Document document)
    {
        Interlocked.Increment(ref _calls);
        onProcess?.Invoke(document);
        foreach (var t in document.Tokens.AsSpan())
        {
            if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized) || t.Range.Length < 3) continue;
            if (document.Furniture.Any(f => f.Contains(t.Range))) continue;
            document.AddMention(new Mention(t.Range, EntityType.PER, "test") { Normal = document.Slice(t.Range) });
        }
    }
}

/// <summary>
/// A stand-in check stage: reads the mentions and adds an ORG over every all-capitals word no mention covers, as the
/// check stages add what the tagger missed. It provides no layer of its own.
/// </summary>
internal sealed class AcronymCheck : IStage
{
    private int _calls;

    public int Calls => _calls;
    public string Name => "test-check";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Entities];
    public IReadOnlyList<string> Provides => [];

    public void Process(Document document)
    {
        Interlocked.Increment(ref _calls);
        foreach (var t in document.Tokens.AsSpan())
        {
            if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.AllCaps) || t.Range.Length < 2) continue;
            if (document.Mentions.Any(m => m.Range.Start < t.End && t.Start < m.Range.End)) continue;
            document.AddMention(new Mention(t.Range, EntityType.ORG, "test-check") { Normal = document.Slice(t.Range) });
        }
        document.SortMentions();
    }
}

internal static class BatchTestSupport
{
    public static readonly ILogger Log = new LoggerConfiguration().CreateLogger();

    public static DocumentPipeline Stages(params IStage[] extra) =>
        new([new TokenizeStage(new TokenizeOptions()), new LanguageStage(new LanguageOptions()), new FurnitureStage(new FurnitureOptions()), .. extra]);

    public static BatchResult Run(string root, DocumentPipeline pipeline, BatchOptions options, CancellationToken cancel = default) =>
        new BatchRunner(pipeline, new SimpleCorpusLinker(), options, Log).Run(CorpusReader.Enumerate([root]).ToList(), cancel: cancel);

    /// <summary>The three tables as CSV text, for row-for-row comparisons; the result is disposed (its mention spool deleted).</summary>
    public static string Tables(BatchResult result)
    {
        var dir = Directory.CreateTempSubdirectory("extraction-tables-").FullName;
        using var _ = result;
        try
        {
            BatchRunner.WriteTables(dir, result, new TableOptions { JsonLines = false });
            return string.Join("\n----\n", new[] { "documents.csv", "mentions.csv", "entities.csv" }.Select(f => File.ReadAllText(Path.Combine(dir, f))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Many small documents made from the seeds with varied cuts and names, in nested folders.</summary>
    public static string SmallCorpus(string dir, int count)
    {
        var seeds = Directory.GetFiles(TestSupport.SharedData.SeedsDir).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
        var rng = new Random(7);
        for (int i = 0; i < count; i++)
        {
            var text = seeds[i % seeds.Length];
            int start = rng.Next(text.Length / 2);
            var path = Path.Combine(dir, $"f{i % 5}", $"doc{i:D4}.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text[start..] + $"\nNamed Person{i % 17} Visited Place{i % 11}.\n");
        }
        return dir;
    }
}
