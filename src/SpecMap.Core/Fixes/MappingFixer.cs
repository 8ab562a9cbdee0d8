using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.Results;

namespace SpecMap.Core.Fixes;

/// <summary>What `--fix` does to one mapping: the edits it applies (sorted, non-overlapping) and the resulting text.</summary>
/// <param name="Fixed">The diagnostics whose fix was applied.</param>
/// <param name="Skipped">Diagnostics with a fix that was not applied (it overlapped another fix, or no longer matched the text).</param>
internal sealed record FileFix(
    MappingReport Report,
    ImmutableArray<MappingEdit> Edits,
    string NewText,
    ImmutableArray<Diagnostic> Fixed,
    ImmutableArray<Diagnostic> Skipped,
    bool VerifiedAtSet)
{
    public bool Changed => !Edits.IsEmpty;

    public string OldText => Report.Document.Text;
}

/// <summary>Collects the applicable fixes of a mapping report and applies them to the mapping text, all at once.</summary>
internal static class MappingFixer
{
    /// <summary>Plans the fixes of one mapping.</summary>
    /// <param name="verifiedCommit">The commit the run verified against; recorded as `verified_at` when a reference was
    /// fixed (its new lines belong to that commit) or when no reference problem is left. Null: leave it.</param>
    /// <param name="forNextCommit">Staged mode: the fixed lines belong to the commit being made, which has no id yet.
    /// `verified_at` is then removed rather than set, so the rule "the commit that wrote this content of the mapping"
    /// names that commit once it is made (contract §1).</param>
    public static FileFix Plan(MappingReport report, string? verifiedCommit, bool forNextCommit = false)
    {
        var text = report.Document.Text;
        var accepted = new AcceptedEdits();
        var fixedDiagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var skipped = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in report.Diagnostics)
        {
            if (diagnostic.Fix is not { Safety: not FixSafety.None } fix || fix.Edits.IsDefaultOrEmpty)
            {
                continue;
            }
            if (TryAccept(text, accepted, fix.Edits))
            {
                fixedDiagnostics.Add(diagnostic);
            }
            else
            {
                skipped.Add(diagnostic);
            }
        }
        var fixedSet = fixedDiagnostics.ToHashSet();
        var unfixed = report.Diagnostics.Where(d => IsReferenceRule(d.Id) && !fixedSet.Contains(d)).ToList();
        // Rewritten lines are true at the verified commit, so verified_at must move with them, or the next run would read
        // them at the old commit and relocate them again (a second --fix would change the file). With nothing rewritten,
        // an unfixed problem keeps the old verified_at and with it the history that may still relocate it.
        var referenceFixed = fixedDiagnostics.Any(d => IsReferenceRule(d.Id));
        if (referenceFixed && unfixed.FirstOrDefault(d => !TracksWithoutBaseline(d)) is not null)
        {
            // A reference that could not be rewritten and is only tracked through the old verified_at would be lost (or
            // silently point elsewhere) once verified_at moves: keep verified_at, and with it leave every reference as written.
            var kept = fixedDiagnostics.Where(d => !IsReferenceRule(d.Id)).ToList();
            skipped.AddRange(fixedDiagnostics.Where(d => IsReferenceRule(d.Id)));
            fixedDiagnostics.Clear();
            fixedDiagnostics.AddRange(kept);
            accepted = new AcceptedEdits();
            foreach (var diagnostic in fixedDiagnostics)
            {
                TryAccept(text, accepted, diagnostic.Fix!.Edits);
            }
            referenceFixed = false;
        }
        var verifiedAtSet = false;
        if (verifiedCommit is not null && (referenceFixed || unfixed.Count == 0)
            && VerifiedAtEdit(report.Document, verifiedCommit, forNextCommit, referenceFixed) is { } verifiedAt
            && TryAccept(text, accepted, [verifiedAt]))
        {
            verifiedAtSet = true;
        }
        var edits = accepted.All.OrderBy(e => e.Offset).ThenBy(e => e.Length).ToImmutableArray();
        return new FileFix(report, edits, Apply(text, edits), fixedDiagnostics.ToImmutable(), skipped.ToImmutable(), verifiedAtSet);
    }

    /// <summary>`verified_at` = the verified commit; in staged mode, removed when lines were rewritten for the next commit
    /// (and left alone otherwise: lines true at the old verified_at and in the index stay true there).</summary>
    private static MappingEdit? VerifiedAtEdit(MappingDocument document, string verifiedCommit, bool forNextCommit, bool referenceFixed) =>
        !forNextCommit ? FixBuilder.VerifiedAt(document, verifiedCommit)
        : referenceFixed ? FixBuilder.RemoveVerifiedAt(document)
        : null;

    /// <summary>
    /// Whether an unfixed reference problem keeps its target when `verified_at` moves to the checked commit: a symbol
    /// found again by its written name in its written file does; lines alone, a new path or a new name would not (they
    /// are only known through the old baseline's history).
    /// </summary>
    private static bool TracksWithoutBaseline(Diagnostic diagnostic)
    {
        if (diagnostic.Reference is not { } result)
        {
            return true;
        }
        var reference = result.Reference;
        if (reference.SymbolName is not { } written)
        {
            return !reference.HasLines && (result.Target is null || result.Target.File == result.ResolvedPath);
        }
        if (result.Target is not { } target)
        {
            return true;
        }
        var name = target.Symbol?.Split('(')[0].Trim();
        return target.File == result.ResolvedPath
            && (name is null || name == written || name.EndsWith("." + written, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a reference problem stays: then the mapping's lines are not all true at the commit verified against, and
    /// moving `verified_at` there would throw away the history that could still relocate them.
    /// </summary>
    public static bool IsReferenceRule(string id) =>
        RuleCatalog.Get(id).IsReferenceProblem;

    /// <summary>Applies edits sorted by offset and not overlapping; every char outside them is copied as is.</summary>
    public static string Apply(string text, IReadOnlyList<MappingEdit> edits)
    {
        var builder = new StringBuilder(text.Length + 64);
        var position = 0;
        foreach (var edit in edits)
        {
            builder.Append(text, position, edit.Offset - position).Append(edit.NewText);
            position = edit.Offset + edit.Length;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Adds all edits of one fix, or none: each must still match the text and not overlap an accepted edit (an identical one is shared).</summary>
    private static bool TryAccept(string text, AcceptedEdits accepted, IReadOnlyList<MappingEdit> edits)
    {
        var adding = new List<MappingEdit>();
        foreach (var edit in edits)
        {
            if (edit.Offset < 0 || edit.Offset + edit.Length > text.Length
                || string.CompareOrdinal(text, edit.Offset, edit.OldText, 0, edit.Length) != 0)
            {
                return false;
            }
            if (accepted.Near(edit).Concat(adding).Any(a => a.Offset == edit.Offset && a.OldText == edit.OldText && a.NewText == edit.NewText))
            {
                continue;
            }
            if (accepted.Near(edit).Concat(adding).Any(a => Overlaps(a, edit)))
            {
                return false;
            }
            adding.Add(edit);
        }
        accepted.AddRange(adding);
        return true;
    }

    /// <summary>Two replacements overlap when their spans share a char; two insertions at one place also conflict.</summary>
    private static bool Overlaps(MappingEdit a, MappingEdit b) =>
        a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length
        || (a.Length == 0 && b.Length == 0 && a.Offset == b.Offset)
        || (a.Length == 0 && a.Offset > b.Offset && a.Offset < b.Offset + b.Length)
        || (b.Length == 0 && b.Offset > a.Offset && b.Offset < a.Offset + a.Length);
}

