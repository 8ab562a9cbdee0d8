using System.Text;
using System.Text.RegularExpressions;

namespace SpecMap.Cli.Terminal;

/// <summary>
/// The text report as a person's terminal shows it: errors red, warnings yellow, infos cyan, locations bold, rule IDs
/// dim. The same characters as the plain report plus SGR codes; the text is escaped first, so only these codes are raw.
/// </summary>
internal static partial class ColouredReport
{
    private const string Reset = "\e[0m";
    private const string Bold = "\e[1m";
    private const string Dim = "\e[2m";

    public static string Paint(string escapedReport)
    {
        var result = new StringBuilder(escapedReport.Length + 256);
        foreach (var line in escapedReport.Split('\n'))
        {
            if (result.Length > 0)
            {
                result.Append('\n');
            }
            result.Append(PaintLine(line));
        }
        return result.ToString();
    }

    private static string PaintLine(string line)
    {
        if (DiagnosticLine().Match(line) is { Success: true } m)
        {
            var colour = m.Groups["severity"].Value switch { "error" => "\e[1;31m", "warning" => "\e[1;33m", _ => "\e[1;36m" };
            return $"{Bold}{m.Groups["location"].Value}{Reset}: {colour}{m.Groups["severity"].Value}{Reset} "
                + $"{Dim}{m.Groups["id"].Value}{Reset}: {m.Groups["message"].Value}";
        }
        return line.StartsWith("specmap: ", StringComparison.Ordinal) ? $"{Bold}{line}{Reset}" : line;
    }

    [GeneratedRegex(@"^(?<location>.*?\(\d+,\d+\)): (?<severity>error|warning|info) (?<id>SMV\d{4}): (?<message>.*)$")]
    private static partial Regex DiagnosticLine();
}
