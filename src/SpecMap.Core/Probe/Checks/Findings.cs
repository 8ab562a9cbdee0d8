using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe.Checks;

/// <summary>Builds findings with the rule's default severity, the scenario and (for an event) its type and payload.</summary>
internal static class Findings
{
    public static ProbeFinding ForEvent(string ruleId, ParsedStream stream, ParsedEvent e, string message,
        string? pointer = null, string? expected = null, string? actual = null, string? specRule = null, Severity? severity = null) =>
        new(ruleId, severity ?? RuleCatalog.Get(ruleId).DefaultSeverity, message, stream.Scenario, e.Index, e.Type ?? e.Raw.EventName,
            pointer, expected, actual, SpecRule: specRule, Payload: e.Raw.Data, Line: e.Raw.Line);

    public static ProbeFinding ForStream(string ruleId, ParsedStream stream, string message, string? expected = null, string? actual = null) =>
        new(ruleId, RuleCatalog.Get(ruleId).DefaultSeverity, message, stream.Scenario, Expected: expected, Actual: actual);

    /// <summary>A value cut to keep a message readable; the finding's payload keeps the whole event.</summary>
    public static string Short(string text) => text.Length <= 120 ? text : text[..117] + "...";
}
