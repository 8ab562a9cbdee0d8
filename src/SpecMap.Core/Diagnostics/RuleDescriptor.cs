namespace SpecMap.Core.Diagnostics;

/// <summary>What the catalog knows of one rule.</summary>
internal sealed record RuleDescriptor(string Id, string Title, string Category, Severity DefaultSeverity, FixSafety Fix)
{
    public const string HelpBase = "https://github.com/specmap/specmap/blob/main/docs/rules/";

    public string HelpUri => $"{HelpBase}{Id}.md";
}
