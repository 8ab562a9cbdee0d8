using System.Text.RegularExpressions;

namespace SpecMap.Core.References;

/// <summary>
/// Strings that look like references but cannot be checked as one (SMV0005), and strings that join several references
/// in prose (`protocol.py:2603 and serving_responses.py:675-695`). Nothing that looks like a reference passes unsaid.
/// </summary>
internal static partial class UncheckedText
{
    public const int MaxLength = 1000;

    /// <summary>Why a string that <see cref="CompactReference.TryParse"/> rejected still looks like a reference, or null for prose.</summary>
    /// <param name="underPathKey">The string is the value of `file`/`path`, so a spaced name is a path even without a folder.</param>
    public static string? WhyNotParsed(string text, bool underPathKey = false)
    {
        var value = text.Trim();
        if (value.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }
        if (value.Length > MaxLength)
        {
            return PathLike().IsMatch(value[..Math.Min(value.Length, 4 * MaxLength)]) && !value[..MaxLength].Contains(' ', StringComparison.Ordinal)
                ? $"it is over {MaxLength:N0} characters long"
                : null;
        }
        if (Overflow().Match(value) is { Success: true } overflow)
        {
            return $"line number {overflow.Groups["n"].Value} is too large to be a line";
        }
        if (SpacedPath().Match(value) is { Success: true } spaced
            && CompactReference.IsKnownExtension(spaced.Groups["path"].Value[(spaced.Groups["path"].Value.LastIndexOf('.') + 1)..])
            && (underPathKey || spaced.Groups["path"].Value.Contains('/', StringComparison.Ordinal) || spaced.Groups["lines"].Success)
            && spaced.Groups["path"].Value.Count(char.IsWhiteSpace) <= 3)
        {
            return "the path contains a space (write the path exactly as the repository names the file)";
        }
        return null;
    }

    /// <summary>Why a parsed path that names no file still looks like a reference, or null when it is just a dotted word.</summary>
    public static string? WhyNotAFile(CompactReference parsed, Func<string, bool> directoryExists)
    {
        var path = parsed.Path.TrimEnd('/');
        if (path.Contains('/', StringComparison.Ordinal) || parsed.Ranges.Count > 0 || parsed.Fragment is not null)
        {
            if (directoryExists(path))
            {
                return $"'{path}' is a directory, not a file";
            }
        }
        if (parsed.Ranges.Count > 0 && !parsed.HasKnownExtension)
        {
            return $"'{parsed.Path}' has no extension specmap knows and names no file in the repository";
        }
        return null;
    }

    /// <summary>`server/` (a folder written with its slash) is rejected by the parser: null unless it names a directory.</summary>
    public static string? WhyDirectory(string text, Func<string, bool> directoryExists)
    {
        var value = text.Trim();
        return value.EndsWith('/') && value.Length > 1 && !value.Any(char.IsWhiteSpace) && !value.Contains("://", StringComparison.Ordinal)
            && directoryExists(value.TrimEnd('/'))
            ? $"'{value}' is a directory, not a file"
            : null;
    }

    /// <summary>
    /// The parts [start, end) of a string joining references with ` and `, ` & `, `;` or `, ` (a comma followed by
    /// something other than a line number, which would continue a lines list); null unless every part is one word.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)>? JoinedParts(string value)
    {
        var separators = Separator().Matches(value);
        if (separators.Count == 0)
        {
            return null;
        }
        var parts = new List<(int Start, int End)>();
        var at = 0;
        foreach (Match separator in separators)
        {
            parts.Add((at, separator.Index));
            at = separator.Index + separator.Length;
        }
        parts.Add((at, value.Length));
        var trimmed = parts.Select(p => Trim(value, p)).ToList();
        return trimmed.All(p => p.End > p.Start && !value[p.Start..p.End].Any(char.IsWhiteSpace)) ? trimmed : null;
    }

    private static (int Start, int End) Trim(string value, (int Start, int End) part)
    {
        var (start, end) = part;
        while (start < end && char.IsWhiteSpace(value[start]))
        {
            start++;
        }
        while (end > start && (char.IsWhiteSpace(value[end - 1]) || value[end - 1] is '.' && end - 1 > start && char.IsAsciiDigit(value[end - 2])))
        {
            end--;
        }
        return (start, end);
    }

    [GeneratedRegex(@"\s+(?:and|&)\s+|\s*;\s*|\s*&\s*|\s*,\s*(?!L?\d)")]
    private static partial Regex Separator();

    [GeneratedRegex(@"^[^\s:#]+:\s*L?(?<n>\d{10,})")]
    private static partial Regex Overflow();

    [GeneratedRegex(@"^(?<path>[^:#?*""<>|]+?\.[A-Za-z]{1,10})(?::(?<lines>\s*L?\d+(?:\s*[-–]\s*L?\d+)?))?(?:#.*)?$")]
    private static partial Regex SpacedPath();

    [GeneratedRegex(@"^[\w./\\-]+\.[A-Za-z]{1,10}(?::|#|$)|^[\w.-]+/[\w./-]+")]
    private static partial Regex PathLike();
}
