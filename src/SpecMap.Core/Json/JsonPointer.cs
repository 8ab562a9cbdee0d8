namespace SpecMap.Core.Json;

/// <summary>RFC 6901 pointers: `~` is written `~0` and `/` is written `~1`.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The pointer's tokens, unescaped.</summary>
    public static IReadOnlyList<string> Tokens(string pointer) =>
        pointer.Length == 0
            ? []
            : [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
}
