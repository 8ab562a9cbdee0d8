namespace SpecMap.Core.Diagnostics;

/// <summary>How much a diagnostic matters; <see cref="None"/> turns it off (configuration only).</summary>
internal enum Severity
{
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

internal static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => "none",
    };

    public static bool TryParse(string? name, out Severity severity)
    {
        severity = name?.ToLowerInvariant() switch
        {
            "error" => Severity.Error,
            "warning" or "warn" => Severity.Warning,
            "info" or "information" or "suggestion" => Severity.Info,
            "none" or "off" or "silent" => Severity.None,
            _ => (Severity)(-1),
        };
        return (int)severity >= 0;
    }
}
