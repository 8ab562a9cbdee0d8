using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Output;

/// <summary>
/// A few numbered lines of a file, the ones a finding is about marked.
/// </summary>
/// <param name="Caption">What the lines are: `now at api_server.py:14-24 · the work tree`.</param>
/// <param name="FirstLine">The number of the first line shown, 1-based.</param>
/// <param name="MarkFrom">The first marked line (inclusive); <paramref name="MarkTo"/> the last.</param>
/// <param name="Omitted">Marked lines left out after the first <see cref="HtmlCodeExcerpts.MaxMarkedLines"/>.</param>
internal sealed record HtmlListing(string Caption, int FirstLine, ImmutableArray<string> Lines, int MarkFrom, int MarkTo, int Omitted = 0)
{
    /// <summary>The lines <paramref name="from"/>..<paramref name="to"/> of <paramref name="text"/> with a little context; null when none exists.</summary>
    public static HtmlListing? Of(string caption, string text, int from, int to)
    {
        var all = TextLines.Split(text);
        if (from < 1 || from > all.Length)
        {
            return null;
        }
        to = Math.Clamp(to, from, all.Length);
        var shownTo = Math.Min(to, from + HtmlCodeExcerpts.MaxMarkedLines - 1);
        var first = Math.Max(1, from - HtmlCodeExcerpts.Context);
        var last = shownTo < to ? shownTo : Math.Min(all.Length, to + HtmlCodeExcerpts.Context);
        return new HtmlListing(caption, first, [.. all[(first - 1)..last]], from, shownTo, to - shownTo);
    }
}

/// <summary>
/// Reads the code a finding points to for `--format html`: the lines a reference resolved to in the snapshot the run
/// checked (work tree, index or `--against` commit), or, for a reference found nowhere, the lines as written at the
/// mapping's baseline commit (`verified_at`), where they were true. The report holds positions only, so the page reads
/// the repository the run named (<see cref="ValidationReport.Repository"/>); without one (a report built in memory, a
/// bare repository) no code is shown and the page says so.
/// </summary>
internal sealed class HtmlCodeExcerpts : IDisposable
{
    public const int Context = 2;
    public const int MaxMarkedLines = 14;

    private readonly GitRepository? _git;
    private readonly Dictionary<string, ISourceTree?> _trees = new(StringComparer.Ordinal);

    private HtmlCodeExcerpts(GitRepository? git) => _git = git;

    public static HtmlCodeExcerpts Open(RepositoryFacts repository)
    {
        if (repository.WorkTreeRoot is not { } root || GitRepository.Discover(root) is not { } gitFolder)
        {
            return new HtmlCodeExcerpts(null);
        }
        try
        {
            return new HtmlCodeExcerpts(GitRepository.Open(gitFolder));
        }
        catch (GitException)
        {
            return new HtmlCodeExcerpts(null);
        }
    }

    public bool Available => _git is not null;

    /// <summary>The code of one finding, or null when it points at none (or the file cannot be read).</summary>
    public HtmlListing? For(MappingReport? mapping, Diagnostic diagnostic, bool staged)
    {
        if (_git is null)
        {
            return null;
        }
        var checkedTree = Tree(mapping?.Against, staged);
        if (diagnostic.Reference is { } result)
        {
            if (result.Target is { } target)
            {
                var how = result.Status == ReferenceStatus.Relocated ? "now at" : "at";
                return Read(checkedTree, target.File, target.Start, target.End, $"{how} {Span(target.File, target.Start, target.End)}");
            }
            var reference = result.Reference;
            if (reference.Start is not { } start)
            {
                return null;
            }
            var end = reference.End ?? start;
            var path = result.ResolvedPath ?? reference.Path;
            if (mapping?.VerifiedAt is { } baseline && Tree(baseline, staged: false) is { } old
                && Read(old, path, start, end, $"was at {Span(path, start, end)}") is { } was)
            {
                return was;
            }
            return Read(checkedTree, path, start, end, $"written as {Span(path, start, end)}");
        }
        return diagnostic.RelatedLocations.FirstOrDefault() is { } related
            ? Read(checkedTree, related.File, related.Start, related.End, $"related: {Span(related.File, related.Start, related.End)}")
            : null;
    }

    private static HtmlListing? Read(ISourceTree? tree, string path, int start, int end, string caption)
    {
        if (tree is null || tree.Problem(path) is not null || tree.Read(path) is not { IsBinary: false } file)
        {
            return null;
        }
        return HtmlListing.Of($"{caption} · {tree.Description}", file.Text, start, end);
    }

    /// <summary>A commit's tree, or (no commit) the index or the work tree; each opened once.</summary>
    private ISourceTree? Tree(string? commit, bool staged)
    {
        // Keys no commit id can be: the snapshots without one.
        var key = commit ?? (staged ? ":index" : ":worktree");
        if (!_trees.TryGetValue(key, out var tree))
        {
            tree = commit is not null ? _git!.Commit(commit) : staged ? _git!.Index() : _git!.WorkTree();
            _trees[key] = tree;
        }
        return tree;
    }

    private static string Span(string path, int start, int end) =>
        start == end ? $"{path}:{start}" : $"{path}:{start}-{end}";

    public void Dispose() => _git?.Dispose();
}
