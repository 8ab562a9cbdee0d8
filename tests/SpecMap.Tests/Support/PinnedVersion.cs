using System.Runtime.CompilerServices;
using SpecMap.Core.Output;

namespace SpecMap.Tests.Support;

/// <summary>Every report in the tests carries this version, so snapshots do not change with each commit id.</summary>
internal static class PinnedVersion
{
    public const string Value = "0.1.0+test";

#pragma warning disable CA2255 // A test hook: pinning once before any test runs is the point.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Pin() => ToolInfo.PinForTests(Value);
}
