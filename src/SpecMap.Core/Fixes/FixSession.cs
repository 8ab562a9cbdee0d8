using System.Diagnostics;
using System.Text;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Fixes;

/// <summary>What happened to one mapping file under `--fix`.</summary>
internal enum FixWriteOutcome
{
    /// <summary>No applicable fix.</summary>
    Unchanged,

    /// <summary>The work-tree file was rewritten.</summary>
    Written,

    /// <summary>Staged mode: the work-tree file was rewritten and staged again.</summary>
    WrittenAndStaged,

    /// <summary>Staged mode: the file has unstaged changes, so the fix was not applied (the diff is shown instead).</summary>
    Refused,

    /// <summary>The write failed; the original is unchanged.</summary>
    Failed,
}

/// <summary>The result of writing one mapping's fixes.</summary>
internal sealed record FixWriteResult(FileFix Fix, FixWriteOutcome Outcome, string? Message);

/// <summary>
/// Plans, renders and writes the fixes of a validation run. Staged mode (the pre-commit case) fixes a mapping only
/// when its work-tree file equals the staged blob, then stages it again; otherwise it refuses, since writing would
/// mix the user's unstaged edits into the commit or lose them.
/// </summary>
internal sealed class FixSession
{
    private readonly bool _staged;

    /// <param name="repository">What the validation run read of the repository it checked (<see cref="ValidationReport.Repository"/>).</param>
    public FixSession(RepositoryFacts repository)
    {
        _staged = repository.Staged;
        Root = repository.WorkTreeRoot;
        Head = repository.HeadCommitId;
    }

    /// <summary>The work tree's root, or null outside a repository.</summary>
    public string? Root { get; }

    /// <summary>The commit HEAD points at, or null (no repository, or no commit yet).</summary>
    public string? Head { get; }

    /// <summary>The fixes of every mapping, `verified_at` set to the commit verified against (`--against REV`, else HEAD);
    /// in staged mode the lines belong to the commit being made, so `verified_at` is removed instead (see <see cref="MappingFixer.Plan"/>).</summary>
    public IReadOnlyList<FileFix> Plan(ValidationReport report) =>
        [.. report.Mappings.Select(m => MappingFixer.Plan(m, m.Against ?? Head, forNextCommit: _staged && m.Against is null))];

    /// <summary>The path a diff names: relative to the repository root, else the display path.</summary>
    public string DiffPath(FileFix fix)
    {
        var full = fix.Report.Document.FullPath;
        if (Root is not null && full is not null)
        {
            var relative = Path.GetRelativePath(Root, full);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative.Replace(Path.DirectorySeparatorChar, '/');
            }
        }
        return fix.Report.Document.DisplayPath;
    }

    /// <summary>The fixes as one patch (files in display order).</summary>
    public string Diff(IEnumerable<FileFix> fixes) =>
        string.Concat(fixes.Where(f => f.Changed).Select(f => UnifiedDiff.Render(DiffPath(f), f.OldText, f.Edits)));

    /// <summary>Writes one mapping's fixes (atomically), honouring staged mode.</summary>
    public FixWriteResult Write(FileFix fix)
    {
        var full = fix.Report.Document.FullPath;
        if (!fix.Changed)
        {
            return new FixWriteResult(fix, FixWriteOutcome.Unchanged, null);
        }
        if (full is null)
        {
            return new FixWriteResult(fix, FixWriteOutcome.Failed, "the mapping has no file on disk to write");
        }
        try
        {
            if (_staged)
            {
                var onDisk = File.Exists(full) ? File.ReadAllBytes(full) : [];
                if (!onDisk.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(fix.OldText)))
                {
                    return new FixWriteResult(fix, FixWriteOutcome.Refused,
                        "has unstaged changes: not fixed in staged mode; apply the diff with `git apply --cached` or stage the file and run again");
                }
                AtomicFile.Write(full, fix.NewText, expectedContent: fix.OldText);
                var staged = Stage(full);
                return staged is null
                    ? new FixWriteResult(fix, FixWriteOutcome.WrittenAndStaged, null)
                    : new FixWriteResult(fix, FixWriteOutcome.Failed, $"was fixed in the work tree but could not be staged: {staged}");
            }
            AtomicFile.Write(full, fix.NewText, expectedContent: fix.OldText);
            return new FixWriteResult(fix, FixWriteOutcome.Written, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FixWriteResult(fix, FixWriteOutcome.Failed, $"cannot be written: {e.Message}");
        }
    }

    /// <summary>
    /// Stages the file with the git program rather than in-process: inside a pre-commit hook git holds the index
    /// lock and points GIT_INDEX_FILE at the index being committed, which only git itself honours. Returns an error or null.
    /// </summary>
    private string? Stage(string fullPath)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = Root ?? Path.GetDirectoryName(fullPath)!,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "add", "--", fullPath })
        {
            start.ArgumentList.Add(arg);
        }
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : error.Result.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"git could not be started: {e.Message}";
        }
    }
}
