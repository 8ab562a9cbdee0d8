using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SpecMap.Core.Contracts.Python;

/// <summary>
/// Reads the fields and naming configuration of one class body from its file alone (pydantic v1/v2 fields, aliases and
/// config, dataclasses, TypedDict and attrs): what <see cref="PythonFileFacts"/> keeps. Type shapes are left to the reader.
/// </summary>
internal static partial class PythonClassBody
{
    public static PythonClassFacts Read(PythonModule module, string key, PythonClass cls)
    {
        var fields = new List<PythonFieldFacts>();
        var attrsStyle = cls.Decorators.Any(d => SimpleName(d.Split('(')[0]) is "s" or "attrs" or "define" or "frozen" or "mutable");
        // pydantic v2 accepts config as class keywords: `class Event(BaseModel, alias_generator=to_camel)`.
        var generator = cls.Keywords.GetValueOrDefault("alias_generator");
        ReadBody(module, cls, fields, ref generator, attrsStyle);
        return new PythonClassFacts(key, cls.Name, module.Lines[cls.Index].StartLine, cls.Bases, generator, [.. fields]);
    }

    /// <summary>Reads the statements of a class body, those under if/try/for/match/... blocks and on one line included.</summary>
    private static void ReadBody(PythonModule module, PythonClass cls, List<PythonFieldFacts> fields, ref string? generator, bool attrsStyle)
    {
        foreach (var (line, i, blockEnd) in module.BodyStatements(cls))
        {
            if (PythonModule.ClassHeader().Match(line.Text) is { Success: true } nested)
            {
                // pydantic v1: `class Config: alias_generator = to_camel`.
                if (nested.Groups["name"].Value == "Config")
                {
                    for (var j = i + 1; j < blockEnd; j++)
                    {
                        if (Assignment().Match(module.Lines[j].Text) is { Success: true } setting && setting.Groups["name"].Value == "alias_generator")
                        {
                            generator = setting.Groups["value"].Value;
                        }
                    }
                }
                continue;
            }
            if (Annotated().Match(line.Text) is { Success: true } annotated)
            {
                ReadAnnotated(line, annotated.Groups["name"].Value, annotated.Groups["rest"].Value, fields, ref generator);
            }
            else if (Assignment().Match(line.Text) is { Success: true } assigned)
            {
                ReadAssigned(line, assigned.Groups["name"].Value, assigned.Groups["value"].Value.Trim(), fields, ref generator, attrsStyle);
            }
        }
    }

    private static void ReadAnnotated(PythonLine line, string name, string rest, List<PythonFieldFacts> fields, ref string? generator)
    {
        var eq = PythonExpressions.FindTop(rest, '=');
        var annotation = (eq < 0 ? rest : rest[..eq]).Trim();
        var value = eq < 0 ? null : rest[(eq + 1)..].Trim();
        var type = PythonExpressions.ParseType(annotation);
        // ClassVar is not a field; a dataclass InitVar is an __init__ argument only.
        if (name is "model_config" or "__slots__" || type?.SimpleName is "ClassVar" or "InitVar")
        {
            if (name == "model_config" && value is not null)
            {
                ReadModelConfig(value, ref generator);
            }
            return;
        }
        var wireName = (string?)null;
        var hasDefault = value is not null;
        if (value is not null && PythonExpressions.Call(value) is { } call && IsFieldCall(call.Callee))
        {
            if (Argument(call.Arguments, "exclude") == "True")
            {
                return;
            }
            wireName = Alias(call.Arguments);
            var firstPositional = call.Arguments.FirstOrDefault(a => a.Key is null)?.Value;
            hasDefault = (firstPositional is not null && firstPositional != "...") || call.Arguments.Any(a => a.Key is "default" or "default_factory" or "factory");
        }
        // Annotated[str, Field(alias="x")]: the alias sits in the metadata.
        if (type is { SimpleName: "Annotated" })
        {
            var open = annotation.IndexOf('[', StringComparison.Ordinal);
            foreach (var metadata in PythonExpressions.SplitTop(annotation[(open + 1)..annotation.LastIndexOf(']')]).Skip(1))
            {
                if (PythonExpressions.Call(metadata) is { } inner && IsFieldCall(inner.Callee))
                {
                    wireName ??= Alias(inner.Arguments);
                }
            }
        }
        fields.Add(new PythonFieldFacts(name, wireName, Collapse(annotation), type, hasDefault, line.StartLine));
    }

    private static void ReadAssigned(PythonLine line, string name, string value, List<PythonFieldFacts> fields, ref string? generator, bool attrsStyle)
    {
        if (name == "model_config")
        {
            ReadModelConfig(value, ref generator);
            return;
        }
        // attrs: `x = attr.ib(type=int)`, `x = attrs.field(default=1)`.
        if (PythonExpressions.Call(value) is not { } call || call.Callee is not ("attr.ib" or "attr.attrib" or "attrib" or "attrs.field" or "attr.field")
            && !(attrsStyle && call.Callee == "field"))
        {
            return;
        }
        var typeText = Argument(call.Arguments, "type");
        var type = typeText is null ? null : PythonExpressions.ParseType(typeText);
        var hasDefault = call.Arguments.Any(a => a.Key is "default" or "factory");
        fields.Add(new PythonFieldFacts(name, null, typeText is null ? "(untyped)" : Collapse(typeText), type, hasDefault, line.StartLine));
    }

    private static void ReadModelConfig(string value, ref string? generator)
    {
        if (PythonExpressions.Call(value) is { } call && Argument(call.Arguments, "alias_generator") is { } expression)
        {
            generator = expression;
            return;
        }
        // model_config = {"alias_generator": to_camel}
        var match = DictGenerator().Match(value);
        if (match.Success)
        {
            generator = match.Groups["value"].Value;
        }
    }

    private static bool IsFieldCall(string callee) => SimpleName(callee) is "Field" or "field" or "ib" or "attrib";

    /// <summary>The wire name: `serialization_alias` (pydantic v2 output) over `alias`; attrs' `alias` is an init name only.</summary>
    private static string? Alias(ImmutableArray<PythonArgument> arguments)
    {
        foreach (var key in new[] { "serialization_alias", "alias" })
        {
            if (Argument(arguments, key) is { } text && PythonExpressions.StringValue(text) is { } alias)
            {
                return alias;
            }
        }
        return null;
    }

    private static string? Argument(ImmutableArray<PythonArgument> arguments, string key) =>
        arguments.FirstOrDefault(a => a.Key == key)?.Value.Trim();

    private static string SimpleName(string name) => name[(name.LastIndexOf('.') + 1)..].Trim();

    private static string Collapse(string text) => WhiteSpace().Replace(text.Trim(), " ").Replace("[ ", "[", StringComparison.Ordinal).Replace(" ]", "]", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*:(?!=)(?<rest>.+)$", RegexOptions.Singleline)]
    private static partial Regex Annotated();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*=(?!=)(?<value>.+)$", RegexOptions.Singleline)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"[""']alias_generator[""']\s*:\s*(?<value>[\w.]+)")]
    private static partial Regex DictGenerator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
