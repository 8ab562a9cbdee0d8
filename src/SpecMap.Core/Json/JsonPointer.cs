namespace SpecMap.Core.Json;

/// <summary>RFC 6901 pointers: `~` is written `~0` and `/` is written `~1`.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The pointer's tokens, unescaped.</summary>
    public static IReadOnlyList<string> Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        var tokens = pointer[1..].Split('/');
        if (pointer.Contains('~', StringComparison.Ordinal))
        {
            for (var i = 0; i < tokens.Length; i++)
            {
                tokens[i] = tokens[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            }
        }
        return tokens;
    }

    /// <summary>True when one of the pointer's tokens is <paramref name="token"/>, which holds no '~' or '/' (so is
    /// written unescaped): no token is unescaped or allocated.</summary>
    public static bool HasToken(string pointer, string token)
    {
        for (var at = pointer.IndexOf(token, StringComparison.Ordinal); at >= 0; at = pointer.IndexOf(token, at + 1, StringComparison.Ordinal))
        {
            var end = at + token.Length;
            if (at > 0 && pointer[at - 1] == '/' && (end == pointer.Length || pointer[end] == '/'))
            {
                return true;
            }
        }
        return false;
    }
}
