using System.Reflection;

namespace SpecMap.Core.Output;

/// <summary>The tool's name and version, as every format reports it.</summary>
internal static class ToolInfo
{
    public const string Name = "specmap";
    public const string InformationUri = "https://github.com/specmap/specmap";

    /// <summary>
    /// The one version: `&lt;Version&gt;` of Directory.Build.props with the commit the SDK appends (0.1.0+sha), the same
    /// string `specmap --version` prints, so JSON, SARIF, Prometheus and the HTML pages say what the binary says.
    /// </summary>
    public static string Version { get; private set; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>Test hook: snapshots hold a fixed version instead of one that changes with every commit.</summary>
    internal static void PinForTests(string version) => Version = version;
}
