using System.Globalization;
using System.Text.RegularExpressions;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;
using SpecMap.Core.Results;

namespace SpecMap.Core.Contracts;

/// <summary>
/// Keeps statuses and scores honest (contract §4, §7): SMV0301 when a status contradicts the item's references,
/// SMV0302 when a section's or the overall score is not the rounded mean of the item scores under it (with a fix),
/// SMV0305 when an item with a contract error (SMV0303/SMV0304) still claims `compliance_score: 100`.
/// </summary>
internal static partial class ConsistencyChecker
{
    /// <param name="earlier">Diagnostics found so far (an item with SMV0303/SMV0304 may not keep score 100).</param>
    public static IEnumerable<Diagnostic> Check(MappingDocument document, IReadOnlyList<ReferenceResult> references, IReadOnlyList<Diagnostic> earlier)
    {
        var found = new List<Diagnostic>();
        var objects = document.Objects().ToList();
        CheckStatuses(document, objects, found);
        CheckScores(document, objects, found);
        CheckFullScores(document, objects, earlier, found);
        return found;
    }

    private static void CheckStatuses(MappingDocument document, List<(string Pointer, JsonObjectNode Node)> objects, List<Diagnostic> found)
    {
        // Code references per scope, counted once (each reference adds to its pointer and every pointer above it).
        var codeUnder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var reference in document.References.Where(r => r.Kind is ReferenceKind.Code or ReferenceKind.Model))
        {
            foreach (var scope in Scopes(reference.Pointer))
            {
                codeUnder[scope] = codeUnder.GetValueOrDefault(scope) + 1;
            }
        }
        foreach (var (pointer, item) in objects)
        {
            if (ItemStatus.Of(pointer, item) is not { Status: { } status } own)
            {
                continue;
            }
            var code = codeUnder.GetValueOrDefault(pointer);
            var message = status switch
            {
                "implemented" or "partial" when code == 0 => $"status is '{own.Written}', but the item has no code reference; add where it is implemented, or set the status to 'missing'",
                "missing" when code > 0 => $"status is '{own.Written}', but the item has {MessageText.Count(code, "code reference")}; set the status to 'partial' or 'implemented', or remove the references",
                _ => null,
            };
            if (message is not null)
            {
                found.Add(RuleCatalog.Create(RuleIds.StatusContradictsReferences, message,
                    document.LocationOf(own.Node.Start), JsonPointer.Append(pointer, own.Key)));
            }
        }
    }

    /// <summary>An aggregate score (an object holding a score and items with scores below it, `overall_compliance_score`,
    /// `SECTION_compliance_score`) against the rounded mean of the item scores it covers.</summary>
    private static void CheckScores(MappingDocument document, List<(string Pointer, JsonObjectNode Node)> objects, List<Diagnostic> found)
    {
        var items = objects.Where(o => MappingScores.Own(o.Node) is not null).ToList();
        // Leaves: scored objects with no scored object below them. Each scored object marks the scopes above it.
        var aboveScored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pointer, _) in items)
        {
            aboveScored.UnionWith(Scopes(pointer).SkipLast(1));
        }
        var leafPointers = new HashSet<string>(StringComparer.Ordinal);
        // Per scope, the leaf scores under it in document order (each leaf adds to its own scope and every one above).
        var scoresUnder = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var (pointer, node) in items.Where(o => !aboveScored.Contains(o.Pointer)))
        {
            leafPointers.Add(pointer);
            foreach (var scope in Scopes(pointer))
            {
                if (!scoresUnder.TryGetValue(scope, out var list))
                {
                    scoresUnder[scope] = list = [];
                }
                list.Add(MappingScores.Own(node)!.Value);
            }
        }
        foreach (var (pointer, obj) in objects)
        {
            foreach (var member in obj.Members)
            {
                string scope;
                if (member.Name is MappingKeys.OverallScore or MappingKeys.Score or MappingKeys.ShortScore)
                {
                    scope = pointer;
                }
                else if (MappingScores.SectionOf(member.Name) is { } section && obj.Get(section) is not null)
                {
                    scope = JsonPointer.Append(pointer, section);
                }
                else
                {
                    continue;
                }
                // A leaf's own score is not an aggregate of itself: a leaf has no other leaf under it.
                var scores = scope == pointer && leafPointers.Contains(pointer) ? [] : scoresUnder.GetValueOrDefault(scope) ?? [];
                if (scores.Count == 0 || MappingScores.Read(member.Value) is not { } written)
                {
                    continue;
                }
                var mean = Math.Round(scores.Average(), MidpointRounding.AwayFromZero);
                if (Math.Abs(written - mean) <= 1)
                {
                    continue;
                }
                var memberPointer = JsonPointer.Append(pointer, member.Name);
                var oldText = document.Text[member.Value.Start..member.Value.End];
                var newText = member.Value is JsonStringNode
                    ? $"\"{mean.ToString(CultureInfo.InvariantCulture)}{(oldText.Contains('%', StringComparison.Ordinal) ? "%" : string.Empty)}\""
                    : mean.ToString(CultureInfo.InvariantCulture);
                var fix = new MappingFix($"set '{member.Name}' to {mean.ToString(CultureInfo.InvariantCulture)}", FixSafety.Safe,
                    [new MappingEdit(memberPointer, member.Value.Start, oldText, newText)]);
                found.Add(RuleCatalog.Create(RuleIds.ScoreDisagrees,
                    $"'{member.Name}' is {Format(written)}, but the mean of the {MessageText.Count(scores.Count, "item score")} under it is {Format(mean)}; run `specmap validate --fix` to write {Format(mean)}",
                    document.LocationOf(member.Value.Start), memberPointer, fix));
            }
        }
    }

    private static void CheckFullScores(MappingDocument document, List<(string Pointer, JsonObjectNode Node)> objects, IReadOnlyList<Diagnostic> earlier, List<Diagnostic> found)
    {
        // Contract errors per scope, in the order found, so each item looks its own up once.
        var errorsUnder = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var error in earlier.Where(d => d.Id is RuleIds.RequiredFieldMissing or RuleIds.RequiredFieldIncompatible))
        {
            foreach (var scope in Scopes(error.Pointer))
            {
                if (!errorsUnder.TryGetValue(scope, out var list))
                {
                    errorsUnder[scope] = list = [];
                }
                list.Add(error);
            }
        }
        if (errorsUnder.Count == 0)
        {
            return;
        }
        foreach (var (pointer, item) in objects)
        {
            if (MappingScores.OwnMember(item) is not { } score || MappingScores.Read(score.Value) is not 100.0)
            {
                continue;
            }
            // Under `required_fields` for a listed field; at the item itself for one the spec requires and the mapping does not list.
            var fieldsPointer = JsonPointer.Append(pointer, MappingKeys.RequiredFields);
            var errors = (errorsUnder.GetValueOrDefault(fieldsPointer) ?? []).Concat(errorsUnder.GetValueOrDefault(pointer)?.Where(e => e.Pointer == pointer) ?? []).ToList();
            if (errors.Count == 0)
            {
                continue;
            }
            var fields = MessageText.List(errors.Select(e => e.Pointer == pointer ? FieldNamed(e) : JsonPointer.Tokens(e.Pointer)[^1]).OfType<string>()
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(f => $"'{f}'"));
            found.Add(RuleCatalog.Create(RuleIds.FullScoreWithContractError,
                $"'{score.Name}' is 100, but the model breaks the contract ({MessageText.List(errors.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal))} on {fields}); lower the score and the status until the model is fixed",
                document.LocationOf(score.Value.Start), JsonPointer.Append(pointer, score.Name)));
        }
    }

    /// <summary>The field an item-level contract error names (`field 'delta' of model ...`, `requires field 'item_id'`), or null.</summary>
    private static string? FieldNamed(Diagnostic error) =>
        FieldName().Match(error.Message) is { Success: true } match ? match.Groups["name"].Value : null;

    [GeneratedRegex("field '(?<name>[^']+)'")]
    private static partial Regex FieldName();

    /// <summary>The pointers <paramref name="pointer"/> lies within: the root (""), each ancestor, and itself, outermost first.</summary>
    private static IEnumerable<string> Scopes(string pointer)
    {
        yield return string.Empty;
        for (var slash = pointer.Length > 1 ? pointer.IndexOf('/', 1) : -1; slash > 0; slash = pointer.IndexOf('/', slash + 1))
        {
            yield return pointer[..slash];
        }
        if (pointer.Length > 0)
        {
            yield return pointer;
        }
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
