using System.Text;

namespace SpecMap.Core.Sources;

/// <summary>Turns file bytes into text the same way for every source tree.</summary>
internal static class SourceDecoding
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SourceFile Decode(string path, byte[] bytes, string blobId)
    {
        var isBinary = Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0;
        var text = isBinary ? string.Empty : TextLines.WithoutBom(Utf8.GetString(bytes));
        return new SourceFile(path, text, blobId, isBinary);
    }
}
