using System.Xml.Linq;
using SpecMap.Core.Probe.Reports;
using SpecMap.Tests.Output;

namespace SpecMap.Tests.Probe;

/// <summary>What users see of a probe, in every format, compared with checked-in files (SPECMAP_ACCEPT_SNAPSHOTS=1 rewrites them).</summary>
public sealed class ProbeFormatSnapshotTests
{
    public static TheoryData<string> Formats() => [.. ProbeFormatters.All.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_replayed_run_renders_as_its_snapshot(string format)
    {
        var text = ProbeFormatters.Find(format)!.Format(ProbeReportFixture.Create());
        Snapshot.Match(text, $"probe-replay.{format}.txt");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_live_run_renders_as_its_snapshot(string format)
    {
        var text = ProbeFormatters.Find(format)!.Format(ProbeReportFixture.Create(replay: false));
        Snapshot.Match(text, $"probe-live.{format}.txt");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_sarif_log_is_valid_against_the_2_1_0_schema(bool replay) =>
        SarifTests.AssertValid(ProbeFormatters.Find("sarif")!.Format(ProbeReportFixture.Create(replay)));

    [Fact]
    public void The_html_page_is_self_contained_and_escapes_the_payload()
    {
        var html = ProbeFormatters.Find("html")!.Format(ProbeReportFixture.Create());
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>get_weather</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;get_weather&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"finding error\" open>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_has_one_suite_per_scenario_and_fails_the_broken_event_type()
    {
        var xml = XDocument.Parse(ProbeFormatters.Find("junit")!.Format(ProbeReportFixture.Create()));
        var suites = xml.Root!.Elements("testsuite").ToList();
        Assert.Equal(["text", "tools", "mapping"], suites.Select(s => (string)s.Attribute("name")!));
        var failed = xml.Descendants("testcase").Where(c => c.Element("failure") is not null).Select(c => $"{c.Attribute("classname")!.Value}/{c.Attribute("name")!.Value}");
        Assert.Equal(["probe.tools/response.function_call_arguments.delta"], failed);
        Assert.Equal("1", xml.Root.Attribute("failures")!.Value);
    }
}
