using System.Text.Json;
using LibGit2Sharp;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Outline.CSharp;

/// <summary>Where the relocation benchmark lives; tests that need it skip with a reason when it or git is missing.</summary>
internal static class HumanizerBench
{
    /// <summary>The benchmark folder (see <see cref="BenchBundles.Directory"/>).</summary>
    public static string Directory { get; } = BenchBundles.Directory ?? "shared/bench/reloc";

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
        return GitProcess.IsInstalled("git") ? null : "git is not on PATH";
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
    private string? _root;
    private Repository? _repository;

    internal Repository Repository => _repository ??= Clone();

    internal IReadOnlyList<JsonElement> CSharpCases { get; } = HumanizerBench.MissingReason is null ? LoadCases() : [];

    private Repository Clone()
    {
        _root = BenchBundles.CloneBare("humanizer.bundle");
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
        if (_root is not null)
        {
            TempFolder.Delete(_root);
        }
    }
}
