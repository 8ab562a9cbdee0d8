using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>Each Python model form of issue 6, read from real files.</summary>
public sealed class PythonModelReaderTests : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private ModelClass Read(string path, string className)
    {
        var model = new PythonModelReader(new WorkTreeSource(_repository.Root)).Read(path, className);
        Assert.NotNull(model);
        return model;
    }

    private static ModelField Field(ModelClass model, string wireName) => ModelAssert.Field(model, wireName);

    [Fact]
    public void Pydantic_v2_fields_aliases_defaults_and_literal_alias_generator()
    {
        _repository.Write("app/protocol.py", """
            from typing import Literal, Optional
            from pydantic import BaseModel, ConfigDict, Field
            from pydantic.alias_generators import to_camel


            class Event(BaseModel):
                model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

                type: Literal["response.created"] = "response.created"
                item_id: str
                sequence_number: Optional[int] = None
                schema_: dict = Field(default_factory=dict, alias="schema")
                secret: str = Field("x", exclude=True)
            """);
        var model = Read("app/protocol.py", "Event");
        Assert.Equal(ShapeKind.String, Field(model, "type").Shape.Kind);
        Assert.True(Field(model, "type").HasDefault);
        Assert.False(Field(model, "itemId").HasDefault);
        Assert.Equal("item_id", Field(model, "itemId").Name);
        Assert.Equal("Optional[int]", Field(model, "sequenceNumber").TypeText);
        Assert.Equal("schema_", Field(model, "schema").Name);
        Assert.Null(model.Find("secret"));
        Assert.Null(model.Find("ItemId"));
    }

    [Fact]
    public void Fields_after_strings_that_fool_a_line_scanner_are_still_read()
    {
        // Python 3.12 f-strings (PEP 701: own quotes reused, triple-quoted strings and line breaks inside a replacement
        // field), a triple-quoted default and a comment with a quote: a scanner that misreads one loses the fields after it.
        _repository.Write("app/events.py", """
            from pydantic import BaseModel


            class Event(BaseModel):
                label: str = f"{"nested"} quotes"  # it's fine
                title: str = f"{'''a
                b'''} {len('''
                ''')}"
                help: str = '''first line
                second "line"'''
                delta: dict[str,
                            list[int]]
                sequence_number: int
            """);
        var model = Read("app/events.py", "Event");
        Assert.Equal(["label", "title", "help", "delta", "sequence_number"], model.Fields.Select(f => f.Name));
        Assert.Equal("dict[str, list[int]]", Field(model, "delta").TypeText);
    }

    [Fact]
    public void Pydantic_v1_config_class_and_required_field_with_alias()
    {
        _repository.Write("m.py", """
            from pydantic import BaseModel, Field
            from pydantic.utils import to_lower_camel

            class Delta(BaseModel):
                output_index: int
                text_: str = Field(..., alias="text")

                class Config:
                    alias_generator = to_lower_camel
                    allow_population_by_field_name = True
            """);
        var model = Read("m.py", "Delta");
        Assert.Equal("output_index", Field(model, "outputIndex").Name);
        var text = Field(model, "text");
        Assert.False(text.HasDefault);
        Assert.Equal(ShapeKind.String, text.Shape.Kind);
    }

    [Fact]
    public void Dataclass_fields_with_defaults_and_class_vars_skipped()
    {
        _repository.Write("d.py", """
            from dataclasses import dataclass, field
            from typing import ClassVar, List

            @dataclass(frozen=True)
            class Part:
                kind: ClassVar[str] = "part"
                text: str
                annotations: List[str] = field(default_factory=list)
                index: int = 0
            """);
        var model = Read("d.py", "Part");
        Assert.Null(model.Find("kind"));
        Assert.Equal(ShapeKind.Array, Field(model, "annotations").Shape.Kind);
        Assert.True(Field(model, "annotations").HasDefault);
        Assert.Equal(ShapeKind.Integer, Field(model, "index").Shape.Kind);
    }

    [Fact]
    public void TypedDict_with_total_false_and_required_wrappers()
    {
        _repository.Write("t.py", """
            from typing import TypedDict
            from typing_extensions import NotRequired, Required

            class Base(TypedDict, total=False):
                name: Required[str]
                note: str

            class Usage(Base):
                tokens: NotRequired[int]
                total: "int"
            """);
        var model = Read("t.py", "Usage");
        Assert.Equal(ShapeKind.String, Field(model, "name").Shape.Kind);
        Assert.Equal(ShapeKind.String, Field(model, "note").Shape.Kind);
        Assert.Equal(ShapeKind.Integer, Field(model, "tokens").Shape.Kind);
        Assert.Equal(ShapeKind.Integer, Field(model, "total").Shape.Kind);
    }

    [Fact]
    public void Attrs_classic_and_next_generation_styles()
    {
        _repository.Write("a.py", """
            import attr
            from attrs import define, field

            @attr.s(auto_attribs=False)
            class Old:
                name = attr.ib(type=str)
                count = attr.ib(type=int, default=0)

            @define
            class New:
                label: str
                flags: list[str] = field(factory=list)
                raw = field(default=None)
            """);
        var old = Read("a.py", "Old");
        Assert.Equal(ShapeKind.String, Field(old, "name").Shape.Kind);
        Assert.True(Field(old, "count").HasDefault);
        var fresh = Read("a.py", "New");
        Assert.Equal(ShapeKind.Array, Field(fresh, "flags").Shape.Kind);
        Assert.Equal(ShapeKind.Unknown, Field(fresh, "raw").Shape.Kind);
    }

    [Fact]
    public void Annotation_forms_are_parsed_into_shapes()
    {
        _repository.Write("f.py", """
            from __future__ import annotations
            from typing import Annotated, Dict, List, Literal, Optional, Union
            from pydantic import BaseModel, Field

            class Content(BaseModel):
                text: str

            class Forms(BaseModel):
                a: Optional[str]
                b: str | None = None
                c: Union[int, str]
                d: Literal["x", "y"]
                e: List[Content]
                f: dict[str, list[Content]]
                g: Annotated[str, Field(alias="gee")]
                h: "Content"
                i: Dict[str, "List[int]"]
                j: Optional[
                    List[str]
                ] = None  # a comment
            """);
        var model = Read("f.py", "Forms");
        Assert.Equal(ShapeKind.Union, Field(model, "a").Shape.Kind);
        Assert.Equal(ShapeKind.Union, Field(model, "b").Shape.Kind);
        Assert.Equal(["x", "y"], Field(model, "d").Shape.LiteralValues.ToArray());
        Assert.Equal(ShapeKind.Object, Field(model, "e").Shape.Element!.Kind);
        var f = Field(model, "f").Shape;
        Assert.Equal(ShapeKind.Map, f.Kind);
        Assert.Equal(ShapeKind.Array, f.Element!.Kind);
        Assert.Equal(ShapeKind.Object, f.Element.Element!.Kind);
        Assert.Equal("g", Field(model, "gee").Name);
        Assert.Equal(ShapeKind.Object, Field(model, "h").Shape.Kind);
        Assert.Equal(ShapeKind.Integer, Field(model, "i").Shape.Element!.Element!.Kind);
        Assert.Equal("Optional[List[str]]", Field(model, "j").TypeText);
    }

    [Fact]
    public void Inherited_fields_follow_relative_and_absolute_imports_and_reexports()
    {
        _repository
            .Write("pkg/__init__.py", "from .common import Stamped\n")
            .Write("pkg/common.py", """
                from pydantic import BaseModel

                class Stamped(BaseModel):
                    created_at: int
                """)
            .Write("pkg/events/base.py", """
                from pkg import Stamped

                class EventBase(Stamped):
                    type: str
                    sequence_number: int
                """)
            .Write("pkg/events/delta.py", """
                from .base import EventBase as Base
                from ..common import Stamped

                class Delta(Base):
                    delta: str
                """);
        var model = Read("pkg/events/delta.py", "Delta");
        Assert.Equal("pkg/events/delta.py", Field(model, "delta").File);
        Assert.Equal("pkg/events/base.py", Field(model, "sequence_number").File);
        Assert.Equal("pkg/common.py", Field(model, "created_at").File);
    }

    [Fact]
    public void Subclass_field_overrides_base_and_if_blocks_in_the_body_count()
    {
        _repository.Write("o.py", """
            import sys
            from pydantic import BaseModel

            class Base(BaseModel):
                value: int

            class Child(Base):
                value: str
                if sys.version_info >= (3, 11):
                    extra: bool = False
                else:
                    extra: bool = True

                def method(self) -> int:
                    local: int = 3
                    return local
            """);
        var model = Read("o.py", "Child");
        Assert.Equal(ShapeKind.String, Field(model, "value").Shape.Kind);
        Assert.Equal(ShapeKind.Boolean, Field(model, "extra").Shape.Kind);
        Assert.Null(model.Find("local"));
    }

    [Fact]
    public void Enums_and_aliases_are_resolved_through_imports()
    {
        _repository
            .Write("kinds.py", """
                from enum import Enum, IntEnum
                from typing import Literal

                class Role(str, Enum):
                    USER = "user"

                class Priority(IntEnum):
                    LOW = 1

                Status = Literal["completed", "failed"]
                """)
            .Write("msg.py", """
                from pydantic import BaseModel
                from kinds import Role, Priority, Status
                import kinds

                class Message(BaseModel):
                    role: Role
                    priority: Priority
                    status: Status
                    other: kinds.Role
                """);
        var model = Read("msg.py", "Message");
        Assert.Equal(ShapeKind.String, Field(model, "role").Shape.Kind);
        Assert.Equal(ShapeKind.Integer, Field(model, "priority").Shape.Kind);
        Assert.Equal(["completed", "failed"], Field(model, "status").Shape.LiteralValues.ToArray());
        Assert.Equal(ShapeKind.String, Field(model, "other").Shape.Kind);
    }

    [Fact]
    public void Class_keyword_config_and_init_vars()
    {
        _repository.Write("k.py", """
            from dataclasses import InitVar, dataclass
            from pydantic import BaseModel
            from pydantic.alias_generators import to_camel

            class Event(BaseModel, alias_generator=to_camel):
                output_index: int

            @dataclass
            class Built:
                name: str
                seed: InitVar[int]
            """);
        Assert.Equal("output_index", Field(Read("k.py", "Event"), "outputIndex").Name);
        var built = Read("k.py", "Built");
        Assert.NotNull(built.Find("name"));
        Assert.Null(built.Find("seed"));
    }

    [Fact]
    public void Nested_classes_by_dotted_name_and_qualified_module_names()
    {
        _repository.Write("n.py", """
            from pydantic import BaseModel

            class Outer(BaseModel):
                class Inner(BaseModel):
                    value: int

                inner: "Outer.Inner"

            def factory():
                class Local(BaseModel):
                    hidden: int
                return Local
            """);
        Assert.Equal(ShapeKind.Integer, Field(Read("n.py", "Outer.Inner"), "value").Shape.Kind);
        Assert.Equal(ShapeKind.Object, Field(Read("n.py", "app.n.Outer"), "inner").Shape.Kind);
        Assert.Null(new PythonModelReader(new WorkTreeSource(_repository.Root)).Read("n.py", "Local"));
    }
}
