using LibGit2Sharp;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Sources;

/// <summary>One object read gives the bytes LibGit2Sharp's content stream gives, for loose and packed blobs alike.</summary>
public sealed class BlobReaderTests
{
    [Fact]
    public void A_blob_reads_as_LibGit2Sharp_reads_it_also_after_new_commits_and_over_the_size_limit()
    {
        using var repo = TestRepository.Create();
        repo.Write("a.cs", "class A { }\n").Write("empty.txt", string.Empty).Write("bytes.bin", "\0\u00ff\r\n").Stage();
        repo.Commit("first");
        AssertSameBytes(repo.Repository);
        // Objects written after the object database was opened are found too (libgit2 refreshes on a miss).
        repo.Write("a.cs", string.Concat(Enumerable.Repeat("class A { int M() => 1; }\n", 2_000))).Write("b.py", "def f():\n    return 1\n").Stage();
        repo.Commit("second");
        AssertSameBytes(repo.Repository);
        var big = repo.Repository.Head.Tip["a.cs"].Target.Id;
        Assert.Empty(BlobReader.ReadAll(repo.Repository, big, maxBytes: 100)!);
        Assert.Null(BlobReader.ReadAll(repo.Repository, new ObjectId("0123456789012345678901234567890123456789"), maxBytes: 100));
    }

    private static void AssertSameBytes(Repository repository)
    {
        foreach (var entry in repository.Head.Tip.Tree)
        {
            var blob = (Blob)entry.Target;
            using var stream = blob.GetContentStream();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Assert.Equal(copy.ToArray(), BlobReader.ReadAll(repository, blob.Id, long.MaxValue));
        }
    }
}
