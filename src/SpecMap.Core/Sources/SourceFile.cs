namespace SpecMap.Core.Sources;

/// <summary>A file's content as one source tree holds it.</summary>
/// <param name="BlobId">The git blob id of the bytes: the cache key for parses.</param>
internal sealed record SourceFile(string Path, string Text, string BlobId, bool IsBinary)
{
    private int _lineCount = -1;

    /// <summary>Number of lines; a final newline does not start another line.</summary>
    public int LineCount => _lineCount >= 0 ? _lineCount : _lineCount = TextLines.Count(Text);
}
