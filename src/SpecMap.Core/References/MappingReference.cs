using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;

namespace SpecMap.Core.References;

/// <summary>What a reference points into: code, a spec document, or a model class (contract §4).</summary>
internal enum ReferenceKind
{
    Code,
    Doc,
    Model,
}

/// <summary>How the team wrote the reference; a fix keeps the style.</summary>
internal enum ReferenceStyle
{
    /// <summary>One string `PATH[:LINE[-END]][#SYMBOL]`.</summary>
    Compact,

    /// <summary>An object with `file`/`path`, line keys and `symbol`.</summary>
    Object,
}

/// <summary>Where the symbol hint came from (contract §1, in order of precedence).</summary>
internal enum SymbolSource
{
    None,
    Fragment,
    ObjectKey,
    Sibling,

    /// <summary>Keys enclosing the reference name a declaration the recorded lines hold (`"ResponsesRequest": {"background": ...}`).</summary>
    Context,
}

/// <summary>One reference found in a mapping, with everything a check or a fix needs to find it again.</summary>
/// <param name="Pointer">RFC 6901 pointer to the value (the string, or the object for the object form).</param>
/// <param name="Original">The text as written: the string value, or the object's JSON text.</param>
/// <param name="Path">The path as written (may be a bare basename or relative to `docs_root`), '/' separated.</param>
/// <param name="Start">First line, 1-based, when given.</param>
/// <param name="End">Last line, inclusive; equals Start for a single line.</param>
/// <param name="Symbol">The symbol hint; may be qualified and, for C#, end in a parameter list.</param>
/// <param name="Anchor">For a doc reference, the heading slug after `#`.</param>
/// <param name="ItemPointer">The pointer of the enclosing item (the object the reference sits in).</param>
/// <param name="Part">Index within a list of lines (`"2517, 2530"` gives parts 0 and 1); 0 otherwise.</param>
/// <param name="Node">The JSON value holding the reference.</param>
/// <param name="SegmentStart">Where in the decoded string this reference starts: 0, or later for one of several joined in prose.</param>
/// <param name="SegmentEnd">Where it ends, exclusive; -1 for the end of the string.</param>
internal sealed record MappingReference(
    string Pointer,
    ReferenceKind Kind,
    ReferenceStyle Style,
    string Original,
    string Path,
    int? Start,
    int? End,
    string? Symbol,
    string? Anchor,
    SymbolSource SymbolSource,
    MappingLocation Location,
    string ItemPointer,
    int Part,
    JsonValueNode Node,
    int SegmentStart = 0,
    int SegmentEnd = -1)
{
    /// <summary>True when the string joins several references (`a.py:12 and b.py:40`) and this is one of them.</summary>
    public bool IsJoined => SegmentStart > 0 || SegmentEnd >= 0;

    public bool HasLines => Start is not null;

    /// <summary>True when the path was written without a folder (`api_server.py:901`).</summary>
    public bool IsBareName => !Path.Contains('/', StringComparison.Ordinal);

    /// <summary>The symbol without a C# parameter list: `Humanize(string)` gives `Humanize`.</summary>
    public string? SymbolName => Symbol is null ? null : Symbol.Split('(')[0].Trim();
}
