using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Shapes;

/// <summary>
/// Issue 11 "done when", as a new user would try it: a repository and a mapping of our own making in the shapes a real
/// team wrote. Every reference is right or reported with the reason, nothing passes silently, and `--fix` twice is
/// byte-identical.
/// </summary>
public sealed class ResponsesServerTests : IDisposable
{
    private const string MappingFile = "SPEC_TO_CODE_MAPPING.json";
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private void Build()
    {
        _repository.Write("server/protocol.py", ResponsesServer.Protocol)
            .Write("server/serving_responses.py", ResponsesServer.Serving)
            .Write("server/api_server.py", ResponsesServer.Api)
            .Write("docs/DOC_responses.md", ResponsesServer.Doc("Responses", 4))
            .Write("docs/DOC_streaming_events.md", ResponsesServer.Doc("Streaming events", 4))
            .Write(MappingFile, ResponsesServer.Mapping)
            .Commit("the server and its mapping");
        // Later work moves the endpoints down a line.
        _repository.Write("server/api_server.py", "import logging\n" + ResponsesServer.Api).Commit("log");
    }

    private MappingReport Validate() => ContractRun.Report(_repository, MappingFile);

    [Fact]
    public void Every_reference_is_right_or_reported_with_its_reason()
    {
        Build();
        var report = Validate();
        Assert.Equal(19, report.References.Length);
        foreach (var result in report.References)
        {
            Assert.True(result.Status == ReferenceStatus.Ok || report.Diagnostics.Any(d => d.Pointer == result.Reference.Pointer && d.Severity != Severity.Info),
                $"{result.Reference.Pointer} is {result.Status} and nothing says why");
        }
        Assert.Equal(
        [
            "SMV0103 /endpoints/POST ~1v1~1responses/code_location",
            "SMV0103 /endpoints/GET ~1v1~1responses~1{response_id}/code_location",
            "SMV0005 /endpoints/DELETE ~1v1~1responses~1{response_id}/code_location",
            "SMV0110 /ResponsesRequest/store/code_location",
            "SMV0303 /streaming_events/2/required_fields/usage",
            "SMV0303 /streaming_events/3/required_fields/logprobs",
        ], report.Diagnostics.Where(d => d.Severity != Severity.Info).Select(d => $"{d.Id} {d.Pointer}"));
        // Context keys name the fields; a colon names a function; joined references are both read.
        Assert.Equal("ResponsesRequest.background", Symbol(report, "/ResponsesRequest/background/code_location"));
        Assert.Equal("_build_response_created_event", Symbol(report, "/streaming_events/0/code_location"));
        Assert.Equal(2, report.References.Count(r => r.Reference.Pointer == "/streaming_events/2/code_location"));

        // Every item with required_fields ends checked (the model named or found, and how) or not checked, saying why.
        Assert.Equal(
        [
            "SMV0307 /endpoints/POST ~1v1~1responses/required_fields",
            "SMV0306 /response_object/required_fields/output",
            "SMV0307 /streaming_events/0/required_fields",
            "SMV0307 /streaming_events/1/required_fields",
            "SMV0307 /streaming_events/2/required_fields",
            "SMV0307 /streaming_events/3/required_fields",
            "SMV0306 /streaming_events/5/required_fields",
        ], report.Diagnostics.Where(d => d.Id == RuleIds.ModelInferred || (d.Id == RuleIds.ContractNotChecked && !d.Message.StartsWith("types of", StringComparison.Ordinal)))
            .Select(d => $"{d.Id} {d.Pointer}"));
        Assert.Equal(["description", "required_field", "symbl"], report.Document.Ignored.ToArray());
        Assert.Equal(["/ResponsesRequest/stream/symbl", "/streaming_events/4/required_field"],
            report.Diagnostics.Where(d => d.Id == RuleIds.UnknownKey).Select(d => d.Pointer));
        Assert.Equal(["/endpoints/POST ~1v1~1responses~1{response_id}~1cancel/status", "/streaming_events/1/status"],
            report.Diagnostics.Where(d => d.Id == RuleIds.FreeTextStatus).Select(d => d.Pointer));
    }

    [Fact]
    public void Fix_twice_is_byte_identical_and_leaves_only_what_needs_a_person()
    {
        Build();
        var first = CliRunner.Run(_repository.Root, "validate", "--fix");
        Assert.Contains("fixed 2 problems", first.Stderr, StringComparison.Ordinal);
        var once = File.ReadAllBytes(_repository.PathOf(MappingFile));
        Assert.Contains("\"line\": \"7-11\", \"handler\": \"create_responses\"", File.ReadAllText(_repository.PathOf(MappingFile)), StringComparison.Ordinal);
        Assert.Contains("\"code_location\": \"api_server.py:14-16\"", File.ReadAllText(_repository.PathOf(MappingFile)), StringComparison.Ordinal);

        var second = CliRunner.Run(_repository.Root, "validate", "--fix");
        Assert.Equal(once, File.ReadAllBytes(_repository.PathOf(MappingFile)));
        Assert.DoesNotContain("SMV0103", second.Stdout, StringComparison.Ordinal);

        var after = Validate();
        Assert.All(after.References, r => Assert.Equal(ReferenceStatus.Ok, r.Status));
        Assert.Equal(["SMV0005", "SMV0110", "SMV0303", "SMV0303"],
            after.Diagnostics.Where(d => d.Severity != Severity.Info).Select(d => d.Id));
    }

    private static string? Symbol(MappingReport report, string pointer) =>
        Assert.Single(report.References, r => r.Reference.Pointer == pointer).Reference.Symbol;
}
