namespace Extraction.Tests.TestSupport;

/// <summary>
/// Finds <c>../shared/data</c> beside the repository. Quality tests read it; unit tests never do.
/// </summary>
public static class SharedData
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Extraction.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Tests must run from inside the repository.");
        }
    }

    /// <summary>The shared data folder, or null when it is not beside the repository.</summary>
    public static string? Root
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("EXTRACTION_SHARED_DATA");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
            var p = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));
            return Directory.Exists(p) ? p : null;
        }
    }

    public static string Path_(params string[] parts) =>
        System.IO.Path.Combine([Root ?? throw new InvalidOperationException("../shared/data is not available"), .. parts]);

    public static string ModelsDir => Path.Combine(RepoRoot, "models");
    public static string SeedsDir => Path.Combine(RepoRoot, "seeds");
}

/// <summary>
/// A quality test: it reads <c>../shared/data</c> and is skipped (with the reason shown) when that folder is absent,
/// so unit test runs never need it. In CI the folder is present and these tests run.
/// </summary>
public sealed class QualityFactAttribute : FactAttribute
{
    public QualityFactAttribute()
    {
        if (SharedData.Root is null) Skip = "../shared/data is not beside the repository; quality tests need it.";
    }
}
