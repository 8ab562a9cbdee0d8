using System.Text.RegularExpressions;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Scaffold;

/// <summary>
/// The Python and C# files of the snapshot as the scaffold searches them: text first (a file is outlined only when its
/// text holds what is looked for), outlines from the shared cache. Test files are left out: a test that builds an
/// event is not where the server builds it.
/// </summary>
internal sealed partial class CodeIndex(ISourceTree tree, Outliners outliners)
{
    private readonly Dictionary<string, SourceFile?> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _lines = new(StringComparer.Ordinal);

    public ISourceTree Tree => tree;

    public Outliners Outliners => outliners;

    /// <summary>Non-test `.py` and `.cs` files, sorted ordinally.</summary>
    public IReadOnlyList<string> CodeFiles { get; } =
        [.. tree.Paths.Where(p => (p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".cs", StringComparison.Ordinal)) && !IsTest(p))];

    public string? Text(string path)
    {
        if (!_files.TryGetValue(path, out var file))
        {
            file = tree.Read(path);
            _files[path] = file is { IsBinary: false } ? file : null;
        }
        return _files[path]?.Text;
    }

    public string[] Lines(string path)
    {
        if (!_lines.TryGetValue(path, out var lines))
        {
            lines = Text(path)?.Split('\n') ?? [];
            _lines[path] = lines;
        }
        return lines;
    }

    public SourceOutline? Outline(string path) =>
        Text(path) is { } text && _files[path] is { } file ? outliners.Outline(path, text, file.BlobId) : null;

    /// <summary>The innermost function or method whose range covers the 1-based line, or null.</summary>
    public static OutlineSymbol? FunctionAt(SourceOutline outline, int line) =>
        outline.Symbols.Where(s => IsFunction(s.Kind) && s.Covers(line, line)).OrderBy(s => s.LineCount).FirstOrDefault();

    public static bool IsFunction(string kind) => kind is SymbolKinds.Function or SymbolKinds.Method or SymbolKinds.Local;

    /// <summary>A reference to the symbol's whole range, named as references name it: C# without its namespace
    /// (a qualified name matches at a dot), Python as the outline qualifies it (`Class.method`).</summary>
    public static ScaffoldReference ReferenceTo(string path, SourceOutline outline, OutlineSymbol symbol)
    {
        var name = symbol.QualifiedName;
        var ns = outline.Symbols.Where(s => s.Kind == SymbolKinds.Namespace && name.StartsWith(s.QualifiedName + ".", StringComparison.Ordinal))
            .OrderByDescending(s => s.QualifiedName.Length).FirstOrDefault();
        if (ns is not null)
        {
            name = name[(ns.QualifiedName.Length + 1)..];
        }
        return new ScaffoldReference(path, symbol.Start, symbol.End, name);
    }

    /// <summary>`tests/`, `test/`, `test_x.py`, `x_test.py`, `conftest.py`, `XTests.cs`, `XTest.cs`.</summary>
    private static bool IsTest(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        return TestFolder().IsMatch("/" + path) || name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal)
            || name == "conftest.py" || name.EndsWith("Tests.cs", StringComparison.Ordinal) || name.EndsWith("Test.cs", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/(?:tests?|[^/]*\.Tests?)/", RegexOptions.IgnoreCase)]
    private static partial Regex TestFolder();
}
