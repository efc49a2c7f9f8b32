using Extraction.Documents;

namespace Extraction.Benchmarks;

/// <summary>Locates the repository (seeds/, models/) and builds benchmark corpora from the seeds.</summary>
public static class BenchData
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extraction.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Run the benchmarks from inside the repository.");
        }
    }

    public static string SeedsDir => Path.Combine(RepoRoot, "seeds");
    public static string ModelsDir => Path.Combine(RepoRoot, "models");

    /// <summary>The four seeds as documents (text only).</summary>
    public static IReadOnlyList<Document> Seeds() =>
        Directory.GetFiles(SeedsDir).Order(StringComparer.Ordinal)
            .Select(p => new Document(Path.GetFileName(p), File.ReadAllText(p))).ToList();

    /// <summary>
    /// Folder of distinct benchmark documents: <c>$EXTRACTION_BENCH_CORPUS</c>, else <c>/tmp/extraction-bench/base</c> as
    /// <c>scripts/make-bench-corpus.sh</c> makes it by default (seeds and dev corpora, Russian and English); null when absent.
    /// </summary>
    public static string? CorpusDir =>
        Environment.GetEnvironmentVariable("EXTRACTION_BENCH_CORPUS") is { Length: > 0 } dir ? dir
        : Directory.Exists("/tmp/extraction-bench/base") ? "/tmp/extraction-bench/base" : null;

    /// <summary>
    /// <paramref name="count"/> document texts: distinct ones from <see cref="CorpusDir"/> when it exists (repeated only if it
    /// has fewer), else the seeds repeated. Says on the console which it used.
    /// </summary>
    public static string[] Texts(int count)
    {
        var dir = CorpusDir;
        var texts = dir is null
            ? Seeds().Select(d => d.Text).ToArray()
            : Directory.GetFiles(dir, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(count).Select(File.ReadAllText).ToArray();
        Console.WriteLine($"// documents: {(dir is null ? "the seeds repeated (run scripts/make-bench-corpus.sh for distinct documents)" : $"{texts.Length} distinct from {dir}")}");
        return Enumerable.Range(0, count).Select(i => texts[i % texts.Length]).ToArray();
    }

    /// <summary>One long text made of the seeds repeated until it has at least <paramref name="chars"/> characters.</summary>
    public static string SeedText(int chars = 1 << 20)
    {
        var parts = Seeds().Select(d => d.Text).ToArray();
        var sb = new System.Text.StringBuilder(chars + 20000);
        for (int i = 0; sb.Length < chars; i++) sb.Append(parts[i % parts.Length]).Append("\n\n");
        return sb.ToString();
    }
}
