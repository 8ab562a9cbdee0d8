using SpecMap.Core.History;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Resolution;

/// <summary>One source tree with the reads, outlines and line splits a mapping's references need, each done once.</summary>
internal sealed class Snapshot(ISourceTree tree, Outliners outliners)
{
    private readonly Dictionary<string, SourceFile?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);
    private readonly Dictionary<(string BlobId, int Start, int End), List<string>> _bodies = [];

    public ISourceTree Tree => tree;

    public SourceFile? Read(string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            file = tree.Read(path);
            _files[path] = file;
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

    public string[] Lines(SourceFile file)
    {
        if (!_lines.TryGetValue(file.BlobId, out var lines))
        {
            lines = TextLines.Split(file.Text);
            _lines[file.BlobId] = lines;
        }
        return lines;
    }

    /// <summary>The symbol's tokens, for <see cref="TextDiff.Similarity"/>.</summary>
    public List<string> Body(SourceFile file, OutlineSymbol symbol) => Body(file, symbol.Start, symbol.End);

    public List<string> Body(SourceFile file, int start, int end)
    {
        var key = (file.BlobId, start, end);
        if (!_bodies.TryGetValue(key, out var body))
        {
            var lines = Lines(file);
            var from = Math.Clamp(start - 1, 0, lines.Length);
            var to = Math.Clamp(end, from, lines.Length);
            body = TextDiff.Tokens(lines[from..to]);
            _bodies[key] = body;
        }
        return body;
    }
}
