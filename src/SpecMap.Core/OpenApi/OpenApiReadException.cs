namespace SpecMap.Core.OpenApi;

/// <summary>An OpenAPI document that cannot be read: the message is one line, `FILE(LINE,COL): reason` when the position is known.</summary>
internal sealed class OpenApiReadException(string document, long line, long column, string reason)
    : Exception(line > 0 ? $"{document}({line},{column}): {reason}" : $"{document}: {reason}")
{
    public string Document { get; } = document;

    /// <summary>1-based; 0 when unknown.</summary>
    public long Line { get; } = line;

    public long Column { get; } = column;
}
