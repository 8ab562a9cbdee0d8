using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SpecMap.Core.Contracts;
using SpecMap.Core.OpenApi;
using SpecMap.Core.Outline;
using SpecMap.Core.SpecChecks;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Scaffold;

/// <summary>What one scaffold reads: the snapshot (the work tree), the spec, where the mapping will name it, and the
/// tracked path prefixes (empty: the whole spec).</summary>
internal sealed record ScaffoldRequest(ISourceTree Tree, Outliners Outliners, OpenApiSpec Spec, string SpecLocation, ImmutableArray<string> Paths);

/// <summary>
/// `specmap init`: one item per endpoint, request parameter and stream event of the tracked part of the spec, with the
/// code found for it. An endpoint's handler is found by its route declaration; its request model by the handler's
/// parameter types, else by the request schema's name; a parameter by its field in that model; an event's model by
/// its `type` literal, else by the schema's name; an event's builder as the smallest function that constructs the
/// model (a function named after the event first), else one that holds the event's name as a literal.
/// </summary>
internal static partial class MappingScaffolder
{
    public static MappingScaffold Build(ScaffoldRequest request)
    {
        var spec = request.Spec;
        var tracked = SpecChecker.Tracked(spec, request.Paths);
        var index = new CodeIndex(request.Tree, request.Outliners);
        var readers = new ModelReaders(request.Tree);
        var inference = new ModelInference(new ContractContext(request.Tree, request.Outliners), readers);
        var routes = RouteFinder.Find(index).OrderBy(r => r.Nested).ThenBy(r => r.Handler.File, StringComparer.Ordinal).ThenBy(r => r.Handler.Start).ToList();
        var items = new List<ScaffoldItem>();
        var requestModels = new Dictionary<SpecEndpoint, ModelClass?>(ReferenceEqualityComparer.Instance);
        var prefix = spec.ServerPaths.Where(p => p != "/").ToList() is [var only] ? only : string.Empty;

        foreach (var endpoint in tracked.OrderBy(e => e.Path, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal))
        {
            var route = routes.FirstOrDefault(r => r.Method == endpoint.Method && ReferenceEquals(spec.FindEndpoint(r.Method, r.Path), endpoint));
            var model = endpoint.RequestSchema is { } key ? RequestModel(route, key, spec.RequestFields(endpoint), readers, inference) : null;
            requestModels[endpoint] = model;
            items.Add(new ScaffoldItem(SpecItemKind.Endpoint, $"{endpoint.Method} {prefix}{endpoint.Path}",
                route is null ? "missing" : "implemented", route is null ? ScaffoldConfidence.None : ScaffoldConfidence.Route,
                route?.Handler, model is null ? null : ModelReference(model), null, null, []));
        }

        var parameters = tracked.Where(e => e.RequestSchema is not null)
            .SelectMany(e => spec.RequestFields(e).Select(f => (Field: f, Model: requestModels.GetValueOrDefault(e))))
            .DistinctBy(p => p.Field.Name, StringComparer.Ordinal)
            .OrderBy(p => p.Field.Name, StringComparer.Ordinal);
        foreach (var (field, model) in parameters)
        {
            var implementation = model?.Find(field.Name) is { } code ? FieldReference(index, model, code) : null;
            items.Add(new ScaffoldItem(SpecItemKind.Parameter, field.Name, implementation is null ? "missing" : "implemented",
                implementation is null ? ScaffoldConfidence.None : ScaffoldConfidence.Name, implementation, null, null,
                ScaffoldTypes.Field(field.Name, field.Type), []));
        }

        var events = tracked.SelectMany(e => e.StreamEvents).DistinctBy(e => e.Name, StringComparer.Ordinal).OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var streamEvent in events)
        {
            var schema = spec.Schema(streamEvent.Schema);
            var required = schema is null ? [] : schema.Fields.Where(f => f.Required).Select(f => ScaffoldTypes.Field(f.Name, f.Type)).ToImmutableArray();
            var (model, how) = EventModel(inference, streamEvent);
            var (builder, builderHow) = EventBuilder(index, model, streamEvent.Name);
            items.Add(new ScaffoldItem(SpecItemKind.Event, streamEvent.Name,
                builder is not null ? "implemented" : model is not null ? "partial" : "missing",
                how ?? builderHow ?? ScaffoldConfidence.None, builder, model is null ? null : ModelReference(model),
                Identifier().IsMatch(streamEvent.Schema) ? $"#/components/schemas/{streamEvent.Schema}" : null, null, required));
        }
        return new MappingScaffold(request.SpecLocation, request.Paths.IsDefault ? [] : request.Paths, [.. items]);
    }

    private static string ModelReference(ModelClass model) => $"{model.File}#{model.Name}";

    /// <summary>The class an endpoint's handler takes (`request: ResponsesRequest`, `[FromBody] CreateResponseRequest body`),
    /// else the class named like the request schema; either must have one of the request body's properties.</summary>
    private static ModelClass? RequestModel(CodeRoute? route, string schemaKey, ImmutableArray<SpecField> fields, ModelReaders readers, ModelInference inference)
    {
        bool Fits(ModelClass? model) => model is not null && fields.Any(f => model.Find(f.Name) is not null);
        if (route is not null)
        {
            var types = ParameterTypes().Matches(route.Header).Select(m => m.Groups["type"].Value).Distinct(StringComparer.Ordinal);
            foreach (var type in types)
            {
                var model = readers.For(route.Handler.File)?.Read(route.Handler.File, type);
                model = Fits(model) ? model : inference.ByClassName(type, "handler")?.Model;
                if (Fits(model))
                {
                    return model;
                }
            }
        }
        foreach (var name in new[] { schemaKey, schemaKey + "Request", schemaKey + "Body", schemaKey + "Params" })
        {
            if (inference.ByClassName(name, "schema")?.Model is { } model && Fits(model))
            {
                return model;
            }
        }
        return null;
    }

    /// <summary>The field's own declaration (a Python field, a C# property), else the class (a positional record parameter).</summary>
    private static ScaffoldReference? FieldReference(CodeIndex index, ModelClass model, ModelField field)
    {
        if (index.Outline(field.File) is { } fieldOutline
            && fieldOutline.Symbols.Where(s => s.Kind is SymbolKinds.Field or SymbolKinds.Property && s.Start <= field.Line && field.Line <= s.End)
                .OrderBy(s => s.LineCount).FirstOrDefault() is { } declaration)
        {
            return CodeIndex.ReferenceTo(field.File, fieldOutline, declaration);
        }
        var simple = model.Name[(model.Name.LastIndexOf('.') + 1)..];
        return index.Outline(model.File) is { } outline
            && outline.Symbols.FirstOrDefault(s => SymbolKinds.IsTypeLike(s.Kind) && s.Name == simple && s.DefLine <= model.Line && model.Line <= s.End) is { } type
            ? CodeIndex.ReferenceTo(model.File, outline, type)
            : null;
    }

    /// <summary>The event's model: the one class whose `type` literal is the event's name, else the one named like its
    /// schema (`ResponseTextDeltaEvent`, `TextDeltaEvent`) or its name (`ResponseOutputTextDeltaEvent`).</summary>
    private static (ModelClass? Model, string? How) EventModel(ModelInference inference, SpecStreamEvent streamEvent)
    {
        if (inference.ByTypeLiteral(streamEvent.Name)?.Model is { } byLiteral)
        {
            return (byLiteral, ScaffoldConfidence.TypeLiteral);
        }
        var pascal = string.Concat(streamEvent.Name.Split('.', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..])) + "Event";
        var names = new List<string>();
        if (Identifier().IsMatch(streamEvent.Schema))
        {
            names.Add(streamEvent.Schema);
        }
        names.Add(pascal);
        names.AddRange(names.Where(n => n.StartsWith("Response", StringComparison.Ordinal) && n.Length > "ResponseEvent".Length).Select(n => n["Response".Length..]).ToList());
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            if (inference.ByClassName(name, "schema")?.Model is { } byName)
            {
                return (byName, ScaffoldConfidence.Name);
            }
        }
        return (null, null);
    }

    /// <summary>The function that builds the event: among those that name the model class (outside the class itself), or else
    /// hold the event's name in quotes, the nearest to the model's file, then one named after the event, then the smallest.</summary>
    private static (ScaffoldReference? Builder, string? How) EventBuilder(CodeIndex index, ModelClass? model, string eventName)
    {
        if (model is not null)
        {
            var simple = model.Name[(model.Name.LastIndexOf('.') + 1)..];
            var mention = new Regex($@"\b{Regex.Escape(simple)}\b");
            if (Best(index, simple, line => mention.IsMatch(line) && !Declaration().IsMatch(line), model.File, simple, eventName) is { } byModel)
            {
                return (byModel, null);
            }
        }
        var quoted = new[] { $"\"{eventName}\"", $"'{eventName}'" };
        return Best(index, eventName, line => quoted.Any(q => line.Contains(q, StringComparison.Ordinal)), null, null, eventName) is { } byLiteral
            ? (byLiteral, ScaffoldConfidence.TypeLiteral)
            : (null, null);
    }

    private static ScaffoldReference? Best(CodeIndex index, string needle, Func<string, bool> matches, string? modelFile, string? modelName, string eventName)
    {
        var slug = Loose(eventName.StartsWith("response.", StringComparison.Ordinal) ? eventName["response.".Length..] : eventName);
        var candidates = new List<(ScaffoldReference Reference, bool Named, int Size)>();
        foreach (var path in index.CodeFiles)
        {
            if (index.Text(path) is not { } text || !text.Contains(needle, StringComparison.Ordinal) || index.Outline(path) is not { } outline)
            {
                continue;
            }
            var lines = index.Lines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!matches(lines[i]) || CodeIndex.FunctionAt(outline, i + 1) is not { } function
                    || (path == modelFile && outline.Symbols.Any(s => SymbolKinds.IsTypeLike(s.Kind) && s.Name == modelName && s.Covers(function.Start, function.End))))
                {
                    continue;
                }
                candidates.Add((CodeIndex.ReferenceTo(path, outline, function), Loose(function.Name).Contains(slug, StringComparison.Ordinal), function.LineCount));
            }
        }
        // Nearest to the model's file first: a class of the same name elsewhere (a vendored copy, a benchmark corpus) is
        // another class, and so are the functions that build it.
        return candidates.OrderByDescending(c => modelFile is null ? 0 : SharedFolders(c.Reference.File, modelFile)).ThenByDescending(c => c.Named).ThenBy(c => c.Size).ThenBy(c => c.Reference.File, StringComparer.Ordinal).ThenBy(c => c.Reference.Start)
            .Select(c => c.Reference).FirstOrDefault();
    }

    /// <summary>How many leading folders two repository paths share.</summary>
    private static int SharedFolders(string a, string b)
    {
        var (left, right) = (a.Split('/')[..^1], b.Split('/')[..^1]);
        var shared = 0;
        while (shared < left.Length && shared < right.Length && left[shared] == right[shared])
        {
            shared++;
        }
        return shared;
    }

    private static string Loose(string name) => ModelClass.Loose(name.Replace(".", string.Empty, StringComparison.Ordinal));

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();

    // `class X(`, `record X(`, `import X`, `from m import X`: declarations and imports, never a build.
    [GeneratedRegex(@"^\s*(?:(?:public|internal|private|protected|sealed|abstract|static|partial|readonly)\s+)*(?:class|record|struct|interface|import|from)\b")]
    private static partial Regex Declaration();

    // Python `name: Type`, C# `Type name` (after any attributes) in a parameter list.
    [GeneratedRegex(@"\b\w+\s*:\s*(?<type>[A-Za-z_][\w.]*)|(?<type>[A-Z][\w.]*)(?:<[^>]*>)?\??\s+[a-z_]\w*\s*[,)=]")]
    private static partial Regex ParameterTypes();
}
