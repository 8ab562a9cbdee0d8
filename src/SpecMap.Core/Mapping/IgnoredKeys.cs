using System.Collections.Immutable;
using SpecMap.Core.Config;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.References;

namespace SpecMap.Core.Mapping;

/// <summary>
/// The keys of a mapping specmap gives no meaning to: each is listed (the JSON report's `ignored_keys`), and one
/// within a small edit distance of a key specmap reads (`symbl`, `required_field`) gets a "did you mean" (SMV0006).
/// A key counts as ignored when its value is a scalar (or a list of scalars) that holds no reference.
/// </summary>
internal static class IgnoredKeys
{
    /// <summary>Keys specmap reads for their meaning, and the keys teams use for references; typos are measured against these.</summary>
    private static readonly ImmutableArray<string> Read =
    [
        .. MappingKeys.PathKeys, .. MappingKeys.SymbolKeys, .. MappingKeys.LineKeys, .. MappingKeys.StartLineKeys, .. MappingKeys.EndLineKeys,
        .. MappingKeys.LabelKeys, MappingKeys.Status, MappingKeys.Implemented, MappingKeys.Suppress, MappingKeys.RequiredFields,
        MappingKeys.SpecHash, MappingKeys.Score, MappingKeys.ShortScore, MappingKeys.VerifiedAt, MappingKeys.DocsRoot, MappingKeys.Version,
        MappingKeys.OverallScore, MappingKeys.Schema, MappingKeys.ModelWord, .. MappingKeys.ReferenceKeys,
    ];

    private static readonly string SpecBlockPointer = JsonPointer.Append(string.Empty, MappingKeys.Spec);

    public static (ImmutableArray<string> Keys, ImmutableArray<Diagnostic> Diagnostics) Find(MappingDocument document)
    {
        var referenced = document.References.Select(r => r.Pointer).ToHashSet(StringComparer.Ordinal);
        var ignored = new SortedSet<string>(StringComparer.Ordinal);
        var hints = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var (pointer, obj) in document.Objects())
        {
            // The keys of `required_fields` are field names, and of `suppress` lists none; the spec block's (`openapi`, `paths`,
            // `sha256`) are read by the spec checks.
            if (ItemStatus.IsContractSchema(pointer) || pointer == SpecBlockPointer)
            {
                continue;
            }
            foreach (var member in obj.Members)
            {
                if (Read.Contains(member.Name, StringComparer.Ordinal) || MappingKeys.NotReferences.Contains(member.Name, StringComparer.OrdinalIgnoreCase)
                    || MappingScores.IsScoreKey(member.Name) || member.Name.Contains(MappingKeys.ModelWord, StringComparison.OrdinalIgnoreCase)
                    || !IsScalar(member.Value))
                {
                    if (member.Value is JsonObjectNode && Suggest(member.Name) is { } container
                        && !document.References.Any(r => r.Pointer.StartsWith(JsonPointer.Append(pointer, member.Name) + "/", StringComparison.Ordinal)))
                    {
                        // `"required_field": { ... }` holds no reference and no item: it is a misspelt key, not a section.
                        ignored.Add(member.Name);
                        hints.Add(Hint(document, member, pointer, container));
                    }
                    continue;
                }
                var memberPointer = JsonPointer.Append(pointer, member.Name);
                if (referenced.Contains(memberPointer) || referenced.Any(p => p.StartsWith(memberPointer + "/", StringComparison.Ordinal)))
                {
                    if (Suggest(member.Name) is { } near && !IsPlural(member.Name, near))
                    {
                        hints.Add(Hint(document, member, pointer, near));
                    }
                    continue;
                }
                ignored.Add(member.Name);
                if (Suggest(member.Name) is { } suggestion)
                {
                    hints.Add(Hint(document, member, pointer, suggestion));
                }
            }
        }
        return ([.. ignored], hints.ToImmutable());
    }

    private static Diagnostic Hint(MappingDocument document, JsonMember member, string pointer, string near) =>
        RuleCatalog.Create(RuleIds.UnknownKey, $"key '{member.Name}' is not read by specmap; did you mean '{near}'?",
            document.LocationOf(member.NameStart), JsonPointer.Append(pointer, member.Name));

    /// <summary>The key read by specmap that <paramref name="name"/> is probably a typo of, or null.</summary>
    private static string? Suggest(string name)
    {
        if (name.Length < 4 || Read.Contains(name, StringComparer.Ordinal))
        {
            return null;
        }
        var allowed = name.Length >= 8 ? 2 : 1;
        return Read.Where(k => k.Length >= 4)
            .Select(k => (Key: k, Distance: ConfigLoader.Distance(k, name.ToLowerInvariant())))
            .Where(k => k.Distance <= allowed)
            .OrderBy(k => k.Distance).ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => k.Key)
            .FirstOrDefault();
    }

    /// <summary>`files` beside `file` holding references is a team's own key, read anyway: no hint.</summary>
    private static bool IsPlural(string name, string near) => name == near + "s" || near == name + "s";

    private static bool IsScalar(JsonValueNode value) =>
        value is JsonStringNode or JsonNumberNode or JsonBoolNode or JsonNullNode
        || (value is JsonArrayNode array && array.Items.All(i => i is JsonStringNode or JsonNumberNode or JsonBoolNode or JsonNullNode));
}
