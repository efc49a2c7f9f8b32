using Extraction.Cli;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Cli;

public sealed class DocumentDateOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-docdate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (string Input, string Out) Corpus()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "a.txt"), "Министр заявил в четверг, что переговоры пройдут в августе.\n");
        File.WriteAllText(Path.Combine(input, "b.txt"), "The minister said on Wednesday that talks would follow in August.\n");
        return (input, Path.Combine(_dir, "out"));
    }

    private static string Config()
    {
        var config = Path.Combine(SharedData.RepoRoot, "pipeline.json");
        Assert.True(File.Exists(config));
        return config;
    }

    [Fact]
    public void Doc_date_anchors_relative_dates_of_every_document()
    {
        var (input, outDir) = Corpus();
        int exit = RunCommand.Execute(new RunCommand.RunArguments([input], outDir, Config(), 1, null, Raw: true, Verbose: false, DocDate: "2015-12-24"), CancellationToken.None);
        Assert.Equal(0, exit);
        var docs = File.ReadAllLines(Path.Combine(outDir, "documents.csv"));
        Assert.All(docs.Skip(1), row => Assert.Contains(",2015-12-24,", row));
        var mentions = File.ReadAllText(Path.Combine(outDir, "mentions.csv"));
        Assert.Contains("2015-12-24", mentions);   // в четверг: the Thursday of that week is the document date itself
        Assert.Contains("2015-08", mentions);      // в августе / in August of that year
        Assert.DoesNotContain("XXXX", mentions);
    }

    [Fact]
    public void Metadata_file_gives_dates_per_document_and_doc_date_fills_the_rest()
    {
        var (input, outDir) = Corpus();
        var meta = Path.Combine(_dir, "meta.csv");
        File.WriteAllText(meta, "doc_id,date,title\nb.txt,2014-08-15,x\n");
        int exit = RunCommand.Execute(new RunCommand.RunArguments([input], outDir, Config(), 1, null, Raw: true, Verbose: false,
            DocDate: "2015-12-24", Metadata: meta), CancellationToken.None);
        Assert.Equal(0, exit);
        var docs = File.ReadAllLines(Path.Combine(outDir, "documents.csv"));
        Assert.Contains(docs, r => r.StartsWith("a.txt,", StringComparison.Ordinal) && r.Contains(",2015-12-24,"));
        Assert.Contains(docs, r => r.StartsWith("b.txt,", StringComparison.Ordinal) && r.Contains(",2014-08-15,"));
    }

    [Fact]
    public void A_bad_date_is_a_usage_error()
    {
        var (input, outDir) = Corpus();
        Assert.Equal(2, RunCommand.Execute(new RunCommand.RunArguments([input], outDir, Config(), 1, null, Raw: true, Verbose: false, DocDate: "24.12.2015"), CancellationToken.None));
        var meta = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(meta, "doc_id,date\na.txt,someday\n");
        Assert.Equal(2, RunCommand.Execute(new RunCommand.RunArguments([input], outDir, Config(), 1, null, Raw: true, Verbose: false, Metadata: meta), CancellationToken.None));
    }
}
