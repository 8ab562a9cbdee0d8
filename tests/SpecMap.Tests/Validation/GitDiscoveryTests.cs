using LibGit2Sharp;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Validation;

/// <summary>Our repository discovery (LibGit2Sharp's fails under NativeAOT) finds the git folder LibGit2Sharp finds:
/// from the root, a subfolder, inside `.git`, in a bare repository and in a linked worktree (a `gitdir:` file).</summary>
public sealed class GitDiscoveryTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();
    private readonly string _elsewhere = Path.Combine(Path.GetTempPath(), "specmap-tests", Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        _repo.Dispose();
        TempFolder.Delete(_elsewhere);
    }

    [Fact]
    public void Finds_what_LibGit2Sharp_finds_in_work_trees_bare_repositories_and_worktrees()
    {
        _repo.Write("src/deep/a.py", "x = 1\n").Commit("initial");
        var bare = Path.Combine(_elsewhere, "bare.git");
        Repository.Clone(_repo.Root, bare, new CloneOptions { IsBare = true });
        var worktree = Path.Combine(_elsewhere, "linked");
        Assert.Equal(0, GitProcess.Run(_repo.Root, null, "worktree", "add", "-q", worktree).ExitCode);
        Directory.CreateDirectory(Path.Combine(worktree, "sub"));

        string[] starts =
        [
            _repo.Root, _repo.PathOf("src/deep"), _repo.PathOf(".git"), _repo.PathOf(".git/objects"),
            bare, Path.Combine(bare, "refs", "heads"), worktree, Path.Combine(worktree, "sub"),
        ];
        foreach (var start in starts)
        {
            var expected = Repository.Discover(start);
            Assert.NotNull(expected);
            Assert.Equal((start, Path.GetFullPath(expected)), (start, GitDiscovery.Find(start)));
        }
        Directory.CreateDirectory(Path.Combine(_elsewhere, "plain"));
        Assert.Equal(Repository.Discover(Path.Combine(_elsewhere, "plain")), GitDiscovery.Find(Path.Combine(_elsewhere, "plain")));
    }
}
