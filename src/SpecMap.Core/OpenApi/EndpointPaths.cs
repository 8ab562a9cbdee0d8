namespace SpecMap.Core.OpenApi;

/// <summary>Path matching between a mapping's endpoint names and the document's paths.</summary>
internal static class EndpointPaths
{
    /// <summary>Trailing slash dropped, query cut, every `{param}` written `{}` (names need not agree).</summary>
    public static string Normalize(string path)
    {
        var p = path.Trim();
        var query = p.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            p = p[..query];
        }
        if (!p.StartsWith('/'))
        {
            p = "/" + p;
        }
        var segments = p.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{') && segments[i].EndsWith('}') || segments[i].StartsWith(':'))
            {
                segments[i] = "{}";
            }
        }
        var joined = string.Join('/', segments);
        return joined.Length > 1 ? joined.TrimEnd('/') : joined;
    }

    public static bool Match(string documentPath, string wanted) => string.Equals(documentPath, wanted, StringComparison.Ordinal);

    /// <summary>The path itself, then the path with each server prefix removed (longest prefix first).</summary>
    public static IEnumerable<string> WithoutServerPrefix(string path, IEnumerable<string> serverPaths)
    {
        yield return path;
        foreach (var prefix in serverPaths.OrderByDescending(p => p.Length))
        {
            if (prefix.Length > 1 && path.StartsWith(prefix + "/", StringComparison.Ordinal))
            {
                yield return path[prefix.Length..];
            }
        }
    }

    /// <summary>The path part of a server URL: `/v1` for `https://api.openai.com/v1`, `/` for a bare host.</summary>
    public static string ServerPath(string url)
    {
        var u = url.Trim();
        var scheme = u.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            var slash = u.IndexOf('/', scheme + 3);
            u = slash >= 0 ? u[slash..] : "/";
        }
        return Normalize(u);
    }
}
