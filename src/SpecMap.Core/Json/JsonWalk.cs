namespace SpecMap.Core.Json;

/// <summary>Walks a <see cref="JsonValueNode"/> tree by pointers.</summary>
internal static class JsonWalk
{
    /// <summary>Every object under <paramref name="node"/> with its pointer, in document order.</summary>
    public static List<(string Pointer, JsonObjectNode Node)> Objects(JsonValueNode node, string pointer)
    {
        // One list filled depth first: nested iterators cost a step per level for every object they pass up.
        var objects = new List<(string Pointer, JsonObjectNode Node)>();
        Collect(node, pointer, objects);
        return objects;
    }

    private static void Collect(JsonValueNode node, string pointer, List<(string Pointer, JsonObjectNode Node)> objects)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                objects.Add((pointer, obj));
                foreach (var member in obj.Members)
                {
                    if (member.Value is JsonObjectNode or JsonArrayNode)
                    {
                        Collect(member.Value, JsonPointer.Append(pointer, member.Name), objects);
                    }
                }
                break;
            case JsonArrayNode array:
                for (var i = 0; i < array.Items.Length; i++)
                {
                    if (array.Items[i] is JsonObjectNode or JsonArrayNode)
                    {
                        Collect(array.Items[i], JsonPointer.Append(pointer, i), objects);
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
