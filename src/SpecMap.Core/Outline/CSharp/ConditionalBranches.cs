using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SpecMap.Core.Outline.CSharp;

/// <summary>
/// Declarations under every branch of a file's `#if` directives. Roslyn parses with no preprocessor symbols defined,
/// so code under `#if NET6_0_OR_GREATER` is disabled text and a reference into it would be lost. The file is parsed
/// again with the symbols its conditions name (all of them; then, for a branch still unseen, those that make the
/// earlier branches of its chain false), at most <see cref="MaxParses"/> times, and the declarations united: one
/// that several parses see is kept once.
/// </summary>
internal static class ConditionalBranches
{
    /// <summary>Parses per file, the first (no symbols) included: a bound on the cost of pathological files.</summary>
    private const int MaxParses = 4;

    public static ImmutableArray<OutlineSymbol> Outline(CompilationUnitSyntax root, SourceText source, CSharpParseOptions options, string path,
        ImmutableArray<OutlineSymbol> first, Func<SyntaxNode, TextLineCollection, ImmutableArray<OutlineSymbol>> walk)
    {
        var branches = Branches(root);
        if (branches.Count == 0)
        {
            return first;
        }
        var covered = Taken(root);
        var names = branches.SelectMany(b => b.Names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var tried = new HashSet<string>(StringComparer.Ordinal) { string.Empty };
        var symbols = new List<OutlineSymbol>(first);
        var seen = new HashSet<OutlineSymbol>(first);
        for (var parses = 1; parses < MaxParses; parses++)
        {
            var defined = NextSymbols(branches, covered, names, tried);
            if (defined is null)
            {
                break;
            }
            var tree = CSharpSyntaxTree.ParseText(source, options.WithPreprocessorSymbols(defined), path);
            var again = (CSharpSyntaxNode)tree.GetRoot();
            covered.UnionWith(Taken(again));
            foreach (var symbol in walk(again, source.Lines))
            {
                if (!seen.Add(symbol))
                {
                    continue;
                }
                // The same declaration ending later (a file-scoped namespace whose last members were disabled text):
                // one declaration, as far as any parse sees it.
                var shorter = symbols.FindIndex(s => s.Kind == symbol.Kind && s.QualifiedName == symbol.QualifiedName && s.Signature == symbol.Signature
                    && s.Start == symbol.Start && s.DefLine == symbol.DefLine);
                if (shorter < 0)
                {
                    symbols.Add(symbol);
                }
                else if (symbols[shorter].End < symbol.End)
                {
                    symbols[shorter] = symbol;
                }
            }
        }
        // Source order, outer before inner (a stable sort keeps each parse's order among equals).
        return [.. symbols.OrderBy(s => s.Start).ThenByDescending(s => s.End)];
    }

    /// <summary>One `#if`, `#elif` or `#else`: where it is, the names its condition uses, and the names of the earlier
    /// conditions of its chain (false for it to be taken).</summary>
    private sealed record Branch(int Position, HashSet<string> Names, HashSet<string> Earlier);

    /// <summary>
    /// One pass over the directives with a stack of open chains. Asking Roslyn for each directive's related ones walks
    /// the chain again every time: a fuzzed file of 1,000 unclosed `#if` lines took over a minute.
    /// </summary>
    private static List<Branch> Branches(CSharpSyntaxNode root)
    {
        var branches = new List<Branch>();
        var chains = new Stack<List<string>>();
        foreach (var directive in Directives(root))
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax ifDirective:
                    var opened = Names(ifDirective.Condition);
                    chains.Push([.. opened]);
                    branches.Add(new Branch(directive.SpanStart, [.. opened], []));
                    break;
                case ElifDirectiveTriviaSyntax elif:
                    var chain = Chain(chains);
                    var own = Names(elif.Condition);
                    branches.Add(new Branch(directive.SpanStart, [.. own], [.. chain]));
                    chain.AddRange(own);
                    break;
                case ElseDirectiveTriviaSyntax:
                    branches.Add(new Branch(directive.SpanStart, [], [.. Chain(chains)]));
                    break;
                case EndIfDirectiveTriviaSyntax when chains.Count > 0:
                    chains.Pop();
                    break;
            }
        }
        return branches;
    }

    /// <summary>The innermost open chain; a stray `#elif`/`#else` (an error Roslyn reports) starts one of its own.</summary>
    private static List<string> Chain(Stack<List<string>> chains)
    {
        if (chains.Count == 0)
        {
            chains.Push([]);
        }
        return chains.Peek();
    }

    /// <summary>The directives in source order. Only nodes that hold one are entered: `GetNextDirective` visits every
    /// token of the tree after it, which cost about as much as the parse itself.</summary>
    internal static IEnumerable<DirectiveTriviaSyntax> Directives(SyntaxNode root) =>
        root.DescendantTrivia(node => node.ContainsDirectives)
            .Where(trivia => trivia.IsDirective)
            .Select(trivia => (DirectiveTriviaSyntax)trivia.GetStructure()!);

    private static string[] Names(ExpressionSyntax condition) =>
        [.. condition.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.ValueText)];

    /// <summary>The branches whose code a parse saw.</summary>
    private static HashSet<int> Taken(CSharpSyntaxNode root)
    {
        var taken = new HashSet<int>();
        foreach (var directive in Directives(root))
        {
            var branchTaken = directive switch
            {
                ConditionalDirectiveTriviaSyntax c => c.IsActive && c.BranchTaken,
                ElseDirectiveTriviaSyntax e => e.IsActive && e.BranchTaken,
                _ => false,
            };
            if (branchTaken)
            {
                taken.Add(directive.SpanStart);
            }
        }
        return taken;
    }

    /// <summary>The next symbol set worth a parse: all names first, then one per branch still unseen; null when done.</summary>
    private static string[]? NextSymbols(List<Branch> branches, HashSet<int> covered, List<string> names, HashSet<string> tried)
    {
        var uncovered = branches.Where(b => !covered.Contains(b.Position)).ToList();
        if (uncovered.Count == 0)
        {
            return null;
        }
        IEnumerable<string[]> options = [[.. names], .. uncovered.Select(b => names.Where(n => !b.Earlier.Contains(n) || b.Names.Contains(n)).ToArray())];
        foreach (var option in options)
        {
            if (tried.Add(string.Join(' ', option)))
            {
                return option;
            }
        }
        return null;
    }
}
