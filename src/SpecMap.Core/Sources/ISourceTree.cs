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

    /// <summary>True when the path is a symbolic link whose target leaves the repository.</summary>
    bool IsLinkOutside(string path);
}
