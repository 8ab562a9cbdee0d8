using System.Diagnostics;
using System.Text.RegularExpressions;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Hostile;

/// <summary>
/// Issue 14 "done when": `validate` under `strace -f -e trace=open,openat,openat2` on a fixture holding every escape
/// of §1 and §5. Nothing may be opened outside the repository, the mapping, the config and the runtime's own files;
/// none of the escape targets may be opened at all, not even through a path inside the repository.
/// </summary>
public sealed partial class FileAccessAuditTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "specmap-tests", "audit-outside-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        _repo.Dispose();
        if (Directory.Exists(_outside))
        {
            Directory.Delete(_outside, recursive: true);
        }
    }

    [StraceFact]
    public void Validate_opens_nothing_outside_the_repository_and_no_escape_target()
    {
        Directory.CreateDirectory(Path.Combine(_outside, "docs"));
        File.WriteAllText(Path.Combine(_outside, "secret.py"), "def secret():\n    pass\n");
        File.WriteAllText(Path.Combine(_outside, "docs", "guide.md"), "# Guide\n");
        _repo.Write("src/app.py", "def f():\n    pass\n");
        File.CreateSymbolicLink(_repo.PathOf("etcdir"), "/etc");
        File.CreateSymbolicLink(_repo.PathOf("devdir"), "/dev");
        File.CreateSymbolicLink(_repo.PathOf("outdir"), _outside);
        File.CreateSymbolicLink(_repo.PathOf("secret.py"), Path.Combine(_outside, "secret.py"));
        Process.Start("mkfifo", [_repo.PathOf("fifo.py")])!.WaitForExit();
        var outsideName = Path.GetFileName(_outside);
        _repo.Write("map.json", $$"""
            {
              "docs_root": "../{{outsideName}}/docs",
              "items": {
                "a": { "implementation": "etcdir/passwd:1", "also": "etcdir/hostname.py:1" },
                "b": { "implementation": "devdir/zero:1", "also": "devdir/urandom.py:1" },
                "c": { "implementation": "outdir/secret.py#secret", "link": "secret.py#secret" },
                "d": { "implementation": ".git/config:1", "fifo": "fifo.py#x" },
                "e": { "implementation": "../{{outsideName}}/secret.py:1", "docs": "guide.md#guide" },
                "f": { "implementation": "src/app.py#f" }
              }
            }
            """).Commit();
        var log = Path.Combine(Path.GetTempPath(), "specmap-tests", $"strace-{Guid.NewGuid():N}.log");
        var dll = Path.Combine(AppContext.BaseDirectory, "specmap.dll");
        var start = new ProcessStartInfo("strace") { WorkingDirectory = _repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", log, "dotnet", dll, "validate", "map.json", "--format", "json" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using (var process = Process.Start(start)!)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(180_000), "validate under strace hung");
            Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr.Result}");
            Assert.Contains("SMV0003", stdout.Result, StringComparison.Ordinal);
        }
        var opened = OpenedPaths(File.ReadAllLines(log)).ToList();
        File.Delete(log);
        Assert.NotEmpty(opened);

        // /dev/urandom is not here: the runtime opens it itself; devdir/urandom (below) is what the mapping asked for.
        string[] forbiddenTargets = ["/etc/passwd", "/etc/hostname", "/dev/zero", _outside];
        string[] forbiddenInside = ["etcdir", "devdir", "outdir", "secret.py", "fifo.py"];
        var escapes = opened.Where(p => forbiddenTargets.Any(t => Under(p, t))
            || forbiddenInside.Any(name => Under(p, Path.Combine(_repo.Root, name)))).ToList();
        Assert.True(escapes.Count == 0, "opened an escape target: " + string.Join(", ", escapes));

        var allowed = AllowedPrefixes().ToList();
        var strays = opened.Where(p => !allowed.Any(a => Under(p, a))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(strays.Count == 0, "opened outside the repository and the runtime: " + string.Join(", ", strays));
    }

    /// <summary>Successful opens, as absolute paths.</summary>
    private IEnumerable<string> OpenedPaths(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            var match = OpenCall().Match(line);
            if (match.Success && !match.Groups["result"].Value.StartsWith('-'))
            {
                yield return Path.GetFullPath(match.Groups["path"].Value, _repo.Root);
            }
        }
    }

    /// <summary>The repository (mapping and config live there), the program, the .NET runtime, the system libraries
    /// and the kernel's views, and git's own configuration files, which libgit2 reads as git does.</summary>
    private IEnumerable<string> AllowedPrefixes()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        yield return _repo.Root;
        yield return AppContext.BaseDirectory;
        yield return Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (var system in new[] { "/usr", "/lib", "/lib64", "/proc", "/sys", "/dev/null", "/dev/urandom", "/dev/random", "/dev/tty", "/dev/shm",
            "/etc/ld.so.cache", "/etc/localtime", "/etc/gitconfig", "/etc/ssl", "/etc/nsswitch.conf", "/etc/dotnet" })
        {
            yield return system;
        }
        foreach (var user in new[] { ".gitconfig", ".config/git", ".dotnet", ".nuget" })
        {
            yield return Path.Combine(home, user);
        }
        var temp = Path.GetTempPath();
        yield return Path.Combine(temp, "clr-debug-pipe*");
        yield return Path.Combine(temp, "dotnet-diagnostic*");
        yield return Path.Combine(temp, ".dotnet");
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
        {
            yield return root;
        }
    }

    /// <summary>The path is <paramref name="prefix"/> or below it; a prefix ending in '*' matches as text.</summary>
    private static bool Under(string path, string prefix)
    {
        if (prefix.EndsWith('*'))
        {
            return path.StartsWith(prefix[..^1], StringComparison.Ordinal);
        }
        var folder = prefix.TrimEnd('/');
        return path == folder || path.StartsWith(folder + "/", StringComparison.Ordinal);
    }

    [GeneratedRegex("""open(?:at2?)?\((?:[A-Z_0-9]+, )?"(?<path>(?:[^"\\]|\\.)*)".*\)\s+=\s+(?<result>-?\d+)""")]
    private static partial Regex OpenCall();
}

/// <summary>Skipped, with the reason, where strace cannot run (not Linux, not installed: .ci/install.sh installs it).</summary>
internal sealed class StraceFactAttribute : FactAttribute
{
    public StraceFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "the file-access audit uses strace, which is Linux only";
        }
        else if (!GitProcess.IsInstalled("strace"))
        {
            Skip = "strace is not installed (apt-get install -y strace; .ci/install.sh does it)";
        }
        else if (!GitProcess.IsInstalled("mkfifo"))
        {
            Skip = "mkfifo is not installed";
        }
    }
}
