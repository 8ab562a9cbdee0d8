namespace SpecMap.Core.Json;

/// <summary>Moves every span of a tree by a fixed number of chars (past a BOM).</summary>
internal static class JsonShift
{
    public static JsonValueNode By(JsonValueNode node, int by) => by == 0 ? node : node switch
    {
        JsonObjectNode o => new JsonObjectNode(o.Start + by, o.End + by,
            [.. o.Members.Select(m => new JsonMember(m.Name, m.NameStart + by, By(m.Value, by)))]),
        JsonArrayNode a => new JsonArrayNode(a.Start + by, a.End + by, [.. a.Items.Select(i => By(i, by))]),
        JsonStringNode s => s with { Start = s.Start + by, End = s.End + by },
        JsonNumberNode n => n with { Start = n.Start + by, End = n.End + by },
        JsonBoolNode b => b with { Start = b.Start + by, End = b.End + by },
        JsonNullNode z => z with { Start = z.Start + by, End = z.End + by },
        _ => node,
    };
}
