using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SpecMap.Core.Outline.CSharp;

/// <summary>Outlines C# with a Roslyn syntax tree only (no compilation, no semantic model).</summary>
/// <remarks>
/// Forms (the relocation benchmark's where it has them):
/// qualified names are `Namespace.Type.Member`, nested types `Outer.Inner`, generic types without their type
/// parameters (`EnumCache`, signature `&lt;T&gt;`); constructors are named after their type (`Type.Type`), destructors
/// `Type.~Type`, operators `Type.operator +`, conversions `Type.implicit operator ByteSize`, indexers `Type.this`
/// (signature `(int)`), explicit interface implementations `Type.IFoo.Bar` (simple name `Bar`).
/// Each variable of a field or event-field declaration is its own symbol with the declaration's range.
/// A C# 14 `extension(...)` block is an unnamed type (not itself a symbol): its members are `Class..Member`, the
/// benchmark's form, with their own parameters as signature (no receiver).
/// Code under `#if` is seen in every branch: a file with conditional directives is parsed again with the symbols
/// they name (see <see cref="ConditionalBranches"/>), and the declarations of all parses are united.
/// Member bodies are blanked before the parse (see <see cref="BodyBlanker"/>): the declarations come out the same for
/// less of the parse's cost, and a text whose blanking does not parse as planned is parsed as written.
/// </remarks>
/// <param name="conditionalBranches">False outlines only what a parse with no symbols defined sees (for measuring).</param>
/// <param name="blankBodies">False parses the text as written (for measuring and for the tests that compare).</param>
internal sealed class CSharpOutliner(bool conditionalBranches = true, bool blankBodies = true) : IOutliner
{
    // Doc comments stay plain trivia: structured parsing of them costs time and gives us nothing.
    private static readonly CSharpParseOptions Options = new(LanguageVersion.Preview, DocumentationMode.None);

    public string Language => "csharp";

    public IReadOnlyCollection<string> Extensions { get; } = [".cs"];

    public string? WhyNotOutlined(string text) => CSharpNestingGuard.WhyNotParsed(text);

    public SourceOutline Outline(string path, string text)
    {
        if (CSharpNestingGuard.WhyNotParsed(text) is { } why) { return new SourceOutline(path, Language, []) { NotOutlinedBecause = why }; }
        if (blankBodies && BodyBlanker.Blank(text) is { } blanked && Declarations(path, blanked.Text, blanked.Regions) is { } fast)
        {
            return new SourceOutline(path, Language, fast);
        }
        return new SourceOutline(path, Language, Declarations(path, SourceText.From(text), regions: [])!.Value);
    }

    /// <summary>The declarations of every parse of the text; null when a blanked region did not parse as planned in one
    /// of them (or the blanked text has syntax errors), so the text must be parsed as written.</summary>
    private ImmutableArray<OutlineSymbol>? Declarations(string path, SourceText source, ImmutableArray<(int Open, int Close)> regions)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source, Options, path).GetRoot();
        if (!regions.IsEmpty && (root.ContainsDiagnostics || !AllBlocks(root, regions)))
        {
            return null;
        }
        var walker = new Walker(source.Lines);
        walker.Members(root.Members, container: null, depth: 0);
        if (!conditionalBranches || !root.ContainsDirectives)
        {
            return walker.Symbols.ToImmutable();
        }
        var planned = true;
        var symbols = ConditionalBranches.Outline(root, source, Options, path, walker.Symbols.ToImmutable(),
            (tree, lines) =>
            {
                planned &= regions.IsEmpty || AllBlocks(tree, regions);
                var again = new Walker(lines);
                again.Members(((CompilationUnitSyntax)tree).Members, container: null, depth: 0);
                return again.Symbols.ToImmutable();
            });
        return planned ? symbols : null;
    }

    /// <summary>True when each blanked region is a block, an initializer, a collection expression or an expression body in
    /// this parse, from its open bracket (or `=>`) to its close (or `;`), or lies in text an `#if` disabled: none of them
    /// holds a declaration.</summary>
    private static bool AllBlocks(SyntaxNode root, ImmutableArray<(int Open, int Close)> regions)
    {
        foreach (var (open, close) in regions)
        {
            var token = root.FindToken(open);
            if (token.SpanStart != open)
            {
                if (!root.FindTrivia(open).IsKind(SyntaxKind.DisabledTextTrivia))
                {
                    return false;
                }
                continue;
            }
            var closing = token.Parent switch
            {
                // An expression body, blanked to `=> default`, ends at its member's `;`, the member's last token (asked
                // of the member: the token after the clause is found by walking the tree, 30% of this check's cost).
                ArrowExpressionClauseSyntax { Parent: { } member } arrow when token.IsKind(SyntaxKind.EqualsGreaterThanToken)
                    && arrow.Expression.IsKind(SyntaxKind.DefaultLiteralExpression)
                    && member.GetLastToken() is var last && last.IsKind(SyntaxKind.SemicolonToken) => last,
                BlockSyntax block when token.IsKind(SyntaxKind.OpenBraceToken) => block.CloseBraceToken,
                InitializerExpressionSyntax initializer when token.IsKind(SyntaxKind.OpenBraceToken) => initializer.CloseBraceToken,
                CollectionExpressionSyntax collection when token.IsKind(SyntaxKind.OpenBracketToken) => collection.CloseBracketToken,
                _ => default,
            };
            if (closing.RawKind == 0 || closing.IsMissing || closing.SpanStart != close)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>One pass over the declarations (member bodies are never entered).</summary>
    private sealed class Walker(TextLineCollection lines)
    {
        public ImmutableArray<OutlineSymbol>.Builder Symbols { get; } = ImmutableArray.CreateBuilder<OutlineSymbol>();

        public void Members(SyntaxList<MemberDeclarationSyntax> members, string? container, int depth)
        {
            foreach (var member in members)
            {
                Member(member, container, depth);
            }
        }

        private void Member(MemberDeclarationSyntax member, string? container, int depth)
        {
            switch (member)
            {
                case ExtensionBlockDeclarationSyntax block:
                    // A C# 14 `extension(string s) { ... }` block is a type without a name, as the benchmark has it:
                    // its members are `Class..Member` (an empty segment), their signatures their own parameters.
                    Members(block.Members, container + ".", depth + 1);
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    var nsName = TypeText.Of(ns.Name);
                    var nsQualified = Qualify(container, nsName);
                    Add(SymbolKinds.Namespace, nsName, nsQualified, ns, ns.Name, null, depth);
                    Members(ns.Members, nsQualified, depth + 1);
                    break;
                case BaseTypeDeclarationSyntax type:
                    Type(type, container, depth);
                    break;
                case DelegateDeclarationSyntax d:
                    Add(SymbolKinds.Delegate, d.Identifier.ValueText, Qualify(container, d.Identifier.ValueText), d, d.Identifier,
                        TypeParameters(d.TypeParameterList) + Parameters(d.ParameterList), depth);
                    break;
                case MethodDeclarationSyntax m:
                    var methodName = Qualify(ExplicitInterface(container, m.ExplicitInterfaceSpecifier), m.Identifier.ValueText);
                    Add(SymbolKinds.Method, m.Identifier.ValueText, methodName, m, m.Identifier,
                        TypeParameters(m.TypeParameterList) + Parameters(m.ParameterList), depth);
                    break;
                case ConstructorDeclarationSyntax c:
                    var isStatic = c.Modifiers.Any(SyntaxKind.StaticKeyword);
                    Add(SymbolKinds.Constructor, c.Identifier.ValueText, Qualify(container, c.Identifier.ValueText), c, c.Identifier,
                        (isStatic ? "static " : string.Empty) + Parameters(c.ParameterList), depth);
                    break;
                case DestructorDeclarationSyntax dtor:
                    var dtorName = "~" + dtor.Identifier.ValueText;
                    Add(SymbolKinds.Destructor, dtorName, Qualify(container, dtorName), dtor, dtor.Identifier, Parameters(dtor.ParameterList), depth);
                    break;
                case OperatorDeclarationSyntax op:
                    var checkedPart = op.CheckedKeyword.IsKind(SyntaxKind.CheckedKeyword) ? "checked " : string.Empty;
                    var opName = "operator " + checkedPart + op.OperatorToken.Text;
                    Add(SymbolKinds.Operator, opName, Qualify(ExplicitInterface(container, op.ExplicitInterfaceSpecifier), opName), op,
                        op.OperatorKeyword, Parameters(op.ParameterList), depth);
                    break;
                case ConversionOperatorDeclarationSyntax conv:
                    var convName = conv.ImplicitOrExplicitKeyword.Text + " operator " + TypeText.Of(conv.Type);
                    Add(SymbolKinds.Conversion, convName, Qualify(ExplicitInterface(container, conv.ExplicitInterfaceSpecifier), convName), conv,
                        conv.OperatorKeyword, Parameters(conv.ParameterList), depth);
                    break;
                case PropertyDeclarationSyntax p:
                    Add(SymbolKinds.Property, p.Identifier.ValueText,
                        Qualify(ExplicitInterface(container, p.ExplicitInterfaceSpecifier), p.Identifier.ValueText), p, p.Identifier, null, depth);
                    break;
                case IndexerDeclarationSyntax ix:
                    Add(SymbolKinds.Indexer, "this", Qualify(ExplicitInterface(container, ix.ExplicitInterfaceSpecifier), "this"), ix,
                        ix.ThisKeyword, Parameters(ix.ParameterList), depth);
                    break;
                case EventDeclarationSyntax ev:
                    Add(SymbolKinds.Event, ev.Identifier.ValueText,
                        Qualify(ExplicitInterface(container, ev.ExplicitInterfaceSpecifier), ev.Identifier.ValueText), ev, ev.Identifier, null, depth);
                    break;
                case BaseFieldDeclarationSyntax field:
                    // `int a, b;` declares two fields; each gets the whole declaration's range.
                    var kind = field is EventFieldDeclarationSyntax ? SymbolKinds.Event : SymbolKinds.Field;
                    foreach (var variable in field.Declaration.Variables)
                    {
                        Add(kind, variable.Identifier.ValueText, Qualify(container, variable.Identifier.ValueText), field, variable.Identifier, null, depth);
                    }
                    break;
                default:
                    // Top-level statements and incomplete members (parse errors) declare nothing we outline.
                    break;
            }
        }

        private void Type(BaseTypeDeclarationSyntax type, string? container, int depth)
        {
            var name = type.Identifier.ValueText;
            var qualified = Qualify(container, name);
            var kind = type switch
            {
                ClassDeclarationSyntax => SymbolKinds.Class,
                StructDeclarationSyntax => SymbolKinds.Struct,
                InterfaceDeclarationSyntax => SymbolKinds.Interface,
                RecordDeclarationSyntax r when r.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => SymbolKinds.RecordStruct,
                RecordDeclarationSyntax => SymbolKinds.Record,
                EnumDeclarationSyntax => SymbolKinds.Enum,
                _ => SymbolKinds.Class,
            };
            var typeParameters = type is TypeDeclarationSyntax t ? TypeParameters(t.TypeParameterList) : string.Empty;
            Add(kind, name, qualified, type, type.Identifier, typeParameters.Length == 0 ? null : typeParameters, depth);
            switch (type)
            {
                case TypeDeclarationSyntax withMembers:
                    Members(withMembers.Members, qualified, depth + 1);
                    break;
                case EnumDeclarationSyntax e:
                    foreach (var member in e.Members)
                    {
                        var memberName = member.Identifier.ValueText;
                        Add(SymbolKinds.EnumMember, memberName, Qualify(qualified, memberName), member, member.Identifier, null, depth + 1);
                    }
                    break;
                default:
                    break;
            }
        }

        private void Add(string kind, string name, string qualified, SyntaxNode node, SyntaxToken identifier, string? signature, int depth)
        {
            Add(kind, name, qualified, node, identifier.SpanStart, signature, depth);
        }

        private void Add(string kind, string name, string qualified, SyntaxNode node, SyntaxNode identifier, string? signature, int depth)
        {
            Add(kind, name, qualified, node, identifier.SpanStart, signature, depth);
        }

        private void Add(string kind, string name, string qualified, SyntaxNode node, int defPosition, string? signature, int depth)
        {
            // Span (unlike FullSpan) starts at the first attribute or modifier and leaves out leading comments;
            // Roslyn's lines are 0-based, ours 1-based.
            var span = node.Span;
            var start = lines.GetLineFromPosition(span.Start).LineNumber + 1;
            var end = lines.GetLineFromPosition(Math.Max(span.Start, span.End - 1)).LineNumber + 1;
            var defLine = lines.GetLineFromPosition(defPosition).LineNumber + 1;
            Symbols.Add(new OutlineSymbol(kind, name, qualified, start, defLine, end, signature, depth));
        }

        private static string Qualify(string? container, string name) => container is null ? name : container + "." + name;

        private static string? ExplicitInterface(string? container, ExplicitInterfaceSpecifierSyntax? specifier) =>
            specifier is null ? container : Qualify(container, TypeText.Of(specifier.Name));

        private static string TypeParameters(TypeParameterListSyntax? list) =>
            list is null || list.Parameters.Count == 0
                ? string.Empty
                : "<" + string.Join(",", list.Parameters.Select(p => p.Identifier.ValueText)) + ">";

        private static string Parameters(BaseParameterListSyntax list) =>
            "(" + string.Join(", ", list.Parameters.Select(Parameter)) + ")";

        private static string Parameter(BaseParameterSyntax parameter)
        {
            var type = parameter.Type is null ? "__arglist" : TypeText.Of(parameter.Type);
            return parameter.Modifiers.Count == 0 ? type : string.Join(" ", parameter.Modifiers.Select(m => m.Text)) + " " + type;
        }
    }
}
