using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Sources;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Validation;

/// <summary>The engine end to end on real repositories: path handling, discovery, exit codes.</summary>
public sealed class WorkTreeValidationTests : IDisposable
{
    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private ValidationReport Validate(params string[] mappings) =>
        new Validator().Validate(new ValidationRequest(_repo.Root, [.. mappings]));

    [Theory]
    [InlineData("no-such-branch")]
    [InlineData("HEAD^^^^{bad")]
    public void An_unusable_against_revision_is_one_setup_error(string revision)
    {
        _repo.Write("map.json", "{}").Commit();
        var error = Assert.Throws<ValidationSetupException>(() =>
            new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"], Against: revision)));
        Assert.Equal($"--against: '{revision}' is not a commit in {_repo.Root}; name a commit, branch or tag that exists there", error.Message);
    }

    [Fact]
    public void Missing_files_are_SMV0101_at_the_reference_position()
    {
        _repo.Write("src/app.py", "def f():\n    pass\n").Write("map.json", "{\n  \"impl\": \"src/gone.py:1-2\"\n}\n").Commit();
        var diagnostic = Assert.Single(Validate("map.json").AllDiagnostics);
        Assert.Equal((RuleIds.FileNotFound, 2, 11, "/impl"), (diagnostic.Id, diagnostic.Location.Line, diagnostic.Location.Column, diagnostic.Pointer));
    }

    [Theory]
    [InlineData("../outside.py")]
    [InlineData("/etc/passwd.py")]
    [InlineData("src/../../x.py")]
    public void Paths_leaving_the_repository_are_SMV0003(string path)
    {
        _repo.Write("map.json", $$"""{ "impl": "{{path}}" }""").Commit();
        Assert.Equal(RuleIds.LeavesRepository, Assert.Single(Validate("map.json").AllDiagnostics).Id);
    }

    [Fact]
    public void A_symlink_out_of_the_tree_is_SMV0003()
    {
        var outside = Path.Combine(Path.GetTempPath(), $"specmap-outside-{Guid.NewGuid():N}.py");
        File.WriteAllText(outside, "x = 1\n");
        try
        {
            File.CreateSymbolicLink(_repo.PathOf("link.py"), outside);
            _repo.Write("map.json", """{ "impl": "link.py" }""").Commit();
            Assert.Equal(RuleIds.LeavesRepository, Assert.Single(Validate("map.json").AllDiagnostics).Id);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public void A_unique_basename_resolves_and_a_repeated_one_is_SMV0108()
    {
        _repo.Write("pkg/a/api_server.py", "x = 1\n").Write("pkg/b/util.py", "y = 2\n").Write("pkg/c/util.py", "z = 3\n")
            .Write("map.json", """{ "one": "api_server.py:1", "two": "util.py:1" }""").Commit();
        var report = Validate("map.json");
        var mapping = Assert.Single(report.Mappings);
        Assert.Equal("pkg/a/api_server.py", mapping.References.Single(r => r.Reference.Pointer == "/one").ResolvedPath);
        var ambiguous = Assert.Single(report.AllDiagnostics);
        Assert.Equal((RuleIds.Ambiguous, "/two"), (ambiguous.Id, ambiguous.Pointer));
        Assert.Contains("(pkg/b/util.py and pkg/c/util.py)", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal(ReferenceStatus.Ambiguous, mapping.References.Single(r => r.Reference.Pointer == "/two").Status);
    }

    [Fact]
    public void Doc_references_resolve_under_docs_root()
    {
        _repo.Write("docs/spec/DOC_responses.md", "# Responses\n\n## Create\n\ntext\n")
            .Write("map.json", """{ "docs_root": "docs/spec", "doc": "DOC_responses.md:3" }""").Commit();
        var reference = Assert.Single(Assert.Single(Validate("map.json").Mappings).References);
        Assert.Equal("docs/spec/DOC_responses.md", reference.ResolvedPath);
    }

    [Fact]
    public void Mappings_are_discovered_when_none_is_named()
    {
        _repo.Write("SPEC_TO_CODE_MAPPING.json", "{}").Write("sub/api.specmap.json", "{}").Write("other.json", "{}").Commit();
        Assert.Equal(["SPEC_TO_CODE_MAPPING.json", "sub/api.specmap.json"], Validate().Mappings.Select(m => m.Path));
    }

    [Fact]
    public void Suppress_drops_an_id_for_the_item_and_below()
    {
        _repo.Write("map.json", """{ "a": { "impl": "gone.py", "suppress": ["SMV0101"] }, "b": { "impl": "gone.py" } }""").Commit();
        Assert.Equal("/b/impl", Assert.Single(Validate("map.json").AllDiagnostics).Pointer);
    }

    [Fact]
    public void A_folder_that_is_not_a_repository_is_still_checked_on_disk()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"specmap-plain-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(folder, "src"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "src", "app.py"), "x = 1\n");
            File.WriteAllText(Path.Combine(folder, "map.json"), """{ "ok": "src/app.py:1", "bad": "src/gone.py" }""");
            var report = new Validator().Validate(new ValidationRequest(folder, ["map.json"]));
            Assert.Equal("/bad", Assert.Single(report.AllDiagnostics).Pointer);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
