// TEMPORARY: stands in for the probe-checks branch's API until it is merged (then this file is deleted).
using System.Collections.Immutable;
using SpecMap.Core.Mapping;

namespace SpecMap.Core.Probe.Checks;

internal sealed class EventSchemaException(string message) : Exception(message);

internal enum NullPolicy
{
    Info,
    Error,
    Ignore,
}

internal sealed record ProbeOptions(NullPolicy NullForOptional = NullPolicy.Info, string EventUnion = "ResponseStreamEvent");

internal sealed class EventSchemas
{
    public static EventSchemas Load(byte[] openApiDocument, string fileNameForErrors) => openApiDocument.Length >= 0 && fileNameForErrors.Length >= 0 ? new() : new();
}

internal static class YamlToJson
{
    public static byte[] Convert(byte[] yaml, string fileNameForErrors) => throw new EventSchemaException(fileNameForErrors + ": YAML not yet" + yaml.Length);
}

internal sealed class ProbeMappingView
{
    public static ProbeMappingView From(MappingDocument document) => document.Text.Length >= 0 ? new() : new();
}

internal static class ProbeChecker
{
    public static ProbeReport Check(ImmutableArray<ProbeStream> streams, EventSchemas? spec, ProbeMappingView? mapping, ProbeOptions options) =>
        new(streams, [], spec is null && mapping is null && options is null ? [] : []);
}
