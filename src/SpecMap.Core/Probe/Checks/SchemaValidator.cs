using System.Text.Json;
using Json.Schema;
using SpecMap.Core.Json;

namespace SpecMap.Core.Probe.Checks;

/// <summary>What a schema check found in one payload.</summary>
internal enum SchemaIssueKind
{
    Violation,

    /// <summary>`null` for a property the schema does not require and whose schema does not allow null.</summary>
    NullForOptional,

    /// <summary>A property no applied schema declares (and none allows others).</summary>
    UnknownField,
}

/// <param name="Pointer">Where in the payload (RFC 6901).</param>
/// <param name="SpecRule">The schema location that failed (`#/components/schemas/X/properties/delta/type`).</param>
internal sealed record SchemaIssue(SchemaIssueKind Kind, string Pointer, string Message, string? Expected, string? Actual, string SpecRule);

/// <summary>
/// Validates one payload against its event schema with JsonSchema.Net and turns the result tree into a short list:
/// in a failed `anyOf`/`oneOf` only the branch the payload meant is reported (the one whose `type` matches, else the
/// one with the fewest errors), so a web_search_call item gets "`query` is required", not twenty branch failures.
/// </summary>
internal static class SchemaValidator
{
    private sealed record Leaf(string Pointer, string Keyword, string Message, Uri SchemaLocation);

    public static List<SchemaIssue> Validate(EventSchemas spec, EventSchema schema, JsonElement payload)
    {
        var issues = new List<SchemaIssue>();
        EvaluationResults results;
        try
        {
            results = spec.SchemaFor(schema).Evaluate(payload, spec.EvaluationOptions);
        }
        // JsonSchema.Net 7 reads a referenced schema when it first evaluates it: a bad keyword value fails here.
        catch (Exception e) when (e is JsonSchemaException or RefResolutionException or JsonException)
        {
            throw spec.Unusable(schema, e);
        }
        var shapes = SchemaShapes.Of(spec.Root, PointerText.Resolve(spec.Root, schema.Pointer)!.Value, payload);
        if (!results.IsValid)
        {
            var leaves = new List<Leaf>();
            Collect(results, leaves);
            foreach (var leaf in leaves.DistinctBy(l => (l.Pointer, l.Keyword, l.Message)))
            {
                issues.AddRange(Describe(spec, leaf, payload, shapes));
            }
        }
        foreach (var (pointer, shape) in shapes.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (shape.Open || PointerText.Resolve(payload, pointer) is not { ValueKind: JsonValueKind.Object } value)
            {
                continue;
            }
            foreach (var member in value.EnumerateObject().Where(m => !shape.Declared.Contains(m.Name)))
            {
                issues.Add(new SchemaIssue(SchemaIssueKind.UnknownField, JsonPointer.Append(pointer, member.Name),
                    $"'{member.Name}' is not a property of the spec schema {schema.Name}", "declared properties only", Short(member.Value), schema.SpecRule));
            }
        }
        return issues;
    }

    private static void Collect(EvaluationResults node, List<Leaf> leaves)
    {
        if (node.IsValid)
        {
            return;
        }
        var children = node.Details ?? [];
        var branchGroups = children
            .Select(c => (Child: c, Group: BranchGroup(node, c)))
            .Where(c => c.Group is not null)
            .GroupBy(c => c.Group!, StringComparer.Ordinal)
            .ToList();
        var handledKeywords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in branchGroups)
        {
            var branches = group.Select(g => g.Child).ToList();
            // A valid branch satisfied anyOf; oneOf failing with valid branches matched more than one (its own error says so).
            if (branches.Any(b => b.IsValid))
            {
                continue;
            }
            handledKeywords.Add(group.Key);
            var best = branches
                .Select(b => (Branch: b, Leaves: LeavesOf(b)))
                .OrderBy(b => b.Leaves.Any(l => Discriminates(b.Branch, l)) ? 1 : 0)
                .ThenBy(b => b.Leaves.Count)
                .First();
            leaves.AddRange(best.Leaves);
        }
        foreach (var child in children.Where(c => BranchGroup(node, c) is null))
        {
            Collect(child, leaves);
        }
        if (node.Errors is { } errors)
        {
            foreach (var (keyword, message) in errors)
            {
                if (!handledKeywords.Contains(keyword))
                {
                    leaves.Add(new Leaf(node.InstanceLocation.ToString(), keyword, message, node.SchemaLocation));
                }
            }
        }
    }

    private static List<Leaf> LeavesOf(EvaluationResults branch)
    {
        var leaves = new List<Leaf>();
        Collect(branch, leaves);
        return leaves;
    }

    /// <summary>A branch failed on what tells branches apart: the payload's `type` value, or its JSON kind at the branch root.</summary>
    private static bool Discriminates(EvaluationResults branch, Leaf leaf)
    {
        var at = branch.InstanceLocation.ToString();
        return (leaf.Pointer == at + "/type" && leaf.Keyword is "const" or "enum") || (leaf.Pointer == at && leaf.Keyword == "type");
    }

    /// <summary>`anyOf` or `oneOf` when <paramref name="child"/> is one of <paramref name="node"/>'s branches, else null.</summary>
    private static string? BranchGroup(EvaluationResults node, EvaluationResults child)
    {
        var parent = node.EvaluationPath.ToString();
        var path = child.EvaluationPath.ToString();
        if (!path.StartsWith(parent + "/", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = path[(parent.Length + 1)..].Split('/');
        return rest.Length == 2 && rest[0] is "anyOf" or "oneOf" && int.TryParse(rest[1], out _) ? rest[0] : null;
    }

    private static IEnumerable<SchemaIssue> Describe(EventSchemas spec, Leaf leaf, JsonElement payload, Dictionary<string, ObjectShape> shapes)
    {
        var rule = "#" + Uri.UnescapeDataString(leaf.SchemaLocation.Fragment.TrimStart('#'));
        var schemaNode = spec.At(leaf.SchemaLocation);
        var value = PointerText.Resolve(payload, leaf.Pointer);
        switch (leaf.Keyword)
        {
            case "required" when value is { ValueKind: JsonValueKind.Object } obj && schemaNode?.TryGetProperty("required", out var required) == true:
                foreach (var name in required.EnumerateArray().Select(n => n.GetString()).OfType<string>().Where(n => !obj.TryGetProperty(n, out _)))
                {
                    yield return new SchemaIssue(SchemaIssueKind.Violation, JsonPointer.Append(leaf.Pointer, name),
                        $"required property '{name}' is missing", $"property '{name}'", "absent", rule + "/required");
                }
                yield break;
            case "type":
                var expected = schemaNode?.TryGetProperty("type", out var type) == true ? TypeText(type) : "another type";
                var actual = value is { } v ? JsonKinds.Name(v) : "absent";
                var kind = value is { ValueKind: JsonValueKind.Null } && IsOptionalProperty(leaf.Pointer, shapes) ? SchemaIssueKind.NullForOptional : SchemaIssueKind.Violation;
                var message = kind == SchemaIssueKind.NullForOptional
                    ? $"null sent for the optional property '{LastToken(leaf.Pointer)}' whose schema is {expected}"
                    : $"{Where(leaf.Pointer)} is {actual}, the spec requires {expected}";
                yield return new SchemaIssue(kind, leaf.Pointer, message, expected, value is { } shown ? Short(shown) : actual, rule + "/type");
                yield break;
            case "const" or "enum":
                var allowed = schemaNode?.TryGetProperty(leaf.Keyword, out var values) == true ? Short(values) : leaf.Keyword;
                yield return new SchemaIssue(SchemaIssueKind.Violation, leaf.Pointer, $"{Where(leaf.Pointer)} is not an allowed value",
                    allowed, value is { } got ? Short(got) : "absent", rule + "/" + leaf.Keyword);
                yield break;
            default:
                var constraint = schemaNode?.TryGetProperty(leaf.Keyword, out var c) == true ? $"{leaf.Keyword}: {Short(c)}" : leaf.Keyword;
                yield return new SchemaIssue(SchemaIssueKind.Violation, leaf.Pointer, $"{Where(leaf.Pointer)}: {leaf.Message}",
                    constraint, value is { } other ? Short(other) : "absent", rule + "/" + leaf.Keyword);
                yield break;
        }
    }

    private static bool IsOptionalProperty(string pointer, Dictionary<string, ObjectShape> shapes)
    {
        var slash = pointer.LastIndexOf('/');
        return slash >= 0 && shapes.TryGetValue(pointer[..slash], out var parent) && !parent.Required.Contains(LastToken(pointer));
    }

    private static string LastToken(string pointer) => JsonPointer.Tokens(pointer) is { Count: > 0 } tokens ? tokens[^1] : string.Empty;

    private static string Where(string pointer) => pointer.Length == 0 ? "the event" : $"'{pointer}'";

    private static string TypeText(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" | ", type.EnumerateArray().Select(t => t.GetString())) : type.GetString() ?? "?";

    /// <summary>A value as JSON, cut to keep findings readable (the whole payload travels in the finding anyway).</summary>
    public static string Short(JsonElement value) => Findings.Short(value.GetRawText());
}
