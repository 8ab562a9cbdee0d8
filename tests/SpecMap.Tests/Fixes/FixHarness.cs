using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Fixes;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;
using SpecMap.Core.Results;

namespace SpecMap.Tests.Fixes;

/// <summary>What the resolver would say of one reference, as a test states it.</summary>
internal sealed record Relocation(string RuleId, string ResolvedPath, ResolvedTarget Target, double Confidence = 1.0);

/// <summary>Parses a real mapping, gives each reference the outcome a test states, and runs FixBuilder and MappingFixer on it.</summary>
internal static class FixHarness
{
    public const double Threshold = 0.8;

    public static MappingDocument Parse(string text) =>
        MappingLoader.Parse(Encoding.UTF8.GetBytes(text), "map.json", null, _ => false);

    /// <summary>The report the engine would produce when <paramref name="relocate"/> decides each reference's outcome (null: ok).</summary>
    public static MappingReport Report(MappingDocument document, Func<MappingReference, Relocation?> relocate, PathResolver? paths = null)
    {
        var results = new List<ReferenceResult>();
        var diagnostics = new List<Diagnostic>();
        foreach (var reference in document.References)
        {
            var relocation = relocate(reference);
            if (relocation is null)
            {
                results.Add(new ReferenceResult(reference, reference.Path,
                    new ResolutionOutcome(ReferenceStatus.Ok, null, HowFound.Exact, 1, [])));
                continue;
            }
            var finding = new Finding(relocation.RuleId, "moved");
            var result = new ReferenceResult(reference, relocation.ResolvedPath,
                new ResolutionOutcome(ReferenceStatus.Relocated, relocation.Target, HowFound.Symbol, relocation.Confidence, [finding]));
            results.Add(result);
            var fix = FixBuilder.ForReference(document, result, finding, Threshold, paths);
            diagnostics.Add(new Diagnostic(finding.RuleId, RuleCatalog.Get(finding.RuleId).DefaultSeverity, finding.Message,
                reference.Location, reference.Pointer, fix));
        }
        return new MappingReport(document, null, null, [.. results], [.. diagnostics]);
    }

    /// <summary>The mapping text after `--fix` (without touching `verified_at` unless <paramref name="commit"/> is given).</summary>
    public static string Fix(string text, Func<MappingReference, Relocation?> relocate, string? commit = null, PathResolver? paths = null) =>
        MappingFixer.Plan(Report(Parse(text), relocate, paths), commit).NewText;

    public static FileFix Plan(string text, Func<MappingReference, Relocation?> relocate, string? commit = null) =>
        MappingFixer.Plan(Report(Parse(text), relocate), commit);

    /// <summary>A relocation for every reference whose written path is <paramref name="path"/>.</summary>
    public static Func<MappingReference, Relocation?> When(string path, Func<MappingReference, Relocation> relocation) =>
        r => r.Path == path ? relocation(r) : null;

    public static ImmutableArray<MappingEdit> EditsOf(MappingReport report) =>
        [.. report.Diagnostics.Where(d => d.Fix is not null).SelectMany(d => d.Fix!.Edits)];
}
