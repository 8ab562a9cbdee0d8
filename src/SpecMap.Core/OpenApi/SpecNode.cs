namespace SpecMap.Core.OpenApi;

/// <summary>What a <see cref="SpecNode"/> holds.</summary>
internal enum SpecNodeKind
{
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

/// <summary>
/// One value of an OpenAPI document, the same for its YAML and its JSON form: the resolver reads this, never the
/// parser's own types, so either reader can be replaced. Members keep their document order.
/// </summary>
internal sealed class SpecNode
{
    private static readonly Dictionary<string, SpecNode> NoMembers = [];
    private static readonly List<SpecNode> NoItems = [];

    private SpecNode(SpecNodeKind kind, string? text, Dictionary<string, SpecNode>? members, List<SpecNode>? items)
    {
        Kind = kind;
        Text = text;
        Members = members ?? NoMembers;
        Items = items ?? NoItems;
    }

    public SpecNodeKind Kind { get; }

    /// <summary>A scalar's text (`true`, `42`, `response.created`); null for objects and arrays.</summary>
    public string? Text { get; }

    /// <summary>An object's members in document order (a .NET dictionary enumerates in insertion order when nothing is removed).</summary>
    public IReadOnlyDictionary<string, SpecNode> Members { get; }

    public IReadOnlyList<SpecNode> Items { get; }

    public static SpecNode Scalar(SpecNodeKind kind, string text) => new(kind, text, null, null);

    public static SpecNode Object(Dictionary<string, SpecNode> members) => new(SpecNodeKind.Object, null, members, null);

    public static SpecNode Array(List<SpecNode> items) => new(SpecNodeKind.Array, null, null, items);

    public SpecNode? this[string name] => Members.GetValueOrDefault(name);

    /// <summary>The text of a string member, else null.</summary>
    public string? GetString(string name) => this[name] is { Kind: SpecNodeKind.String } s ? s.Text : null;

    public bool IsTrue(string name) => this[name] is { Kind: SpecNodeKind.Boolean, Text: "true" };
}
