using System.Security.Cryptography;
using System.Text;

namespace SpecMap.Core.Sources;

/// <summary>Computes the id git gives a blob, so work-tree files share the parse cache with committed blobs.</summary>
internal static class GitBlobId
{
    public static string Of(ReadOnlySpan<byte> content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        var buffer = new byte[header.Length + content.Length];
        header.CopyTo(buffer, 0);
        content.CopyTo(buffer.AsSpan(header.Length));
#pragma warning disable CA5350 // SHA-1 is git's object id, not a security boundary.
        return Convert.ToHexStringLower(SHA1.HashData(buffer));
#pragma warning restore CA5350
    }
}
