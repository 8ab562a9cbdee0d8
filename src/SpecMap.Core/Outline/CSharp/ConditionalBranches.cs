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
    private sealed record Branch(int Position, string[] Names, string[] Earlier);

    private static List<Branch> Branches(CSharpSyntaxNode root)
    {
        var branches = new List<Branch>();
        foreach (var directive in Directives(root))
        {
            if (directive is not (IfDirectiveTriviaSyntax or ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax))
            {
                continue;
            }
            var earlier = directive.GetRelatedDirectives()
                .TakeWhile(d => d.SpanStart < directive.SpanStart)
                .OfType<ConditionalDirectiveTriviaSyntax>()
                .SelectMany(d => Names(d.Condition))
                .ToArray();
            var own = directive is ConditionalDirectiveTriviaSyntax conditional ? Names(conditional.Condition) : [];
            branches.Add(new Branch(directive.SpanStart, own, earlier));
        }
        return branches;
    }

    private static IEnumerable<DirectiveTriviaSyntax> Directives(CSharpSyntaxNode root)
    {
        for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
        {
            yield return directive;
        }
    }

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
