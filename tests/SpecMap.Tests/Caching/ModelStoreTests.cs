using SpecMap.Core.Caching;
using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.Outline;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Caching;

/// <summary>
/// Model facts kept across runs (issue 15): a warm run reads no model file twice, and gives the answer a cold run gives
/// whenever a file the model depends on (a base class, an alias generator, an import target) changed meanwhile.
/// </summary>
public sealed class ModelStoreTests : IDisposable
{
    private const string Mapping = """
        {
          "events": [
            { "name": "created", "model": "app/events.py#Created",
              "required_fields": { "type": "string", "itemId": "string", "count": "integer", "note": "string" } }
          ]
        }
        """;

    private const string Events = """
        from .base import Base


        class Created(Base):
            type: str
            item_id: str
        """;

    private const string BaseWithCount = """
        from pydantic import BaseModel, ConfigDict
        from pydantic.alias_generators import to_camel


        class Base(BaseModel):
            model_config = ConfigDict(alias_generator=to_camel)

            count: int
        """;

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private string CacheFolder => Path.Combine(_repo.Root, ".git", "specmap", "cache", OutlineStore.BuildVersion);

    [Fact]
    public void A_second_run_reads_every_model_fact_from_the_store_and_parses_nothing()
    {
        _repo.Write("app/events.py", Events).Write("app/base.py", BaseWithCount).Write("map.json", Mapping).Commit("models");
        var first = Answer();
        var segments = Directory.GetFiles(CacheFolder, "seg-*");
        var second = Answer();
        // Every parse is stored: a run that parsed nothing writes no segment.
        Assert.Equal(segments, Directory.GetFiles(CacheFolder, "seg-*"));
        Assert.Equal(first, second);
        // `note` is absent; `itemId` is item_id through the inherited alias generator.
        Assert.Equal(["SMV0303 /events/0/required_fields/note"], first.Where(d => d.StartsWith("SMV03", StringComparison.Ordinal)).Select(d => d[..d.IndexOf(' ', 8)]));
    }

    [Fact]
    public void A_base_class_changed_in_another_file_is_seen_by_a_warm_run()
    {
        _repo.Write("app/events.py", Events).Write("app/base.py", BaseWithCount).Write("map.json", Mapping).Commit("models");
        var before = Answer();
        _repo.Write("app/base.py", BaseWithCount.Replace("count: int", "count: int\n    note: str", StringComparison.Ordinal)).Commit("note in the base");
        AssertWarmIsCold(before);
    }

    [Fact]
    public void An_alias_generator_changed_in_the_base_class_is_seen_by_a_warm_run()
    {
        _repo.Write("app/events.py", Events).Write("app/base.py", BaseWithCount).Write("map.json", Mapping).Commit("models");
        var before = Answer();
        _repo.Write("app/base.py", BaseWithCount.Replace("alias_generator=to_camel", "populate_by_name=True", StringComparison.Ordinal)).Commit("no generator");
        AssertWarmIsCold(before);
    }

    [Fact]
    public void An_import_target_moved_to_a_package_is_followed_by_a_warm_run()
    {
        _repo.Write("app/events.py", Events).Write("app/base.py", BaseWithCount).Write("map.json", Mapping).Commit("models");
        var before = Answer();
        // `from .base import Base` now finds app/base/__init__.py, whose Base has other fields; events.py is unchanged.
        _repo.Delete("app/base.py").Write("app/base/__init__.py", "from pydantic import BaseModel\n\n\nclass Base(BaseModel):\n    note: str\n").Commit("base is a package");
        AssertWarmIsCold(before);
    }

    [Fact]
    public void A_re_export_renamed_in_the_imported_module_is_followed_by_a_warm_run()
    {
        _repo.Write("app/events.py", Events).Write("app/base.py", "from .impl import Model as Base\n")
            .Write("app/impl.py", BaseWithCount.Replace("class Base", "class Model", StringComparison.Ordinal))
            .Write("app/other.py", "from pydantic import BaseModel\n\n\nclass Other(BaseModel):\n    note: str\n").Write("map.json", Mapping).Commit("models");
        var before = Answer();
        _repo.Write("app/base.py", "from .other import Other as Base\n").Commit("re-export another class");
        AssertWarmIsCold(before);
    }

    [Fact]
    public void A_csharp_partial_part_added_in_another_file_is_seen_by_a_warm_run()
    {
        WriteCSharp().Commit("models");
        var before = Answer("cs.json");
        _repo.Write("src/Event.Note.cs", "namespace App;\n\npublic partial class Event\n{\n    public string Note { get; set; } = \"\";\n}\n").Commit("a part");
        AssertWarmIsCold(before, "cs.json");
    }

    [Fact]
    public void A_csharp_base_class_changed_in_another_file_is_seen_by_a_warm_run_and_an_unchanged_one_is_not_scanned_again()
    {
        WriteCSharp().Commit("models");
        var before = Answer("cs.json");
        var segments = Directory.GetFiles(CacheFolder, "seg-*");
        Assert.Equal(before, Answer("cs.json"));
        Assert.Equal(segments, Directory.GetFiles(CacheFolder, "seg-*"));
        _repo.Write("src/Base.cs", "namespace App;\n\npublic class Base\n{\n    public string Count { get; set; } = \"\";\n    public string Note { get; set; } = \"\";\n}\n").Commit("base changed");
        AssertWarmIsCold(before, "cs.json");
    }

    [Fact]
    public void A_csharp_partial_part_removed_from_another_file_is_seen_by_a_warm_run() =>
        AssertChangeIsSeen(repo => repo.Write("src/Event.Note.cs", NotePart("App")), repo => repo.Delete("src/Event.Note.cs"));

    [Fact]
    public void A_csharp_part_moved_to_another_namespace_in_its_own_file_is_seen_by_a_warm_run() =>
        AssertChangeIsSeen(repo => repo.Write("src/Event.Note.cs", NotePart("App")), repo => repo.Write("src/Event.Note.cs", NotePart("Elsewhere")));

    /// <summary>`Count` is of type Amount, declared in another file: an enum (a string or a number, so `integer` fits)
    /// that becomes a class (an object, so `integer` is a wrong type).</summary>
    [Fact]
    public void A_csharp_member_type_changed_in_another_file_is_seen_by_a_warm_run() =>
        AssertChangeIsSeen(
            repo => repo.Write("src/Base.cs", "namespace App;\n\npublic class Base\n{\n    public Amount Count { get; set; }\n}\n")
                .Write("src/Amount.cs", "namespace App;\n\npublic enum Amount { One, Two }\n"),
            repo => repo.Write("src/Amount.cs", "namespace App;\n\npublic class Amount\n{\n    public int Value { get; set; }\n}\n"));

    /// <summary>`class Tags : List&lt;string&gt;` serializes as an array; without its base it is an object.</summary>
    [Fact]
    public void A_csharp_collection_base_of_a_member_type_changed_in_another_file_is_seen_by_a_warm_run() =>
        AssertChangeIsSeen(
            repo => repo.Write("src/Base.cs", "namespace App;\n\npublic class Base\n{\n    public int Count { get; set; }\n    public Tags Note { get; set; } = new();\n}\n")
                .Write("src/Tags.cs", "namespace App;\n\npublic class Tags : System.Collections.Generic.List<string>\n{\n}\n")
                .Write("tags.json", """
                    { "models": [ { "name": "event", "model": "src/Event.cs#Event", "required_fields": { "Type": "string", "Note": "array" } } ] }
                    """),
            repo => repo.Write("src/Tags.cs", "namespace App;\n\npublic class Tags\n{\n}\n"),
            "tags.json");

    /// <summary>The base's Count goes off the wire, and a private member comes on it under the name `Note`.</summary>
    [Fact]
    public void Csharp_attributes_changed_in_the_base_class_file_are_seen_by_a_warm_run() =>
        AssertChangeIsSeen(
            repo => repo,
            repo => repo.Write("src/Base.cs", "using System.Text.Json.Serialization;\n\nnamespace App;\n\npublic class Base\n{\n    [JsonIgnore]\n    public int Count { get; set; }\n"
                + "    [JsonPropertyName(\"Note\")]\n    private string Hidden { get; set; } = \"\";\n}\n"));

    private static string NotePart(string ns) => $"namespace {ns};\n\npublic partial class Event\n{{\n    public string Note {{ get; set; }} = \"\";\n}}\n";

    /// <summary>The C# models with <paramref name="setUp"/>'s files committed, then <paramref name="change"/>'s: a warm
    /// run answers as a cold one, and differently from before.</summary>
    private void AssertChangeIsSeen(Func<TestRepository, TestRepository> setUp, Func<TestRepository, TestRepository> change, string mapping = "cs.json")
    {
        setUp(WriteCSharp()).Commit("models");
        var before = Answer(mapping);
        change(_repo).Commit("change");
        AssertWarmIsCold(before, mapping);
    }

    private TestRepository WriteCSharp() =>
        _repo.Write("src/Event.cs", "namespace App;\n\npublic partial class Event : Base\n{\n    public string Type { get; set; } = \"\";\n}\n")
            .Write("src/Base.cs", "namespace App;\n\npublic class Base\n{\n    public int Count { get; set; }\n}\n")
            .Write("src/Other.cs", "namespace App;\n\n// Mentions class Event in a comment only.\npublic enum Kind { A, B }\n")
            .Write("cs.json", """
                { "models": [ { "name": "event", "model": "src/Event.cs#Event",
                    "required_fields": { "Type": "string", "Count": "integer", "Note": "string" } } ] }
                """);

    [Fact]
    public void Stored_facts_decode_to_what_was_parsed_and_a_torn_record_is_a_miss()
    {
        var module = PythonModule.Parse("m.py", """
            import typing as t
            from .x import (A, B as C)
            Alias = dict[str, list["Item"]]


            class Event(C, t.Generic[T], alias_generator=to_pascal):
                kind: t.Literal["a", 1, ...] = Field(alias="k")
                items: Callable[[int], str] | None
            """);
        var facts = PythonFileFacts.Of(module);
        var bytes = ModelFactsCodec.Encode(facts);
        var decoded = ModelFactsCodec.DecodePython(bytes);
        Assert.NotNull(decoded);
        Assert.Equal(ModelFactsCodec.Encode(decoded), bytes);
        var cls = Assert.Single(decoded.ClassList);
        Assert.Equal(("Event", 6, "to_pascal"), (cls.Name, cls.StartLine, cls.AliasGenerator));
        Assert.Equal(["C", "t.Generic[T]"], cls.Bases.ToArray());
        Assert.Equal(facts.ClassList[0].Fields, cls.Fields, (a, b) => a with { Type = null } == b with { Type = null } && Same(a.Type, b.Type));
        Assert.Equal(new PythonImport(".x", "B"), decoded.Imports["C"]);
        Assert.Equal("dict[str, list[\"Item\"]]", decoded.Aliases["Alias"]);
        Assert.Null(ModelFactsCodec.DecodePython(bytes[..(bytes.Length - 3)]));
        Assert.Null(ModelFactsCodec.DecodePython([.. bytes, 0]));
    }

    private static bool Same(TypeNode? a, TypeNode? b) =>
        a is null || b is null ? a is null && b is null
            : a.Kind == b.Kind && a.Value == b.Value && a.Args.Length == b.Args.Length && a.Args.Zip(b.Args).All(p => Same(p.First, p.Second));

    /// <summary>After a change: the run with the cache of the earlier state answers as a run without any cache, and the
    /// change made a difference (else the test would prove nothing).</summary>
    private void AssertWarmIsCold(List<string> before, string mapping = "map.json")
    {
        Assert.True(Directory.Exists(CacheFolder));
        var warm = Answer(mapping);
        Directory.Delete(Path.Combine(_repo.Root, ".git", "specmap"), recursive: true);
        var cold = Answer(mapping);
        Assert.Equal(cold, warm);
        Assert.NotEqual(before, cold);
    }

    /// <summary>The diagnostics of validating the mapping at HEAD, with fresh in-memory caches as a new process has.</summary>
    private List<string> Answer(string mapping = "map.json")
    {
        var report = new Validator(new Outliners()).Validate(new ValidationRequest(_repo.Root, [mapping], Against: "HEAD"));
        return [.. report.Mappings.Single().Diagnostics.Select(d => $"{d.Id} {d.Pointer} {d.Message}")];
    }
}
