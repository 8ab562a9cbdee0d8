using System.Collections.Immutable;
using SpecMap.Core.Caching;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts.Python;

/// <summary>
/// Reads a Python model class statically: pydantic (v1, v2), dataclasses, TypedDict and attrs classes, with aliases,
/// defaults, literal alias generators and fields inherited from base classes found in the repository (imports followed).
/// </summary>
internal sealed class PythonModelReader(ISourceTree tree, ModelStore store) : IModelReader
{
    /// <summary>A reader that keeps facts in memory only (probes, tests).</summary>
    public PythonModelReader(ISourceTree tree)
        : this(tree, ModelStore.InMemory)
    {
    }

    private const int MaxDepth = 12;

    /// <summary>Bases that mark a class's kind; never followed when the repository does not define them.</summary>
    private static readonly string[] EnumBases = ["Enum", "StrEnum", "IntEnum", "Flag", "IntFlag", "ReprEnum"];

    private readonly Dictionary<string, Source?> _modules = new(StringComparer.Ordinal);
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
        return Module(path)?.Facts.ClassList.FirstOrDefault(c => c.StartLine >= start && c.StartLine <= end)?.Name;
    }

    private ModelClass Read(Source module, PythonClassFacts cls, int depth)
    {
        var config = new ClassConfig();
        if (cls.AliasGenerator is { } expression)
        {
            config.SetGenerator(expression);
        }
        var fields = cls.Fields.Select(f => new ModelField(f.Name, f.WireName, f.TypeText, Shape(module, f.Type), f.HasDefault, module.Path, f.Line)).ToList();

        var inherited = new List<ModelClass>();
        var unseen = new SortedSet<string>(StringComparer.Ordinal);
        if (depth < MaxDepth)
        {
            foreach (var baseText in cls.Bases)
            {
                var baseName = BaseName(baseText);
                if (baseName is null || Resolve(module, baseName, depth + 1) is not { } found || found.Class == cls && found.Module == module)
                {
                    if (baseName is not null && !FieldlessBases.Declares(module.Facts.Imports, baseName))
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
        return new ModelClass(cls.Name, module.Path, cls.StartLine, [.. all], policy, generator, [.. unseen]);
    }

    private CodeShape Shape(Source module, TypeNode? type) =>
        type is null ? CodeShape.UnknownShape : Shapes(module).Of(type);

    private CodeShapes Shapes(Source module) =>
        new(name => ResolveShape(module, name, 0), PythonExpressions.ParseType);

    /// <summary>What a name used as a type in <paramref name="module"/> holds: an enum, a class, or a type alias.</summary>
    private CodeShape? ResolveShape(Source module, string name, int depth)
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

    private CodeShape ClassShape(Source module, PythonClassFacts cls, int depth)
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

    private (Source? Module, string? Text) FindAlias(Source module, string name, int depth)
    {
        if (module.Facts.Aliases.TryGetValue(name, out var text))
        {
            return (module, text);
        }
        if (depth < MaxDepth && module.Facts.Imports.TryGetValue(name, out var import) && import.Name is not null
            && ModuleFile(module.Path, import.Module) is { } file && Module(file) is { } target)
        {
            return FindAlias(target, import.Name, depth + 1);
        }
        return (null, null);
    }

    /// <summary>A class named in <paramref name="module"/> (local, imported, or `module.Class`), or null.</summary>
    private (Source Module, PythonClassFacts Class)? Resolve(Source module, string name, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }
        if (!name.Contains('.', StringComparison.Ordinal) || module.Facts.Classes.ContainsKey(name))
        {
            return Find(module.Path, name, depth);
        }
        var dot = name.LastIndexOf('.');
        var prefix = name[..dot];
        if (module.Facts.Imports.TryGetValue(prefix, out var import) && import.Name is null && ModuleFile(module.Path, import.Module) is { } file)
        {
            return Find(file, name[(dot + 1)..], depth + 1);
        }
        if (module.Facts.Imports.TryGetValue(prefix, out var fromImport) && fromImport.Name is not null
            && ModuleFile(module.Path, $"{fromImport.Module}.{fromImport.Name}") is { } sub)
        {
            return Find(sub, name[(dot + 1)..], depth + 1);
        }
        return null;
    }

    /// <summary>The class <paramref name="name"/> defined in, or imported into, the file at <paramref name="path"/>.</summary>
    private (Source Module, PythonClassFacts Class)? Find(string path, string name, int depth)
    {
        if (depth > MaxDepth || Module(path) is not { } module)
        {
            return null;
        }
        if (module.Facts.Classes.TryGetValue(name, out var cls))
        {
            return (module, cls);
        }
        if (module.Facts.Imports.TryGetValue(name, out var import) && import.Name is not null)
        {
            if (ModuleFile(path, import.Module) is { } file && Find(file, import.Name, depth + 1) is { } found)
            {
                return found;
            }
        }
        return null;
    }

    private Source? Module(string path)
    {
        if (!_modules.TryGetValue(path, out var module))
        {
            var file = tree.Read(path);
            // Kept by blob id across runs: an unchanged file is parsed once, ever; what depends on other files is resolved here.
            module = file is null || file.IsBinary ? null
                : new Source(path, store.Python(file.BlobId, () => PythonFileFacts.Of(PythonModule.Parse(path, TextLines.WithoutBom(file.Text)))));
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

    /// <summary>A file's facts at its path in this snapshot.</summary>
    private sealed record Source(string Path, PythonFileFacts Facts);

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
