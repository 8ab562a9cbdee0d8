using System.Text.RegularExpressions;
using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Results;

namespace SpecMap.Core.SpecChecks;

/// <summary>Model classes for the spec checks: an item's model as the contract checks find it, and the classes a
/// field's type names (read in the file that declares the field), for following nested models.</summary>
internal sealed partial class SpecModels(IReadOnlyList<ReferenceResult> results, ContractContext context, OpenApiSpec spec)
{
    public OpenApiSpec Spec => spec;

    private readonly ModelReaders _readers = new(context.Tree, context.Outliners.Store);

    public ModelClass? For(string itemPointer) => ContractChecker.FindModel(results, itemPointer, context, _readers).Model;

    /// <summary>The classes the field's type names, in order and once each: `ResponsesResponse`, `list["LogProb"]`,
    /// `Optional[Usage]`, `Annotated[Union[A, B], PropertyInfo(...)]` (A and B). Quoted forward references are read as
    /// types; `Literal[...]` values and `Annotated` metadata are not names of classes.</summary>
    public List<ModelClass> Nested(ModelField field)
    {
        if (_readers.For(field.File) is not { } reader)
        {
            return [];
        }
        var names = new List<string>();
        if (PythonExpressions.ParseType(field.TypeText) is { } type)
        {
            CollectNames(type, names, 0);
        }
        else
        {
            // Not Python type syntax (a C# type such as `List<LogProb>?`): every name in it, quoted text left out.
            names.AddRange(Names().Matches(Quoted().Replace(field.TypeText, string.Empty)).Select(m => m.Value));
        }
        return [.. names.Distinct(StringComparer.Ordinal)
            .Select(name => reader.Read(field.File, name))
            .OfType<ModelClass>()
            .DistinctBy(c => (c.File, c.Name))];
    }

    private static void CollectNames(TypeNode node, List<string> names, int depth)
    {
        if (depth > 20)
        {
            return;
        }
        switch (node.Kind)
        {
            case TypeNodeKind.String:
                if (PythonExpressions.ParseType(node.Value) is { } forward)
                {
                    CollectNames(forward, names, depth + 1);
                }
                return;
            case TypeNodeKind.List:
                foreach (var item in node.Args)
                {
                    CollectNames(item, names, depth + 1);
                }
                return;
            case not TypeNodeKind.Name:
                return;
        }
        switch (node.SimpleName)
        {
            case "Literal":
                return;
            case "Annotated" when !node.Args.IsEmpty:
                CollectNames(node.Args[0], names, depth + 1);
                return;
        }
        if (node.Value is not ("|" or "?" or "[]"))
        {
            names.Add(node.Value);
        }
        foreach (var argument in node.Args)
        {
            CollectNames(argument, names, depth + 1);
        }
    }

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_.]*")]
    private static partial Regex Names();

    [GeneratedRegex("\"[^\"]*\"|'[^']*'")]
    private static partial Regex Quoted();
}
