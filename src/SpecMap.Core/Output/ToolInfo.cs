using System.Reflection;

namespace SpecMap.Core.Output;

/// <summary>The tool's name and version, as every format reports it.</summary>
internal static class ToolInfo
{
    public const string Name = "specmap";
    public const string InformationUri = "https://github.com/specmap/specmap";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
