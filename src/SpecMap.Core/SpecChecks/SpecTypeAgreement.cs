using SpecMap.Core.Contracts;

namespace SpecMap.Core.SpecChecks;

/// <summary>
/// Whether the type a mapping writes in `required_fields` says what the spec says. Lenient where the mapping is
/// merely less precise (`array` for `array&lt;string&gt;`, `string` for an enum, `object` for a map, no `?`):
/// only a different JSON kind disagrees.
/// </summary>
internal static class SpecTypeAgreement
{
    public static bool Agrees(SpecType mapping, SpecType spec)
    {
        mapping = WithoutNull(mapping);
        spec = WithoutNull(spec);
        if (mapping.Kind == SpecKind.Any || spec.Kind == SpecKind.Any)
        {
            return true;
        }
        if (mapping.Kind == SpecKind.Union)
        {
            return mapping.UnionOptions.All(option => Agrees(option, spec));
        }
        if (spec.Kind == SpecKind.Union)
        {
            return spec.UnionOptions.Any(option => Agrees(mapping, option));
        }
        if (mapping.Kind is SpecKind.Object or SpecKind.Map && spec.Kind is SpecKind.Object or SpecKind.Map)
        {
            return mapping.Kind != SpecKind.Map || spec.Kind != SpecKind.Map || ElementsAgree(mapping, spec);
        }
        if (mapping.Kind == SpecKind.Number && spec.Kind == SpecKind.Integer)
        {
            return true;
        }
        return mapping.Kind == spec.Kind && (mapping.Kind != SpecKind.Array || ElementsAgree(mapping, spec));
    }

    private static bool ElementsAgree(SpecType mapping, SpecType spec) =>
        mapping.Element is null || spec.Element is null || Agrees(mapping.Element, spec.Element);

    /// <summary>The type without its `null` option: `Optional[X]` in code answers a spec's `null` without holding its `X`.</summary>
    public static SpecType WithoutNull(SpecType type)
    {
        if (type.Kind != SpecKind.Union)
        {
            return type;
        }
        var options = type.UnionOptions.Where(o => o.Kind != SpecKind.Null).ToList();
        return options.Count switch
        {
            0 => type,
            1 => options[0],
            _ => new SpecType(SpecKind.Union, Options: [.. options]),
        };
    }
}
