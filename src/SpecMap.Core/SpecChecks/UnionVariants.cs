using SpecMap.Core.Contracts;
using SpecMap.Core.OpenApi;

namespace SpecMap.Core.SpecChecks;

/// <summary>
/// Which variant of a spec union (`oneOf` with a discriminator, or a plain `anyOf` of objects) a code union's member
/// class stands for: the one variant whose discriminating property's `enum`/`const` holds the member's `Literal`
/// value. `type` is tried first, as OpenAPI's discriminators and pydantic's `discriminator="type"` mostly use it.
/// </summary>
internal static class UnionVariants
{
    private const string UsualDiscriminator = "type";

    /// <summary>The variant <paramref name="member"/> matches by a literal, or null when none or several do.</summary>
    public static SpecSchema? Match(ModelClass member, IReadOnlyList<SpecSchema> variants)
    {
        var candidates = variants.SelectMany(v => v.Fields).Where(f => Values(f.Type).Count > 0).Select(f => f.Name)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(name => name == UsualDiscriminator ? 0 : 1)
            .ThenBy(name => name, StringComparer.Ordinal);
        foreach (var property in candidates)
        {
            var literals = member.Find(property) is { } field ? Literals(field.Shape) : [];
            if (literals.Count == 0)
            {
                continue;
            }
            var matching = variants.Where(v => v.Field(property) is { } f && Values(f.Type).Any(literals.Contains)).ToList();
            if (matching.Count == 1)
            {
                return matching[0];
            }
        }
        return null;
    }

    /// <summary>The string values a spec type allows (`enum`/`const`, through a nullable union).</summary>
    private static IReadOnlyList<string> Values(SpecType type) =>
        type.Kind == SpecKind.Union ? [.. type.UnionOptions.SelectMany(Values)] : type.Values;

    /// <summary>The `Literal` strings a code type holds (through `Optional` and unions).</summary>
    private static HashSet<string> Literals(CodeShape shape) =>
        shape.Kind == ShapeKind.Union
            ? shape.UnionOptions.SelectMany(Literals).ToHashSet(StringComparer.Ordinal)
            : shape.LiteralValues.ToHashSet(StringComparer.Ordinal);
}
