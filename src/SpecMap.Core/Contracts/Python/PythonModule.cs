using System.Collections.Immutable;
using System.Text.RegularExpressions;
using SpecMap.Core.Outline.Python;

namespace SpecMap.Core.Contracts.Python;

/// <summary>A class header in a Python module: where it is and what it derives from.</summary>
/// <param name="Index">The index of its `class` line in <see cref="PythonModule.Lines"/>.</param>
/// <param name="Bases">Positional bases as written (`BaseModel`, `Generic[T]`, `str`).</param>
/// <param name="Keywords">Class keywords (`total=False`, `metaclass=...`).</param>
/// <param name="Decorators">Decorator expressions without `@`.</param>
internal sealed record PythonClass(string Name, int Index, ImmutableArray<string> Bases, ImmutableDictionary<string, string> Keywords, ImmutableArray<string> Decorators);

/// <summary>A name a module imports: from <see cref="Module"/> (dotted, possibly relative), <see cref="Name"/> or the whole module when null.</summary>
internal sealed record PythonImport(string Module, string? Name);

/// <summary>
/// What contracts need of one Python file: its logical lines, its classes (module-level ones by name, nested ones
/// as `Outer.Inner`, including those under `if`/`try` and the other transparent blocks), imports and type-alias assignments.
/// </summary>
internal sealed partial class PythonModule
{
    private PythonModule(string path, ImmutableArray<PythonLine> lines)
    {
        Path = path;
        Lines = lines;
    }

    public string Path { get; }

    public ImmutableArray<PythonLine> Lines { get; }

    public Dictionary<string, PythonClass> Classes { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, PythonImport> Imports { get; } = new(StringComparer.Ordinal);

    /// <summary>`Name = expr`, `Name: TypeAlias = expr` and `type Name = expr` at module level: the expression text.</summary>
    public Dictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);

    public static PythonModule Parse(string path, string text)
    {
        var module = new PythonModule(path, PythonLines.Read(text));
        var stack = new Stack<(int Indent, bool Scope, string? Class)>();
        for (var i = 0; i < module.Lines.Length; i++)
        {
            var line = module.Lines[i];
            while (stack.Count > 0 && stack.Peek().Indent >= line.Indent)
            {
                stack.Pop();
            }
            var atModuleLevel = !stack.Any(s => s.Scope);
            if (ClassHeader().Match(line.Text) is { Success: true } header)
            {
                var name = header.Groups["name"].Value;
                // Nested classes are known by their dotted name (`Outer.Inner`); classes inside functions not at all.
                var qualified = stack.Where(s => s.Scope).All(s => s.Class is not null)
                    ? string.Join('.', stack.Where(s => s.Class is not null).Reverse().Select(s => s.Class).Append(name))
                    : null;
                if (qualified is not null && !module.Classes.ContainsKey(qualified))
                {
                    module.Classes[qualified] = ReadClass(module, i, header);
                }
                stack.Push((line.Indent, true, name));
                continue;
            }
            if (DefHeader().IsMatch(line.Text))
            {
                stack.Push((line.Indent, true, null));
                continue;
            }
            if (OpensTransparentBlock(line))
            {
                stack.Push((line.Indent, false, null));
                continue;
            }
            if (atModuleLevel)
            {
                module.ReadStatement(line.Text);
            }
        }
        return module;
    }

    /// <summary>
    /// The simple statements of a class body in source order, read through transparent blocks as the outliner reads them
    /// (<see cref="PythonCompoundStatements"/>), one-line forms (`if x: a: int`, `a: int; b: int`) included. A `def` or
    /// `class` line is one statement. With each: its line's index and the end (exclusive) of the lines its block spans.
    /// </summary>
    public IEnumerable<(PythonLine Statement, int Index, int End)> BodyStatements(PythonClass cls)
    {
        var end = cls.Index + 1;
        while (end < Lines.Length && Lines[end].Indent > Lines[cls.Index].Indent)
        {
            end++;
        }
        if (end > cls.Index + 1)
        {
            return Statements(cls.Index + 1, end, Lines[cls.Index + 1].Indent, inMatch: false);
        }
        // The body is on the header line: `class A: x: int`.
        var header = Lines[cls.Index];
        var colon = PythonExpressions.FindTop(header.Text, ':');
        return SplitStatements(header, header.Text[(colon + 1)..]).Select(s => (s, cls.Index, end));
    }

    private IEnumerable<(PythonLine Statement, int Index, int End)> Statements(int first, int end, int indent, bool inMatch)
    {
        for (var i = first; i < end; i++)
        {
            var line = Lines[i];
            if (line.Indent != indent)
            {
                continue;
            }
            var blockEnd = i + 1;
            while (blockEnd < end && Lines[blockEnd].Indent > indent)
            {
                blockEnd++;
            }
            if (OpensTransparentBlock(line))
            {
                if (blockEnd > i + 1)
                {
                    var opensMatch = line.Text.StartsWith("match", StringComparison.Ordinal);
                    foreach (var inner in Statements(i + 1, blockEnd, Lines[i + 1].Indent, opensMatch))
                    {
                        yield return inner;
                    }
                }
                continue;
            }
            var text = line.Text;
            if (StartsTransparent(text, inMatch) && PythonExpressions.FindTop(text, ':') is var colon and > 0)
            {
                // A transparent one-liner (`else: a = 1`): its body is the class body's.
                text = text[(colon + 1)..];
            }
            else if (DefHeader().IsMatch(text) || ClassHeader().IsMatch(text))
            {
                // What follows a def's or class's colon on its line is not this body's.
                yield return (line, i, blockEnd);
                continue;
            }
            foreach (var statement in SplitStatements(line, text))
            {
                yield return (statement, i, blockEnd);
            }
        }
    }

    /// <summary>`a: int; b: int` is two statements, each read as a line of its own.</summary>
    private static IEnumerable<PythonLine> SplitStatements(PythonLine line, string text) =>
        PythonExpressions.SplitTop(text, ';').Select(part => line with { Text = part });

    /// <summary>A header line (`if x:`, `except* E:`, `async with f() as g:`) whose block is transparent.</summary>
    private static bool OpensTransparentBlock(PythonLine line) => line.Text.EndsWith(':') && StartsTransparent(line.Text, inMatch: true);

    /// <summary>
    /// Whether a line starts with a transparent compound statement's keyword. The soft keywords need their statement's
    /// form: `match` a block of its own (`match: int` is a field), `case` a match block around it (else `case[0]: int` is).
    /// </summary>
    private static bool StartsTransparent(string text, bool inMatch)
    {
        if (LeadingWords().Match(text) is not { Success: true } words
            || !PythonCompoundStatements.StartsWith(words.Groups["first"].ValueSpan, words.Groups["second"].ValueSpan))
        {
            return false;
        }
        return words.Groups["first"].Value switch
        {
            "match" => text.EndsWith(':'),
            "case" => inMatch || text.EndsWith(':'),
            _ => true,
        };
    }

    private static PythonClass ReadClass(PythonModule module, int index, Match header)
    {
        var bases = ImmutableArray.CreateBuilder<string>();
        var keywords = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (header.Groups["bases"].Success)
        {
            foreach (var part in PythonExpressions.SplitTop(header.Groups["bases"].Value))
            {
                var eq = PythonExpressions.FindTop(part, '=');
                if (eq > 0)
                {
                    keywords[part[..eq].Trim()] = part[(eq + 1)..].Trim();
                }
                else if (!part.StartsWith('*'))
                {
                    bases.Add(part);
                }
            }
        }
        var decorators = ImmutableArray.CreateBuilder<string>();
        var indent = module.Lines[index].Indent;
        for (var j = index - 1; j >= 0 && module.Lines[j].Indent == indent && module.Lines[j].Text.StartsWith('@'); j--)
        {
            decorators.Insert(0, module.Lines[j].Text[1..].Trim());
        }
        return new PythonClass(header.Groups["name"].Value, index, bases.ToImmutable(), keywords.ToImmutable(), decorators.ToImmutable());
    }

    private void ReadStatement(string text)
    {
        if (FromImport().Match(text) is { Success: true } from)
        {
            var names = from.Groups["names"].Value.Trim().TrimStart('(').TrimEnd(')');
            foreach (var part in PythonExpressions.SplitTop(names))
            {
                var pieces = part.Split(" as ", StringSplitOptions.TrimEntries);
                Imports[pieces[^1]] = new PythonImport(from.Groups["module"].Value, pieces[0]);
            }
            return;
        }
        if (PlainImport().Match(text) is { Success: true } import)
        {
            foreach (var part in PythonExpressions.SplitTop(import.Groups["names"].Value))
            {
                var pieces = part.Split(" as ", StringSplitOptions.TrimEntries);
                Imports[pieces[^1]] = new PythonImport(pieces[0], null);
            }
            return;
        }
        if (AliasStatement().Match(text) is { Success: true } alias)
        {
            Aliases.TryAdd(alias.Groups["name"].Value, alias.Groups["value"].Value.Trim());
        }
    }

    [GeneratedRegex(@"^class\s+(?<name>[A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*(?:\((?<bases>.*)\))?\s*:(?<rest>.*)$", RegexOptions.Singleline)]
    public static partial Regex ClassHeader();

    [GeneratedRegex(@"^(?<first>\w+)\s*(?<second>\w*)", RegexOptions.Singleline)]
    private static partial Regex LeadingWords();

    [GeneratedRegex(@"^(?:async\s+)?def\s", RegexOptions.Singleline)]
    private static partial Regex DefHeader();

    [GeneratedRegex(@"^from\s+(?<module>[\w.]+)\s+import\s+(?<names>.+)$", RegexOptions.Singleline)]
    private static partial Regex FromImport();

    [GeneratedRegex(@"^import\s+(?<names>.+)$", RegexOptions.Singleline)]
    private static partial Regex PlainImport();

    [GeneratedRegex(@"^(?:type\s+)?(?<name>[A-Za-z_]\w*)\s*(?::\s*(?:typing\.|typing_extensions\.)?TypeAlias\s*)?=(?!=)(?<value>.+)$", RegexOptions.Singleline)]
    private static partial Regex AliasStatement();
}
