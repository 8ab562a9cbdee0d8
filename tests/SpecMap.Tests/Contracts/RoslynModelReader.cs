using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.CSharp;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Sources;

namespace SpecMap.Tests.Contracts;

/// <summary>
/// The oracle of <see cref="CSharpModelReaderCorpusTests"/>: the C# model reader as it was before its facts were kept
/// (main bf5c6c7), reading syntax nodes from a fresh Roslyn parse of every file it looks at, every time. Only the pure
/// per-node helpers (type trees, attribute reading) are the production ones, moved there unchanged.
/// </summary>
internal sealed partial class RoslynModelReader(ISourceTree tree)
{
    private const int MaxDepth = 12;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    private readonly Dictionary<string, SyntaxNode?> _roots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<(string Path, MemberDeclarationSyntax Node)>> _byName = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);
    private ILookup<string, string>? _declaredIn;

    public ModelClass? Read(string path, string className)
    {
        var name = SimpleName(className);
        var declaration = Declarations(Root(path), name).FirstOrDefault();
        return declaration is null ? null : Read(path, declaration, 0);
    }

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

    private static bool IsInterfaceName(string name) => name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]);

    private void ReadMembers(string path, TypeDeclarationSyntax type, List<ModelField> fields)
    {
        var isInterface = type is InterfaceDeclarationSyntax;
        if (type is RecordDeclarationSyntax { ParameterList: { } parameters })
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Type is null || CSharpFileFacts.IsIgnored(parameter.AttributeLists))
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
                    && !property.Modifiers.Any(SyntaxKind.StaticKeyword) && !CSharpFileFacts.IsIgnored(property.AttributeLists)
                    && (isInterface || property.Modifiers.Any(SyntaxKind.PublicKeyword) || CSharpFileFacts.HasWireAttribute(property.AttributeLists)):
                    if (!fields.Any(f => f.Name == property.Identifier.ValueText))
                    {
                        fields.Add(Field(path, property.Identifier, property.Type, property.AttributeLists, property.Initializer is not null));
                    }
                    break;
                case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    && !CSharpFileFacts.IsIgnored(field.AttributeLists) && (field.Modifiers.Any(SyntaxKind.PublicKeyword) || CSharpFileFacts.HasWireAttribute(field.AttributeLists)):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        fields.Add(Field(path, variable.Identifier, field.Declaration.Type, field.AttributeLists, variable.Initializer is not null));
                    }
                    break;
            }
        }
    }

    private ModelField Field(string path, SyntaxToken identifier, TypeSyntax type, SyntaxList<AttributeListSyntax> attributes, bool hasDefault) =>
        new(identifier.ValueText, CSharpFileFacts.WireName(attributes), type.ToString(), new CodeShapes(ResolveShape).Of(CSharpFileFacts.ToNode(type)), hasDefault, path, Line(identifier));

    private CodeShape? ResolveShape(string name)
    {
        var found = Named(SimpleName(name));
        if (found.Any(d => d.Node is EnumDeclarationSyntax))
        {
            return CodeShape.EnumShape;
        }
        foreach (var (_, node) in found)
        {
            if (node is TypeDeclarationSyntax { BaseList.Types: [var first, ..] } && _resolving.Add(name))
            {
                try
                {
                    var shape = new CodeShapes(ResolveShape).Of(CSharpFileFacts.ToNode(first.Type));
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

    private static IEnumerable<TypeDeclarationSyntax> Declarations(SyntaxNode? root, string name) =>
        root?.DescendantNodes().OfType<TypeDeclarationSyntax>().Where(t => t.Identifier.ValueText == name) ?? [];

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

    /// <summary>The same text scan as the production reader's (a file it does not match is not looked at).</summary>
    private ILookup<string, string> DeclaredIn() =>
        _declaredIn ??= tree.Paths.Where(p => p.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => Scan(p).Select(name => (Name: name, Path: p)))
            .Distinct()
            .ToLookup(d => d.Name, d => d.Path, StringComparer.Ordinal);

    private IEnumerable<string> Scan(string path) =>
        tree.Read(path) is { IsBinary: false } file ? Declaration().Matches(file.Text).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal) : [];

    private SyntaxNode? Root(string path)
    {
        if (!_roots.TryGetValue(path, out var root))
        {
            var file = tree.Read(path);
            root = file is null || file.IsBinary || CSharpNestingGuard.TooDeep(file.Text) ? null : CSharpSyntaxTree.ParseText(TextLines.WithoutBom(file.Text), ParseOptions, path).GetRoot();
            _roots[path] = root;
        }
        return root;
    }

    private static string Namespace(SyntaxNode node) =>
        string.Join('.', node.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString()));

    private static string SimpleName(string symbol) => CSharpModelReader.SimpleName(symbol);

    private static int Line(SyntaxToken token) => CSharpFileFacts.Line(token);

    [GeneratedRegex(@"\b(?:record\s+(?:class\s+|struct\s+)?|class\s+|struct\s+|interface\s+|enum\s+)(?<name>[A-Za-z_]\w*)")]
    private static partial Regex Declaration();
}
