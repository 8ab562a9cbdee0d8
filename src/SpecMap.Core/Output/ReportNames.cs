using SpecMap.Core.References;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>The names a status or a reference kind goes by in every format (contract §3: lower case).</summary>
internal static class ReportNames
{
    public static string Status(ReferenceStatus status) => status.ToString().ToLowerInvariant();

    public static string Kind(ReferenceKind kind) => kind.ToString().ToLowerInvariant();
}
