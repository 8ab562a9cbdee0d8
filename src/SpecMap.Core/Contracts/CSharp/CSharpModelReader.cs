using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SpecMap.Core.Caching;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts.CSharp;

/// <summary>
/// Reads a C# model type from Roslyn syntax only (no compilation): classes, records (positional parameters too) and
/// structs; properties and public fields; `[JsonPropertyName]` wire names; `partial` parts in other files and base
/// types found in the repository. Only files whose text contains the type's name are read, and each file's
/// declarations (<see cref="CSharpFileFacts"/>) are kept by blob id across runs: an unchanged file is parsed once, ever,
/// while parts, bases and member types are looked up in the facts again on every run.
/// </summary>
internal sealed partial class CSharpModelReader(ISourceTree tree, ModelStore store) : IModelReader
{
    /// <summary>A reader that keeps what it reads in memory only (probes, tests).</summary>
    public CSharpModelReader(ISourceTree tree)
        : this(tree, ModelStore.InMemory)
    {
    }

    private const int MaxDepth = 12;

    private readonly Dictionary<string, CSharpFileFacts?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<Declared>> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private ILookup<string, string>? _declaredIn;

    /// <summary>The type named by <paramref name="className"/> (its last dotted part, generic arguments ignored) in <paramref name="path"/>, or null.</summary>
    public ModelClass? Read(string path, string className)
    {
        var name = SimpleName(className);
        var declaration = Declarations(path, name).FirstOrDefault();
        return declaration is null ? null : Read(declaration, 0);
    }

    /// <summary>The name of the type declared within lines [start, end] of <paramref name="path"/>, or null.</summary>
    public string? ClassAt(string path, int start, int end) =>
        Facts(path)?.Types.FirstOrDefault(t => t.Kind != CSharpTypeKind.Enum && t.Line >= start && t.Line <= end)?.Name;

    private ModelClass Read(Declared declaration, int depth)
    {
        var type = declaration.Type;
        var parts = new List<Declared> { declaration };
        if (type.IsPartial)
        {
            parts.AddRange(Named(type.Name).Where(d => d.Type.Kind != CSharpTypeKind.Enum && !d.Is(declaration)
                && d.Type.IsPartial && d.Type.Namespace == type.Namespace));
        }
        var fields = new List<ModelField>();
        var unseen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            ReadMembers(part, fields);
        }
        if (depth < MaxDepth)
        {
            foreach (var part in parts)
            {
                foreach (var baseType in part.Type.Bases)
                {
                    var baseName = SimpleName(baseType.Text);
                    var found = Declarations(part.Path, baseName).Concat(Named(baseName).Where(d => d.Type.Kind != CSharpTypeKind.Enum))
                        .FirstOrDefault(d => d.Type.Kind != CSharpTypeKind.Interface && !d.Is(part));
                    if (found is null)
                    {
                        // A base class outside the repository (an SDK's type) may declare fields no one here can read;
                        // interfaces (`IJsonModel<T>`) and `object` add none a model must implement itself.
                        if (!IsInterfaceName(baseName) && baseName is not ("object" or "Object" or "ValueType" or "Attribute" or "Exception"))
                        {
                            unseen.Add(baseType.Text);
                        }
                        continue;
                    }
                    var inherited = Read(found, depth + 1);
                    unseen.UnionWith(inherited.UnseenBases);
                    fields.AddRange(inherited.Fields.Where(f => !fields.Any(own => own.Name == f.Name)));
                }
            }
        }
        return new ModelClass(type.Name, declaration.Path, type.Line, [.. fields], NamePolicy.Loose, null, [.. unseen]);
    }

    /// <summary>`IJsonModel<T>`, `IEquatable<T>`: the .NET naming convention for interfaces.</summary>
    private static bool IsInterfaceName(string name) => name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]);

    private void ReadMembers(Declared part, List<ModelField> fields)
    {
        foreach (var member in part.Type.Members)
        {
            if (member.IsProperty && fields.Any(f => f.Name == member.Name))
            {
                continue;
            }
            fields.Add(new(member.Name, member.WireName, member.TypeText, new CodeShapes(ResolveShape).Of(member.Type), member.HasDefault, part.Path, member.Line));
        }
    }

    /// <summary>What a type name holds: an enum in the repository is a string or a number; a class, struct or record an object.</summary>
    private CodeShape? ResolveShape(string name)
    {
        var found = Named(SimpleName(name));
        if (found.Any(d => d.Type.Kind == CSharpTypeKind.Enum))
        {
            return CodeShape.EnumShape;
        }
        // `class Tags : List<string>` serializes as its collection base.
        foreach (var (_, type) in found)
        {
            if (type is { Kind: not CSharpTypeKind.Enum, Bases: [var first, ..] } && _resolving.Add(name))
            {
                try
                {
                    var shape = new CodeShapes(ResolveShape).Of(first.Type);
                    if (shape.Kind is ShapeKind.Array or ShapeKind.Map)
                    {
                        return shape;
                    }
                }
                finally
                {
                    _resolving.Remove(name);
                }
            }
        }
        return found.Any(d => d.Type.Kind != CSharpTypeKind.Enum) ? CodeShape.ObjectShape : null;
    }

    /// <summary>The type declarations (not enums) named <paramref name="name"/> in <paramref name="path"/>, in document order.</summary>
    private IEnumerable<Declared> Declarations(string path, string name) =>
        Facts(path)?.Types.Where(t => t.Kind != CSharpTypeKind.Enum && t.Name == name).Select(t => new Declared(path, t)) ?? [];

    /// <summary>Every type or enum declaration named <paramref name="name"/> in the repository's .cs files.</summary>
    private ImmutableArray<Declared> Named(string name)
    {
        if (_byName.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var found = ImmutableArray.CreateBuilder<Declared>();
        foreach (var path in DeclaredIn()[name])
        {
            foreach (var type in Facts(path)?.Types ?? [])
            {
                if (type.Name == name)
                {
                    found.Add(new Declared(path, type));
                }
            }
        }
        var result = found.ToImmutable();
        _byName[name] = result;
        return result;
    }

    /// <summary>Which files declare a type of each name, from one text scan: only those files are parsed.</summary>
    private ILookup<string, string> DeclaredIn() =>
        _declaredIn ??= tree.Paths.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => DeclaredNames(p).Select(name => (Name: name, Path: p)))
            .Distinct()
            .ToLookup(d => d.Name, d => d.Path, StringComparer.Ordinal);

    /// <summary>The names a file's text seems to declare, kept by blob id across runs.</summary>
    private ImmutableArray<string> DeclaredNames(string path) =>
        Blob(path) is { } blob ? store.CSharpNames(blob.Id, () => blob.Read() is { } file ? Scan(file) : null) : [];

    /// <summary>The declarations of the file at <paramref name="path"/>, kept by blob id across runs; null when it is not
    /// read as text (missing, a link).</summary>
    private CSharpFileFacts? Facts(string path)
    {
        if (!_files.TryGetValue(path, out var facts))
        {
            facts = Blob(path) is { } blob ? store.CSharp(blob.Id, () => blob.Read() is { } file ? CSharpFileFacts.Of(file) : null) : null;
            _files[path] = facts;
        }
        return facts;
    }

    /// <summary>A path's blob id and how to read it: in a commit's tree the id is in the tree, so an unchanged file is not
    /// even read when its facts are kept; elsewhere it is read (and hashed) first. A link's blob is not its target's text:
    /// reading gives null, and nothing is kept under the link's blob id.</summary>
    private (string Id, Func<SourceFile?> Read)? Blob(string path)
    {
        if ((tree as GitTreeSource)?.BlobId(path) is { } blobId)
        {
            return (blobId, () => tree.Read(path));
        }
        return tree.Read(path) is { } read ? (read.BlobId, () => read) : null;
    }

    private static ImmutableArray<string> Scan(SourceFile file) =>
        file.IsBinary ? [] : [.. Declaration().Matches(file.Text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>`Ns.Outer.Type&lt;T&gt;(…)` gives `Type`.</summary>
    internal static string SimpleName(string symbol)
    {
        var text = symbol.Split('(')[0];
        var angle = text.IndexOf('<', StringComparison.Ordinal);
        if (angle >= 0)
        {
            text = text[..angle];
        }
        return text[(text.LastIndexOf('.') + 1)..].Trim();
    }

    [GeneratedRegex(@"\b(?:record\s+(?:class\s+|struct\s+)?|class\s+|struct\s+|interface\s+|enum\s+)(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Declaration();

    /// <summary>A declaration at its path in this snapshot. The same facts may be another path's too (same blob): a part
    /// is told apart by both, as a syntax node was by its file's tree.</summary>
    private sealed record Declared(string Path, CSharpTypeFacts Type)
    {
        public bool Is(Declared other) => Path == other.Path && ReferenceEquals(Type, other.Type);
    }
}
