namespace SpecMap.Core.Contracts;

/// <summary>
/// Whether a code type can hold a spec type (docs/type-compatibility.md): the JSON kinds the code writes and reads
/// must meet the spec's. Null-ness is lenient: `Optional[int]` holds `integer`, and `int` holds `integer?`
/// (the code writes a subset of what the spec allows). Names the tool cannot resolve are never judged.
/// </summary>
internal static class TypeCompatibility
{
    public static bool Holds(SpecType spec, CodeShape code)
    {
        if (spec.Kind == SpecKind.Any || code.Kind is ShapeKind.Any or ShapeKind.Unknown)
        {
            return true;
        }
        if (spec.Kind == SpecKind.Union)
        {
            return spec.UnionOptions.Any(option => Holds(option, code));
        }
        if (code.Kind == ShapeKind.Union)
        {
            // None in a union only answers a spec `null`; `Optional[dict]` still cannot hold a string.
            return code.UnionOptions.Any(option => (option.Kind != ShapeKind.Null || spec.Kind == SpecKind.Null) && Holds(spec, option));
        }
        return spec.Kind switch
        {
            SpecKind.String => code.Kind == ShapeKind.String && ValuesMeet(spec, code),
            SpecKind.Integer => code.Kind == ShapeKind.Integer,
            SpecKind.Number => code.Kind is ShapeKind.Integer or ShapeKind.Number,
            SpecKind.Boolean => code.Kind == ShapeKind.Boolean,
            SpecKind.Null => code.Kind == ShapeKind.Null,
            SpecKind.Object => code.Kind is ShapeKind.Object or ShapeKind.Map,
            SpecKind.Array => code.Kind == ShapeKind.Array && ElementsMeet(spec, code),
            // A class with fixed fields is still a JSON object whose values the spec may describe.
            SpecKind.Map => (code.Kind == ShapeKind.Map && ElementsMeet(spec, code)) || code.Kind == ShapeKind.Object,
            _ => true,
        };
    }

    private static bool ElementsMeet(SpecType spec, CodeShape code) =>
        spec.Element is null || code.Element is null || Holds(spec.Element, code.Element);

    /// <summary>`Literal["a"]` against `enum: ["b"]` cannot meet; an open string or open enum always can.</summary>
    private static bool ValuesMeet(SpecType spec, CodeShape code) =>
        spec.Values.IsEmpty || code.LiteralValues.IsEmpty || code.LiteralValues.Intersect(spec.Values, StringComparer.Ordinal).Any();
}
