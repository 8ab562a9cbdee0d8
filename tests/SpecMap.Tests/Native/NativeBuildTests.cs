using SpecMap.Tests.Support;

namespace SpecMap.Tests.Native;

/// <summary>
/// The NativeAOT build must give the JIT build's answers (issue 15: LibGit2Sharp's Discover returned null under AOT, so
/// history was silently skipped). Runs the published native binary (.ci/run publishes it to artifacts/native/, or
/// $SPECMAP_NATIVE names one) and the JIT build on the same repositories and compares the JSON reports byte for byte,
/// with the native run's persistent outline cache cold and then warm.
/// </summary>
public sealed class NativeBuildTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    [NativeFact]
    public void A_plain_run_on_the_work_tree_matches()
    {
        var verified = CommitFixture();
        _repo.Write("app.py", "import os\n\n\n" + _repo.Read("app.py"));
        WriteMapping(verified);
        AssertSameReports("validate", "map.json", "--format", "json");
    }

    [NativeFact]
    public void A_relocation_across_commits_matches()
    {
        var verified = CommitFixture();
        // Shifted, renamed file, a method moved to another class, a deleted function: every way of tracking.
        _repo.Write("app.py", "import os\n\n\n" + _repo.Read("app.py").Replace("def gone():\n    return 0\n", ""));
        _repo.Move("src/Converter.cs", "src/Conversion/Converter.cs");
        _repo.Write("src/Conversion/Converter.cs", "// moved\n" + _repo.Read("src/Conversion/Converter.cs").Replace("Converter", "Transformer"));
        _repo.Commit("relocate");
        WriteMapping(verified);
        AssertSameReports("validate", "map.json", "--against", "HEAD", "--format", "json");
    }

    [NativeFact]
    public void A_staged_run_matches()
    {
        var verified = CommitFixture();
        _repo.Write("app.py", "# staged\n" + _repo.Read("app.py")).Stage("app.py");
        // The work tree differs from the index: the staged run must read the index.
        _repo.Write("app.py", "x = 1\n");
        WriteMapping(verified);
        _repo.Stage("map.json");
        AssertSameReports("validate", "map.json", "--staged", "--format", "json");
    }

    [NativeFact]
    public void A_run_against_an_older_commit_from_a_subfolder_matches()
    {
        var verified = CommitFixture();
        _repo.Write("app.py", "\n\n" + _repo.Read("app.py"));
        _repo.Commit("shift");
        WriteMapping(verified);
        Directory.CreateDirectory(_repo.PathOf("src/sub"));
        // Discovery from a subfolder: the repository is found upwards, as git does.
        AssertSameReports("validate", "../../map.json", "--against", verified, "--format", "json", "--cwd", "src/sub");
    }

    private string CommitFixture()
    {
        _repo.Write("app.py", "def create(request):\n    value = request.body\n    return value\n\n\ndef gone():\n    return 0\n\n\nclass Handler:\n    def handle(self, event):\n        return event.kind\n")
            .Write("src/Converter.cs", "namespace Demo;\n\npublic sealed class Converter\n{\n    public int Convert(int value)\n    {\n        return value * 2;\n    }\n\n    public string Name => \"c\";\n}\n");
        return _repo.Commit("fixture");
    }

    private void WriteMapping(string verified) =>
        _repo.Write("map.json", $$"""
            {
              "version": "1.1",
              "verified_at": "{{verified}}",
              "items": [
                { "name": "create", "implementation": { "file": "app.py", "lines": "1-3", "symbol": "create" } },
                { "name": "gone", "implementation": { "file": "app.py", "lines": "6-7", "symbol": "gone" } },
                { "name": "handle", "implementation": { "file": "app.py", "lines": "11-12" } },
                { "name": "convert", "implementation": { "file": "src/Converter.cs", "lines": "5-8", "symbol": "Demo.Converter.Convert(int)" } },
                { "name": "name", "implementation": "src/Converter.cs:10" }
              ]
            }
            """);

    /// <summary>JIT, native with the cache cleared, native again (warm): the same exit code and the same bytes.</summary>
    private void AssertSameReports(params string[] args)
    {
        var folder = _repo.Root;
        var list = args.ToList();
        var cwd = list.IndexOf("--cwd");
        if (cwd >= 0)
        {
            folder = _repo.PathOf(list[cwd + 1]);
            list.RemoveRange(cwd, 2);
        }
        var jit = Run(folder, "dotnet", [Path.Combine(AppContext.BaseDirectory, "specmap.dll"), .. list]);
        TempFolder.Delete(Path.Combine(_repo.Root, ".git", "specmap"));
        var cold = Run(folder, NativeFactAttribute.Binary!, list);
        var warm = Run(folder, NativeFactAttribute.Binary!, list);
        Assert.Contains("\"references\"", jit.Stdout, StringComparison.Ordinal);
        Assert.Equal((jit.ExitCode, jit.Stdout), (cold.ExitCode, cold.Stdout));
        Assert.Equal((jit.ExitCode, jit.Stdout), (warm.ExitCode, warm.Stdout));
        Assert.True(Directory.Exists(Path.Combine(_repo.Root, ".git", "specmap", "cache")), "the native run wrote no outline cache");
    }

    private static (int ExitCode, string Stdout) Run(string folder, string program, IEnumerable<string> args)
    {
        var result = CliRunner.RunProgram(folder, program, args);
        Assert.True(result.ExitCode is 0 or 1, $"{program} exited {result.ExitCode}: {result.Stderr}");
        return (result.ExitCode, result.Stdout);
    }
}

/// <summary>A fact skipped, with the reason, when no native build is there (xunit 2 has no dynamic skip).</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (Binary is null)
        {
            Skip = "no native build: .ci/run publishes one to artifacts/native/specmap (needs clang and zlib1g-dev), or set SPECMAP_NATIVE";
        }
    }

    /// <summary>$SPECMAP_NATIVE, else artifacts/native/specmap of this checkout; null when neither exists.</summary>
    public static string? Binary { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SPECMAP_NATIVE") is { Length: > 0 } named)
        {
            return File.Exists(named) ? Path.GetFullPath(named) : null;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpecMapValidator.sln")))
            {
                var binary = Path.Combine(folder.FullName, "artifacts", "native", "specmap");
                return File.Exists(binary) ? binary : null;
            }
        }
        return null;
    }
}
