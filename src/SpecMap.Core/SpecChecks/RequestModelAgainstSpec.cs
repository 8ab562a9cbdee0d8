using SpecMap.Core.Contracts;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Mapping;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Results;

namespace SpecMap.Core.SpecChecks;

/// <summary>SMV0323: a request parameter the mapping says is handled, against the request model: the parameter's
/// own `model`, else the `model` of an endpoint item whose request body has the parameter. An item with status
/// `missing` is not looked for.</summary>
internal static class RequestModelAgainstSpec
{
    public static IEnumerable<Diagnostic> Check(MappingDocument document, SpecItem item, SpecField parameter, IReadOnlyList<SpecItem> items, SpecModels models)
    {
        if (string.Equals(item.Node.GetString("status"), "missing", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }
        var model = models.For(item.Pointer)
            ?? items.Where(i => i.Kind == SpecItemKind.Endpoint && i.Schema?.Field(parameter.Name) is not null)
                .Select(i => models.For(i.Pointer)).FirstOrDefault(m => m is not null);
        if (model is null)
        {
            yield break;
        }
        var location = document.LocationOf(item.Node.Start);
        if (model.Find(parameter.Name) is not { } field)
        {
            yield return RuleCatalog.Create(RuleIds.RequestParameterMismatch,
                $"request parameter '{parameter.Name}' ({parameter.TypeText}) is absent from request model '{model.Name}' ({model.File}:{model.Line}); add it to the model",
                location, item.Pointer, null, [new CodeLocation(model.File, model.Line, model.Line)]);
        }
        else if (!TypeCompatibility.Holds(SpecTypeAgreement.WithoutNull(parameter.Type), field.Shape))
        {
            yield return RuleCatalog.Create(RuleIds.RequestParameterMismatch,
                $"request parameter '{parameter.Name}' of request model '{model.Name}' is {field.TypeText} ({field.File}:{field.Line}), which cannot hold the spec type {parameter.TypeText}; change the field's type to match the spec",
                location, item.Pointer, null, [new CodeLocation(field.File, field.Line, field.Line)]);
        }
    }
}
