using System.Collections.Immutable;
using SpecMap.Core.Caching;
using SpecMap.Core.Config;
using SpecMap.Core.Contracts;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Fixes;
using SpecMap.Core.History;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Resolution;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Core.Spec;
using SpecMap.Core.SpecChecks;

namespace SpecMap.Core.Validation;

/// <summary>
/// The engine of `specmap validate`: opens the repository, picks the snapshot to check, reads each mapping,
/// resolves every reference and runs the item checks. No console I/O; the CLI renders the report.
/// </summary>
internal sealed class Validator
{
    private readonly Outliners _outliners;

    public Validator(Outliners? outliners = null) => _outliners = outliners ?? Outliners.Shared;

    /// <summary>Told after each reference is resolved (history walks can take minutes on a large mapping).</summary>
    public IProgress<ValidationProgress>? Progress { get; init; }

    /// <exception cref="ValidationSetupException">The repository, revision or configuration cannot be used.</exception>
    /// <exception cref="MappingReadException">A mapping cannot be read.</exception>
    public ValidationReport Validate(ValidationRequest request)
    {
        using var session = RepositorySession.Open(request.WorkingDirectory, request.Repo, request.Against, request.Staged, request.IndexFile);
        // Outlines persist in the repository's git folder across runs (issue 15): an unchanged file is parsed once, ever.
        using var outliners = _outliners.WithStore(session.Git is { } git ? OutlineStore.Open(git.Handle.Info.Path) : null);
        var (config, configDiagnostics) = ConfigLoader.Load(
            request.ConfigPath is null ? null : Path.GetFullPath(request.ConfigPath, request.WorkingDirectory), session.Root);
        var mappingFiles = request.MappingPaths.IsDefaultOrEmpty
            ? [.. (session.MappingsInCommit(config.Mappings.IsDefaultOrEmpty ? SpecMapConfig.DefaultMappingGlobs : config.Mappings)
                    ?? MappingDiscovery.Find(session.Root, config.Mappings.IsDefaultOrEmpty ? SpecMapConfig.DefaultMappingGlobs : config.Mappings))
                .Select(p => Path.Combine(session.Root, p))]
            : request.MappingPaths.Select(p => Path.GetFullPath(p, request.WorkingDirectory)).ToList();
        var reports = ImmutableArray.CreateBuilder<MappingReport>();
        foreach (var file in mappingFiles)
        {
            reports.Add(ValidateMapping(session, outliners, config, file, DisplayPath(request.WorkingDirectory, file)));
        }
        var ordered = reports.OrderBy(r => r.Path, StringComparer.Ordinal).ToImmutableArray();
        return new ValidationReport(ordered, Adjust([.. configDiagnostics, .. NoMappingFound.Check(mappingFiles.Count, config, request.WorkingDirectory, session.Root)], config, null))
        {
            Repository = session.Facts,
        };
    }

    private MappingReport ValidateMapping(RepositorySession session, Outliners outliners, SpecMapConfig config, string fullPath, string displayPath)
    {
        var mappingRepoPath = session.RepositoryPathOf(fullPath);
        var paths = new PathResolver(session.Target, null);
        var staged = session.Staged && mappingRepoPath is not null ? session.Git!.StagedBytes(mappingRepoPath) : null;
        // A mapping found in a bare repository's commit has no file on disk (so --fix cannot write into the git folder).
        var committed = staged is null ? session.CommittedMappingBytes(fullPath) : null;
        var document = staged is not null
            ? MappingLoader.Parse(staged, displayPath, fullPath, paths.NamesAFile, paths.NamesADirectory)
            : committed is not null ? MappingLoader.Parse(committed, displayPath, null, paths.NamesAFile, paths.NamesADirectory)
            : MappingLoader.Load(fullPath, displayPath, paths.NamesAFile, paths.NamesADirectory);
        paths = paths.WithDocsRoot(document.DocsRoot ?? config.DocsRoot);

        var diagnostics = new List<Diagnostic>(document.ShapeDiagnostics);
        diagnostics.AddRange(SuppressionLists.Check(document));
        var (baseline, verifiedAt, baselineFinding) = Baseline.Find(session.Git, document.VerifiedAt, mappingRepoPath,
            session.Staged ? session.Target as GitIndexSource : null);
        if (baselineFinding is not null)
        {
            var node = document.Root is JsonObjectNode root ? root.Get("verified_at") ?? root : document.Root;
            diagnostics.Add(ToDiagnostic(document, baselineFinding, document.LocationOf(node.Start), "/verified_at", null));
        }

        var resolver = new ReferenceResolver(new ResolutionContext(session.Target, baseline, session.Git, paths, outliners, config.RenameConfidenceThreshold));
        var results = new List<ReferenceResult>();
        foreach (var written in document.References)
        {
            // The enclosing keys may name the symbol (issue 11): track by it, or say the lines hold something else (SMV0110).
            var (path, pathFinding) = paths.Resolve(written.Path, written.Kind);
            var (reference, mismatch) = path is null || pathFinding is not null
                ? (written, null)
                : ContextSymbols.Apply(written, path, baseline ?? session.Target, _outliners);
            if (mismatch is not null)
            {
                diagnostics.Add(mismatch);
            }
            var result = resolver.Resolve(reference);
            results.Add(result);
            Progress?.Report(new ValidationProgress(displayPath, results.Count, document.References.Length));
            foreach (var finding in result.Outcome.Findings)
            {
                var relocation = FixBuilder.ForReference(document, result, finding, config.RenameConfidenceThreshold, paths);
                var fix = relocation ?? SymbolPin.For(result);
                diagnostics.Add(ToDiagnostic(document, WithWhatToDo(finding, result, relocation), reference.Location, reference.Pointer, fix) with { Reference = result });
            }
        }

        diagnostics.AddRange(ItemEvidence.Check(document, results, session.Target, outliners));
        var (specDiagnostics, coverage) = SpecMonitor.Check(document, results, new SpecContext(session.Target, baseline, outliners, config));
        diagnostics.AddRange(specDiagnostics);
        // The OpenAPI checks first: the contract checks leave to them the items whose models they compare.
        diagnostics.AddRange(SpecChecker.Check(document, results, new SpecCheckContext(session.Target, outliners, session.Root, config) { Git = session.Git }, out var checkedBySpec));
        diagnostics.AddRange(ContractChecker.Check(document, results, new ContractContext(session.Target, outliners), checkedBySpec));
        diagnostics.AddRange(ConsistencyChecker.Check(document, results, diagnostics));

        return new MappingReport(document, verifiedAt, session.Target.CommitId, [.. results],
            Adjust(diagnostics, config, document), coverage);
    }

    /// <summary>Applies configured severities and per-item suppressions, then sorts by position and ID.</summary>
    private static ImmutableArray<Diagnostic> Adjust(IEnumerable<Diagnostic> diagnostics, SpecMapConfig config, MappingDocument? document)
    {
        var suppressions = document is null ? null : Suppressions.Of(document);
        return
        [
            .. diagnostics
                .Select(d => d with { Severity = config.Severities.TryGetValue(d.Id, out var configured) ? configured : d.Severity })
                .Where(d => d.Severity != Severity.None && suppressions?.IsSuppressed(d) != true)
                .DistinctBy(d => d with { Reference = null })
                .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Line)
                .ThenBy(d => d.Location.Column)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ThenBy(d => d.Message, StringComparer.Ordinal),
        ];
    }

    private static Diagnostic ToDiagnostic(MappingDocument document, Finding finding, MappingLocation location, string pointer, MappingFix? fix) =>
        RuleCatalog.Create(finding.RuleId, finding.Message, location, pointer, fix, finding.Related);

    /// <summary>A relocation's message ends in what to do once its fix is known: `--fix` when the fix points the reference at
    /// the new place, by hand when `--fix` leaves it (a guess below the threshold, a shared line list). A lost reference's
    /// finding already says what to do.</summary>
    private static Finding WithWhatToDo(Finding finding, ReferenceResult result, MappingFix? relocation) =>
        !RuleCatalog.Get(finding.RuleId).IsRelocation || (relocation is null && result.Status != ReferenceStatus.Relocated)
            ? finding
            : finding with { Message = $"{finding.Message}; {(relocation is null ? MessageText.FixByHand : MessageText.RunFix)}" };

    private static string DisplayPath(string workingDirectory, string fullPath)
    {
        var relative = Path.GetRelativePath(workingDirectory, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative)
            .Replace(Path.DirectorySeparatorChar, '/');
    }
}
