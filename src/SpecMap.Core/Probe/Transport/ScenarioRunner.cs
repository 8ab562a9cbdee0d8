using System.Collections.Immutable;
using SpecMap.Core.Probe.Scenarios;

namespace SpecMap.Core.Probe.Transport;

/// <summary>Runs a scenario set with at most `concurrency` requests in flight; the runs come back in scenario order, whatever finished first.</summary>
internal static class ScenarioRunner
{
    public static async Task<ImmutableArray<ScenarioRun>> RunAllAsync(ProbeClient client, ScenarioSet set, IProgress<ScenarioProgress>? progress,
        CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, set.Settings.Concurrency));
        var tasks = set.Scenarios.Select(async scenario =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await client.RunAsync(scenario, set.Settings, progress, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        return [.. await Task.WhenAll(tasks).ConfigureAwait(false)];
    }
}
