using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.CSharp;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>Each C# model form of issue 6, read with Roslyn syntax from real files.</summary>
public sealed class CSharpModelReaderTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private ModelClass Read(string path, string symbol)
    {
        var model = new CSharpModelReader(new WorkTreeSource(_repository.Root)).Read(path, symbol);
        Assert.NotNull(model);
        return model;
    }

    private static ModelField Field(ModelClass model, string wireName) => ModelAssert.Field(model, wireName);

    [Fact]
    public void Class_properties_with_wire_names_required_and_nullable()
    {
        _repository.Write("src/Events.cs", """
            using System.Text.Json.Serialization;

            namespace Server.Protocol;

            public sealed class TextDelta
            {
                [JsonPropertyName("type")]
                public string Kind { get; init; } = "response.output_text.delta";

                [JsonRequired]
                public required string ItemId { get; init; }

                public int? OutputIndex { get; set; }

                [JsonIgnore]
                public string Internal { get; set; } = "";

                private string Hidden { get; set; } = "";

                public static int Counter { get; set; }
            }
            """);
        var model = Read("src/Events.cs", "Server.Protocol.TextDelta");
        Assert.Equal("Kind", Field(model, "type").Name);
        Assert.True(Field(model, "type").HasDefault);
        Assert.Equal("ItemId", Field(model, "item_id").Name);
        Assert.Equal("ItemId", Field(model, "itemId").Name);
        Assert.Equal(ShapeKind.Union, Field(model, "output_index").Shape.Kind);
        Assert.Equal("int?", Field(model, "output_index").TypeText);
        Assert.Null(model.Find("internal"));
        Assert.Null(model.Find("hidden"));
        Assert.Null(model.Find("counter"));
    }

    [Fact]
    public void Record_positional_parameters_and_body_properties()
    {
        _repository.Write("Delta.cs", """
            using System.Collections.Generic;
            using System.Text.Json.Serialization;

            public sealed record ToolCallDelta(
                [property: JsonPropertyName("item_id")] string Id,
                Dictionary<string, List<string>> Delta,
                int SequenceNumber = 0)
            {
                public string Type => "response.tool_call.delta";
            }
            """);
        var model = Read("Delta.cs", "ToolCallDelta");
        Assert.Equal("Id", Field(model, "item_id").Name);
        var delta = Field(model, "delta");
        Assert.Equal(ShapeKind.Map, delta.Shape.Kind);
        Assert.Equal(ShapeKind.Array, delta.Shape.Element!.Kind);
        Assert.True(Field(model, "sequence_number").HasDefault);
        Assert.Equal(ShapeKind.String, Field(model, "type").Shape.Kind);
    }

    [Fact]
    public void Struct_with_public_fields()
    {
        _repository.Write("Point.cs", """
            public struct Usage
            {
                public int InputTokens;
                public long OutputTokens;
                private int _hidden;
                public const int Max = 3;
            }
            """);
        var model = Read("Point.cs", "Usage");
        Assert.Equal(ShapeKind.Integer, Field(model, "input_tokens").Shape.Kind);
        Assert.Equal(ShapeKind.Integer, Field(model, "outputTokens").Shape.Kind);
        Assert.Null(model.Find("hidden"));
        Assert.Null(model.Find("Max"));
    }

    [Fact]
    public void Partial_class_parts_in_other_files_and_base_types_in_the_repository()
    {
        _repository
            .Write("a/EventBase.cs", """
                namespace Server;
                public abstract class EventBase
                {
                    public int SequenceNumber { get; set; }
                    public virtual string Type { get; set; } = "";
                }
                public interface ITyped { string Type { get; } }
                """)
            .Write("b/Done.cs", """
                namespace Server;
                public partial class Done : EventBase, ITyped
                {
                    public string Text { get; set; } = "";
                }
                """)
            .Write("c/Done.Extra.cs", """
                namespace Server;
                public partial class Done
                {
                    public int ContentIndex { get; set; }
                }
                """)
            .Write("d/Other.cs", """
                namespace Elsewhere;
                public partial class Done
                {
                    public int NotMine { get; set; }
                }
                """);
        var model = Read("b/Done.cs", "Done");
        Assert.Equal("c/Done.Extra.cs", Field(model, "content_index").File);
        Assert.Equal("a/EventBase.cs", Field(model, "sequence_number").File);
        Assert.Equal("a/EventBase.cs", Field(model, "type").File);
        Assert.Null(model.Find("not_mine"));
    }

    [Fact]
    public void Enums_and_classes_of_the_repository_are_resolved()
    {
        _repository.Write("Types.cs", """
            using System.Collections.Generic;
            public enum Status { Completed, Failed }
            public class Part { public string Text { get; set; } = ""; }
            public class Holder
            {
                public Status Status { get; set; }
                public Part Part { get; set; } = new();
                public IReadOnlyList<Part> Parts { get; set; } = [];
                public External.Thing Thing { get; set; } = null!;
            }
            """);
        var model = Read("Types.cs", "Holder");
        Assert.Equal(ShapeKind.Union, Field(model, "status").Shape.Kind);
        Assert.Equal(ShapeKind.Object, Field(model, "part").Shape.Kind);
        Assert.Equal(ShapeKind.Object, Field(model, "parts").Shape.Element!.Kind);
        Assert.Equal(ShapeKind.Unknown, Field(model, "thing").Shape.Kind);
    }

    [Fact]
    public void Record_struct_parameters_attribute_without_target_and_nullable_of_t()
    {
        _repository
            .Write("Base.cs", "public abstract record class Stamped { public long CreatedAt { get; init; } }\n")
            .Write("Usage.cs", """
                using System;
                using System.Text.Json.Serialization;
                public readonly record struct Usage([JsonPropertyName("input_tokens")] int Input, Nullable<int> Cached);
                public sealed record Event(string Id) : Stamped;
                """);
        var usage = Read("Usage.cs", "Usage");
        Assert.Equal("Input", Field(usage, "input_tokens").Name);
        Assert.Equal(ShapeKind.Union, Field(usage, "cached").Shape.Kind);
        Assert.Equal("Base.cs", Field(Read("Usage.cs", "Event"), "created_at").File);
    }
}
