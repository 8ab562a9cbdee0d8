using System.Collections.Immutable;

namespace SpecMap.Core.Contracts.Python;

/// <summary>A field of a class body as its file alone says: the shape of its type is resolved later, across files.</summary>
/// <param name="Type">The parsed annotation (or attrs `type=`), or null when it is not type syntax or absent.</param>
internal sealed record PythonFieldFacts(string Name, string? WireName, string TypeText, TypeNode? Type, bool HasDefault, int Line);

/// <summary>A class as its file alone says: where it is, its bases as written, its own fields and its alias generator.</summary>
/// <param name="Key">How the module knows it: its name, or `Outer.Inner` for a nested class.</param>
/// <param name="AliasGenerator">The last alias generator expression its keywords or body set (`to_camel`), or null when none.</param>
internal sealed record PythonClassFacts(string Key, string Name, int StartLine, ImmutableArray<string> Bases, string? AliasGenerator, ImmutableArray<PythonFieldFacts> Fields);

/// <summary>
/// What model reading needs of one Python file, with no path in it, so it is kept by blob id across runs
/// (<see cref="Caching.ModelStore"/>): classes (in source order), imports and type aliases. Everything that depends on
/// another file (inheritance, imports followed, type shapes) is resolved from these facts by <see cref="PythonModelReader"/>.
/// </summary>
internal sealed class PythonFileFacts
{
    public PythonFileFacts(ImmutableArray<PythonClassFacts> classes, IEnumerable<KeyValuePair<string, PythonImport>> imports, IEnumerable<KeyValuePair<string, string>> aliases)
    {
        ClassList = classes;
        foreach (var cls in classes)
        {
            Classes.TryAdd(cls.Key, cls);
        }
        Imports = new Dictionary<string, PythonImport>(imports, StringComparer.Ordinal);
        Aliases = new Dictionary<string, string>(aliases, StringComparer.Ordinal);
    }

    /// <summary>Module-level classes by name, nested ones as `Outer.Inner`, in source order.</summary>
    public ImmutableArray<PythonClassFacts> ClassList { get; }

    public Dictionary<string, PythonClassFacts> Classes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PythonImport> Imports { get; }

    /// <summary>`Name = expr`, `Name: TypeAlias = expr` and `type Name = expr` at module level: the expression text.</summary>
    public Dictionary<string, string> Aliases { get; }

    /// <summary>The facts of a parsed module: each class body read once (<see cref="PythonClassBody"/>).</summary>
    public static PythonFileFacts Of(PythonModule module) =>
        new([.. module.Classes.Select(c => PythonClassBody.Read(module, c.Key, c.Value))], module.Imports, module.Aliases);

    /// <summary>How much memory the facts hold, roughly, in fields and names.</summary>
    public long Weight => 1 + ClassList.Sum(c => 1 + c.Fields.Length) + Imports.Count + Aliases.Count;
}
