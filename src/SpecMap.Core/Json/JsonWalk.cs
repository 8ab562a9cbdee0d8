namespace SpecMap.Core.Json;

/// <summary>Walks a <see cref="JsonValueNode"/> tree by pointers.</summary>
internal static class JsonWalk
{
    public static IEnumerable<(string Pointer, JsonObjectNode Node)> Objects(JsonValueNode node, string pointer)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                yield return (pointer, obj);
                foreach (var member in obj.Members)
                {
                    foreach (var inner in Objects(member.Value, JsonPointer.Append(pointer, member.Name)))
                    {
                        yield return inner;
                    }
                }
                break;
            case JsonArrayNode array:
                for (var i = 0; i < array.Items.Length; i++)
                {
                    foreach (var inner in Objects(array.Items[i], JsonPointer.Append(pointer, i)))
                    {
                        yield return inner;
                    }
                }
                break;
        }
    }

    public static JsonValueNode? At(JsonValueNode root, string pointer)
    {
        var node = root;
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            node = node switch
            {
                JsonObjectNode obj => obj.Get(token),
                JsonArrayNode array when int.TryParse(token, out var i) && i >= 0 && i < array.Items.Length => array.Items[i],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }
}
