using System.Diagnostics;
using System.Text.Json;
using LibGit2Sharp;

namespace SpecMap.Tests.Outline.CSharp;

/// <summary>Where the relocation benchmark lives; tests that need it skip with a reason when it or git is missing.</summary>
internal static class HumanizerBench
{
    /// <summary>The benchmark folder: `SPECMAP_BENCH_DIR`, else the shared checkout's.</summary>
    public static string Directory { get; } =
        Environment.GetEnvironmentVariable("SPECMAP_BENCH_DIR") is { Length: > 0 } dir ? dir : "/work/shared/bench/reloc";

    public static string Bundle => Path.Combine(Directory, "humanizer.bundle");

    public static string Cases => Path.Combine(Directory, "cases.jsonl");

    /// <summary>Null when the benchmark can run here, else why not.</summary>
    public static string? MissingReason { get; } = FindMissing();

    private static string? FindMissing()
    {
        if (!File.Exists(Bundle) || !File.Exists(Cases))
        {
            return $"relocation benchmark not found in {Directory} (set SPECMAP_BENCH_DIR)";
        }
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            git!.WaitForExit();
            return git.ExitCode == 0 ? null : "git does not run";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "git is not on PATH";
        }
    }
}

/// <summary>A fact that is skipped (with the reason) when the Humanizer benchmark bundle or git is missing.</summary>
internal sealed class HumanizerBenchFactAttribute : FactAttribute
{
    public HumanizerBenchFactAttribute()
    {
        if (HumanizerBench.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>One bare clone of the Humanizer bundle per test class, and the C# cases of the benchmark.</summary>
public sealed class HumanizerBenchFixture : IDisposable
{
    private readonly string _root;
    private Repository? _repository;

    public HumanizerBenchFixture()
    {
        _root = Path.Combine(Path.GetTempPath(), "specmap-tests", "humanizer-" + Guid.NewGuid().ToString("N")[..12]);
    }

    internal Repository Repository => _repository ??= Clone();

    internal IReadOnlyList<JsonElement> CSharpCases { get; } = HumanizerBench.MissingReason is null ? LoadCases() : [];

    private Repository Clone()
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(_root)!);
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "clone", "--quiet", "--bare", HumanizerBench.Bundle, _root })
        {
            start.ArgumentList.Add(arg);
        }
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, "git clone of the bundle failed: " + error);
        return new Repository(_root);
    }

    private static List<JsonElement> LoadCases()
    {
        var cases = new List<JsonElement>();
        foreach (var line in File.ReadLines(HumanizerBench.Cases))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var element = JsonDocument.Parse(line).RootElement;
            if (element.GetProperty("lang").GetString() == "cs")
            {
                cases.Add(element);
            }
        }
        return cases;
    }

    public void Dispose()
    {
        _repository?.Dispose();
        if (System.IO.Directory.Exists(_root))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            System.IO.Directory.Delete(_root, recursive: true);
        }
    }
}
