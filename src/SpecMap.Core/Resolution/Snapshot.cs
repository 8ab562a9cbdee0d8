using SpecMap.Core.Caching;
using SpecMap.Core.History;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Resolution;

/// <summary>
/// One source tree with the reads, outlines and line splits a mapping's references need, each done once while it is
/// likely to be needed again: texts, line splits and bodies are kept least-recently-used within fixed bounds (issue 15:
/// keeping every file read for both commits cost about 37 KB per reference), outlines for the run (they are small).
/// </summary>
internal sealed class Snapshot(ISourceTree tree, Outliners outliners)
{
    // About 16 MB of UTF-16 text: the files of the references at hand plus the candidates of a relocation search.
    private const long MaxTextChars = 8L * 1024 * 1024;
    private const long MaxBodyTokens = 1024 * 1024;

    private readonly BoundedCache<string, SourceFile?> _files = new(MaxTextChars, f => f?.Text.Length ?? 1, StringComparer.Ordinal);
    private readonly BoundedCache<string, string[]> _lines = new(MaxTextChars / 40, l => l.Length, StringComparer.Ordinal);
    private readonly BoundedCache<(string BlobId, int Start, int End), List<string>> _bodies = new(MaxBodyTokens, b => b.Count);
    // Where each line starts: what a body needs of a file's lines, at 4 bytes a line instead of a string per line.
    private readonly BoundedCache<string, int[]> _lineStarts = new(MaxTextChars / 40, s => s.Length, StringComparer.Ordinal);
    private readonly BodyTokens _tokens = new();

    public ISourceTree Tree => tree;

    public SourceFile? Read(string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            file = tree.Read(path);
            _files.Set(path, file);
        }
        return file;
    }

    /// <summary>The blob id of a path without reading it when the tree can tell; else by reading.</summary>
    public string? BlobId(string path) => tree is GitTreeSource git && !_files.ContainsKey(path) ? git.BlobId(path) : Read(path)?.BlobId;

    /// <summary>The file's size in bytes; for a commit's tree read from the object header, without the content.</summary>
    public long? Size(string path)
    {
        if (tree is GitTreeSource git && !_files.ContainsKey(path))
        {
            return git.BlobSize(path);
        }
        return Read(path)?.Text.Length;
    }

    public SourceOutline? Outline(SourceFile file) =>
        file.IsBinary ? null : outliners.Outline(file.Path, file.Text, file.BlobId);

    public SourceOutline? Outline(string path) => Read(path) is { } file ? Outline(file) : null;

    /// <summary>Why the file is not outlined (a parser budget), or null: the verdict its outline keeps (callers ask it
    /// of files they outline anyway).</summary>
    public string? WhyNotOutlined(SourceFile file) => Outline(file)?.NotOutlinedBecause;

    public string[] Lines(SourceFile file)
    {
        if (!_lines.TryGetValue(file.BlobId, out var lines))
        {
            lines = TextLines.Split(file.Text);
            _lines.Set(file.BlobId, lines);
        }
        return lines;
    }

    /// <summary>The symbol's tokens (<see cref="TextDiff.Tokens"/> of its lines), for <see cref="TextDiff.Similarity"/>.</summary>
    public List<string> Body(SourceFile file, OutlineSymbol symbol) => Body(file, symbol.Start, symbol.End);

    public List<string> Body(SourceFile file, int start, int end)
    {
        var key = (file.BlobId, start, end);
        if (!_bodies.TryGetValue(key, out var body))
        {
            var starts = LineStarts(file);
            var from = Math.Clamp(start - 1, 0, starts.Length);
            var to = Math.Clamp(end, from, starts.Length);
            body = _tokens.Of(file.Text, from < starts.Length ? starts[from] : file.Text.Length,
                to < starts.Length ? starts[to] : file.Text.Length);
            _bodies.Set(key, body);
        }
        return body;
    }

    private int[] LineStarts(SourceFile file)
    {
        if (!_lineStarts.TryGetValue(file.BlobId, out var starts))
        {
            starts = TextLines.Starts(file.Text);
            _lineStarts.Set(file.BlobId, starts);
        }
        return starts;
    }
}
