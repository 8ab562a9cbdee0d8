using System.Text.RegularExpressions;
using SpecMap.Core.Contracts;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Results;

namespace SpecMap.Core.SpecChecks;

/// <summary>Model classes for the spec checks: an item's model as the contract checks find it, and the class a
/// field's type names (read in the file that declares the field), for following nested models.</summary>
internal sealed partial class SpecModels(IReadOnlyList<ReferenceResult> results, ContractContext context, OpenApiSpec spec)
{
    public OpenApiSpec Spec => spec;

    private readonly ModelReaders _readers = new(context.Tree);

    public ModelClass? For(string itemPointer) => ContractChecker.FindModel(results, itemPointer, context, _readers).Model;

    /// <summary>The one class the field's type names (`ResponsesResponse`, `list[LogProb]`, `Optional[Usage]`); null when none or several.</summary>
    public ModelClass? Nested(ModelField field)
    {
        if (_readers.For(field.File) is not { } reader)
        {
            return null;
        }
        var classes = Names().Matches(Quoted().Replace(field.TypeText, string.Empty))
            .Select(m => m.Value)
            .Distinct(StringComparer.Ordinal)
            .Select(name => reader.Read(field.File, name))
            .OfType<ModelClass>()
            .ToList();
        return classes.Count == 1 ? classes[0] : null;
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.]*")]
    private static partial Regex Names();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Quoted();
}
