using System.Collections.Immutable;

namespace SpecMap.Core.Json;

/// <summary>A JSON value with its span in the mapping text (char offsets), so checks can point at it and fixes can replace it.</summary>
internal abstract record JsonValueNode(int Start, int End)
{
    public int Length => End - Start;
}

internal sealed record JsonMember(string Name, int NameStart, JsonValueNode Value);

internal sealed record JsonObjectNode(int Start, int End, ImmutableArray<JsonMember> Members) : JsonValueNode(Start, End)
{
    /// <summary>The first member with this name (case-sensitive), or null.</summary>
    public JsonValueNode? Get(string name)
    {
        foreach (var member in Members)
        {
            if (member.Name == name)
            {
                return member.Value;
            }
        }
        return null;
    }

    public string? GetString(string name) => Get(name) is JsonStringNode s ? s.Value : null;
}

internal sealed record JsonArrayNode(int Start, int End, ImmutableArray<JsonValueNode> Items) : JsonValueNode(Start, End);

internal sealed record JsonStringNode(int Start, int End, string Value) : JsonValueNode(Start, End);

/// <summary>A number; <see cref="Raw"/> keeps its spelling.</summary>
internal sealed record JsonNumberNode(int Start, int End, string Raw, double Value) : JsonValueNode(Start, End)
{
    public bool IsInteger => Value == Math.Floor(Value) && !Raw.Contains('.', StringComparison.Ordinal) && !Raw.Contains('e', StringComparison.OrdinalIgnoreCase);
}

internal sealed record JsonBoolNode(int Start, int End, bool Value) : JsonValueNode(Start, End);

internal sealed record JsonNullNode(int Start, int End) : JsonValueNode(Start, End);
