using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
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
    ImmutableArray<Diagnostic> ShapeDiagnostics,
    ImmutableArray<string> IgnoredKeys = default)
{
    /// <summary>The keys specmap gave no meaning to, sorted (the JSON report's `ignored_keys`).</summary>
    public ImmutableArray<string> Ignored => IgnoredKeys.IsDefault ? [] : IgnoredKeys;

    public MappingLocation LocationOf(int offset)
    {
        var (line, column) = Lines.Position(offset);
        return new MappingLocation(DisplayPath, line, column);
    }

    // Six checks walk the objects of a run's mapping: listed once per tree (not a field: a record's fields are its equality).
    private static readonly ConditionalWeakTable<JsonValueNode, IReadOnlyList<(string Pointer, JsonObjectNode Node)>> ObjectLists = new();

    /// <summary>Every object in the document with its pointer, in document order.</summary>
    public IReadOnlyList<(string Pointer, JsonObjectNode Node)> Objects() =>
        ObjectLists.GetValue(Root, root => JsonWalk.Objects(root, string.Empty));

    /// <summary>The node at an RFC 6901 pointer, or null.</summary>
    public JsonValueNode? At(string pointer) => JsonWalk.At(Root, pointer);
}
