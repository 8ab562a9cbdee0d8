using System.Globalization;
using System.Text.Json;
using SpecMap.Core.Json;

namespace SpecMap.Core.Probe.Checks;

/// <summary>RFC 6901 pointers over System.Text.Json elements (the probe's payloads and the OpenAPI document).</summary>
internal static class PointerText
{
    public static string Escape(string token) => JsonPointer.Append(string.Empty, token)[1..];

    public static string Unescape(string token) => JsonPointer.Tokens("/" + token)[0];

    /// <summary>The element at <paramref name="pointer"/>, or null when a token names nothing.</summary>
    public static JsonElement? Resolve(JsonElement root, string pointer)
    {
        var current = root;
        foreach (var token in JsonPointer.Tokens(pointer))
        {
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return null;
            }
        }
        return current;
    }
}
