using System.Security.Cryptography;
using System.Text;

namespace SpecMap.Core.SpecChecks;

/// <summary>
/// The spec version a mapping was checked against: `"spec": { "openapi": "specs/openapi.yaml", "sha256": "&lt;64 hex&gt;" }`.
/// The hash is of the document's UTF-8 text without a byte-order mark and with CRLF read as LF, so a checkout that
/// converts line ends pins what the repository holds; for an LF file it is what `sha256sum` prints.
/// </summary>
internal static class SpecPin
{
    public const string Key = "sha256";

    private const string Prefix = "sha256:";

    public static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal))));

    /// <summary>The recorded value as 64 lower-case hex digits (a `sha256:` prefix is allowed), or null when it is not one.</summary>
    public static string? Parse(string recorded)
    {
        var value = recorded.Trim();
        if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            value = value[Prefix.Length..];
        }
        return value.Length == 64 && value.All(Uri.IsHexDigit) ? value.ToLowerInvariant() : null;
    }

    /// <summary>`9f86d081…` for messages.</summary>
    public static string Short(string hash) => hash[..8] + "…";
}
