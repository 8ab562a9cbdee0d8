using SpecMap.Tests.Support;

namespace SpecMap.Tests.Probe;

/// <summary>A fresh temp folder for one test, deleted afterwards.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "specmap-probe-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public void Dispose() => TempFolder.Delete(Path);
}
