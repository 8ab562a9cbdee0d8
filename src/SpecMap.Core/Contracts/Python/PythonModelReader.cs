using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts.Python;

/// <summary>
/// Reads a Python model class statically: pydantic (v1, v2), dataclasses, TypedDict and attrs classes, with aliases,
/// defaults, literal alias generators and fields inherited from base classes found in the repository (imports followed).
/// </summary>
internal sealed partial class PythonModelReader(ISourceTree tree) : IModelReader
{
    private const int MaxDepth = 12;

    /// <summary>Bases that mark a class's kind; never followed when the repository does not define them.</summary>
    private static readonly string[] EnumBases = ["Enum", "StrEnum", "IntEnum", "Flag", "IntFlag", "ReprEnum"];

    private readonly Dictionary<string, PythonModule?> _modules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _moduleFiles = new(StringComparer.Ordinal);
    private readonly Lazy<string[]> _pythonFiles = new(() => [.. tree.Paths.Where(p => p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".pyi", StringComparison.Ordinal))]);

    /// <summary>The class named <paramref name="className"/> (a dotted name uses its last part) in <paramref name="path"/>, or null.</summary>
    public ModelClass? Read(string path, string className)
    {
        // `Outer.Inner` names a nested class; `pkg.module.Class` a module-level one.
        var found = Find(path, className, 0) ?? Find(path, className[(className.LastIndexOf('.') + 1)..], 0);
        return found is null ? null : Read(found.Value.Module, found.Value.Class, 0);
    }

    /// <summary>The name of the class whose header lies in [start, end] (a reference by lines), or null.</summary>
    public string? ClassAt(string path, int start, int end)
    {
        var module = Module(path);
        return module?.Classes.Values.FirstOrDefault(c => module.Lines[c.Index].StartLine >= start && module.Lines[c.Index].StartLine <= end)?.Name;
    }

    private ModelClass Read(PythonModule module, PythonClass cls, int depth)
    {
        var fields = new List<ModelField>();
        var config = new ClassConfig();
        var attrsStyle = cls.Decorators.Any(d => SimpleName(d.Split('(')[0]) is "s" or "attrs" or "define" or "frozen" or "mutable");
        if (cls.Keywords.TryGetValue("alias_generator", out var classGenerator))
        {
            // pydantic v2 accepts config as class keywords: `class Event(BaseModel, alias_generator=to_camel)`.
            config.SetGenerator(classGenerator);
        }
        ReadBody(module, cls, fields, config, attrsStyle);

        var inherited = new List<ModelClass>();
        var unseen = new SortedSet<string>(StringComparer.Ordinal);
        if (depth < MaxDepth)
        {
            foreach (var baseText in cls.Bases)
            {
                var baseName = BaseName(baseText);
                if (baseName is null || Resolve(module, baseName, depth + 1) is not { } found || found.Class == cls && found.Module == module)
                {
                    if (baseName is not null && !FieldlessBases.Declares(module, baseName))
                    {
                        unseen.Add(baseName);
                    }
                    continue;
                }
                var baseModel = Read(found.Module, found.Class, depth + 1);
                inherited.Add(baseModel);
            }
        }
        var generator = config.Generator ?? inherited.Select(b => b.AliasGenerator).FirstOrDefault(g => g is not null);
        var policy = config.OpaqueGenerator || inherited.Any(b => b.Policy == NamePolicy.Loose) ? NamePolicy.Loose : NamePolicy.Exact;
        var all = new List<ModelField>(fields);
        foreach (var baseModel in inherited)
        {
            all.AddRange(baseModel.Fields.Where(f => !all.Any(own => own.Name == f.Name)));
        }
        unseen.UnionWith(inherited.SelectMany(b => b.UnseenBases));
        return new ModelClass(cls.Name, module.Path, module.Lines[cls.Index].StartLine, [.. all], policy, generator, [.. unseen]);
    }

    /// <summary>Reads the statements of a class body, those under if/try/for/match/... blocks and on one line included.</summary>
    private void ReadBody(PythonModule module, PythonClass cls, List<ModelField> fields, ClassConfig config, bool attrsStyle)
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
                            config.SetGenerator(setting.Groups["value"].Value);
                        }
                    }
                }
                continue;
            }
            if (Annotated().Match(line.Text) is { Success: true } annotated)
            {
                ReadAnnotated(module, line, annotated.Groups["name"].Value, annotated.Groups["rest"].Value, fields, config);
            }
            else if (Assignment().Match(line.Text) is { Success: true } assigned)
            {
                ReadAssigned(module, line, assigned.Groups["name"].Value, assigned.Groups["value"].Value.Trim(), fields, config, attrsStyle);
            }
        }
    }

    private void ReadAnnotated(PythonModule module, PythonLine line, string name, string rest, List<ModelField> fields, ClassConfig config)
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
                ReadModelConfig(value, config);
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
        fields.Add(new ModelField(name, wireName, Collapse(annotation), Shape(module, type), hasDefault, module.Path, line.StartLine));
    }

    private void ReadAssigned(PythonModule module, PythonLine line, string name, string value, List<ModelField> fields, ClassConfig config, bool attrsStyle)
    {
        if (name == "model_config")
        {
            ReadModelConfig(value, config);
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
        fields.Add(new ModelField(name, null, typeText is null ? "(untyped)" : Collapse(typeText), type is null ? CodeShape.UnknownShape : Shape(module, type), hasDefault, module.Path, line.StartLine));
    }

    private static void ReadModelConfig(string value, ClassConfig config)
    {
        if (PythonExpressions.Call(value) is { } call && Argument(call.Arguments, "alias_generator") is { } generator)
        {
            config.SetGenerator(generator);
            return;
        }
        // model_config = {"alias_generator": to_camel}
        var match = DictGenerator().Match(value);
        if (match.Success)
        {
            config.SetGenerator(match.Groups["value"].Value);
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

    private CodeShape Shape(PythonModule module, TypeNode? type) =>
        type is null ? CodeShape.UnknownShape : Shapes(module).Of(type);

    private CodeShapes Shapes(PythonModule module) =>
        new(name => ResolveShape(module, name, 0), PythonExpressions.ParseType);

    /// <summary>What a name used as a type in <paramref name="module"/> holds: an enum, a class, or a type alias.</summary>
    private CodeShape? ResolveShape(PythonModule module, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        if (Resolve(module, name, depth) is { } found)
        {
            return ClassShape(found.Module, found.Class, depth);
        }
        var simple = SimpleName(name);
        var (aliasModule, aliasText) = FindAlias(module, simple, depth);
        if (aliasModule is not null && aliasText is not null && PythonExpressions.ParseType(aliasText) is { } aliased
            && aliased.SimpleName != simple)
        {
            return new CodeShapes(n => ResolveShape(aliasModule, n, depth + 1), PythonExpressions.ParseType).Of(aliased);
        }
        return null;
    }

    private CodeShape ClassShape(PythonModule module, PythonClass cls, int depth)
    {
        var names = cls.Bases.Select(b => SimpleName(BaseName(b) ?? b)).ToList();
        if (names.Any(n => EnumBases.Contains(n, StringComparer.Ordinal)))
        {
            return names.Contains("str") || names.Contains("StrEnum") ? CodeShape.StringShape
                : names.Contains("int") || names.Contains("IntEnum") || names.Contains("IntFlag") ? CodeShape.IntegerShape
                : CodeShape.EnumShape;
        }
        // `class Token(str)`, `class Tags(list[str])`, `RootModel[int]`: the value is the base's.
        foreach (var baseText in cls.Bases)
        {
            if (PythonExpressions.ParseType(baseText) is { } baseType
                && (baseType.SimpleName is "str" or "int" or "float" or "bool" or "dict" or "list" or "Dict" or "List"
                    || (baseType.SimpleName == "RootModel" && baseType.Args.Length == 1)))
            {
                return Shapes(module).Of(baseType.SimpleName == "RootModel" ? baseType.Args[0] : baseType);
            }
        }
        // A class deriving from a repository enum (or such a class) is one too.
        foreach (var baseText in cls.Bases)
        {
            if (depth < MaxDepth && BaseName(baseText) is { } baseName && Resolve(module, baseName, depth + 1) is { } found
                && ClassShape(found.Module, found.Class, depth + 1) is { Kind: not ShapeKind.Object } shape)
            {
                return shape;
            }
        }
        return CodeShape.ObjectShape;
    }

    private (PythonModule? Module, string? Text) FindAlias(PythonModule module, string name, int depth)
    {
        if (module.Aliases.TryGetValue(name, out var text))
        {
            return (module, text);
        }
        if (depth < MaxDepth && module.Imports.TryGetValue(name, out var import) && import.Name is not null
            && ModuleFile(module.Path, import.Module) is { } file && Module(file) is { } target)
        {
            return FindAlias(target, import.Name, depth + 1);
        }
        return (null, null);
    }

    /// <summary>A class named in <paramref name="module"/> (local, imported, or `module.Class`), or null.</summary>
    private (PythonModule Module, PythonClass Class)? Resolve(PythonModule module, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        if (!name.Contains('.', StringComparison.Ordinal) || module.Classes.ContainsKey(name))
        {
            return Find(module.Path, name, depth);
        }
        var dot = name.LastIndexOf('.');
        var prefix = name[..dot];
        if (module.Imports.TryGetValue(prefix, out var import) && import.Name is null && ModuleFile(module.Path, import.Module) is { } file)
        {
            return Find(file, name[(dot + 1)..], depth + 1);
        }
        if (module.Imports.TryGetValue(prefix, out var fromImport) && fromImport.Name is not null
            && ModuleFile(module.Path, $"{fromImport.Module}.{fromImport.Name}") is { } sub)
        {
            return Find(sub, name[(dot + 1)..], depth + 1);
        }
        return null;
    }

    /// <summary>The class <paramref name="name"/> defined in, or imported into, the file at <paramref name="path"/>.</summary>
    private (PythonModule Module, PythonClass Class)? Find(string path, string name, int depth)
    {
        if (depth > MaxDepth || Module(path) is not { } module)
        {
            return null;
        }
        if (module.Classes.TryGetValue(name, out var cls))
        {
            return (module, cls);
        }
        if (module.Imports.TryGetValue(name, out var import) && import.Name is not null)
        {
            if (ModuleFile(path, import.Module) is { } file && Find(file, import.Name, depth + 1) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private PythonModule? Module(string path)
    {
        if (!_modules.TryGetValue(path, out var module))
        {
            var file = tree.Read(path);
            module = file is null || file.IsBinary ? null : PythonModule.Parse(path, TextLines.WithoutBom(file.Text));
            _modules[path] = module;
        }
        return module;
    }

    /// <summary>The repository file of a module imported from <paramref name="fromPath"/> (`.x`, `..pkg.mod`, `pkg.mod`), or null.</summary>
    private string? ModuleFile(string fromPath, string moduleName)
    {
        var key = $"{fromPath}|{moduleName}";
        if (_moduleFiles.TryGetValue(key, out var cached))
        {
            return cached;
        }
        string? result = null;
        var dots = moduleName.TakeWhile(c => c == '.').Count();
        var rest = moduleName[dots..].Replace('.', '/');
        if (dots > 0)
        {
            var folder = fromPath.Contains('/', StringComparison.Ordinal) ? fromPath[..fromPath.LastIndexOf('/')] : string.Empty;
            for (var up = 1; up < dots && folder.Length > 0; up++)
            {
                folder = folder.Contains('/', StringComparison.Ordinal) ? folder[..folder.LastIndexOf('/')] : string.Empty;
            }
            var stem = string.Join('/', new[] { folder, rest }.Where(p => p.Length > 0));
            result = Candidates(stem).FirstOrDefault(tree.Exists);
        }
        else if (rest.Length > 0)
        {
            // An absolute import: at the root, under src/, or anywhere a folder of that name holds it (the shortest wins).
            result = Candidates(rest).FirstOrDefault(tree.Exists)
                ?? _pythonFiles.Value.Where(p => Candidates(rest).Any(c => p.EndsWith("/" + c, StringComparison.Ordinal)))
                    .OrderBy(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).FirstOrDefault();
        }
        _moduleFiles[key] = result;
        return result;
    }

    private static IEnumerable<string> Candidates(string stem)
    {
        if (stem.Length == 0)
        {
            yield return "__init__.py";
            yield break;
        }
        yield return stem + ".py";
        yield return stem + "/__init__.py";
        yield return stem + ".pyi";
    }

    /// <summary>`Generic[T]` gives `Generic`; `pydantic.BaseModel` stays dotted; anything else (a call) gives null.</summary>
    private static string? BaseName(string baseText)
    {
        var text = baseText.Trim();
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        if (bracket > 0)
        {
            text = text[..bracket].Trim();
        }
        return text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.') ? text : null;
    }

    private static string SimpleName(string name) => name[(name.LastIndexOf('.') + 1)..].Trim();

    private static string Collapse(string text) => WhiteSpace().Replace(text.Trim(), " ").Replace("[ ", "[", StringComparison.Ordinal).Replace(" ]", "]", StringComparison.Ordinal);

    /// <summary>What a class body says about naming: a literal alias generator, or one the tool cannot read.</summary>
    private sealed class ClassConfig
    {
        public Func<string, string>? Generator { get; private set; }

        public bool OpaqueGenerator { get; private set; }

        public void SetGenerator(string expression)
        {
            Generator = SimpleName(expression.Trim()) switch
            {
                "to_camel" or "to_lower_camel" or "camelize" => NameCases.LowerCamel,
                "to_pascal" or "pascalize" => NameCases.Pascal,
                "to_snake" => NameCases.Snake,
                _ => null,
            };
            OpaqueGenerator = Generator is null;
        }
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*:(?!=)(?<rest>.+)$", RegexOptions.Singleline)]
    private static partial Regex Annotated();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*=(?!=)(?<value>.+)$", RegexOptions.Singleline)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"[""']alias_generator[""']\s*:\s*(?<value>[\w.]+)")]
    private static partial Regex DictGenerator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>The alias generators pydantic ships, for literal `alias_generator=to_camel`.</summary>
internal static class NameCases
{
    public static string LowerCamel(string name)
    {
        var pascal = Pascal(name);
        return pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];
    }

    public static string Pascal(string name) =>
        string.Concat(name.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    public static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 && name[i - 1] != '_' ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
