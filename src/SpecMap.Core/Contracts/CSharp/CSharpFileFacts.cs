using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SpecMap.Core.Outline.CSharp;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Contracts.CSharp;

/// <summary>What a C# declaration is to the model reader: a class, struct or record; an interface; an enum.</summary>
internal enum CSharpTypeKind : byte
{
    Type,
    Interface,
    Enum,
}

/// <summary>A member a model keeps (a record's positional parameter, a property, a field), as its file alone says: the
/// shape of its type is resolved later, across files.</summary>
/// <param name="IsProperty">A property is left out when a member of its name came first (a positional parameter, another part's).</param>
internal sealed record CSharpMemberFacts(string Name, string? WireName, string TypeText, TypeNode Type, bool HasDefault, int Line, bool IsProperty);

/// <summary>A base type as written (`Base`, `List&lt;string&gt;`) and as a type tree.</summary>
internal sealed record CSharpBaseFacts(string Text, TypeNode Type);

/// <summary>
/// A type or enum declaration as its file alone says. A class, not a record: the reader tells parts apart by identity,
/// as it told syntax nodes apart, even when two declarations read the same.
/// </summary>
/// <param name="Namespace">The enclosing namespaces joined with dots (containing types are not part of it).</param>
internal sealed class CSharpTypeFacts(string name, int line, CSharpTypeKind kind, bool isPartial, string ns, ImmutableArray<CSharpBaseFacts> bases, ImmutableArray<CSharpMemberFacts> members)
{
    public string Name { get; } = name;

    /// <summary>The 1-based line of the identifier.</summary>
    public int Line { get; } = line;

    public CSharpTypeKind Kind { get; } = kind;

    public bool IsPartial { get; } = isPartial;

    public string Namespace { get; } = ns;

    /// <summary>The base list in order; empty for an enum.</summary>
    public ImmutableArray<CSharpBaseFacts> Bases { get; } = bases;

    /// <summary>The members a model keeps, in order: positional parameters first; empty for an enum.</summary>
    public ImmutableArray<CSharpMemberFacts> Members { get; } = members;
}

/// <summary>
/// What C# model reading needs of one file, with no path in it, so it is kept by blob id across runs
/// (<see cref="Caching.ModelStore"/>): every type and enum declaration, nested ones too, in document order. What depends
/// on another file (partial parts, bases, the shapes of member types) is resolved from these facts by
/// <see cref="CSharpModelReader"/>, so a change there is always seen.
/// </summary>
internal sealed class CSharpFileFacts(ImmutableArray<CSharpTypeFacts> types)
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview, DocumentationMode.None);

    /// <summary>Every declaration in document order.</summary>
    public ImmutableArray<CSharpTypeFacts> Types { get; } = types;

    /// <summary>How much memory the facts hold, roughly, in members and names.</summary>
    public long Weight => 1 + Types.Sum(t => 1 + t.Bases.Length + t.Members.Length);

    /// <summary>The facts of one Roslyn parse of <paramref name="file"/>; none for a binary file or text the outliner's
    /// guard rejects (it would make Roslyn overflow or take exponential time).</summary>
    public static CSharpFileFacts Of(SourceFile file)
    {
        if (file.IsBinary || CSharpNestingGuard.TooDeep(file.Text))
        {
            return new([]);
        }
        var root = CSharpSyntaxTree.ParseText(TextLines.WithoutBom(file.Text), ParseOptions).GetRoot();
        return new([.. root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>().Select(Declaration)]);
    }

    private static CSharpTypeFacts Declaration(BaseTypeDeclarationSyntax declaration)
    {
        var kind = declaration switch
        {
            EnumDeclarationSyntax => CSharpTypeKind.Enum,
            InterfaceDeclarationSyntax => CSharpTypeKind.Interface,
            _ => CSharpTypeKind.Type,
        };
        var isType = declaration is TypeDeclarationSyntax;
        return new(declaration.Identifier.ValueText, Line(declaration.Identifier), kind,
            isType && declaration.Modifiers.Any(SyntaxKind.PartialKeyword),
            string.Join('.', declaration.Ancestors().OfType<BaseNamespaceDeclarationSyntax>().Reverse().Select(n => n.Name.ToString())),
            isType ? [.. (declaration.BaseList?.Types ?? []).Select(b => new CSharpBaseFacts(b.Type.ToString(), ToNode(b.Type)))] : [],
            declaration is TypeDeclarationSyntax type ? [.. Members(type)] : []);
    }

    private static IEnumerable<CSharpMemberFacts> Members(TypeDeclarationSyntax type)
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
                yield return Member(parameter.Identifier, parameter.Type, parameter.AttributeLists, parameter.Default is not null, isProperty: false);
            }
        }
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.ExplicitInterfaceSpecifier is null
                    && !property.Modifiers.Any(SyntaxKind.StaticKeyword) && !IsIgnored(property.AttributeLists)
                    && (isInterface || property.Modifiers.Any(SyntaxKind.PublicKeyword) || HasWireAttribute(property.AttributeLists)):
                    yield return Member(property.Identifier, property.Type, property.AttributeLists, property.Initializer is not null, isProperty: true);
                    break;
                case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.StaticKeyword) && !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                    && !IsIgnored(field.AttributeLists) && (field.Modifiers.Any(SyntaxKind.PublicKeyword) || HasWireAttribute(field.AttributeLists)):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        yield return Member(variable.Identifier, field.Declaration.Type, field.AttributeLists, variable.Initializer is not null, isProperty: false);
                    }
                    break;
            }
        }
    }

    private static CSharpMemberFacts Member(SyntaxToken identifier, TypeSyntax type, SyntaxList<AttributeListSyntax> attributes, bool hasDefault, bool isProperty) =>
        new(identifier.ValueText, WireName(attributes), type.ToString(), ToNode(type), hasDefault, Line(identifier), isProperty);

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

    /// <summary>The name `[JsonPropertyName("…")]`, `[JsonProperty("…")]` or `[DataMember(Name = "…")]` gives, or null.</summary>
    public static string? WireName(SyntaxList<AttributeListSyntax> lists)
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

    /// <summary>An attribute that puts a non-public member on the wire.</summary>
    public static bool HasWireAttribute(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(l => l.Attributes).Any(a => AttributeName(a) is "JsonPropertyName" or "JsonProperty" or "JsonInclude" or "DataMember");

    /// <summary>`[JsonIgnore]` (or `Condition = JsonIgnoreCondition.Always`) removes the member from the wire.</summary>
    public static bool IsIgnored(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(l => l.Attributes).Any(a => AttributeName(a) is "JsonIgnore" or "IgnoreDataMember"
            && (a.ArgumentList is null || a.ArgumentList.Arguments.Any(x => x.Expression.ToString().EndsWith(".Always", StringComparison.Ordinal))));

    private static string AttributeName(AttributeSyntax attribute)
    {
        var name = CSharpModelReader.SimpleName(attribute.Name.ToString());
        return name.EndsWith("Attribute", StringComparison.Ordinal) ? name[..^"Attribute".Length] : name;
    }

    /// <summary>Roslyn lines are 0-based; the contract's are 1-based.</summary>
    public static int Line(SyntaxToken token) => token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
}
