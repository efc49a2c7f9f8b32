namespace Extraction.Reading;

/// <summary>One input file: where it is and its document id (path relative to its input root, '/' separators).</summary>
public sealed record InputFile(string Path, string DocId, string? Problem = null);

/// <summary>
/// Walks the inputs (files or folders, recursively) in a stable order and yields every file with a supported
/// extension, plus the entries it cannot open (broken links, loops, unreadable folders) with the reason, so the
/// batch can account for them. Files with other extensions are passed to <c>skipped</c>, so a run can say what it left out.
/// </summary>
public static class CorpusReader
{
    public static readonly string[] DefaultExtensions = [".txt", ".html", ".htm"];

    public static IEnumerable<InputFile> Enumerate(IEnumerable<string> inputs, IReadOnlyCollection<string>? extensions = null, Action<string>? skipped = null)
    {
        extensions ??= DefaultExtensions;
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                var full = Path.GetFullPath(input);
                yield return new InputFile(full, Path.GetFileName(full));
            }
            else if (Directory.Exists(input))
            {
                var root = Path.GetFullPath(input);
                foreach (var f in Walk(root, root, extensions, new HashSet<string>(StringComparer.Ordinal), skipped)) yield return f;
            }
            else if (IsLink(input))
            {
                yield return new InputFile(Path.GetFullPath(input), Path.GetFileName(input), LinkProblem(input) ?? "file cannot be accessed");
            }
            else
            {
                throw new FileNotFoundException($"Input '{input}' does not exist: pass existing files or folders.", input);
            }
        }
    }

    private static bool IsLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (IOException) { return false; }
    }

    private static IEnumerable<InputFile> Walk(string root, string dir, IReadOnlyCollection<string> extensions, HashSet<string> seen, Action<string>? skipped)
    {
        string real;
        try { real = ResolveReal(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            real = dir;
            _ = e;
        }
        if (!seen.Add(real))
        {
            yield return new InputFile(dir, Relative(root, dir), "folder already visited: a symbolic link loop (or a second link to the same folder)");
            yield break;
        }

        string[] entries;
        string? problem = null;
        try { entries = Directory.GetFileSystemEntries(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            entries = [];
            problem = $"folder cannot be read: {e.Message}";
        }
        if (problem is not null)
        {
            yield return new InputFile(dir, Relative(root, dir), problem);
            yield break;
        }
        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (Directory.Exists(entry))
            {
                foreach (var f in Walk(root, entry, extensions, seen, skipped)) yield return f;
                continue;
            }
            if (!HasExtension(entry, extensions))
            {
                skipped?.Invoke(entry);
                continue;
            }
            // File.Exists is true for a link whose target is missing, so links are checked first.
            var why = IsLink(entry) ? LinkProblem(entry) : File.Exists(entry) ? null : "file cannot be accessed";
            yield return new InputFile(entry, Relative(root, entry), why);
        }
    }

    /// <summary>Why a symbolic link leads nowhere (a loop, or a missing target), or null when it leads to a file.</summary>
    private static string? LinkProblem(string path)
    {
        try
        {
            var target = new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true);
            return target is { Exists: true } ? null : "broken symbolic link: its target does not exist";
        }
        catch (IOException)
        {
            return "symbolic link loop: the link leads back to itself";
        }
    }

    private static string ResolveReal(string dir)
    {
        var info = new DirectoryInfo(dir);
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? info.FullName;
    }

    private static bool HasExtension(string path, IReadOnlyCollection<string> extensions)
    {
        var ext = Path.GetExtension(path);
        foreach (var e in extensions) if (ext.Equals(e, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
