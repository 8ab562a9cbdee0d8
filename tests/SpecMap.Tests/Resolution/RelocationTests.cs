using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Resolution;

/// <summary>
/// Relocation through git history on real repositories: the mapping records lines at one commit (`verified_at`),
/// the code changes in later commits, and the work tree is checked.
/// </summary>
public sealed class RelocationTests : IDisposable
{
    private const string Handlers = """
        import os


        def create(request):
            body = request.json()
            return {"id": body["id"], "status": "created"}


        @route("/items")
        def list_items(request, limit=10):
            items = load_items()
            return [item for item in items[:limit]]


        class Store:
            def get(self, key):
                return self._data[key]

            def put(self, key, value):
                self._data[key] = value
        """;

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    /// <summary>Commits <see cref="Handlers"/>, writes a mapping verified at that commit, then applies the change.</summary>
    private ReferenceResult Relocate(string reference, Action<TestRepository> change, string? expectedRule = null)
    {
        var verified = _repo.Write("app/handlers.py", Handlers + "\n").Commit("handlers");
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "item": { "implementation": {{reference}} } }""");
        change(_repo);
        _repo.Commit("change");
        var report = new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"]));
        var mapping = Assert.Single(report.Mappings);
        var result = Assert.Single(mapping.References);
        if (expectedRule is not null)
        {
            Assert.Contains(mapping.Diagnostics, d => d.Id == expectedRule && d.Pointer == "/item/implementation");
        }
        return result;
    }

    private static string Shifted(string text, int lines) => string.Concat(Enumerable.Repeat("# note\n", lines)) + text;

    [Fact]
    public void An_unchanged_file_is_ok()
    {
        var result = Relocate("\"app/handlers.py:9-12#list_items\"", _ => { });
        Assert.Equal(ReferenceStatus.Ok, result.Status);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 9, 12, "list_items"), result.Target);
    }

    [Fact]
    public void A_shifted_function_is_SMV0103_with_its_new_lines()
    {
        var result = Relocate("\"app/handlers.py:9-12#list_items\"",
            r => r.Write("app/handlers.py", Shifted(Handlers, 3) + "\n"), RuleIds.SymbolShifted);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 12, 15, "list_items"), result.Target);
        Assert.Equal(HowFound.Symbol, result.Outcome.How);
    }

    [Fact]
    public void A_reference_starting_at_the_def_line_keeps_that_style()
    {
        var result = Relocate("\"app/handlers.py:10-12#list_items\"", r => r.Write("app/handlers.py", Shifted(Handlers, 2) + "\n"));
        Assert.Equal(new ResolvedTarget("app/handlers.py", 12, 14, "list_items"), result.Target);
    }

    [Fact]
    public void Lines_only_stand_for_the_declaration_they_covered()
    {
        var result = Relocate("\"app/handlers.py:16-17\"",
            r => r.Write("app/handlers.py", Handlers.Replace("class Store:\n", "class Store:\n    \"\"\"A store.\"\"\"\n\n    def size(self):\n        return 0\n\n", StringComparison.Ordinal) + "\n"),
            RuleIds.SymbolShifted);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 21, 22, "Store.get"), result.Target);
    }

    [Fact]
    public void A_renamed_file_is_SMV0104()
    {
        var result = Relocate("\"app/handlers.py:4-6#create\"", r => r.Move("app/handlers.py", "app/api/handlers_v2.py"), RuleIds.FileRenamed);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(new ResolvedTarget("app/api/handlers_v2.py", 4, 6, "create"), result.Target);
        Assert.Equal(HowFound.Rename, result.Outcome.How);
    }

    [Fact]
    public void A_function_moved_to_another_file_is_SMV0105()
    {
        var remaining = Handlers.Replace("""
            @route("/items")
            def list_items(request, limit=10):
                items = load_items()
                return [item for item in items[:limit]]


            """, string.Empty, StringComparison.Ordinal);
        var result = Relocate("\"app/handlers.py:9-12#list_items\"", r => r
            .Write("app/handlers.py", remaining + "\n")
            .Write("app/listing.py", "from app.db import load_items\n\n\n@route(\"/items\")\ndef list_items(request, limit=10):\n    items = load_items()\n    return [item for item in items[:limit]]\n"),
            RuleIds.SymbolMoved);
        Assert.Equal(new ResolvedTarget("app/listing.py", 4, 7, "list_items"), result.Target);
        Assert.Equal(HowFound.Move, result.Outcome.How);
    }

    [Fact]
    public void A_renamed_function_with_a_similar_body_is_SMV0106_with_a_confidence()
    {
        var result = Relocate("\"app/handlers.py:9-12#list_items\"",
            r => r.Write("app/handlers.py", Handlers.Replace("def list_items(request, limit=10):", "def list_all_items(request, limit=10):", StringComparison.Ordinal) + "\n"),
            RuleIds.SymbolRenamed);
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 9, 12, "list_all_items"), result.Target);
        Assert.Equal(HowFound.Fuzzy, result.Outcome.How);
        Assert.InRange(result.Outcome.Confidence, 0.8, 0.99);
    }

    [Fact]
    public void A_method_whose_class_was_renamed_follows_it()
    {
        var result = Relocate("\"app/handlers.py:16-17#Store.get\"",
            r => r.Write("app/handlers.py", Handlers.Replace("class Store:", "class ItemStore:", StringComparison.Ordinal) + "\n"),
            RuleIds.SymbolRenamed);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 16, 17, "ItemStore.get"), result.Target);
    }

    [Fact]
    public void A_deleted_function_is_SMV0107_and_lost()
    {
        var remaining = Handlers.Replace("""
            def create(request):
                body = request.json()
                return {"id": body["id"], "status": "created"}
            """, string.Empty, StringComparison.Ordinal);
        var result = Relocate("\"app/handlers.py:4-6#create\"", r => r.Write("app/handlers.py", remaining + "\n"), RuleIds.SymbolNotFound);
        Assert.Equal(ReferenceStatus.Lost, result.Status);
        Assert.Null(result.Target);
    }

    [Fact]
    public void Lines_outside_any_declaration_go_through_the_diff_SMV0109()
    {
        var result = Relocate("\"app/handlers.py:1\"", r => r.Write("app/handlers.py", "\"\"\"Handlers.\"\"\"\n" + Handlers + "\n"), RuleIds.LinesChanged);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 2, 2, null), result.Target);
        Assert.Equal(HowFound.Diff, result.Outcome.How);
    }

    [Fact]
    public void A_symbol_not_unique_in_the_file_without_lines_is_ambiguous_SMV0108()
    {
        _repo.Write("app/handlers.py", Handlers + "\n\nclass Cache:\n    def get(self, key):\n        return None\n")
            .Write("map.json", """{ "item": { "implementation": "app/handlers.py#get" } }""").Commit();
        var mapping = Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings);
        Assert.Equal(ReferenceStatus.Ambiguous, Assert.Single(mapping.References).Status);
        var diagnostic = Assert.Single(mapping.Diagnostics, d => d.Id == RuleIds.Ambiguous);
        Assert.Equal(2, diagnostic.RelatedLocations.Length);
    }

    [Fact]
    public void A_name_not_unique_in_the_file_resolves_to_the_candidate_nearest_the_lines()
    {
        var result = Relocate("\"app/handlers.py:16-17#get\"",
            r => r.Write("app/handlers.py", "\n" + Handlers + "\n\nclass Cache:\n    def get(self, key):\n        return None\n"));
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 17, 18, "Store.get"), result.Target);
    }
    [Fact]
    public void A_deleted_method_is_not_matched_to_a_lookalike_that_already_existed()
    {
        const string Before = """
            class Reader:
                def __init__(self, loader):
                    self.loader = loader


            class Writer:
                def __init__(self, loader):
                    self.loader = loader
            """;
        var verified = _repo.Write("app/io.py", Before + "\n").Commit();
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "item": { "implementation": "app/io.py:2-3" } }""")
            .Write("app/io.py", "class Writer:\n    def __init__(self, loader):\n        self.loader = loader\n")
            .Write("app/other.py", "def make():\n    class Local:\n        def __init__(self, loader):\n            self.loader = loader\n    return Local\n")
            .Commit();
        var mapping = Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings);
        var result = Assert.Single(mapping.References);
        Assert.Equal(ReferenceStatus.Lost, result.Status);
        var diagnostic = Assert.Single(mapping.Diagnostics, d => d.Pointer == "/item/implementation");
        // Lost, never moved onto Writer.__init__ (which was already there) or into a function's local class.
        Assert.Null(result.Target);
        Assert.Contains("Reader.__init__", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Writer", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Local", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_beyond_the_end_of_the_file_are_SMV0102()
    {
        _repo.Write("app/handlers.py", Handlers + "\n").Write("map.json", """{ "item": { "implementation": "app/handlers.py:40-45" } }""").Commit();
        var mapping = Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings);
        Assert.Equal(ReferenceStatus.Lost, Assert.Single(mapping.References).Status);
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.RangeBeyondEnd);
    }

    [Fact]
    public void A_staged_change_is_relocated_from_the_last_commit_of_the_mapping()
    {
        _repo.Write("app/handlers.py", Handlers + "\n").Write("map.json", """{ "item": { "implementation": "app/handlers.py:9-12#list_items" } }""").Commit();
        _repo.Write("app/handlers.py", Shifted(Handlers, 1) + "\n").Stage("app/handlers.py");
        var report = new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"], Staged: true));
        var result = Assert.Single(Assert.Single(report.Mappings).References);
        Assert.Equal(new ResolvedTarget("app/handlers.py", 10, 13, "list_items"), result.Target);
    }
    [Fact]
    public void A_bare_basename_follows_its_file_through_a_rename()
    {
        var result = Relocate("\"handlers.py:4-6#create\"", r => r.Move("app/handlers.py", "app/api/views.py"), RuleIds.FileRenamed);
        Assert.Equal(new ResolvedTarget("app/api/views.py", 4, 6, "create"), result.Target);
    }
    [Fact]
    public void Lines_of_a_language_without_an_outliner_go_through_the_diff()
    {
        var verified = _repo.Write("web/app.js", "function a() {\n  return 1;\n}\n").Commit();
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "item": { "implementation": "web/app.js:1-3", "symbol": "a" } }""")
            .Write("web/app.js", "// header\n\nfunction a() {\n  return 1;\n}\n").Commit();
        var result = Assert.Single(Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings).References);
        Assert.Equal(new ResolvedTarget("web/app.js", 3, 5, null), result.Target);
        Assert.Equal(HowFound.Diff, result.Outcome.How);
    }

    [Fact]
    public void A_tiny_body_is_too_little_evidence_for_a_rename()
    {
        // `return 1` and `return 2` share most tokens, yet nothing says pong is ping renamed: better lost than wrong.
        var verified = _repo.Write("app/tiny.py", "def ping():\n    return 1\n").Commit("tiny");
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "item": { "implementation": "app/tiny.py:1-2#ping" } }""");
        _repo.Write("app/tiny.py", "def pong():\n    return 2\n").Commit("replace ping");
        var mapping = Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings);
        var result = Assert.Single(mapping.References);
        Assert.Equal(ReferenceStatus.Lost, result.Status);
        Assert.Null(result.Target);
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.SymbolNotFound);
    }
}
