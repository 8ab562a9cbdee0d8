using System.Globalization;
using System.Text;
using System.Xml;
using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Probe.Reports;

/// <summary>
/// `--format junit`: JUnit XML for CI test tabs. One testsuite per scenario; in it one testcase per event type the
/// stream carried, one per rule that found something about the stream as a whole, and one for the transport. Error
/// findings fail their testcase; warnings and info go to its system-out. Findings about the mapping alone make a
/// suite `mapping`, one testcase per rule.
/// </summary>
internal sealed class ProbeJUnitFormatter : IProbeFormatter
{
    private const string MappingSuite = "mapping";

    public string Name => "junit";

    public string Format(ProbeResult result)
    {
        var findings = result.OrderedFindings().ToList();
        var suites = new List<(string Name, List<TestCase> Cases)>();
        foreach (var scenario in result.Scenarios)
        {
            var mine = findings.Where(f => f.Scenario == scenario.Name).ToList();
            var stream = result.Report.Streams.FirstOrDefault(s => s.Scenario == scenario.Name);
            var cases = new List<TestCase> { new("transport", scenario.TransportError is { } problem ? [problem] : [], []) };
            var types = (stream?.Events.Select(EventTypes.Of) ?? []).Concat(mine.Select(f => f.EventType))
                .OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var type in types)
            {
                cases.Add(Case(type, mine.Where(f => f.EventType == type)));
            }
            foreach (var rule in mine.Where(f => f.EventType is null).GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                cases.Add(Case(rule.Key, rule));
            }
            suites.Add((scenario.Name, cases));
        }
        var known = result.Scenarios.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var orphans = findings.Where(f => !known.Contains(f.Scenario)).GroupBy(f => f.RuleId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (orphans.Count > 0)
        {
            suites.Add((MappingSuite, [.. orphans.Select(g => Case(g.Key, g))]));
        }
        return Write(result, suites);
    }

    private static string Write(ProbeResult result, List<(string Name, List<TestCase> Cases)> suites)
    {
        // A stream, not a StringWriter: the declaration then says UTF-8, which is what the file will be.
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "specmap probe " + result.Target);
            xml.WriteAttributeString("tests", Number(suites.Sum(s => s.Cases.Count)));
            xml.WriteAttributeString("failures", Number(suites.Sum(s => s.Cases.Count(c => c.Failures.Count > 0))));
            foreach (var (name, cases) in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", name);
                xml.WriteAttributeString("tests", Number(cases.Count));
                xml.WriteAttributeString("failures", Number(cases.Count(c => c.Failures.Count > 0)));
                xml.WriteAttributeString("errors", "0");
                xml.WriteAttributeString("skipped", "0");
                foreach (var testCase in cases)
                {
                    xml.WriteStartElement("testcase");
                    xml.WriteAttributeString("classname", "probe." + name);
                    xml.WriteAttributeString("name", testCase.Name);
                    if (testCase.Failures.Count > 0)
                    {
                        xml.WriteStartElement("failure");
                        xml.WriteAttributeString("message", testCase.Failures[0]);
                        xml.WriteString(string.Join("\n", testCase.Failures));
                        xml.WriteEndElement();
                    }
                    if (testCase.Notes.Count > 0)
                    {
                        xml.WriteElementString("system-out", string.Join("\n", testCase.Notes));
                    }
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static TestCase Case(string name, IEnumerable<ProbeFinding> findings)
    {
        var list = findings.ToList();
        return new TestCase(
            name,
            [.. list.Where(f => f.Severity == Severity.Error).Select(Text)],
            [.. list.Where(f => f.Severity != Severity.Error).Select(Text)]);
    }

    private static string Text(ProbeFinding f) => $"{f.Severity.ToName()} {f.RuleId}: {ProbeFindingText.Line(f)}";

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private sealed record TestCase(string Name, List<string> Failures, List<string> Notes);
}
