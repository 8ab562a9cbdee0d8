using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.References;

namespace SpecMap.Core.Mapping;

/// <summary>A mapping file as read: its text (kept for format-preserving fixes), JSON tree, references and shape findings.</summary>
/// <param name="DisplayPath">How output names the file (relative to the current directory or repository).</param>
/// <param name="FullPath">The file on disk, or null when read from git (staged mode).</param>
internal sealed record MappingDocument(
    string DisplayPath,
    string? FullPath,
    string Text,
    JsonValueNode Root,
    LineTable Lines,
    string? VerifiedAt,
    string? DocsRoot,
    ImmutableArray<MappingReference> References,
    ImmutableArray<Diagnostic> ShapeDiagnostics)
{
    public MappingLocation LocationOf(int offset)
    {
        var (line, column) = Lines.Position(offset);
        return new MappingLocation(DisplayPath, line, column);
    }

    /// <summary>Every object in the document with its pointer, in document order.</summary>
    public IEnumerable<(string Pointer, JsonObjectNode Node)> Objects() => JsonWalk.Objects(Root, string.Empty);

    /// <summary>The node at an RFC 6901 pointer, or null.</summary>
    public JsonValueNode? At(string pointer) => JsonWalk.At(Root, pointer);
}

/// <summary>Walks a <see cref="JsonValueNode"/> tree by pointers.</summary>
internal static class JsonWalk
{
    public static IEnumerable<(string Pointer, JsonObjectNode Node)> Objects(JsonValueNode node, string pointer)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                yield return (pointer, obj);
                foreach (var member in obj.Members)
                {
                    foreach (var inner in Objects(member.Value, JsonPointer.Append(pointer, member.Name)))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArrayNode array:
                for (var i = 0; i < array.Items.Length; i++)
                {
                    foreach (var inner in Objects(array.Items[i], JsonPointer.Append(pointer, i)))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }

    public static JsonValueNode? At(JsonValueNode root, string pointer)
    {
        var node = root;
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            node = node switch
            {
                JsonObjectNode obj => obj.Get(token),
                JsonArrayNode array when int.TryParse(token, out var i) && i >= 0 && i < array.Items.Length => array.Items[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }
}
