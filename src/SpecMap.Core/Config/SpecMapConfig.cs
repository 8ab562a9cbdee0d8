using System.Collections.Immutable;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Config;

/// <summary>`.specmap.json` (contract §6). Defaults apply when the file is absent. docs/configuration.md documents every key.</summary>
/// <param name="Mappings">Globs (repository-relative) of mapping files to validate when none is named.</param>
/// <param name="Severities">Severity per diagnostic ID; <see cref="Severity.None"/> turns a rule off.</param>
/// <param name="RenameConfidenceThreshold">SMV0106/SMV0109 fixes are applied only at or above this confidence.</param>
/// <param name="SpecHeadingLevel">Heading level of a spec section in DOC_*.md for SMV0204.</param>
/// <param name="DocsRoot">Default `docs_root` when the mapping sets none.</param>
/// <param name="SpecOpenApi">The OpenAPI document mappings are checked against when they name none (issue 12).</param>
/// <param name="SpecPaths">The path prefixes of the spec the team tracks; empty = the whole document.</param>
/// <param name="DocGlob">Which files under `docs_root` are spec documents (SMV0204); a glob without '/' matches file names.</param>
internal sealed record SpecMapConfig(
    ImmutableArray<string> Mappings,
    ImmutableDictionary<string, Severity> Severities,
    double RenameConfidenceThreshold = 0.8,
    int SpecHeadingLevel = 2,
    string? DocsRoot = null,
    string DocGlob = SpecMapConfig.DefaultDocGlob,
    string? SpecOpenApi = null,
    ImmutableArray<string> SpecPaths = default)
{
    public const string DefaultDocGlob = "DOC_*.md";

    public static ImmutableArray<string> DefaultMappingGlobs { get; } = ["**/SPEC_TO_CODE_MAPPING.json", "**/*.specmap.json"];

    public static SpecMapConfig Default { get; } = new(DefaultMappingGlobs, ImmutableDictionary<string, Severity>.Empty);
}
