using System.Diagnostics;
using System.Text;
using Extraction.Batch;
using Extraction.Cli;
using Extraction.Documents;
using Extraction.Linking;
using Extraction.Output;
using Extraction.Pipeline;
using Extraction.Reading;

namespace Extraction.Tests.Batch;

/// <summary>
/// A corpus with every case a real batch meets, built on disk once for the tests of <see cref="BadCorpusTests"/>:
/// every supported encoding, HTML, invalid bytes, empty, binary, unreadable, a pipe, a broken link, link loops, a
/// 200 MB file, a file that is one 10 MB line, and a file of an unsupported kind.
/// </summary>
public sealed class BadCorpus : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("extraction-bad-corpus-").FullName;

    /// <summary>doc_id → (expected status, a piece of the expected reason or encoding).</summary>
    public Dictionary<string, (string Status, string Detail)> Expected { get; } = new(StringComparer.Ordinal);

    public const string Russian = "Министр обороны России Сергей Шойгу встретился в Нур-Султане с коллегой Нурланом Ермекбаевым.\n";
    public const long BigBytes = 200L << 20;

    public BadCorpus()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Write("ok/utf8.txt", Encoding.UTF8.GetBytes(Russian), "utf-8");
        Write("ok/utf8-bom.txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Russian)], "utf-8-bom");
        Write("ok/utf16le.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Russian)], "utf-16le");
        Write("ok/utf16be.txt", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Russian)], "utf-16be");
        Write("ok/cp1251.txt", Encoding.GetEncoding(1251).GetBytes(Russian), "windows-1251");
        Write("ok/koi8r.txt", Encoding.GetEncoding(20866).GetBytes("Шойгу\n"), "koi8-r");
        Write("ok/page.html", Encoding.UTF8.GetBytes("<html><body><nav>Home | News | Contacts</nav><p>" + Russian + "</p><script>x()</script></body></html>"), "utf-8");
        Write("ok/invalid-bytes.txt", [.. Encoding.UTF8.GetBytes(Russian), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(Russian)], "utf-8");
        Write("bad/empty.txt", [], "empty", DocumentStatus.Failed);
        Write("bad/binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52], "binary", DocumentStatus.Failed);

        var unreadable = Write("bad/unreadable.txt", Encoding.UTF8.GetBytes(Russian), "permission denied", DocumentStatus.Failed);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(unreadable, UnixFileMode.None);
        if (CanOpen(unreadable)) Expected["bad/unreadable.txt"] = (DocumentStatus.Ok, "utf-8"); // running as root

        File.CreateSymbolicLink(Path.Combine(Root, "bad/broken-link.txt"), Path.Combine(Root, "bad/no-such-file.txt"));
        Expected["bad/broken-link.txt"] = (DocumentStatus.Failed, "broken symbolic link");
        File.CreateSymbolicLink(Path.Combine(Root, "bad/loop.txt"), Path.Combine(Root, "bad/loop.txt"));
        Expected["bad/loop.txt"] = (DocumentStatus.Failed, "symbolic link loop");
        Directory.CreateDirectory(Path.Combine(Root, "loops"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "loops/up"), Root);
        Expected["loops/up"] = (DocumentStatus.Failed, "symbolic link loop");
        if (MakeFifo(Path.Combine(Root, "bad/pipe.txt"))) Expected["bad/pipe.txt"] = (DocumentStatus.Failed, "0 bytes");

        File.WriteAllBytes(Path.Combine(Root, "ok/ignored.pdf"), [0x25, 0x50, 0x44, 0x46]);

        var line = new StringBuilder(10_500_000);
        while (line.Length < 10_000_000) line.Append("Один очень длинный абзац без переносов строк, one very long line; ");
        Write("big/one-line.txt", Encoding.UTF8.GetBytes(line.ToString()), "utf-8");

        var block = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(Russian + "An English line about the Ministry of Defence of Kazakhstan.\n\n", 4000)));
        var big = Path.Combine(Root, "big/200mb.txt");
        using (var fs = new FileStream(big, FileMode.Create, FileAccess.Write))
            for (long written = 0; written < BigBytes; written += block.Length) fs.Write(block);
        Expected["big/200mb.txt"] = (DocumentStatus.Ok, "utf-8");
    }

    private string Write(string docId, byte[] bytes, string detail, string status = DocumentStatus.Ok)
    {
        var path = Path.Combine(Root, docId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        Expected[docId] = (status, detail);
        return path;
    }

    private static bool CanOpen(string path)
    {
        try { using var _ = File.OpenRead(path); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static bool MakeFifo(string path)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true });
            p!.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

[Collection(TestSupport.SerialCollection.Name)]
public sealed class BadCorpusTests(BadCorpus corpus) : IClassFixture<BadCorpus>, IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("extraction-bad-out-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void EveryFileIsAccountedFor_WithItsStatusAndReason_AndTheRunExits1()
    {
        var config = Path.Combine(_out, "pipeline.json");
        // Only the cheap furniture stage, so the 200 MB file takes seconds; the shipped models serve the corpus linker.
        var models = System.Text.Json.JsonSerializer.Serialize(TestSupport.SharedData.ModelsDir);
        File.WriteAllText(config, $$"""{ "models": {{models}}, "stages": [ { "name": "furniture" } ] }""");
        var outDir = Path.Combine(_out, "out");

        int exit = RunCommand.Execute(new RunCommand.RunArguments([corpus.Root], outDir, config, 2, null, Raw: true, Verbose: false, KeepText: true), CancellationToken.None);

        Assert.Equal(Program.SomeFailed, exit);
        var rows = Rfc4180Rows(Path.Combine(outDir, "documents.csv"));
        Assert.Equal(corpus.Expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => r["doc_id"]).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var (status, detail) = corpus.Expected[row["doc_id"]];
            Assert.True(status == row["status"], $"{row["doc_id"]}: status {row["status"]} ({row["error"]}), expected {status}");
            var shown = status == DocumentStatus.Ok ? row["encoding"] : row["error"];
            Assert.True(shown.Contains(detail, StringComparison.Ordinal), $"{row["doc_id"]}: '{shown}' does not say '{detail}'");
        }

        var utf8 = rows.Single(r => r["doc_id"] == "ok/utf8.txt");
        foreach (var same in new[] { "ok/utf8-bom.txt", "ok/utf16le.txt", "ok/utf16be.txt", "ok/cp1251.txt" })
            Assert.Equal(utf8["chars"], rows.Single(r => r["doc_id"] == same)["chars"]);
        Assert.Equal("2", rows.Single(r => r["doc_id"] == "ok/invalid-bytes.txt")["replaced"]);
        Assert.Equal(BadCorpus.Russian, File.ReadAllText(Path.Combine(outDir, "text/ok/cp1251.txt")));
        Assert.Equal("Шойгу\n", File.ReadAllText(Path.Combine(outDir, "text/ok/koi8r.txt")));
        Assert.DoesNotContain("x()", File.ReadAllText(Path.Combine(outDir, "text/ok/page.html.txt")));

        var big = rows.Single(r => r["doc_id"] == "big/200mb.txt");
        Assert.True(int.Parse(big["pieces"]) >= 100, $"200 MB in {big["pieces"]} pieces");
        Assert.Equal(new FileInfo(Path.Combine(corpus.Root, "big/200mb.txt")).Length.ToString(), big["bytes"]);
        var line = rows.Single(r => r["doc_id"] == "big/one-line.txt");
        Assert.True(int.Parse(line["pieces"]) >= 10);
        Assert.Equal(new FileInfo(Path.Combine(outDir, "text/big/one-line.txt")).Length, new FileInfo(Path.Combine(corpus.Root, "big/one-line.txt")).Length);

        Assert.Empty(Directory.GetFiles(outDir, "*.tmp", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(outDir, Journal.FileName)));
    }

    [Fact]
    public void A200MegabyteFile_IsProcessedWithBoundedMemory()
    {
        var probe = new MemoryProbe { Baseline = GC.GetTotalMemory(forceFullCollection: true) };
        var path = Path.Combine(corpus.Root, "big/200mb.txt");
        var runner = new BatchRunner(new DocumentPipeline([probe]), new SimpleCorpusLinker(), new BatchOptions { Jobs = 2 }, BatchTestSupport.Log);
        using var result = runner.Run([new InputFile(path, "200mb.txt")]);

        var row = Assert.Single(result.Documents);
        Assert.Equal(DocumentStatus.Ok, row.Status);
        Assert.Equal(probe.Chars, row.Chars);
        Assert.Equal(probe.Pieces, row.Pieces);
        Assert.True(probe.MaxPiece <= new LoadOptions().PieceChars);
        // Reading the file at once would hold 200 MB of bytes and a 400 MB string.
        Assert.True(probe.MaxHeapBytes - probe.Baseline < 300L << 20,
            $"live managed heap grew by {(probe.MaxHeapBytes - probe.Baseline) >> 20} MB (from {probe.Baseline >> 20} MB)");
    }

    private sealed class MemoryProbe : IStage
    {
        public long Baseline, MaxHeapBytes;
        public int Pieces, MaxPiece;
        public long Chars;

        public string Name => "memory-probe";
        public IReadOnlyList<string> Requires => [Layers.Text];
        public IReadOnlyList<string> Provides => [];

        // Both workers run this stage at once (the second helps with the long file's pieces): counts must be atomic, or a
        // lost increment fails the comparison with the documents table now and then.
        public void Process(Document document)
        {
            int pieces = Interlocked.Increment(ref Pieces);
            Interlocked.Add(ref Chars, document.Text.Length);
            lock (this)
            {
                MaxPiece = Math.Max(MaxPiece, document.Text.Length);
                // Live memory, not garbage awaiting collection: how much a run holds must not depend on when the GC ran.
                if (pieces % 4 == 1) MaxHeapBytes = Math.Max(MaxHeapBytes, GC.GetTotalMemory(forceFullCollection: true));
            }
        }
    }

    private static List<Dictionary<string, string>> Rfc4180Rows(string path)
    {
        var records = Output.Rfc4180.ParseRecords(File.ReadAllText(path));
        var header = records[0];
        return records.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
