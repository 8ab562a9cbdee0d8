using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.References;

/// <summary>
/// Turns a path as written into a repository path: rejects paths that leave the repository (SMV0003),
/// applies `docs_root` to doc references and resolves bare basenames when unique (SMV0108 when not).
/// </summary>
internal sealed class PathResolver
{
    private readonly ISourceTree _tree;
    private readonly string? _docsRoot;
    private readonly Lazy<ILookup<string, string>> _byBasename;
    private readonly Lazy<HashSet<string>> _folders;

    public PathResolver(ISourceTree tree, string? docsRoot)
        : this(tree, docsRoot, new Lazy<ILookup<string, string>>(() => tree.Paths.ToLookup(p => p[(p.LastIndexOf('/') + 1)..], StringComparer.Ordinal)))
    {
    }

    private PathResolver(ISourceTree tree, string? docsRoot, Lazy<ILookup<string, string>> byBasename)
    {
        _tree = tree;
        _docsRoot = DocsRootOf(docsRoot);
        _byBasename = byBasename;
        _folders = new Lazy<HashSet<string>>(() => FoldersOf(tree.Paths));
    }

    /// <summary>`docs_root: "."` (or "./docs") names the same folders without the `./`, which would show in every message.</summary>
    private static string? DocsRootOf(string? docsRoot)
    {
        var root = docsRoot?.Trim().Replace('\\', '/').Trim('/') ?? string.Empty;
        while (root.StartsWith("./", StringComparison.Ordinal))
        {
            root = root[2..].TrimStart('/');
        }
        return root is "" or "." ? null : root;
    }

    /// <summary>The same tree with another `docs_root`, sharing the basename index (built once per tree).</summary>
    public PathResolver WithDocsRoot(string? docsRoot) => new(_tree, docsRoot, _byBasename);

    /// <summary>The same `docs_root` on another tree (the baseline's), with its own basename index.</summary>
    public PathResolver For(ISourceTree tree) => new(tree, _docsRoot);

    /// <summary>The repository path, or a finding (and null) when the path cannot be used.</summary>
    /// <param name="baseline">The tree the mapping's lines belong to: a bare basename names the file it named there
    /// (unique there), which the caller then follows through history; only without a baseline, or when the baseline has
    /// no file of that name, is it looked up in this tree.</param>
    public (string? Path, Finding? Finding) Resolve(string written, ReferenceKind kind, PathResolver? baseline = null)
    {
        var path = written.Replace('\\', '/');
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return (null, new Finding(RuleIds.FileNotChecked, $"'{written}' is not checked, because it holds a NUL character, which no file name can"));
        }
        if (LeavesRepository(path))
        {
            return (null, new Finding(RuleIds.LeavesRepository, $"'{written}' leaves the repository; write the path relative to the repository root"));
        }
        path = Normalise(path);
        if (kind == ReferenceKind.Doc && _docsRoot is not null)
        {
            if (LeavesRepository(_docsRoot))
            {
                return (null, new Finding(RuleIds.LeavesRepository, $"docs_root '{_docsRoot}' leaves the repository, so '{written}' is not read through it; set docs_root to a folder inside the repository"));
            }
            if (_tree.Problem($"{_docsRoot}/{path}") is { } docsProblem)
            {
                return (null, FindingFor(written, docsProblem));
            }
            if (_tree.Exists($"{_docsRoot}/{path}"))
            {
                path = $"{_docsRoot}/{path}";
            }
        }
        // Every component is checked inside the tree read (a folder link to /etc too), before anything is opened.
        if (_tree.Problem(path) is { } problem)
        {
            return (null, FindingFor(written, problem));
        }
        if (_tree.Exists(path))
        {
            return (path, null);
        }
        if (!path.Contains('/', StringComparison.Ordinal))
        {
            var atBaseline = baseline?.Basename(path) ?? [];
            var matches = atBaseline.Count > 0 ? atBaseline : Basename(path);
            if (matches.Count == 1)
            {
                return (matches[0], null);
            }
            if (matches.Count > 1)
            {
                var shown = matches.Count > 5 ? string.Join(", ", matches.Take(5)) + ", …" : MessageText.List(matches);
                var when = atBaseline.Count > 0 ? $" in {baseline!._tree.Description}, the commit its lines belong to" : string.Empty;
                return (null, new Finding(RuleIds.Ambiguous, $"'{written}' matches {MessageText.Count(matches.Count, "file")}{when} ({shown}); write the path from the repository root",
                    [.. matches.Select(m => new CodeLocation(m, 1, 1))]));
            }
        }
        return (path, null);
    }

    /// <summary>The files of this tree with that basename (a root-level file included), in path order.</summary>
    private List<string> Basename(string name) =>
        [.. _byBasename.Value[name].Order(StringComparer.Ordinal)];

    private static Finding FindingFor(string written, PathProblem problem) =>
        problem.LeavesRepository
            ? new(RuleIds.LeavesRepository, $"'{written}' {problem.Reason}; point the reference at a file inside the repository")
            : new(RuleIds.FileNotChecked, $"'{written}' {problem.Reason}");

    /// <summary>Whether any file has this basename (for paths without a known extension).</summary>
    public bool NamesAFile(string written)
    {
        var path = Normalise(written.Replace('\\', '/'));
        return _tree.Problem(path) is not null || _tree.Exists(path) || (!path.Contains('/', StringComparison.Ordinal) && _byBasename.Value.Contains(path))
            || (_docsRoot is not null && _tree.Exists($"{_docsRoot}/{path}"));
    }

    /// <summary>Whether the path (as written, `docs_root` applied as for a doc) names a directory of the snapshot.</summary>
    public bool NamesADirectory(string written)
    {
        var path = Normalise(written.Replace('\\', '/'));
        if (path.Length == 0)
        {
            return false;
        }
        var folders = _folders.Value;
        return folders.Contains(path) || (_docsRoot is not null && folders.Contains($"{_docsRoot}/{path}"));
    }

    private static HashSet<string> FoldersOf(IEnumerable<string> paths)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            // Stop at the first folder already known: its parents are known too.
            var slash = path.LastIndexOf('/');
            while (slash > 0 && folders.Add(path[..slash]))
            {
                slash = path.LastIndexOf('/', slash - 1);
            }
        }
        return folders;
    }

    private static bool LeavesRepository(string path) =>
        path.StartsWith('/') || (path.Length > 2 && path[1] == ':' && char.IsLetter(path[0])) || path.StartsWith("~/", StringComparison.Ordinal)
        || (path.Contains("..", StringComparison.Ordinal)
            && path.Split('/').Aggregate(0, (depth, part) => depth < 0 ? depth : depth + part switch { ".." => -1, "." or "" => 0, _ => 1 }) < 0);

    private static string Normalise(string path)
    {
        if (IsNormal(path))
        {
            return path;
        }
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == ".." && parts.Count > 0)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    /// <summary>True when <see cref="Normalise"/> would give the path back as it is (the usual case): no empty, `.` or
    /// `..` segment.</summary>
    private static bool IsNormal(string path)
    {
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == '/')
            {
                var segment = path.AsSpan(start, i - start);
                if ((segment.Length == 0 && path.Length > 0) || segment is "." or "..")
                {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }
}
