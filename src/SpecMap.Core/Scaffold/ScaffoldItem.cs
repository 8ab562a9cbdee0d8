using System.Collections.Immutable;
using SpecMap.Core.SpecChecks;

namespace SpecMap.Core.Scaffold;

/// <summary>
/// How an item's code was found, written as the item's `confidence`: a word, not a number, because each names a kind
/// of evidence a reviewer can check in one look, and a number would claim a precision no name match has.
/// Strongest first.
/// </summary>
internal static class ScaffoldConfidence
{
    /// <summary>An endpoint's handler declares the method and path (`@app.post("/v1/responses")`, `[HttpPost]`, `MapPost`).</summary>
    public const string Route = "route";

    /// <summary>The model's `type` field has the event's name as its literal or default (what the wire carries).</summary>
    public const string TypeLiteral = "type-literal";

    /// <summary>Only a name agrees: the class is named like the spec schema, the field like the request parameter.</summary>
    public const string Name = "name";

    /// <summary>Nothing was found: the item is written with status `missing`.</summary>
    public const string None = "none";
}

/// <summary>A code reference as the scaffold writes it: `path:start-end#Symbol` (or the object form, in a mapping that uses it).</summary>
internal sealed record ScaffoldReference(string File, int Start, int End, string? Symbol)
{
    public string Lines => Start == End ? $"{Start}" : $"{Start}-{End}";

    public string Compact => $"{File}:{Lines}{(Symbol is null ? string.Empty : "#" + Symbol)}";
}

/// <summary>A spec-typed required field: the type is a compact string (`array&lt;object&gt;`, `string?`) or, for a union
/// of kinds, a JSON Schema `anyOf` of compact strings.</summary>
internal sealed record ScaffoldField(string Name, string? Type, ImmutableArray<string> AnyOf);

/// <summary>One item of the scaffold.</summary>
/// <param name="Label">The event name, the parameter name, or `METHOD /path` (with the servers' path prefix).</param>
/// <param name="Status">`implemented`, `partial` or `missing` (contract §1).</param>
/// <param name="Model">`path#Class`: the event's model, or the endpoint's request model.</param>
/// <param name="Schema">`#/components/schemas/KEY` of an event, when the union member is a component.</param>
/// <param name="Type">A request parameter's spec type.</param>
internal sealed record ScaffoldItem(
    SpecItemKind Kind,
    string Label,
    string Status,
    string Confidence,
    ScaffoldReference? Implementation,
    string? Model,
    string? Schema,
    ScaffoldField? Type,
    ImmutableArray<ScaffoldField> RequiredFields);

/// <summary>What `specmap init` writes: the spec named as validate reads it, and the items sorted within each section.</summary>
/// <param name="SpecLocation">The spec's path relative to the repository root (a local path when it lies outside).</param>
internal sealed record MappingScaffold(string SpecLocation, ImmutableArray<string> Paths, ImmutableArray<ScaffoldItem> Items)
{
    public IEnumerable<ScaffoldItem> Of(SpecItemKind kind) => Items.Where(i => i.Kind == kind);
}
