using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SpecMap.Core.Outline;

namespace SpecMap.Core.Resolution;

/// <summary>
/// An outline's declarations by the final name a <see cref="SymbolQuery"/> compares (spaces removed, generic arguments
/// dropped), built once per outline: a query looks up its name instead of splitting and normalising every declaration
/// of the file (issue 15: ByteSizeExtensions.cs has hundreds, and every reference into it scanned them all).
/// </summary>
internal sealed class OutlineNames
{
    // Keyed by the symbols' array, which an outline shares with its copies at other paths (Outliners.Outline).
    private static readonly ConditionalWeakTable<OutlineSymbol[], OutlineNames> Built = new();

    private readonly OutlineSymbol[] _symbols;
    private readonly Dictionary<string, List<Declaration>> _byName = new(StringComparer.Ordinal);
    private List<string>? _namespaces;
    private HashSet<string>? _declared;

    private OutlineNames(OutlineSymbol[] symbols)
    {
        _symbols = symbols;
        foreach (var symbol in symbols)
        {
            var declaration = new Declaration(symbol);
            if (!_byName.TryGetValue(declaration.Name, out var named))
            {
                named = [];
                _byName.Add(declaration.Name, named);
            }
            named.Add(declaration);
        }
    }

    public static OutlineNames Of(SourceOutline outline) =>
        Built.GetValue(ImmutableCollectionsMarshal.AsArray(outline.Symbols) ?? [], symbols => new OutlineNames(symbols));

    /// <summary>The declarations whose final name is <paramref name="name"/>, in source order.</summary>
    public IReadOnlyList<Declaration> Named(string name) => _byName.TryGetValue(name, out var named) ? named : [];

    /// <summary>The qualified names of the outline's namespaces, in source order.</summary>
    public List<string> Namespaces => _namespaces ??= [.. _symbols.Where(s => s.Kind == SymbolKinds.Namespace).Select(s => s.QualifiedName)];

    /// <summary>Every qualified name with its generic arguments and spaces removed.</summary>
    public HashSet<string> Declared => _declared ??= _symbols.Select(s => SymbolQuery.StripGenerics(s.QualifiedName)).ToHashSet(StringComparer.Ordinal);

    /// <summary>One declaration with the parts of its qualified name a query compares, each worked out once.</summary>
    internal sealed class Declaration
    {
        private string[]? _containers;
        private string? _signature;

        public Declaration(OutlineSymbol symbol)
        {
            Symbol = symbol;
            Name = SymbolQuery.ComparedName(SymbolQuery.RemoveWhitespace(symbol.QualifiedName), symbol.Name);
        }

        public OutlineSymbol Symbol { get; }

        /// <summary>The final name as a query compares it.</summary>
        public string Name { get; }

        /// <summary>The containers of the qualified name (spaces removed), split at dots outside generic arguments.</summary>
        public string[] Containers => _containers ??= SymbolQuery.SplitQualified(SymbolQuery.RemoveWhitespace(Symbol.QualifiedName)).Containers;

        /// <summary>The normalised parameter list; null when the declaration has none.</summary>
        public string? Signature => Symbol.Signature is null ? null : _signature ??= SymbolQuery.NormaliseSignature(Symbol.Signature);
    }
}
