using System.Text;
using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.CSharp;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>One row of docs/type-compatibility.md.</summary>
public sealed record TypeRow(int Index, string Spec, string Language, string Code, bool Holds)
{
    public override string ToString() => $"{Spec} vs {Language} {Code}";
}

/// <summary>Declares every row's code type as a field in real files, once for the whole table.</summary>
public sealed class TypeTableFixture : IDisposable
{
    private readonly TestRepository _repository = TestRepository.Create();

    public TypeTableFixture()
    {
        var python = new StringBuilder("""
            from datetime import datetime
            from decimal import Decimal
            from enum import Enum, IntEnum
            from typing import Annotated, Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, Union

            from pydantic import BaseModel, Field, RootModel


            class Color(str, Enum):
                RED = "red"


            class Level(IntEnum):
                LOW = 1


            class Plain(Enum):
                A = "a"


            class Item(BaseModel):
                name: str


            Status = Literal["a", "b"]


            class Token(str):
                pass


            class Scores(RootModel[List[int]]):
                pass

            """);
        var csharp = new StringBuilder("""
            using System.Collections.Generic;
            using System.Collections.Immutable;
            using System.Text.Json;
            using System.Text.Json.Nodes;

            namespace Fixture;

            public enum Kind { A, B }

            public class Item { public string Name { get; set; } = ""; }

            public record Point(int X);

            public class Tags : List<string> { }

            """);
        foreach (var row in TypeTableTests.ReadTable())
        {
            if (row.Language == "python")
            {
                python.Append($"\n\nclass Row{row.Index}(BaseModel):\n    value: {row.Code}\n");
            }
            else
            {
                csharp.Append($"\npublic class Row{row.Index} {{ public {row.Code} Value {{ get; set; }} }}\n");
            }
        }
        _repository.Write("fixture/models.py", python.ToString()).Write("Fixture/Models.cs", csharp.ToString());
        Tree = new WorkTreeSource(_repository.Root);
        Python = new PythonModelReader(Tree);
        CSharp = new CSharpModelReader(Tree);
    }

    internal WorkTreeSource Tree { get; }

    internal PythonModelReader Python { get; }

    internal CSharpModelReader CSharp { get; }

    public void Dispose() => _repository.Dispose();
}

public sealed class TypeTableTests(TypeTableFixture fixture) : IClassFixture<TypeTableFixture>
{
    public static TheoryData<TypeRow> Rows()
    {
        var data = new TheoryData<TypeRow>();
        foreach (var row in ReadTable())
        {
            data.Add(row);
        }
        return data;
    }

    [Fact]
    public void The_table_has_rows_for_both_languages_and_both_answers()
    {
        var rows = ReadTable();
        Assert.True(rows.Count >= 100, $"only {rows.Count} rows were read from the table");
        Assert.Contains(rows, r => r.Language == "python" && !r.Holds);
        Assert.Contains(rows, r => r.Language == "csharp" && !r.Holds);
        Assert.Contains(rows, r => r.Language == "python" && r.Holds);
        Assert.Contains(rows, r => r.Language == "csharp" && r.Holds);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_row_of_the_documented_table_holds(TypeRow row)
    {
        var model = row.Language == "python"
            ? fixture.Python.Read("fixture/models.py", $"Row{row.Index}")
            : fixture.CSharp.Read("Fixture/Models.cs", $"Row{row.Index}");
        Assert.NotNull(model);
        var field = model.Find("value");
        Assert.NotNull(field);
        var spec = row.Spec.StartsWith('{') ? SpecTypeParser.Parse(JsonTreeReader.Parse(row.Spec)) : SpecTypeParser.Parse(row.Spec);
        Assert.True(TypeCompatibility.Holds(spec, field.Shape) == row.Holds,
            $"spec {row.Spec} against {row.Language} {row.Code} (read as {field.TypeText}, {field.Shape.Kind}): expected {(row.Holds ? "compatible" : "incompatible")}");
    }

    internal static List<TypeRow> ReadTable()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "type-compatibility.md"));
        var header = Array.FindIndex(lines, l => l.StartsWith("| spec | language | code | holds |", StringComparison.Ordinal));
        var rows = new List<TypeRow>();
        for (var i = header + 2; header >= 0 && i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            var cells = Cells(lines[i]);
            rows.Add(new TypeRow(rows.Count, Code(cells[0]), cells[1], Code(cells[2]), cells[3] == "yes"));
        }
        return rows;
    }

    /// <summary>Splits a Markdown table row at unescaped pipes; `\|` is a pipe inside a cell.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (line[i] == '|')
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(line[i]);
            }
        }
        return cells;
    }

    private static string Code(string cell) => cell.Trim().Trim('`');

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SpecMapValidator.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("the repository root was not found above the test binaries");
    }
}
