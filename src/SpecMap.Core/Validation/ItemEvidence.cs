using System.Globalization;
using System.Text.RegularExpressions;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Outline;
using SpecMap.Core.References;
using SpecMap.Core.Resolution;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Validation;

/// <summary>
/// SMV0111: the code a reference points at should mention the item it is said to implement. Line tracking cannot
/// tell a reference that was wrong from the day it was written; the content can. Only items named like an event
/// (`response.incomplete`) or an endpoint (`POST /v1/responses`) are judged, since only such names are expected to
/// appear in the code; the referenced lines and the declaration around them are searched, ignoring case.
/// </summary>
internal static partial class ItemEvidence
{
    /// <summary>Checks the code references of event- and endpoint-named items where they resolved in <paramref name="tree"/>.</summary>
    public static IEnumerable<Diagnostic> Check(MappingDocument document, IReadOnlyList<ReferenceResult> results, ISourceTree tree, Outliners outliners)
    {
        var snapshot = new Snapshot(tree, outliners);
        var termsByItem = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal);
        var modelsByItem = results.Where(r => r.Reference.Kind == ReferenceKind.Model && r.Reference.SymbolName is not null)
            .ToLookup(r => r.Reference.ItemPointer, r => LastSegment(r.Reference.SymbolName!), StringComparer.Ordinal);
        foreach (var result in results)
        {
            var reference = result.Reference;
            if (reference.Kind != ReferenceKind.Code || result.Status is not (ReferenceStatus.Ok or ReferenceStatus.Relocated)
                || result.Target is not { } target || (!reference.HasLines && reference.Symbol is null))
            {
                continue;
            }
            if (!termsByItem.TryGetValue(reference.ItemPointer, out var terms))
            {
                terms = Terms(document, reference.ItemPointer, modelsByItem[reference.ItemPointer]);
                termsByItem[reference.ItemPointer] = terms;
            }
            if (terms is null || snapshot.Read(target.File) is not { IsBinary: false } file)
            {
                continue;
            }
            var lines = snapshot.Lines(file);
            var enclosing = snapshot.Outline(file)?.Innermost(target.Start, target.End);
            var from = Math.Min(target.Start, enclosing?.Start ?? target.Start);
            var to = Math.Min(Math.Max(target.End, enclosing?.End ?? target.End), lines.Length);
            if (from < 1 || from > to)
            {
                continue;
            }
            var text = string.Join('\n', lines[(from - 1)..to]);
            if (terms.Any(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }
            var range = MessageText.Lines(target.Start, target.End);
            var inside = enclosing is null ? string.Empty : $" (in '{enclosing.QualifiedName}')";
            var expected = MessageText.List(terms.Select(t => $"'{t}'"), "or");
            yield return RuleCatalog.Create(RuleIds.ItemNotMentioned,
                $"{range} of '{target.File}'{inside} never {(target.Start == target.End ? "mentions" : "mention")} {expected}; check that this is the item's code, or suppress SMV0111 for the item",
                reference.Location, reference.Pointer, null, [new CodeLocation(target.File, target.Start, target.End)], result);
        }
    }

    /// <summary>What the code of an item is expected to mention, or null when the item's name is not event- or endpoint-like.</summary>
    private static List<string>? Terms(MappingDocument document, string itemPointer, IEnumerable<string> models)
    {
        if (document.At(itemPointer) is not JsonObjectNode item)
        {
            return null;
        }
        var tokens = JsonPointer.Tokens(itemPointer);
        var name = MappingKeys.LabelKeys.Select(item.GetString).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim()
            ?? (tokens.Count > 0 && !int.TryParse(tokens[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? tokens[^1].Trim() : null);
        if (name is null)
        {
            return null;
        }
        var terms = new List<string>();
        if (EventName().IsMatch(name))
        {
            terms.Add(name);
            terms.Add(name[(name.LastIndexOf('.') + 1)..]);
        }
        else if (EndpointName().Match(name) is { Success: true } endpoint)
        {
            var path = endpoint.Groups["path"].Value;
            terms.Add(path);
            // The last segment that is not a parameter: `/v1/responses/{id}` is about `responses`.
            if (path.Split('/').LastOrDefault(s => s.Length > 0 && !s.StartsWith('{') && !s.StartsWith(':')) is { } segment)
            {
                // Singular too: `DELETE /v1/responses/{id}` is served by `delete_response`.
                terms.Add(segment.Length > 3 && segment.EndsWith('s') ? segment[..^1] : segment);
            }
        }
        else
        {
            return null;
        }
        terms.AddRange(models);
        terms.AddRange(ModelKeys.Select(item.GetString).OfType<string>().Select(s => s.Trim()).Where(s => ClassName().IsMatch(s)).Select(LastSegment));
        return [.. terms.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    private static readonly string[] ModelKeys = ["request_model", "response_model"];

    private static string LastSegment(string qualified) => qualified[(qualified.LastIndexOf('.') + 1)..];

    /// <summary>`response.incomplete`, `response.output_text.delta`: lowercase words joined by dots.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex EventName();

    /// <summary>`POST /v1/responses/{response_id}/cancel`.</summary>
    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?<path>/\S*)$", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointName();

    /// <summary>A class name (possibly qualified) written in `request_model` / `response_model`.</summary>
    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex ClassName();
}
