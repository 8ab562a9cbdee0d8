using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecMap.Core.Caching;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts.CSharp;

/// <summary>
/// Reads a C# model type with Roslyn syntax only (no compilation): classes, records (positional parameters too) and
/// structs; properties and public fields; `[JsonPropertyName]` wire names; `partial` parts in other files and base
/// types found in the repository. Only files whose text contains the type's name are parsed.
/// </summary>
internal sealed partial class CSharpModelReader(ISourceTree tree, ModelStore store) : IModelReader
{
    /// <summary>A reader that keeps what it scans in memory only (probes, tests).</summary>
    public CSharpModelReader(ISourceTree tree)
        : this(tree, ModelStore.InMemory)
    {
    }

    private const int MaxDepth = 12;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    private readonly Dictionary<string, SyntaxNode?> _roots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<(string Path, MemberDeclarationSyntax Node)>> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private ILookup<string, string>? _declaredIn;

    /// <summary>The type named by <paramref name="className"/> (its last dotted part, generic arguments ignored) in <paramref name="path"/>, or null.</summary>
    public ModelClass? Read(string path, string className)
    {
        var name = SimpleName(className);
        var declaration = Declarations(Root(path), name).FirstOrDefault();
        return declaration is null ? null : Read(path, declaration, 0);
    }

    /// <summary>The name of the type declared within lines [start, end] of <paramref name="path"/>, or null.</summary>
    public string? ClassAt(string path, int start, int end) =>
        Root(path)?.DescendantNodes().OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(t => Line(t.Identifier) >= start && Line(t.Identifier) <= end)?.Identifier.ValueText;

    private ModelClass Read(string path, TypeDeclarationSyntax declaration, int depth)
    {
        var name = declaration.Identifier.ValueText;
        var parts = new List<(string Path, TypeDeclarationSyntax Node)> { (path, declaration) };
        if (declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            var ns = Namespace(declaration);
            parts.AddRange(Named(name).Where(d => d.Node is TypeDeclarationSyntax t && t != declaration
                    && t.Modifiers.Any(SyntaxKind.PartialKeyword) && Namespace(t) == ns)
                .Select(d => (d.Path, (TypeDeclarationSyntax)d.Node)));
        }
        var fields = new List<ModelField>();
        var unseen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (partPath, part) in parts)
        {
            ReadMembers(partPath, part, fields);
        }
        if (depth < MaxDepth)
        {
            foreach (var (partPath, part) in parts)
            {
                foreach (var baseType in part.BaseList?.Types ?? [])
                {
                    var baseName = SimpleName(baseType.Type.ToString());
                    var found = Declarations(Root(partPath), baseName).Select(d => (partPath, d))
                        .Concat(Named(baseName).Where(d => d.Node is TypeDeclarationSyntax).Select(d => (d.Path, (TypeDeclarationSyntax)d.Node)))
                        .FirstOrDefault(d => d.Item2 is not InterfaceDeclarationSyntax && d.Item2 != part);
                    if (found.Item2 is null)
                    {
                        // A base class outside the repository (an SDK's type) may declare fields no one here can read;
                        // interfaces (`IJsonModel<T>`) and `object` add none a model must implement itself.
                        if (!IsInterfaceName(baseName) && baseName is not ("object" or "Object" or "ValueType" or "Attribute" or "Exception"))
                        {
                            unseen.Add(baseType.Type.ToString());
                        }
                        continue;
                    }
                    var inherited = Read(found.Item1, found.Item2, depth + 1);
                    unseen.UnionWith(inherited.UnseenBases);
                    fields.AddRange(inherited.Fields.Where(f => !fields.Any(own => own.Name == f.Name)));
                }
            }
        }
        return new ModelClass(name, path, Line(declaration.Identifier), [.. fields], NamePolicy.Loose, null, [.. unseen]);
    }

    /// <summary>`IJsonModel<T>`, `IEquatable<T>`: the .NET naming convention for interfaces.</summary>
    private static bool IsInterfaceName(string name) => name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]);

    private void ReadMembers(string path, TypeDeclarationSyntax type, List<ModelField> fields)
    {
        var isInterface = type is InterfaceDeclarationSyntax;
        if (type is RecordDeclarationSyntax { ParameterList: { } parameters })
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Type is null || IsIgnored(parameter.AttributeLists))
                {
                    continue;
                }
                fields.Add(Field(path, parameter.Identifier, parameter.Type, parameter.AttributeLists, parameter.Default is not null));
            }
        }
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.ExplicitInterfaceSpecifier is null
                    && !property.Modifiers.Any(SyntaxKind.StaticKeyword) && !IsIgnored(property.AttributeLists)
                    && (isInterface || property.Modifiers.Any(SyntaxKind.PublicKeyword) || HasWireAttribute(property.AttributeLists)):
                    if (!fields.Any(f => f.Name == property.Identifier.ValueText))
                    {
                        fields.Add(Field(path, property.Identifier, property.Type, property.AttributeLists, property.Initializer is not null));
                    }
                    break;
                case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    && !IsIgnored(field.AttributeLists) && (field.Modifiers.Any(SyntaxKind.PublicKeyword) || HasWireAttribute(field.AttributeLists)):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        fields.Add(Field(path, variable.Identifier, field.Declaration.Type, field.AttributeLists, variable.Initializer is not null));
                    }
                    break;
            }
        }
    }

    private ModelField Field(string path, SyntaxToken identifier, TypeSyntax type, SyntaxList<AttributeListSyntax> attributes, bool hasDefault) =>
        new(identifier.ValueText, WireName(attributes), type.ToString(), new CodeShapes(ResolveShape).Of(ToNode(type)), hasDefault, path, Line(identifier));

    /// <summary>What a type name holds: an enum in the repository is a string or a number; a class, struct or record an object.</summary>
    private CodeShape? ResolveShape(string name)
    {
        var found = Named(SimpleName(name));
        if (found.Any(d => d.Node is EnumDeclarationSyntax))
        {
            return CodeShape.EnumShape;
        }
        // `class Tags : List<string>` serializes as its collection base.
        foreach (var (_, node) in found)
        {
            if (node is TypeDeclarationSyntax { BaseList.Types: [var first, ..] } && _resolving.Add(name))
            {
                try
                {
                    var shape = new CodeShapes(ResolveShape).Of(ToNode(first.Type));
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
        return found.Any(d => d.Node is TypeDeclarationSyntax) ? CodeShape.ObjectShape : null;
    }

    /// <summary>Converts Roslyn type syntax to the shared tree: `string?` is ?(string), `int[]` is [](int).</summary>
    public static TypeNode ToNode(TypeSyntax type) => type switch
    {
        PredefinedTypeSyntax predefined => TypeNode.Named(predefined.Keyword.ValueText),
        NullableTypeSyntax nullable => TypeNode.Named("?", ToNode(nullable.ElementType)),
        ArrayTypeSyntax array => TypeNode.Named("[]", ToNode(array.ElementType)),
        GenericNameSyntax generic => TypeNode.Named(generic.Identifier.ValueText, [.. generic.TypeArgumentList.Arguments.Select(ToNode)]),
        QualifiedNameSyntax qualified => ToNode(qualified.Right),
        AliasQualifiedNameSyntax alias => ToNode(alias.Name),
        IdentifierNameSyntax identifier => TypeNode.Named(identifier.Identifier.ValueText),
        _ => TypeNode.Named(type.ToString()),
    };

    private static string? WireName(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var attribute in lists.SelectMany(l => l.Attributes))
        {
            var name = AttributeName(attribute);
            if (name is not ("JsonPropertyName" or "JsonProperty" or "DataMember") || attribute.ArgumentList is null)
            {
                continue;
            }
            foreach (var argument in attribute.ArgumentList.Arguments)
            {
                var key = argument.NameEquals?.Name.Identifier.ValueText;
                if ((key is null || key is "Name" or "PropertyName") && argument.Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    return literal.Token.ValueText;
                }
            }
        }
        return null;
    }

    private static bool HasWireAttribute(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(l => l.Attributes).Any(a => AttributeName(a) is "JsonPropertyName" or "JsonProperty" or "JsonInclude" or "DataMember");

    /// <summary>`[JsonIgnore]` (or `Condition = JsonIgnoreCondition.Always`) removes the member from the wire.</summary>
    private static bool IsIgnored(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(l => l.Attributes).Any(a => AttributeName(a) is "JsonIgnore" or "IgnoreDataMember"
            && (a.ArgumentList is null || a.ArgumentList.Arguments.Any(x => x.Expression.ToString().EndsWith(".Always", StringComparison.Ordinal))));

    private static string AttributeName(AttributeSyntax attribute)
    {
        var name = SimpleName(attribute.Name.ToString());
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    private static IEnumerable<TypeDeclarationSyntax> Declarations(SyntaxNode? root, string name) =>
        root?.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Identifier.ValueText == name) ?? [];

    /// <summary>Every type or enum declaration named <paramref name="name"/> in the repository's .cs files.</summary>
    private ImmutableArray<(string Path, MemberDeclarationSyntax Node)> Named(string name)
    {
        if (_byName.TryGetValue(name, out var cached))
        {
            return cached;
        }
        var found = ImmutableArray.CreateBuilder<(string, MemberDeclarationSyntax)>();
        foreach (var path in DeclaredIn()[name])
        {
            if (Root(path) is not { } root)
            {
                continue;
            }
            foreach (var node in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Where(t => t.Identifier.ValueText == name))
            {
                found.Add((path, node));
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

    /// <summary>The names a file's text seems to declare, kept by blob id across runs: in a commit's tree an unchanged
    /// file is not even read (its blob id is in the tree), elsewhere it is read but not scanned again.</summary>
    private ImmutableArray<string> DeclaredNames(string path)
    {
        if ((tree as GitTreeSource)?.BlobId(path) is { } blobId)
        {
            // A link's blob is not its target's text: Read gives null, and nothing is kept under the link's blob id.
            return store.CSharpNames(blobId, () => tree.Read(path) is { } file ? Scan(file) : null);
        }
        return tree.Read(path) is { } read ? store.CSharpNames(read.BlobId, () => Scan(read)) : [];
    }

    private static ImmutableArray<string> Scan(SourceFile file) =>
        file.IsBinary ? [] : [.. Declaration().Matches(file.Text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];

    private SyntaxNode? Root(string path)
    {
        if (!_roots.TryGetValue(path, out var root))
        {
            var file = tree.Read(path);
            // Text the outliner's guard rejects would make Roslyn overflow or take exponential time: not read.
            root = file is null || file.IsBinary || CSharpNestingGuard.TooDeep(file.Text) ? null : CSharpSyntaxTree.ParseText(TextLines.WithoutBom(file.Text), ParseOptions, path).GetRoot();
            _roots[path] = root;
        }
        return root;
    }

    private static string Namespace(SyntaxNode node) =>
        string.Join('.', node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));

    private static string SimpleName(string symbol)
    {
        var text = symbol.Split('(')[0];
        var angle = text.IndexOf('<', StringComparison.Ordinal);
        if (angle >= 0)
        {
            text = text[..angle];
        }
        return text[(text.LastIndexOf('.') + 1)..].Trim();
    }

    /// <summary>Roslyn lines are 0-based; the contract's are 1-based.</summary>
    private static int Line(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    [GeneratedRegex(@"\b(?:record\s+(?:class\s+|struct\s+)?|class\s+|struct\s+|interface\s+|enum\s+)(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Declaration();
}
