using LibGit2Sharp;
using SpecMap.Tests.Support;

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

    /// <summary>The folder holding flask.bundle and cases.jsonl, or null when it is not here.</summary>
    public static string? BenchDirectory { get; } = BenchBundles.Has("flask.bundle") ? BenchBundles.Directory : null;

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
            TempFolder.Delete(_root);
        }
    }

    private Repository Clone()
    {
        _root = BenchBundles.CloneBare("flask.bundle");
        return new Repository(_root);
    }
}
