using System.Text;
using SpecMap.Core.Contracts.Python;
using SpecMap.Core.Outline;
using SpecMap.Core.Outline.Python;
using SpecMap.Core.Sources;
using SpecMap.Tests.Outline.Python;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Contracts;

/// <summary>The outliner and the model reader read a class body's statements alike, through every compound statement.</summary>
public sealed class PythonClassBodyTests : IDisposable
{
    // One field under each compound statement a class body may hold (`except*` needs a try of its own), then the
    // one-line forms, and the soft keywords as names; `a` and `z` stand outside any.
    private const string Source = """
        import contextlib


        class Event:
            a: int
            if True:
                b: int
            elif False:
                c: int
            else:
                d: int
            try:
                e: int
            except ValueError:
                f: int
            else:
                g: int
            finally:
                h: int
            try:
                i: int
            except* TypeError:
                j: int
            with contextlib.nullcontext():
                k: int
            for _ in ():
                l: int
            else:
                m: int
            while False:
                n: int
            else:
                o: int
            match 1:
                case 1:
                    p: int
                case 2: q: int
                case _:
                    r: int
            async with contextlib.nullcontext():
                s: int
            async for _ in ():
                t: int
            if True: u: int
            else: v: int; w: int
            x: int; y: int
            match: int
            case: int
            z: int
        """;

    private static readonly string[] AllFields =
        ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "match", "case", "z"];

    private readonly TestRepository _repository = TestRepository.Create();

    public void Dispose() => _repository.Dispose();

    private static SourceOutline Outline() => new PythonOutliner().Outline("m.py", Source);

    [Fact]
    public void Outliner_and_model_reader_read_the_same_fields_under_every_compound_statement()
    {
        _repository.Write("m.py", Source);
        var model = new PythonModelReader(new WorkTreeSource(_repository.Root)).Read("m.py", "Event");
        Assert.NotNull(model);
        (string QualifiedName, int Line)[] outlined = [.. Outline().Symbols.Where(s => s.Kind == SymbolKinds.Field).Select(s => (s.QualifiedName, s.Start))];
        (string QualifiedName, int Line)[] read = [.. model.Fields.Select(f => ($"Event.{f.Name}", f.Line))];
        Assert.Equal(AllFields.Select(name => $"Event.{name}"), outlined.Select(f => f.QualifiedName));
        Assert.Equal(outlined, read);
    }

    [PythonFact]
    public void Outliner_equals_CPython_ast_on_a_class_body_with_every_compound_statement()
    {
        var expected = PythonAst.Outline([Encoding.UTF8.GetBytes(Source)]).Single();
        Assert.NotNull(expected);
        Assert.Equal(expected, Outline().Symbols.Select(PythonAst.Format));
        Assert.Equal(AllFields.Length + 1, expected.Length);
    }
}
