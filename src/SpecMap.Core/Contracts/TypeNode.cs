using System.Collections.Immutable;

namespace SpecMap.Core.Contracts;

/// <summary>What a <see cref="TypeNode"/> holds.</summary>
internal enum TypeNodeKind
{
    /// <summary>A (possibly dotted) name with optional arguments: `dict[str, int]`, `List&lt;string&gt;`.
    /// Two synthetic names exist: `|` (a union, from `X | Y`) and `?` (C# nullable, one argument); `[]` is a C# array.</summary>
    Name,

    /// <summary>A string literal (a Python forward reference, or a `Literal[...]` value); Value is the unquoted text.</summary>
    String,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>A bracketed list of types (`Callable[[int], str]`).</summary>
    List,

    /// <summary>`...`.</summary>
    Ellipsis,
}

/// <summary>A type expression from code as a tree, the same for Python annotations and C# type syntax.</summary>
internal sealed record TypeNode(TypeNodeKind Kind, string Value, ImmutableArray<TypeNode> Args)
{
    public static TypeNode Named(string name, params TypeNode[] args) => new(TypeNodeKind.Name, name, [.. args]);

    /// <summary>The last part of a dotted name: `typing.Optional` gives `Optional`.</summary>
    public string SimpleName => Value[(Value.LastIndexOf('.') + 1)..];
}
