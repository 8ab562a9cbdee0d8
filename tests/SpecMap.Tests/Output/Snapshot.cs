using System.Runtime.CompilerServices;
using SpecMap.Core.Output;

namespace SpecMap.Tests.Output;

/// <summary>
/// Golden files under Output/Snapshots/. A mismatch fails with the first differing line and writes what was received to
/// the temp folder; `SPECMAP_ACCEPT_SNAPSHOTS=1` rewrites the expected files instead (review the git diff, then commit).
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "SPECMAP_ACCEPT_SNAPSHOTS";

    public static void Match(string actual, string fileName, [CallerFilePath] string sourceFile = "")
    {
        var expectedPath = Path.Combine(OutputFolder(sourceFile), "Snapshots", fileName);
        var normalized = Normalize(actual);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(expectedPath, normalized);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"no snapshot {expectedPath}: run the tests with {AcceptVariable}=1 to create it");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        if (expected == normalized)
        {
            return;
        }
        var received = Path.Combine(Path.GetTempPath(), "specmap-snapshots", fileName + ".received");
        Directory.CreateDirectory(Path.GetDirectoryName(received)!);
        File.WriteAllText(received, normalized);
        var expectedLines = expected.Split('\n');
        var actualLines = normalized.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }
        Assert.Fail($"{fileName} differs from its snapshot at line {line + 1}:\n" +
            $"  expected: {(line < expectedLines.Length ? expectedLines[line] : "<end>")}\n" +
            $"  actual:   {(line < actualLines.Length ? actualLines[line] : "<end>")}\n" +
            $"received output: {received}; accept with {AcceptVariable}=1 if the change is intended");
    }

    /// <summary>The tool version changes with every release; snapshots hold a placeholder so they need no update then.</summary>
    public static string Normalize(string text) =>
        text.ReplaceLineEndings("\n")
            .Replace($"\"{ToolInfo.Version}\"", "\"<version>\"", StringComparison.Ordinal);

    /// <summary>
    /// This folder in the source tree: from the compiler's path of this file, or (when a path map hides it) found by
    /// walking up from the test binaries to the solution.
    /// </summary>
    public static string OutputFolder([CallerFilePath] string sourceFile = "")
    {
        var folder = Path.GetDirectoryName(sourceFile);
        if (folder is not null && Directory.Exists(Path.Combine(folder, "Snapshots")))
        {
            return folder;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SpecMapValidator.sln")))
            {
                return Path.Combine(dir.FullName, "tests", "SpecMap.Tests", "Output");
            }
        }
        throw new DirectoryNotFoundException("cannot find tests/SpecMap.Tests/Output from " + AppContext.BaseDirectory);
    }

    /// <summary>The repository root (the folder holding SpecMapValidator.sln).</summary>
    public static string RepositoryRoot() => Path.GetFullPath(Path.Combine(OutputFolder(), "..", "..", ".."));
}
