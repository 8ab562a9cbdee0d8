using LibGit2Sharp;
using SpecMap.Core.Sources;

namespace SpecMap.Tests.Support;

/// <summary>A real git repository in a temp folder, with real commits (LibGit2Sharp, no `git` process). Deleted on dispose.</summary>
internal sealed class TestRepository : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private int _commits;
    private GitRepository? _git;

    private TestRepository(string root)
    {
        Root = root;
        Repository = new Repository(Repository.Init(root));
    }

    public string Root { get; }

    public Repository Repository { get; }

    /// <summary>The same repository as the engine opens it (a second handle, opened on first use).</summary>
    internal GitRepository Git => _git ??= GitRepository.Open(Root);

    public static TestRepository Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "specmap-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        return new TestRepository(root);
    }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public TestRepository Write(string relative, string text)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public TestRepository Delete(string relative)
    {
        File.Delete(PathOf(relative));
        return this;
    }

    public TestRepository Move(string from, string to)
    {
        var target = PathOf(to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(PathOf(from), target);
        return this;
    }

    /// <summary>Stages one path (or every change when null) without committing.</summary>
    public TestRepository Stage(string? relative = null)
    {
        Commands.Stage(Repository, relative ?? "*");
        return this;
    }

    /// <summary>Stages everything and commits; returns the commit id. Times are fixed so ids are stable.</summary>
    public string Commit(string message = "change")
    {
        Commands.Stage(Repository, "*");
        var when = Epoch.AddMinutes(_commits++);
        var signature = new Signature("Spec Map", "specmap@example.invalid", when);
        return Repository.Commit(message, signature, signature, new CommitOptions { AllowEmptyCommit = true }).Sha;
    }

    public void Dispose()
    {
        _git?.Dispose();
        Repository.Dispose();
        TempFolder.Delete(Root);
    }
}
