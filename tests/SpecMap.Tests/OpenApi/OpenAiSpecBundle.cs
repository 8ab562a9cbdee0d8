using SpecMap.Core.OpenApi;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.OpenApi;

/// <summary>
/// OpenAI's OpenAPI history (`shared/specs/openai-openapi.bundle`, MIT): found like <see cref="BenchBundles"/> finds the
/// relocation benchmark (SPECMAP_SPECS_DIR, else `shared/specs` in a folder above the tests), cloned bare once per
/// test run with the git CLI. Documents are parsed once and shared by the tests.
/// </summary>
internal static class OpenAiSpecBundle
{
    public const string SkipReason = "OpenAI's spec history (shared/specs/openai-openapi.bundle) is not here; set SPECMAP_SPECS_DIR to its folder.";

    private static readonly Lazy<string> Clone = new(CloneBare);
    private static readonly Dictionary<string, OpenApiSpec> Parsed = new(StringComparer.Ordinal);

    public static string? Bundle { get; } = Find();

    /// <summary>The bare clone (deleted when the test process exits).</summary>
    public static string Repository => Clone.Value;

    /// <summary>`REV:path` of the bundle, parsed once (no cache, so the parse itself is what is tested).</summary>
    public static OpenApiSpec Load(string revisionAndPath)
    {
        lock (Parsed)
        {
            if (!Parsed.TryGetValue(revisionAndPath, out var spec))
            {
                var document = SpecDocumentLocation.Read(revisionAndPath, Repository);
                spec = OpenApiLoader.Load(document.Content, document.Name);
                Parsed[revisionAndPath] = spec;
            }
            return spec;
        }
    }

    private static string CloneBare()
    {
        var root = Path.Combine(Path.GetTempPath(), "specmap-tests", "openai-openapi-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.GetDirectoryName(root)!);
        var clone = GitProcess.Run(Path.GetTempPath(), null, "clone", "--bare", "--quiet", Bundle!, root);
        if (clone.ExitCode != 0)
        {
            throw new InvalidOperationException($"git clone of the spec bundle failed: {clone.Stderr}");
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TempFolder.Delete(root);
        return root;
    }

    private static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("SPECMAP_SPECS_DIR");
        if (!string.IsNullOrEmpty(configured))
        {
            var file = Path.Combine(configured, "openai-openapi.bundle");
            return File.Exists(file) ? file : null;
        }
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "specs", "openai-openapi.bundle");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>A fact that needs the spec bundle; skipped with the reason when it is absent.</summary>
internal sealed class OpenAiSpecFactAttribute : FactAttribute
{
    public OpenAiSpecFactAttribute()
    {
        if (OpenAiSpecBundle.Bundle is null)
        {
            Skip = OpenAiSpecBundle.SkipReason;
        }
    }
}
