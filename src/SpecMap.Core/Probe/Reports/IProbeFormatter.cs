namespace SpecMap.Core.Probe.Reports;

/// <summary>A pure function from a probe run to text: one per `specmap probe --format`.</summary>
internal interface IProbeFormatter
{
    string Name { get; }

    string Format(ProbeResult result);
}

/// <summary>Every probe format, by name.</summary>
internal static class ProbeFormatters
{
    public static IReadOnlyList<IProbeFormatter> All { get; } =
    [
        new ProbeTextFormatter(),
        new ProbeJsonFormatter(),
        new ProbeSarifFormatter(),
        new ProbeGitHubFormatter(),
        new ProbeMarkdownFormatter(),
        new ProbeJUnitFormatter(),
        new ProbeHtmlFormatter(),
    ];

    public static IProbeFormatter? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
