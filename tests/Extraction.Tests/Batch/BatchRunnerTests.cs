using Extraction.Batch;
using Extraction.Output;
using Extraction.Pipeline;
using Extraction.Reading;
using static Extraction.Tests.Batch.BatchTestSupport;

namespace Extraction.Tests.Batch;

public sealed class BatchRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-batch-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Corpus(int count = 60) => SmallCorpus(Path.Combine(_dir, "corpus"), count);

    [Fact]
    public void Tables_AreIdenticalRowForRow_WhateverTheNumberOfJobs()
    {
        var root = Corpus(120);
        var one = Tables(Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { Jobs = 1 }));
        var two = Tables(Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { Jobs = 2 }));
        var many = Tables(Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { Jobs = 7 }));
        Assert.Contains("PER", one);
        Assert.Equal(one, two);
        Assert.Equal(one, many);
    }

    [Fact]
    public void Interruption_GivesConsistentTables_AndResumeFinishesWithoutRedoingDocuments()
    {
        var root = Corpus(60);
        var reference = Tables(Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { Jobs = 2 }));

        var journal = Path.Combine(_dir, "out", Journal.FileName);
        using var cancel = new CancellationTokenSource();
        int seen = 0;
        using var first = Run(root, Stages(new CapitalisedWordTagger(_ => { if (Interlocked.Increment(ref seen) == 20) cancel.Cancel(); })),
            new BatchOptions { Jobs = 2, JournalPath = journal }, cancel.Token);
        Assert.True(first.Summary.Interrupted);
        int done = first.Documents.Count;
        Assert.InRange(done, 1, 59);
        Assert.All(first.Documents, d => Assert.Equal(DocumentStatus.Ok, d.Status));
        var docIds = first.Documents.Select(d => d.DocId).ToHashSet();
        Assert.All(first.Mentions, m => Assert.Contains(m.DocId, docIds));
        Assert.Equal(first.Mentions.Count, first.Documents.Sum(d => d.Mentions));

        var tagger = new CapitalisedWordTagger();
        using var resumed = Run(root, Stages(tagger), new BatchOptions { Jobs = 2, JournalPath = journal, Resume = true });
        Assert.False(resumed.Summary.Interrupted);
        Assert.Equal(done, resumed.Summary.Resumed);
        Assert.Equal(60 - done, tagger.Calls);
        Assert.Equal(reference, Tables(resumed));

        var again = new CapitalisedWordTagger();
        Assert.Equal(reference, Tables(Run(root, Stages(again), new BatchOptions { Jobs = 1, JournalPath = journal, Resume = true })));
        Assert.Equal(0, again.Calls);
    }

    [Fact]
    public void Resume_DoesNotRunTheCheckStagesAgainOverRestoredDocuments()
    {
        // A check stage provides no layer; run again before the journal's mentions are back it would add its mentions twice.
        var root = Corpus(12);
        var reference = Tables(Run(root, Stages(new CapitalisedWordTagger(), new AcronymCheck()), new BatchOptions()));
        var journal = Path.Combine(_dir, "out", Journal.FileName);
        Tables(Run(root, Stages(new CapitalisedWordTagger(), new AcronymCheck()), new BatchOptions { JournalPath = journal }));
        var check = new AcronymCheck();
        using var resumed = Run(root, Stages(new CapitalisedWordTagger(), check), new BatchOptions { JournalPath = journal, Resume = true });
        Assert.Equal(12, resumed.Summary.Resumed);
        Assert.Equal(0, check.Calls);
        Assert.Equal(reference, Tables(resumed));
    }

    [Fact]
    public void Resume_RedoesFilesChangedSinceTheJournal()
    {
        var root = Corpus(10);
        var journal = Path.Combine(_dir, "out", Journal.FileName);
        Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { JournalPath = journal }).Dispose();
        var changed = Directory.GetFiles(root, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(changed, "\nAdded Sentence Here.\n");
        var tagger = new CapitalisedWordTagger();
        using var result = Run(root, Stages(tagger), new BatchOptions { JournalPath = journal, Resume = true });
        Assert.Equal(1, tagger.Calls);
        Assert.Equal(9, result.Summary.Resumed);
        Assert.Contains(result.Mentions, m => m.Text == "Added");
    }

    [Fact]
    public void Resume_UnderAnotherConfiguration_IsAConfigError()
    {
        var root = Corpus(3);
        var journal = Path.Combine(_dir, "out", Journal.FileName);
        Run(root, Stages(), new BatchOptions { JournalPath = journal, RunKey = "a" }).Dispose();
        var e = Assert.Throws<ConfigException>(() => Run(root, Stages(), new BatchOptions { JournalPath = journal, RunKey = "b", Resume = true }));
        Assert.Contains("without --resume", e.Message);
    }

    [Fact]
    public void ATornJournalRecord_IsIgnored()
    {
        var root = Corpus(6);
        var journal = Path.Combine(_dir, "out", Journal.FileName);
        Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { JournalPath = journal }).Dispose();
        var bytes = File.ReadAllBytes(journal);
        File.WriteAllBytes(journal, bytes[..^3]);
        var tagger = new CapitalisedWordTagger();
        using var result = Run(root, Stages(tagger), new BatchOptions { JournalPath = journal, Resume = true });
        Assert.Equal(1, tagger.Calls);
        Assert.Equal(5, result.Summary.Resumed);
    }

    [Fact]
    public void LongTexts_AreProcessedInPieces_WithOffsetsIntoTheWholeText()
    {
        var root = Path.Combine(_dir, "long");
        Directory.CreateDirectory(root);
        var text = string.Concat(Enumerable.Range(0, 3000).Select(i => $"Paragraph {i} mentions Somebody{i % 13} in Somewhere{i % 7}.\n\n"));
        File.WriteAllText(Path.Combine(root, "long.txt"), text);
        File.WriteAllText(Path.Combine(root, "line.txt"), text.Replace("\n", " "));
        var keep = Path.Combine(_dir, "text");
        using var result = Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { Load = new LoadOptions { PieceChars = 7000 }, KeepTextDirectory = keep });

        foreach (var row in result.Documents)
        {
            Assert.Equal(DocumentStatus.Ok, row.Status);
            Assert.True(row.Pieces > 10, $"{row.DocId} was read in {row.Pieces} pieces");
            var content = File.ReadAllText(Path.Combine(keep, row.DocId));
            Assert.Equal(row.Chars, content.Length);
            var mentions = result.Mentions.Where(m => m.DocId == row.DocId).ToList();
            Assert.Equal(row.Mentions, mentions.Count);
            Assert.All(mentions, m => Assert.Equal(m.Text, content.Substring(m.Start, m.End - m.Start)));
            Assert.Equal(mentions.Select(m => m.Sentence).Order(), mentions.Select(m => m.Sentence));
            Assert.True(mentions[^1].Start > text.Length - 100);
        }
        Assert.Equal(text.Length, result.Documents.Single(d => d.DocId == "long.txt").Chars);
        Assert.Equal(3000 * 2 * 2, result.Mentions.Count(m => m.Text.StartsWith("Some", StringComparison.Ordinal)));
    }

    /// <summary>
    /// A long text is shared with workers that have no file to start: when it is the last file to start, and when the
    /// files after it wait for it to be consumed (every file slot taken). The tables stay those of one job.
    /// </summary>
    [Theory]
    [InlineData("long-last", 1, 2)]
    [InlineData("long-last", 1, 3)]
    [InlineData("long-first", 40, 2)]
    public void ThePiecesOfALongText_AreSharedWithWorkersThatHaveNoFileToStart(string name, int shortFiles, int jobs)
    {
        var root = Path.Combine(_dir, name);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "a-long.txt"),
            string.Concat(Enumerable.Range(0, 4000).Select(i => $"Paragraph {i} mentions Somebody{i % 13} in Somewhere{i % 7}.\n\n")));
        for (int i = 0; i < shortFiles; i++) File.WriteAllText(Path.Combine(root, $"b-{i:D2}.txt"), $"Short Text Number {i}.\n");
        var load = new LoadOptions { PieceChars = 5000 };
        var reference = Tables(Run(root, Stages(new CapitalisedWordTagger()), new BatchOptions { Jobs = 1, Load = load }));

        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
        using var result = Run(root, Stages(new CapitalisedWordTagger(d =>
        {
            if (d.Id == "a-long.txt") threads.TryAdd(Environment.CurrentManagedThreadId, 0);
            Thread.Sleep(1);
        })), new BatchOptions { Jobs = jobs, Load = load });
        Assert.Equal(reference, Tables(result));
        Assert.True(threads.Count > 1, $"{jobs} jobs: the long text's pieces ran on {threads.Count} thread(s)");
    }

    [Fact]
    public void APieceThatFailsOnAnotherWorker_FailsItsText_AfterThePiecesBefore()
    {
        var root = Path.Combine(_dir, "failing-long");
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "long.txt"),
            string.Concat(Enumerable.Range(0, 2000).Select(i => $"Paragraph {i} mentions Somebody{i % 13}{(i == 1500 ? " Boom" : "")}.\n\n")));
        var load = new LoadOptions { PieceChars = 4000 };
        var tagger = () => new CapitalisedWordTagger(d =>
        {
            Thread.Sleep(1);
            if (d.Text.Contains("Boom", StringComparison.Ordinal)) throw new InvalidOperationException("boom");
        });
        var one = Run(root, Stages(tagger()), new BatchOptions { Jobs = 1, Load = load });
        var two = Run(root, Stages(tagger()), new BatchOptions { Jobs = 2, Load = load });
        var row = Assert.Single(two.Documents);
        Assert.Equal(DocumentStatus.Failed, row.Status);
        Assert.Contains("boom", row.Error);
        Assert.Contains("after", row.Error);
        Assert.Equal(Tables(one), Tables(two));
    }

    [Fact]
    public void AStageThatThrows_FailsOnlyItsDocument()
    {
        var root = Corpus(8);
        using var result = Run(root, Stages(new CapitalisedWordTagger(d => { if (d.Id.EndsWith("doc0003.txt", StringComparison.Ordinal)) throw new InvalidOperationException("boom"); })),
            new BatchOptions());
        var failed = Assert.Single(result.Documents, d => d.Status == DocumentStatus.Failed);
        Assert.EndsWith("doc0003.txt", failed.DocId);
        Assert.Contains("boom", failed.Error);
        Assert.Equal(8, result.Documents.Count);
        Assert.Equal(1, result.Summary.Failed);
    }
}

public sealed class ConfiguredPipelineResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-resume-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Cancels a run when the n-th document reaches it; a tagging-like stage, so restored documents skip it.</summary>
    private sealed class CancelAt(int n, CancellationTokenSource cancel) : Extraction.Pipeline.IStage
    {
        private int _seen;
        public string Name => "cancel-at";
        public IReadOnlyList<string> Requires => [Layers.Text];
        public IReadOnlyList<string> Provides => ["test.cancel"];

        public void Process(Extraction.Documents.Document document)
        {
            if (Interlocked.Increment(ref _seen) == n) cancel.Cancel();
        }
    }

    private static BatchResult RunConfigured(string root, BatchOptions options, int cancelAt = int.MaxValue)
    {
        var configPath = Path.Combine(TestSupport.SharedData.RepoRoot, "pipeline.json");
        var config = PipelineConfig.Load(configPath);
        var (configured, _) = PipelineFactory.Build(config, configPath);
        using var cancel = new CancellationTokenSource();
        var pipeline = new DocumentPipeline([.. configured.Stages, new CancelAt(cancelAt, cancel)]);
        var context = new StageContext(TestSupport.SharedData.ModelsDir);
        var linker = new Extraction.Linking.CorpusLinker(
            Extraction.Linking.LinkingResources.Load(context, config.Linking.Gazetteer, config.Linking.Lexicon, "test"), config.Linking);
        return new BatchRunner(pipeline, linker, options, Log).Run(CorpusReader.Enumerate([root]).ToList(), cancel: cancel.Token);
    }

    [Fact]
    public void InterruptedThenResumedRun_WithTheConfiguredStagesAndLinker_GivesTheTablesOfAnUninterruptedRun()
    {
        var root = SmallCorpus(Path.Combine(_dir, "corpus"), 40);
        var reference = Tables(RunConfigured(root, new BatchOptions { Jobs = 2 }));
        var journal = Path.Combine(_dir, "out", Journal.FileName);
        using var first = RunConfigured(root, new BatchOptions { Jobs = 2, JournalPath = journal }, cancelAt: 15);
        Assert.True(first.Summary.Interrupted);
        using var resumed = RunConfigured(root, new BatchOptions { Jobs = 2, JournalPath = journal, Resume = true });
        Assert.Equal(first.Documents.Count, resumed.Summary.Resumed);
        Assert.Equal(reference, Tables(resumed));
    }
}
