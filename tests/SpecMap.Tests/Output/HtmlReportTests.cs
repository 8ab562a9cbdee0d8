using System.Diagnostics;
using SpecMap.Cli.Demo;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Output;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Output;

/// <summary>`validate --format html` on real repositories: the code and fix shown, hostile strings escaped, and the page as Chromium reads it.</summary>
public sealed class HtmlReportTests : IDisposable
{
    private const string Code = "def create(request):\n    return request\n";

    // A key with markup, one with a terminal escape (decoded from the JSON escape) and a path with a raw right-to-left override.
    private static readonly string HostileMapping = """
        {
          "<script>alert(1)</script>": { "implementation": "a.py:1-2#create" },
          "evil\u001b[31m": { "implementation": "gone.py:3" },
          "bidi": { "implementation": "xRLOyp.py:1" }
        }

        """.Replace("RLO", "\u202E", StringComparison.Ordinal);

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private static string Html(ValidationReport report) => ReportFormatters.Find("html")!.Format(report);

    private ValidationReport Validate(string mapping = "map.json") =>
        new Validator().Validate(new ValidationRequest(_repo.Root, [mapping]));

    /// <summary>Commits the mapping over <see cref="Code"/>, then pushes the code down two lines so its first reference is relocated.</summary>
    private ValidationReport Relocated(string mapping)
    {
        _repo.Write("a.py", Code).Write("map.json", mapping).Commit("mapping");
        _repo.Write("a.py", "import os\n\n" + Code).Commit("insert two lines");
        return Validate();
    }

    [Fact]
    public void A_relocated_reference_shows_its_mapping_lines_the_code_now_and_the_fix_diff()
    {
        var report = Relocated("""
            {
              "<script>alert(1)</script>": { "implementation": "a.py:1-2#create" }
            }

            """);
        var moved = Assert.Single(report.Mappings[0].Diagnostics, d => d.Reference?.Status == ReferenceStatus.Relocated);
        var html = Html(report);

        Assert.Contains(HtmlText.Escape(moved.Message), html, StringComparison.Ordinal);
        // The mapping line of the reference, marked, with its number.
        Assert.Contains("<span class=\"line hl\"><span class=\"ln\">2</span>  &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;: { &quot;implementation&quot;: &quot;a.py:1-2#create&quot; }</span>", html, StringComparison.Ordinal);
        // The code where it is now (lines 3-4 of the work tree), marked, after its context.
        Assert.Contains("code · now at a.py:3-4 · the work tree", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"line\"><span class=\"ln\">1</span>import os</span>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"line hl\"><span class=\"ln\">3</span>def create(request):</span>", html, StringComparison.Ordinal);
        // Its own fix, and the run's patch with verified_at.
        Assert.Contains("<span class=\"line add\">+  &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;: { &quot;implementation&quot;: &quot;a.py:3-4#create&quot; }</span>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Fix diff</h2>", html, StringComparison.Ordinal);
        Assert.Contains("&quot;verified_at&quot;", html[html.IndexOf("<h2>Fix diff</h2>", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_mapping_strings_are_escaped_and_made_visible()
    {
        var html = Html(Relocated(HostileMapping));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        // No control character but line feeds reaches the page; the escape and the override are shown, not obeyed.
        Assert.DoesNotContain(html, c => char.IsControl(c) && c != '\n');
        Assert.DoesNotContain('\u202E', html);
        Assert.Contains("<dd>/evil<span class=\"ctl\">\\u001B</span>[31m/implementation</dd>", html, StringComparison.Ordinal);
        Assert.Contains("x<span class=\"ctl\">\\u202E</span>yp.py", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_lost_reference_shows_the_lines_at_the_baseline_commit()
    {
        _repo.Write("a.py", Code).Write("map.json", """{ "create": { "implementation": "a.py:1-2" } }""").Commit("mapping");
        var baseline = _repo.Repository.Head.Tip.Sha;
        _repo.Delete("a.py").Commit("delete a.py");

        var html = Html(Validate());

        Assert.Contains($"code · was at a.py:1-2 · commit {baseline[..7]}", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"line hl\"><span class=\"ln\">1</span>def create(request):</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clean_run_says_so_and_passes()
    {
        _repo.Write("a.py", Code).Write("map.json", """{ "create": { "implementation": "a.py:1-2#create" } }""").Commit("mapping");

        var html = Html(Validate());

        Assert.Contains("<span class=\"verdict pass\">passed</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>exit status</dt><dd>0</dd>", html, StringComparison.Ordinal);
        Assert.Contains("No findings", html, StringComparison.Ordinal);
    }

    [ChromiumFact]
    public void Chromium_renders_every_finding_of_the_demo()
    {
        var root = Path.Combine(_repo.Root, "demo");
        DemoRepository.Create(root);
        var report = new Validator().Validate(new ValidationRequest(root, [DemoRepository.MappingPath]));
        var diagnostics = report.AllDiagnostics.ToList();
        Assert.NotEmpty(diagnostics);

        var dom = Chromium.DumpDom(Html(report), _repo.Root);

        Assert.Contains("<h1>specmap validate <span class=\"verdict fail\">failed</span></h1>", dom, StringComparison.Ordinal);
        Assert.Equal(diagnostics.Count, CountOf(dom, "<details class=\"finding "));
        Assert.All(diagnostics, d => Assert.Contains(Chromium.Serialized(d.Message.Split('\n')[0]), dom, StringComparison.Ordinal));
        Assert.Equal(diagnostics.Count(d => d.Severity == Severity.Error), CountOf(dom, "<details class=\"finding error\" open=\"\">"));
    }

    [ChromiumFact]
    public void Chromium_builds_no_element_from_a_hostile_mapping()
    {
        var report = Relocated(HostileMapping);
        var dom = Chromium.DumpDom(Html(report), _repo.Root);

        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", dom, StringComparison.Ordinal);
        Assert.Equal(report.AllDiagnostics.Count(), CountOf(dom, "<details class=\"finding "));
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}

/// <summary>Headless Chromium (Debian's `chromium`, installed by .ci/install.sh): the page as a browser builds it.</summary>
internal static class Chromium
{
    public static string? Executable { get; } =
        new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>Writes the page to <paramref name="folder"/>, loads it and returns the DOM Chromium built, serialized.</summary>
    public static string DumpDom(string html, string folder)
    {
        var page = Path.Combine(folder, "report.html");
        File.WriteAllText(page, html);
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Its own profile, so tests in parallel do not share one; no sandbox, since CI runs as root.
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", $"--user-data-dir={Path.Combine(folder, "chromium-profile")}", "--dump-dom", new Uri(page).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var dom = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "chromium did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {error.Result}");
        return dom;
    }

    /// <summary>Text as Chromium serializes it: only `&`, `<`, `>` (and no-break spaces) as entities.</summary>
    public static string Serialized(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);
}

/// <summary>A fact that needs headless Chromium; skipped, saying why, where it is not installed.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null)
        {
            Skip = "chromium is not installed (/usr/bin/chromium): the HTML report cannot be rendered; .ci/install.sh installs Debian's package.";
        }
    }
}
