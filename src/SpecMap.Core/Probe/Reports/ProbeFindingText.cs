using System.Globalization;
using System.Text;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe.Reports;

/// <summary>The words every format uses for a finding, its severity and the run's totals.</summary>
internal static class ProbeFindingText
{
    /// <summary>A payload longer than this is shortened in reports (the checker keeps it whole).</summary>
    public const int MaxPayload = 2_000;

    /// <summary>`[scenario] message (event 12 `type` at /delta: expected string, actual object; mapping …; model …; spec …)`.</summary>
    public static string Line(ProbeFinding finding)
    {
        var details = Details(finding);
        // A finding about every stream at once (an implemented event none made fire) names no scenario.
        var scenario = finding.Scenario is { Length: > 0 } name && name != Checks.MappingCheck.AllScenarios ? $"[{name}] " : string.Empty;
        return details.Length == 0 ? scenario + finding.Message : $"{scenario}{finding.Message} ({details})";
    }

    public static string Details(ProbeFinding finding)
    {
        var parts = new List<string>();
        var at = new StringBuilder();
        if (finding.EventIndex is { } index)
        {
            at.Append(CultureInfo.InvariantCulture, $"event {index}");
            if (finding.EventType is { } type)
            {
                at.Append(' ').Append(type);
            }
        }
        else if (finding.EventType is { } type)
        {
            at.Append(type);
        }
        if (finding.Pointer is { Length: > 0 } pointer)
        {
            at.Append(at.Length > 0 ? " at " : "at ").Append(pointer);
        }
        if (finding.Expected is not null || finding.Actual is not null)
        {
            at.Append(at.Length > 0 ? ": " : string.Empty)
                .Append(CultureInfo.InvariantCulture, $"expected {finding.Expected ?? "-"}, actual {finding.Actual ?? "-"}");
        }
        if (at.Length > 0)
        {
            parts.Add(at.ToString());
        }
        if (finding.MappingItem is { } item)
        {
            parts.Add("mapping " + item);
        }
        if (finding.ModelLocation is { } model)
        {
            parts.Add("model " + model);
        }
        if (finding.SpecRule is { } rule)
        {
            parts.Add("spec " + rule);
        }
        return string.Join("; ", parts);
    }

    public static string? Payload(ProbeFinding finding) =>
        finding.Payload is not { } payload ? null
        : payload.Length <= MaxPayload ? payload
        : payload[..MaxPayload] + $"… ({(payload.Length - MaxPayload).ToString(CultureInfo.InvariantCulture)} more characters)";

    public static string Summary(ProbeResult result)
    {
        var r = result.Report;
        return $"{Plural(result.Scenarios.Length, "scenario")}, {Plural(r.EventsChecked, "event")} checked: "
            + $"{Plural(result.Count(Diagnostics.Severity.Error), "error")}, {Plural(result.Count(Diagnostics.Severity.Warning), "warning")}, "
            + $"{result.Count(Diagnostics.Severity.Info).ToString(CultureInfo.InvariantCulture)} info";
    }

    public static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : noun + "s");
}
