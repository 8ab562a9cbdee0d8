using System.Collections.Immutable;

namespace SpecMap.Core.References;

/// <summary>
/// The keys a mapping file gives meaning to (contract §1, §4, §5, §6), in one place for every stage that reads or
/// writes them: extraction, fixes, pins, suppressions, contracts, consistency, scores and the spec monitor.
/// Where several spellings are accepted, the lists are in order of precedence. It sits with extraction, the first
/// stage that reads the mapping, so every later stage can use it without References depending on Mapping.
/// </summary>
internal static class MappingKeys
{
    // The top level.
    public const string Schema = "$schema";
    public const string Version = "version";
    public const string VerifiedAt = "verified_at";
    public const string DocsRoot = "docs_root";
    public const string OverallScore = "overall_compliance_score";

    // A reference in object form: `{ "file": ..., "lines": ..., "symbol": ... }`.
    public const string File = "file";
    public const string Path = "path";
    public const string Symbol = "symbol";
    public static readonly ImmutableArray<string> PathKeys = [File, Path];

    /// <summary>`symbol` and its aliases; beside a compact reference they name its symbol.</summary>
    public static readonly ImmutableArray<string> SymbolKeys = [Symbol, "function", "class", "method", "handler"];

    /// <summary>One key holding all the lines: `12`, `"12-40"`, `[12, 40]`, `[12, 30, 44]`.</summary>
    public static readonly ImmutableArray<string> LineKeys = ["line", "lines", "line_range"];

    public static readonly ImmutableArray<string> StartLineKeys = ["start_line", "line_start", "start"];
    public static readonly ImmutableArray<string> EndLineKeys = ["end_line", "line_end", "end"];

    /// <summary>Keys teams hold references under (any key's value is read; these are the ones a typo is measured against).</summary>
    public static readonly ImmutableArray<string> ReferenceKeys =
        ["implementation", "documentation", "code_location", "spec_ref", "spec_reference", "request_model", "response_model"];

    /// <summary>A member whose name contains this word (`model`, `response_model`) holds model references.</summary>
    public const string ModelWord = "model";

    // An item.
    public const string Status = "status";

    /// <summary>`implemented: true|false`, read as the status `implemented` / `missing` when an item has no `status`.</summary>
    public const string Implemented = "implemented";
    public const string Suppress = "suppress";
    public const string RequiredFields = "required_fields";
    public const string SpecHash = "spec_hash";
    public const string Score = "compliance_score";

    /// <summary>The short spelling of <see cref="Score"/>.</summary>
    public const string ShortScore = "score";

    /// <summary>`SECTION_compliance_score` at the top level scores the section `SECTION`.</summary>
    public const string SectionScoreSuffix = "_" + Score;

    /// <summary>What labels an item of an array section, in order of precedence.</summary>
    public static readonly ImmutableArray<string> LabelKeys = ["name", "id"];

    /// <summary>Keys whose values are never references: metadata, hashes and links (compared ignoring case).</summary>
    public static readonly ImmutableArray<string> NotReferences = [Schema, VerifiedAt, Version, DocsRoot, SpecHash, "url", "href", "link", Spec, ItemSchema];

    /// <summary>`"spec": { "openapi": "specs/openapi.yaml", "paths": ["/responses"] }` at the top level: the OpenAPI document
    /// the mapping is checked against (issue 12); never a reference.</summary>
    public const string Spec = "spec";

    /// <summary>An item's spec schema: `"schema": "#/components/schemas/ResponseTextDeltaEvent"`.</summary>
    public const string ItemSchema = "schema";
}
