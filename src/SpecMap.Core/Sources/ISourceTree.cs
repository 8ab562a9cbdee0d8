namespace SpecMap.Core.Sources;

/// <summary>
/// A snapshot of a repository's files: the work tree, the index (staged), or a commit's tree.
/// Paths are repository-relative with '/'.
/// </summary>
internal interface ISourceTree
{
    /// <summary>How messages name this snapshot: "the work tree", "the index", "commit 1a2b3c4".</summary>
    string Description { get; }

    /// <summary>The commit id when this is a commit's tree; else null.</summary>
    string? CommitId { get; }

    /// <summary>Every file path in the snapshot, sorted ordinally.</summary>
    IReadOnlyList<string> Paths { get; }

    bool Exists(string path);

    /// <summary>The file, or null when the path is not a file in this snapshot.</summary>
    SourceFile? Read(string path);

    /// <summary>Why the path is not read (it leaves the repository through a link, or it cannot be checked), or null.
    /// A path that does not exist has no problem: callers report it missing.</summary>
    PathProblem? Problem(string path);
}
