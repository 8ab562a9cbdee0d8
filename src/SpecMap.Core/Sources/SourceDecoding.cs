using System.Text;
using System.Text.RegularExpressions;

namespace SpecMap.Core.Sources;

/// <summary>Turns file bytes into text the same way for every source tree.</summary>
internal static partial class SourceDecoding
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    private static readonly byte[] LfsPointerStart = "version https://git-lfs.github.com/spec/v1\n"u8.ToArray();

    public static SourceFile Decode(string path, byte[] bytes, string blobId)
    {
        var isBinary = IsBinary(bytes);
        var text = isBinary ? string.Empty : TextLines.WithoutBom(EncodingOf(path, bytes).GetString(bytes));
        return new SourceFile(path, text, blobId, isBinary);
    }

    /// <summary>Why the content cannot be checked (binary, an LFS pointer), or null.</summary>
    public static PathProblem? ContentProblem(byte[] bytes)
    {
        if (IsBinary(bytes))
        {
            return PathProblem.NotChecked("it is a binary file (it holds NUL bytes), which has no lines or symbols");
        }
        return bytes.AsSpan().StartsWith(LfsPointerStart) && bytes.Length < 1024
            ? PathProblem.NotChecked("it is a Git LFS pointer: the content lives in LFS storage, not in git (run 'git lfs pull' first)")
            : null;
    }

    private static bool IsBinary(byte[] bytes) => Array.IndexOf(bytes, (byte)0, 0, Math.Min(bytes.Length, 8000)) >= 0;

    /// <summary>UTF-8, except a Python file that declares another encoding in its first two lines (PEP 263).</summary>
    private static Encoding EncodingOf(string path, byte[] bytes)
    {
        if (!path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase))
        {
            return Utf8;
        }
        // The declaration is ASCII by definition, so Latin-1 reads the first two lines faithfully whatever the encoding.
        var head = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 400));
        var lines = head.Split('\n', 3);
        foreach (var line in lines.Take(2))
        {
            var match = CodingLine().Match(line);
            if (match.Success)
            {
                return Named(match.Groups["name"].Value);
            }
        }
        return Utf8;
    }

    private static Encoding Named(string name)
    {
        var normalised = name.ToLowerInvariant().Replace('_', '-');
        if (normalised is "utf-8" or "utf8" or "utf-8-sig")
        {
            return Utf8;
        }
        if (normalised is "latin-1" or "latin1" or "iso-8859-1" or "iso8859-1" or "l1" or "iso-latin-1")
        {
            return Encoding.Latin1;
        }
        try
        {
            return Encoding.GetEncoding(normalised, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        }
        catch (ArgumentException)
        {
            // An unknown name: Python refuses to run such a file; reading it as UTF-8 is the best guess.
            return Utf8;
        }
    }

    [GeneratedRegex(@"^[ \t\f]*#.*?coding[:=][ \t]*(?<name>[-\w.]+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CodingLine();
}
