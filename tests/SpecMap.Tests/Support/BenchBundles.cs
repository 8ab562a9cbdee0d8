namespace SpecMap.Tests.Support;

/// <summary>
/// The relocation benchmark (`shared/bench/reloc`): where it is, and bare clones of its bundles (made with the git CLI,
/// since LibGit2Sharp cannot read bundles). Tests that need it skip with a reason when it is absent.
/// </summary>
internal static class BenchBundles
{
    /// <summary>The folder holding the bundles and cases.jsonl: SPECMAP_BENCH_DIR, else `shared/bench/reloc` in a folder above the tests.</summary>
    public static string? Directory { get; } = Find();

    public static string? Cases => Directory is null ? null : Path.Combine(Directory, "cases.jsonl");

    /// <summary>Whether the named bundle (`flask.bundle`) and the cases are here.</summary>
    public static bool Has(string bundle) =>
        Directory is not null && File.Exists(Path.Combine(Directory, bundle)) && File.Exists(Cases);

    /// <summary>A bare clone of <paramref name="bundle"/> in a new temp folder; the caller deletes it with <see cref="TempFolder.Delete"/>.</summary>
    public static string CloneBare(string bundle)
    {
        var root = Path.Combine(Path.GetTempPath(), "specmap-tests", Path.GetFileNameWithoutExtension(bundle) + "-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(root)!);
        var clone = GitProcess.Run(Path.GetTempPath(), null, "clone", "--bare", "--quiet", Path.Combine(Directory!, bundle), root);
        if (clone.ExitCode != 0)
        {
            throw new InvalidOperationException($"git clone of {bundle} failed: {clone.Stderr}");
        }
        return root;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("SPECMAP_BENCH_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "bench", "reloc");
            if (File.Exists(Path.Combine(candidate, "cases.jsonl")))
            {
                return candidate;
            }
        }
        return null;
    }
}
