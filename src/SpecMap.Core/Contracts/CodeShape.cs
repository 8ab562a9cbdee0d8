using System.Collections.Frozen;
using System.Collections.Immutable;

namespace SpecMap.Core.Contracts;

/// <summary>The JSON kinds a code type serializes to.</summary>
internal enum ShapeKind
{
    /// <summary>Holds anything (`Any`, `object`, `JsonElement`).</summary>
    Any,

    /// <summary>A name the tool could not resolve (a type variable, a class outside the repository): never judged.</summary>
    Unknown,
    String,
    Integer,
    Number,
    Boolean,
    Null,
    Array,
    Map,

    /// <summary>A class with fields (a model, a dataclass, a C# class): a JSON object.</summary>
    Object,

    /// <summary>One of <see cref="CodeShape.Options"/>.</summary>
    Union,
}

/// <summary>What a code type can hold, as JSON kinds. <see cref="Element"/> is an array's item or a map's value.</summary>
/// <param name="Values">For literals (`Literal["a"]`): the string values; empty for any string.</param>
internal sealed record CodeShape(ShapeKind Kind, CodeShape? Element = null, ImmutableArray<CodeShape> Options = default, ImmutableArray<string> Values = default)
{
    public static readonly CodeShape AnyShape = new(ShapeKind.Any);
    public static readonly CodeShape UnknownShape = new(ShapeKind.Unknown);
    public static readonly CodeShape StringShape = new(ShapeKind.String);
    public static readonly CodeShape IntegerShape = new(ShapeKind.Integer);
    public static readonly CodeShape NullShape = new(ShapeKind.Null);
    public static readonly CodeShape ObjectShape = new(ShapeKind.Object);

    /// <summary>An enum without a known value type serializes as its name or its number.</summary>
    public static readonly CodeShape EnumShape = Union([StringShape, IntegerShape]);

    public ImmutableArray<CodeShape> UnionOptions => Options.IsDefault ? [] : Options;

    public ImmutableArray<string> LiteralValues => Values.IsDefault ? [] : Values;

    public static CodeShape Union(ImmutableArray<CodeShape> options)
    {
        var flat = options.SelectMany(o => o.Kind == ShapeKind.Union ? o.UnionOptions : [o]).ToImmutableArray();
        return flat.Length == 1 ? flat[0] : new CodeShape(ShapeKind.Union, Options: flat);
    }
}

/// <summary>
/// Turns a <see cref="TypeNode"/> (Python annotation or C# type) into a <see cref="CodeShape"/>. Names the tables do
/// not know go to the resolver, which looks for an enum, a class or a type alias in the repository.
/// </summary>
internal sealed class CodeShapes
{
    private static readonly FrozenDictionary<string, ShapeKind> Scalars = new Dictionary<string, ShapeKind>(StringComparer.Ordinal)
    {
        // Python: builtins, typing, pydantic constrained and special types (serialized as their JSON kind).
        ["str"] = ShapeKind.String, ["AnyStr"] = ShapeKind.String, ["bytes"] = ShapeKind.String, ["datetime"] = ShapeKind.String,
        ["date"] = ShapeKind.String, ["time"] = ShapeKind.String, ["timedelta"] = ShapeKind.String, ["UUID"] = ShapeKind.String,
        ["UUID4"] = ShapeKind.String, ["HttpUrl"] = ShapeKind.String, ["AnyUrl"] = ShapeKind.String, ["AnyHttpUrl"] = ShapeKind.String,
        ["EmailStr"] = ShapeKind.String, ["SecretStr"] = ShapeKind.String, ["constr"] = ShapeKind.String, ["StrictStr"] = ShapeKind.String,
        ["Path"] = ShapeKind.String, ["LiteralString"] = ShapeKind.String,
        ["int"] = ShapeKind.Integer, ["conint"] = ShapeKind.Integer, ["StrictInt"] = ShapeKind.Integer, ["PositiveInt"] = ShapeKind.Integer,
        ["NonNegativeInt"] = ShapeKind.Integer, ["NegativeInt"] = ShapeKind.Integer, ["NonPositiveInt"] = ShapeKind.Integer,
        ["float"] = ShapeKind.Number, ["confloat"] = ShapeKind.Number, ["StrictFloat"] = ShapeKind.Number, ["PositiveFloat"] = ShapeKind.Number,
        ["NonNegativeFloat"] = ShapeKind.Number, ["complex"] = ShapeKind.Number,
        ["bool"] = ShapeKind.Boolean, ["StrictBool"] = ShapeKind.Boolean,
        ["None"] = ShapeKind.Null, ["NoneType"] = ShapeKind.Null,
        ["Any"] = ShapeKind.Any, ["object"] = ShapeKind.Any, ["Json"] = ShapeKind.Any, ["JsonValue"] = ShapeKind.Any,

        // C#: keywords and BCL names; JSON DOM types hold anything.
        ["string"] = ShapeKind.String, ["String"] = ShapeKind.String, ["char"] = ShapeKind.String, ["Char"] = ShapeKind.String,
        ["Guid"] = ShapeKind.String, ["DateTime"] = ShapeKind.String, ["DateTimeOffset"] = ShapeKind.String, ["DateOnly"] = ShapeKind.String,
        ["TimeOnly"] = ShapeKind.String, ["TimeSpan"] = ShapeKind.String, ["Uri"] = ShapeKind.String,
        ["long"] = ShapeKind.Integer, ["short"] = ShapeKind.Integer, ["byte"] = ShapeKind.Integer, ["sbyte"] = ShapeKind.Integer,
        ["uint"] = ShapeKind.Integer, ["ulong"] = ShapeKind.Integer, ["ushort"] = ShapeKind.Integer, ["nint"] = ShapeKind.Integer,
        ["nuint"] = ShapeKind.Integer, ["Int16"] = ShapeKind.Integer, ["Int32"] = ShapeKind.Integer, ["Int64"] = ShapeKind.Integer,
        ["UInt16"] = ShapeKind.Integer, ["UInt32"] = ShapeKind.Integer, ["UInt64"] = ShapeKind.Integer, ["Byte"] = ShapeKind.Integer,
        ["BigInteger"] = ShapeKind.Integer, ["Int128"] = ShapeKind.Integer,
        ["double"] = ShapeKind.Number, ["Double"] = ShapeKind.Number, ["Single"] = ShapeKind.Number,
        ["decimal"] = ShapeKind.Number, ["Half"] = ShapeKind.Number,
        ["Boolean"] = ShapeKind.Boolean,
        ["dynamic"] = ShapeKind.Any, ["Object"] = ShapeKind.Any, ["JsonElement"] = ShapeKind.Any, ["JsonNode"] = ShapeKind.Any,
        ["JsonDocument"] = ShapeKind.Any, ["JsonValue"] = ShapeKind.Any, ["JToken"] = ShapeKind.Any, ["BinaryData"] = ShapeKind.Any,
        ["JsonObject"] = ShapeKind.Object, ["JObject"] = ShapeKind.Object, ["ExpandoObject"] = ShapeKind.Object,
        ["JsonArray"] = ShapeKind.Array, ["JArray"] = ShapeKind.Array,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Sequences = new[]
    {
        "list", "List", "Sequence", "MutableSequence", "Iterable", "Collection", "tuple", "Tuple", "set", "Set", "frozenset",
        "FrozenSet", "AbstractSet", "MutableSet", "conlist", "conset", "Deque", "deque", "Iterator",
        "[]", "IList", "IReadOnlyList", "ICollection", "IReadOnlyCollection", "IEnumerable", "ImmutableArray", "ImmutableList",
        "IImmutableList", "HashSet", "ISet", "IReadOnlySet", "SortedSet", "ReadOnlyCollection", "ObservableCollection",
        "ConcurrentBag", "Queue", "Stack", "LinkedList", "FrozenSet", "ImmutableHashSet", "IAsyncEnumerable",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Maps = new[]
    {
        "dict", "Dict", "Mapping", "MutableMapping", "DefaultDict", "defaultdict", "OrderedDict", "Counter", "ChainMap",
        "Dictionary", "IDictionary", "IReadOnlyDictionary", "ImmutableDictionary", "IImmutableDictionary", "SortedDictionary",
        "SortedList", "ConcurrentDictionary", "FrozenDictionary", "ImmutableSortedDictionary",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Wrappers whose first argument is the type (`Annotated[str, ...]`, `Required[int]`, `Task&lt;T&gt;` is not one).</summary>
    private static readonly FrozenSet<string> Transparent = new[]
    {
        "Annotated", "Required", "NotRequired", "ReadOnly", "Final", "InitVar", "Strict", "SkipValidation",
        "SerializeAsAny", "Secret", "Box", "Lazy",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Func<string, CodeShape?> _resolve;
    private readonly Func<string, TypeNode?> _parseForwardReference;
    private int _depth;

    /// <param name="resolve">Finds a name in the repository (an enum, a class, a type alias); null when not found.</param>
    /// <param name="parseForwardReference">Parses a Python string annotation (`"Foo | None"`); null for C#.</param>
    public CodeShapes(Func<string, CodeShape?> resolve, Func<string, TypeNode?>? parseForwardReference = null)
    {
        _resolve = resolve;
        _parseForwardReference = parseForwardReference ?? (_ => null);
    }

    public CodeShape Of(TypeNode node)
    {
        if (++_depth > 40)
        {
            _depth--;
            return CodeShape.UnknownShape;
        }
        try
        {
            return Classify(node);
        }
        finally
        {
            _depth--;
        }
    }

    private CodeShape Classify(TypeNode node)
    {
        switch (node.Kind)
        {
            case TypeNodeKind.String:
                return _parseForwardReference(node.Value) is { } parsed ? Of(parsed) : CodeShape.UnknownShape;
            case TypeNodeKind.Number or TypeNodeKind.List or TypeNodeKind.Ellipsis:
                return CodeShape.UnknownShape;
        }
        var name = node.Value == "|" || node.Value == "?" || node.Value == "[]" ? node.Value : node.SimpleName;
        var args = node.Args;
        switch (name)
        {
            case "|" or "Union":
                return CodeShape.Union([.. args.Select(Of)]);
            case "?" or "Optional" or "Nullable" when args.Length == 1:
                return CodeShape.Union([Of(args[0]), CodeShape.NullShape]);
            case "Literal":
                return Literal(args);
            case "ClassVar" or "Type" or "type" or "Callable" or "Func" or "Action":
                return CodeShape.UnknownShape;
            case "Decimal":
                // pydantic v2 writes Decimal as a JSON string, v1 and System.Text.Json as a number.
                return CodeShape.Union([new CodeShape(ShapeKind.Number), CodeShape.StringShape]);
        }
        if (Transparent.Contains(name))
        {
            return args.IsEmpty ? CodeShape.AnyShape : Of(args[0]);
        }
        if (Sequences.Contains(name))
        {
            var element = args.Length switch
            {
                0 => null,
                1 => Of(args[0]),
                // tuple[int, ...] is a list of int; tuple[int, str] is a list of either.
                _ when args[^1].Kind == TypeNodeKind.Ellipsis => Of(args[0]),
                _ => CodeShape.Union([.. args.Select(Of)]),
            };
            return new CodeShape(ShapeKind.Array, element);
        }
        if (Maps.Contains(name))
        {
            return new CodeShape(ShapeKind.Map, args.Length >= 2 ? Of(args[^1]) : null);
        }
        if (Scalars.TryGetValue(name, out var kind))
        {
            return new CodeShape(kind);
        }
        return _resolve(node.Value) ?? CodeShape.UnknownShape;
    }

    private static CodeShape Literal(ImmutableArray<TypeNode> values)
    {
        var shapes = new List<CodeShape>();
        var strings = values.Where(v => v.Kind == TypeNodeKind.String).Select(v => v.Value).ToImmutableArray();
        if (!strings.IsEmpty)
        {
            shapes.Add(new CodeShape(ShapeKind.String, Values: strings));
        }
        if (values.Any(v => v.Kind == TypeNodeKind.Number))
        {
            shapes.Add(CodeShape.IntegerShape);
        }
        foreach (var value in values.Where(v => v.Kind == TypeNodeKind.Name))
        {
            shapes.Add(value.Value switch
            {
                "True" or "False" => new CodeShape(ShapeKind.Boolean),
                "None" => CodeShape.NullShape,
                // Literal[Color.RED]: an enum member.
                _ => CodeShape.EnumShape,
            });
        }
        return shapes.Count == 0 ? CodeShape.UnknownShape : CodeShape.Union([.. shapes]);
    }
}
