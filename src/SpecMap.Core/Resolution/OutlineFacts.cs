using SpecMap.Core.Outline;

namespace SpecMap.Core.Resolution;

/// <summary>
/// What the search for a lost declaration asks of one outline again and again, worked out once per outline: which
/// identities it declares, the innermost type around each symbol, whether a symbol lies inside a function, and each
/// type's members. The search asks these of every candidate declaration of every changed file, for every lost
/// reference (issue 15: a scan of the file's symbols per question made the search quadratic in a file's size).
/// Made by one tracker for its run, so never shared between threads.
/// </summary>
internal sealed class OutlineFacts
{
    private readonly SourceOutline _outline;
    private readonly Signatures _signatures;
    private HashSet<SymbolIdentity>? _identities;
    private ILookup<string, OutlineSymbol>? _byName;
    private readonly Dictionary<OutlineSymbol, OutlineSymbol?> _enclosing = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OutlineSymbol, bool> _insideCallable = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OutlineSymbol, List<OutlineSymbol>> _members = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<OutlineSymbol, ILookup<string, OutlineSymbol>> _arrived = new(ReferenceEqualityComparer.Instance);

    public OutlineFacts(SourceOutline outline, Signatures signatures)
    {
        _outline = outline;
        _signatures = signatures;
    }

    /// <summary>True when the outline holds a declaration of <paramref name="symbol"/>'s identity (<see cref="Signatures.SameIdentity"/>).</summary>
    public bool Declares(OutlineSymbol symbol)
    {
        _identities ??= [.. _outline.Symbols.Select(_signatures.Identity)];
        return _identities.Contains(_signatures.Identity(symbol));
    }

    /// <summary>The outline's declarations of that simple name, in source order.</summary>
    public IEnumerable<OutlineSymbol> Named(string name) =>
        (_byName ??= _outline.Symbols.ToLookup(s => s.Name, StringComparer.Ordinal))[name];

    /// <summary>The innermost type declaration around the symbol, or null at the top (namespaces are not types).</summary>
    public OutlineSymbol? EnclosingType(OutlineSymbol symbol)
    {
        if (!_enclosing.TryGetValue(symbol, out var best))
        {
            foreach (var o in _outline.Symbols)
            {
                if (o != symbol && (SymbolKinds.IsTypeLike(o.Kind) || o.Kind == SymbolKinds.Enum) && o.Start <= symbol.Start && symbol.End <= o.End
                    && (o.LineCount > symbol.LineCount || o.Level < symbol.Level) && (best is null || o.LineCount <= best.LineCount))
                {
                    best = o;
                }
            }
            _enclosing[symbol] = best;
        }
        return best;
    }

    /// <summary>True when a function (method, constructor) of the outline encloses the symbol.</summary>
    public bool InsideCallable(OutlineSymbol symbol)
    {
        if (!_insideCallable.TryGetValue(symbol, out var inside))
        {
            inside = _outline.Symbols.Any(o => SymbolIdentity.IsCallable(o.Kind) && o.LineCount > symbol.LineCount && o.Start <= symbol.Start && symbol.End <= o.End);
            _insideCallable[symbol] = inside;
        }
        return inside;
    }

    /// <summary>A type's own members that say something about it: not its constructors, nor the `__dunder__` methods
    /// every Python class has.</summary>
    public List<OutlineSymbol> Members(OutlineSymbol type)
    {
        if (!_members.TryGetValue(type, out var members))
        {
            members = [.. _outline.Symbols.Where(s => s.Level == type.Level + 1 && type.Covers(s.Start, s.End) && s != type && s.Kind != SymbolKinds.Constructor
                && !(s.Name.StartsWith("__", StringComparison.Ordinal) && s.Name.EndsWith("__", StringComparison.Ordinal)))];
            _members[type] = members;
        }
        return members;
    }

    /// <summary>The type's <see cref="Members"/> that are new in this file, by name; <paramref name="isNew"/> tells new
    /// from old for this outline's file (always the same test for one outline).</summary>
    public ILookup<string, OutlineSymbol> Arrived(OutlineSymbol type, Func<OutlineSymbol, bool> isNew)
    {
        if (!_arrived.TryGetValue(type, out var arrived))
        {
            arrived = Members(type).Where(isNew).ToLookup(m => m.Name, StringComparer.Ordinal);
            _arrived[type] = arrived;
        }
        return arrived;
    }
}

/// <summary>What <see cref="SymbolTracker.SameIdentity"/> compares, as a key: the qualified name, the kind's family
/// (every callable kind is one, every type-like kind another) and the normalised parameter list.</summary>
internal readonly record struct SymbolIdentity(string QualifiedName, string KindFamily, string? Signature)
{
    public static string Family(string kind) =>
        IsCallable(kind) ? SymbolKinds.Function : SymbolKinds.IsTypeLike(kind) ? SymbolKinds.Class : kind;

    public static bool IsCallable(string kind) => kind is SymbolKinds.Function or SymbolKinds.Method or SymbolKinds.Local or SymbolKinds.Constructor;
}

/// <summary>Normalised parameter lists (<see cref="SymbolQuery.NormaliseSignature"/>), each worked out once: the search
/// compares the same few hundred lists many thousand times.</summary>
internal sealed class Signatures
{
    private readonly Dictionary<string, string> _normalised = new(StringComparer.Ordinal);

    public string? Normalise(string? signature)
    {
        if (signature is null)
        {
            return null;
        }
        if (!_normalised.TryGetValue(signature, out var normalised))
        {
            normalised = SymbolQuery.NormaliseSignature(signature);
            _normalised[signature] = normalised;
        }
        return normalised;
    }

    public SymbolIdentity Identity(OutlineSymbol symbol) => new(symbol.QualifiedName, SymbolIdentity.Family(symbol.Kind), Normalise(symbol.Signature));

    public bool Same(OutlineSymbol a, OutlineSymbol b) =>
        a.Signature is null ? b.Signature is null : b.Signature is not null && Normalise(a.Signature) == Normalise(b.Signature);

    /// <summary>The same declaration: qualified name, kind family and parameter list.</summary>
    public bool SameIdentity(OutlineSymbol a, OutlineSymbol b) =>
        a.QualifiedName == b.QualifiedName && SymbolIdentity.Family(a.Kind) == SymbolIdentity.Family(b.Kind) && Same(a, b);
}
