using System.Text.RegularExpressions;

namespace SpecMap.Core.OpenApi;

/// <summary>
/// YamlDotNet rejects a block scalar whose only lines are blank but indented deeper than the next key (`example: |+`
/// then a line of spaces, as in OpenAI's document); libyaml reads it. Emptying blank lines first changes only
/// whitespace inside such strings, never the structure, and costs far less than a failed parse. Every YAML reader of
/// specmap (the OpenAPI reader, the probe's YAML-to-JSON) goes through this.
/// </summary>
internal static partial class YamlBlankLines
{
    public static string Emptied(string text) => BlankLinesWithSpaces().Replace(text, "");

    [GeneratedRegex(@"(?m)^[ \t]+(?=\r?$)")]
    private static partial Regex BlankLinesWithSpaces();
}
