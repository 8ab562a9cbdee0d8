using SpecMap.Core.Diagnostics;
using SpecMap.Core.OpenApi;
using SpecMap.Core.SpecChecks;
using SpecMap.Tests.Contracts;
using SpecMap.Tests.OpenApi;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.SpecChecks;

/// <summary>
/// Issue 12, spec versions: the mapping pins the spec (`"sha256"` in its spec block); a later version of the spec,
/// committed in a real repository, gives each changed item SMV0203 with the field-level diff against the pinned version
/// found in history; `--fix` moves the pin, and a second `--fix` changes nothing.
/// </summary>
public sealed class SpecVersionTests : IDisposable
{
    private const string MappingFile = "SPEC_TO_CODE_MAPPING.json";
    private const string SpecFile = "specs/openapi.yaml";

    private const string Older = """
        openapi: 3.1.0
        paths:
          /responses:
            post:
              requestBody:
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        model: {type: string}
                        temperature: {type: number}
              responses:
                '200':
                  content:
                    text/event-stream:
                      schema:
                        anyOf:
                          - $ref: '#/components/schemas/TextDelta'
                          - $ref: '#/components/schemas/Completed'
        components:
          schemas:
            TextDelta:
              type: object
              properties:
                type: {type: string, enum: [response.output_text.delta]}
                delta: {type: string}
                sequence_number: {type: integer}
                status: {type: string, enum: [a, b]}
              required: [type, delta]
            Completed:
              type: object
              properties:
                type: {type: string, enum: [response.completed]}
              required: [type]
            Queued:
              type: object
              properties:
                type: {type: string, enum: [response.queued]}
              required: [type]
        """;

    /// <summary>sequence_number becomes required, delta an array, status gains a value; an event and a parameter no item maps are added.</summary>
    private static readonly string Newer = Older
        .Replace("required: [type, delta]", "required: [type, delta, sequence_number]", StringComparison.Ordinal)
        .Replace("delta: {type: string}", "delta: {type: array, items: {type: string}}", StringComparison.Ordinal)
        .Replace("enum: [a, b]", "enum: [a, b, c]", StringComparison.Ordinal)
        .Replace("temperature: {type: number}", "temperature: {type: number}\n                stream: {type: boolean}", StringComparison.Ordinal)
        .Replace("- $ref: '#/components/schemas/Completed'", "- $ref: '#/components/schemas/Completed'\n                  - $ref: '#/components/schemas/Queued'", StringComparison.Ordinal);

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private static string Mapping(string? pin) => $$"""
        {
          "spec": {
            "openapi": "{{SpecFile}}",
            "paths": ["/responses"]{{(pin is null ? "" : $",\n    \"sha256\": \"{pin}\"")}}
          },
          "streaming_events": [
            { "name": "response.output_text.delta", "status": "missing" },
            { "name": "response.completed", "status": "missing" }
          ],
          "request_parameters": [
            { "name": "model", "status": "missing" }
          ]
        }

        """;

    private static List<Diagnostic> VersionFindings(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.Where(d => d.Id is RuleIds.SpecSectionChanged or RuleIds.SpecNotPinned)];

    private CliRunner.Result Fix() => CliRunner.Run(_repository.Root, "validate", MappingFile, "--fix");

    [Fact]
    public void A_pinned_mapping_gets_the_field_diff_on_each_changed_item_and_fix_moves_the_pin_once()
    {
        _repository.Write(SpecFile, Older).Write(MappingFile, Mapping(SpecPin.Hash(Older)));
        _repository.Commit("mapping pinned to the spec it was checked against");
        var pinned = ContractRun.Report(_repository);
        Assert.Empty(VersionFindings(pinned.Diagnostics));
        // The spec block's keys are read, not ignored: no "did you mean 'path'" for `paths`.
        Assert.DoesNotContain(pinned.Document.Ignored, k => k is "openapi" or "paths" or "sha256");
        Assert.DoesNotContain(pinned.Diagnostics, d => d.Id == RuleIds.UnknownKey);

        _repository.Write(SpecFile, Newer);
        _repository.Commit("new spec version");
        var findings = VersionFindings(ContractRun.Validate(_repository));
        var shown = ContractRun.Show(findings);

        Assert.True(findings.TrueForAll(d => d.Id == RuleIds.SpecSectionChanged), shown);
        Assert.Equal(["/spec/sha256", "/streaming_events/0"], findings.Select(d => d.Pointer).Order(StringComparer.Ordinal));
        var delta = findings.Single(d => d.Pointer == "/streaming_events/0");
        Assert.StartsWith($"spec {SpecFile} changed for event 'response.output_text.delta' since the pinned version (sha256 {SpecPin.Hash(Older)[..8]}…, last at commit ", delta.Message, StringComparison.Ordinal);
        Assert.Contains("changed the type of property 'delta' from 'string' to 'array<string>'", delta.Message, StringComparison.Ordinal);
        Assert.Contains("the optional property 'sequence_number' became required", delta.Message, StringComparison.Ordinal);
        Assert.Contains("added the new 'c' enum value to property 'status'", delta.Message, StringComparison.Ordinal);
        Assert.EndsWith($"re-review the item, then run --fix to pin sha256 {SpecPin.Hash(Newer)[..8]}…", delta.Message, StringComparison.Ordinal);
        var pin = findings.Single(d => d.Pointer == "/spec/sha256");
        Assert.Contains("in parts no item maps: 1 event added ('response.queued'); 1 request parameter of POST /responses added ('stream'); decide whether", pin.Message, StringComparison.Ordinal);
        Assert.All(findings, d => Assert.Equal(FixSafety.Unsafe, d.Fix!.Safety));

        var first = Fix();
        Assert.True(first.ExitCode == 0, first.Stdout + first.Stderr);
        var fixedText = _repository.Read(MappingFile);
        Assert.Contains($"\"sha256\": \"{SpecPin.Hash(Newer)}\"", fixedText, StringComparison.Ordinal);
        Assert.Equal(Mapping(SpecPin.Hash(Newer)), RemoveVerifiedAt(fixedText));
        Fix();
        Assert.Equal(fixedText, _repository.Read(MappingFile));
        Assert.Empty(VersionFindings(ContractRun.Validate(_repository)));
    }

    [Fact]
    public void A_request_body_change_goes_to_the_parameter_item_and_else_to_the_endpoint_item()
    {
        var mapping = $$"""
            {
              "spec": { "openapi": "{{SpecFile}}", "sha256": "{{SpecPin.Hash(Older)}}" },
              "endpoints": { "POST /responses": { "status": "missing" } },
              "request_parameters": [ { "name": "temperature", "status": "missing" } ]
            }
            """;
        _repository.Write(SpecFile, Older).Write(MappingFile, mapping);
        _repository.Commit("pinned");
        _repository.Write(SpecFile, Older
            .Replace("temperature: {type: number}", "temperature: {type: integer}", StringComparison.Ordinal)
            .Replace("model: {type: string}", "model: {type: string, enum: [gpt-4o, o3]}", StringComparison.Ordinal));
        _repository.Commit("temperature is an integer, model an enum");
        var findings = VersionFindings(ContractRun.Validate(_repository));
        Assert.Equal(2, findings.Count);
        var parameter = Assert.Single(findings, d => d.Pointer == "/request_parameters/0");
        Assert.Contains("changed for request parameter 'temperature' ", parameter.Message, StringComparison.Ordinal);
        Assert.Contains(": changed the type of request property 'temperature' from 'number' to 'integer'; re-review", parameter.Message, StringComparison.Ordinal);
        var endpoint = Assert.Single(findings, d => d.Pointer == "/endpoints/POST ~1responses");
        Assert.Contains("changed for endpoint 'POST /responses' ", endpoint.Message, StringComparison.Ordinal);
        Assert.Contains("added the new 'gpt-4o' enum value to request property 'model'; added the new 'o3' enum value to request property 'model'", endpoint.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_without_a_pin_is_a_hint_whose_safe_fix_pins_the_version_checked()
    {
        _repository.Write(SpecFile, Older).Write(MappingFile, Mapping(null));
        _repository.Commit("mapping without a pin");
        var hint = Assert.Single(VersionFindings(ContractRun.Validate(_repository)));
        Assert.Equal(RuleIds.SpecNotPinned, hint.Id);
        Assert.Equal(Severity.Info, hint.Severity);
        Assert.Equal($"spec {SpecFile} is not pinned; run --fix to pin the version checked, sha256 {SpecPin.Hash(Older)[..8]}…", hint.Message);
        Assert.Equal(FixSafety.Safe, hint.Fix!.Safety);

        Fix();
        var fixedText = _repository.Read(MappingFile);
        Assert.Equal(Mapping(SpecPin.Hash(Older)), RemoveVerifiedAt(fixedText));
        Fix();
        Assert.Equal(fixedText, _repository.Read(MappingFile));
        Assert.Empty(VersionFindings(ContractRun.Validate(_repository)));
    }

    [Fact]
    public void A_change_outside_what_the_mapping_tracks_only_asks_to_move_the_pin()
    {
        _repository.Write(SpecFile, Older).Write(MappingFile, Mapping(SpecPin.Hash(Older)));
        _repository.Commit("pinned");
        _repository.Write(SpecFile, Older.Replace("Queued:", "Queued:\n      description: not in any stream", StringComparison.Ordinal));
        _repository.Commit("a schema no stream uses");
        var finding = Assert.Single(VersionFindings(ContractRun.Validate(_repository)));
        Assert.Equal(RuleIds.SpecNotPinned, finding.Id);
        Assert.Contains("but in nothing the mapping tracks; run --fix to pin sha256", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_takes_the_pinned_version_from_the_cache_instead_of_walking_history()
    {
        _repository.Write(SpecFile, Older).Write(MappingFile, Mapping(SpecPin.Hash(Older)));
        var pinnedAt = _repository.Commit("pinned");
        var lastHolding = _repository.Write("README.md", "unrelated\n").Commit("the spec is unchanged here");
        _repository.Write(SpecFile, Newer).Commit("new spec version");
        var cacheFile = Path.Combine(_repository.Root, ".git", "specmap", "cache", SpecPinCache.FileName);

        var first = ContractRun.Show(VersionFindings(ContractRun.Validate(_repository)));
        Assert.Contains($"last at commit {lastHolding[..7]})", first, StringComparison.Ordinal);
        var line = Assert.Single(File.ReadAllLines(cacheFile));
        Assert.EndsWith($"\t{lastHolding}\t{SpecMap.Core.Sources.GitBlobId.Of(System.Text.Encoding.UTF8.GetBytes(Older))}", line, StringComparison.Ordinal);
        Assert.Equal(first, ContractRun.Show(VersionFindings(ContractRun.Validate(_repository))));

        // The cache is what answers: pointed at the older commit that holds the same blob, the run names that commit.
        File.WriteAllText(cacheFile, line.Replace(lastHolding, pinnedAt, StringComparison.Ordinal) + "\n");
        Assert.Equal(first.Replace(lastHolding[..7], pinnedAt[..7], StringComparison.Ordinal), ContractRun.Show(VersionFindings(ContractRun.Validate(_repository))));

        // A line the repository does not bear out (no such commit) costs a walk, not a wrong answer.
        File.WriteAllText(cacheFile, line.Replace(lastHolding, new string('1', 40), StringComparison.Ordinal) + "\ngarbage\n");
        Assert.Equal(first, ContractRun.Show(VersionFindings(ContractRun.Validate(_repository))));
    }

    [Fact]
    public void A_pin_that_no_version_in_history_has_is_reported_as_not_checked()
    {
        var unknown = SpecPin.Hash("a version never committed");
        _repository.Write(SpecFile, Older).Write(MappingFile, Mapping(unknown));
        _repository.Commit("pinned to nothing we have");
        var finding = Assert.Single(VersionFindings(ContractRun.Validate(_repository)));
        Assert.Equal(RuleIds.SpecSectionChanged, finding.Id);
        Assert.Equal("/spec/sha256", finding.Pointer);
        Assert.Contains($"since the pinned sha256 {unknown[..8]}…; pinned version not found in the history of {SpecFile}, not checked", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pin_that_is_not_a_sha256_is_a_shape_error()
    {
        _repository.Write(SpecFile, Older).Write(MappingFile, Mapping("abc"));
        _repository.Commit("bad pin");
        var error = Assert.Single(ContractRun.Validate(_repository), d => d.Pointer == "/spec/sha256");
        Assert.Equal(RuleIds.ShapeError, error.Id);
    }

    [OpenAiSpecFact]
    public void The_real_2025_03_11_to_tip_change_reports_sequence_number_on_the_mapped_events()
    {
        var older = SpecDocumentLocation.Read("2025-03-11:openapi.yaml", OpenAiSpecBundle.Repository).Content;
        var newer = SpecDocumentLocation.Read("main:openapi.yaml", OpenAiSpecBundle.Repository).Content;
        Directory.CreateDirectory(Path.GetDirectoryName(_repository.PathOf(SpecFile))!);
        File.WriteAllBytes(_repository.PathOf(SpecFile), older);
        _repository.Write(MappingFile, $$"""
            {
              "spec": { "openapi": "{{SpecFile}}", "paths": ["/responses"], "sha256": "{{SpecPin.Hash(File.ReadAllText(_repository.PathOf(SpecFile)))}}" },
              "streaming_events": [
                { "name": "response.output_text.delta", "status": "missing" },
                { "name": "response.created", "status": "missing" }
              ]
            }
            """);
        _repository.Commit("OpenAI's spec of 2025-03-11, pinned");
        Assert.Empty(VersionFindings(ContractRun.Validate(_repository)));

        File.WriteAllBytes(_repository.PathOf(SpecFile), newer);
        _repository.Commit("OpenAI's spec at the tip of main");
        var findings = VersionFindings(ContractRun.Validate(_repository));
        foreach (var pointer in new[] { "/streaming_events/0", "/streaming_events/1" })
        {
            var item = Assert.Single(findings, d => d.Pointer == pointer);
            Assert.Equal(RuleIds.SpecSectionChanged, item.Id);
            Assert.Contains("added the new required property 'sequence_number' (integer)", item.Message, StringComparison.Ordinal);
        }
        var pin = Assert.Single(findings, d => d.Pointer == "/spec/sha256");
        Assert.Contains("2 events removed ('response.code_interpreter_call.code.delta', 'response.code_interpreter_call.code.done'); 28 events added (", pin.Message, StringComparison.Ordinal);
        Assert.Equal(3, findings.Count);

        Fix();
        var fixedText = _repository.Read(MappingFile);
        Assert.Contains($"\"sha256\": \"{SpecPin.Hash(File.ReadAllText(_repository.PathOf(SpecFile)))}\"", fixedText, StringComparison.Ordinal);
        Fix();
        Assert.Equal(fixedText, _repository.Read(MappingFile));
    }

    /// <summary>`--fix` also records `verified_at` (contract §1); the rest of the text is what these tests compare.</summary>
    private static string RemoveVerifiedAt(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "\n  \"verified_at\": \"[0-9a-f]{40}\",", string.Empty);
}
