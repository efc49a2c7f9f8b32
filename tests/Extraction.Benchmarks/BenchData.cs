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

    /// <summary>One long text made of the seeds repeated until it has at least <paramref name="chars"/> characters.</summary>
    public static string SeedText(int chars = 1 << 20)
    {
        var parts = Seeds().Select(d => d.Text).ToArray();
        var sb = new System.Text.StringBuilder(chars + 20000);
        for (int i = 0; sb.Length < chars; i++) sb.Append(parts[i % parts.Length]).Append("\n\n");
        return sb.ToString();
    }
}
