using SpecMap.Core.Probe.Checks;

namespace SpecMap.Core.Probe;

/// <summary>Everything `specmap probe` was asked to do, with paths still as given (relative to <see cref="WorkingDirectory"/>).</summary>
/// <param name="BaseUrl">The server to probe; null with <see cref="ReplayFolder"/>.</param>
/// <param name="AuthToken">The bearer token read from the environment (never printed, reported or recorded).</param>
/// <param name="Model">Overrides `model` in every request body.</param>
internal sealed record ProbeRequest(
    string WorkingDirectory,
    string? BaseUrl,
    string? ReplayFolder,
    string? ScenariosFile,
    string? SpecFile,
    string? MappingFile,
    string? RecordFolder,
    string? AuthToken,
    string? Model,
    TimeSpan? Timeout = null,
    int? MaxEvents = null,
    int? Retries = null,
    int? Concurrency = null,
    NullPolicy NullForOptional = NullPolicy.Info)
{
    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));

    /// <summary>A path as reports show it: relative to the working directory when inside it, with `/`.</summary>
    public string Display(string path)
    {
        var full = Resolve(path);
        var relative = Path.GetRelativePath(WorkingDirectory, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }
}

/// <summary>A probe that cannot start (bad option, unreadable spec, mapping, scenarios or recordings): exit code 2, one line.</summary>
internal sealed class ProbeSetupException(string message) : Exception(message);
