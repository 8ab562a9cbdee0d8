using System.Diagnostics;
using LibGit2Sharp;

namespace SpecMap.Tests.Outline.Python;

/// <summary>
/// A bare clone of the benchmark's flask bundle (branch `bench`), made once per test class with the git CLI
/// (LibGit2Sharp cannot read bundles) and read with LibGit2Sharp. Deleted on dispose.
/// </summary>
public sealed class FlaskBundle : IDisposable
{
    private readonly Lazy<Repository> _repository;
    private string? _root;

    public FlaskBundle() => _repository = new Lazy<Repository>(Clone);

    /// <summary>The folder holding flask.bundle and cases.jsonl: SPECMAP_BENCH_DIR, else `shared/bench/reloc` above the tests.</summary>
    public static string? BenchDirectory { get; } = FindBenchDirectory();

    internal Repository Repository => _repository.Value;

    /// <summary>The first-parent history of `bench`, newest first.</summary>
    internal IReadOnlyList<Commit> FirstParentHistory()
    {
        var history = new List<Commit>();
        for (var commit = Repository.Branches["bench"].Tip; commit is not null; commit = commit.Parents.FirstOrDefault())
        {
            history.Add(commit);
        }
        return history;
    }

    public void Dispose()
    {
        if (_repository.IsValueCreated)
        {
            _repository.Value.Dispose();
        }
        if (_root is not null)
        {
            try
            {
                foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
                {
                    File.SetAttributes(file, FileAttributes.Normal);
                }
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }
    }

    private Repository Clone()
    {
        _root = Path.Combine(Path.GetTempPath(), "specmap-tests", "flask-" + Guid.NewGuid().ToString("N")[..12]);
        var start = new ProcessStartInfo("git") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "clone", "--bare", "--quiet", Path.Combine(BenchDirectory!, "flask.bundle"), _root })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git clone of flask.bundle failed: {errors}");
        }
        return new Repository(_root);
    }

    private static string? FindBenchDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("SPECMAP_BENCH_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "flask.bundle")) ? configured : null;
        }
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "bench", "reloc");
            if (File.Exists(Path.Combine(candidate, "flask.bundle")))
            {
                return candidate;
            }
        }
        return null;
    }
}
