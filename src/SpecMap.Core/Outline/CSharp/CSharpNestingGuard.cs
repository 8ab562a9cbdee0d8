using System.Buffers;

namespace SpecMap.Core.Outline.CSharp;

/// <summary>
/// Bounds what reaches Roslyn: brackets nested deeper than any real code, or tens of thousands of preprocessor
/// lines, make its recursive parse and walks overflow the stack (an uncatchable abort, exit 134) or go quadratic; and
/// assignments nested in open parentheses make it exponential. Every Roslyn parse of a file is preceded by this one
/// linear pre-scan; text it rejects is not parsed, and a reference into it reads "not checked, because …" (SMV0402).
/// The scan reads the raw text, disabled `#if` regions included, since <see cref="ConditionalBranches"/> parses those
/// as code too.
/// </summary>
/// <remarks>
/// Roslyn on one method body, no symbols defined, Release build, 2 shared cores under load (ms per parse):
/// <code>
/// shape (repeated N times, unclosed unless said)   N=10   12     14     16      18      20     30    40    50
/// (x = (x = …   and  (r x = (r x = …                65    1315   4294   10135   49892   >60 s  -     -     -
/// (int x = …, (ref x = …, (a, b) = (…               106-176      1252-1615
/// ( … 1 ) … ), (a, b) => ( …, (T)( …, A&lt;A&lt;…&gt;&gt;, a[a[…]]                            1-32  1-54  1-41
/// </code>
/// Plain nesting of parentheses, brackets, generics and lambdas stays linear (200 levels: 10-260 ms); only an `=`
/// directly inside a parenthesis that holds another such parenthesis doubles the time per level (Roslyn tries each
/// as a lambda's default parameter value, then as an expression). Real code nests that two or three deep.
/// </remarks>
internal static class CSharpNestingGuard
{
    private const int MaxDepth = 256;
    // 8 levels cost Roslyn about 20-40 ms per parse (see the table), and a file may be parsed four times.
    private const int MaxAssignmentNesting = 8;
    private const int MaxDirectiveLines = 5_000;
    private const int MaxChars = 8 * 1024 * 1024;

    // The characters the scan acts on; a run of others only changes the last character, the last one that is not
    // white space, and whether the line so far is blank.
    private static readonly SearchValues<char> Significant = SearchValues.Create("/<>;{}()[]=#\n");

    public static bool TooDeep(string text) => WhyNotParsed(text) is not null;

    /// <summary>Why Roslyn is not given <paramref name="text"/> ("it …"), or null when it may be parsed.</summary>
    public static string? WhyNotParsed(string text)
    {
        if (text.Length > MaxChars)
        {
            return $"it has over {MaxChars / (1024 * 1024)} million characters, more than the C# parser is given";
        }
        int depth = 0, generics = 0, directives = 0, assignments = 0;
        // Per open bracket (up to MaxDepth): which it is, and whether it is a parenthesis holding an `=` at its own level.
        var openers = new char[MaxDepth + 1];
        var assigning = new bool[MaxDepth + 1];
        var lineStart = true;
        var previous = ' ';
        var lastSignificant = ' ';
        for (var i = 0; i < text.Length; i++)
        {
            var run = text.AsSpan(i).IndexOfAny(Significant);
            if (run != 0)
            {
                var end = run < 0 ? text.Length : i + run;
                Cross(text.AsSpan(i, end - i), ref previous, ref lastSignificant, ref lineStart);
                if (run < 0)
                {
                    break;
                }
                i = end;
            }
            var c = text[i];
            // Comments cannot nest code; an unclosed `(` in prose must not count for the rest of the file.
            if (c == '/' && i + 1 < text.Length && text[i + 1] is '/' or '*')
            {
                var end = text[i + 1] == '/' ? text.IndexOf('\n', i) : text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : (text[i + 1] == '/' ? end - 1 : end + 1);
                continue;
            }
            // Generic brackets counted within one statement (`i<n` in a loop must not add up across a file).
            if (c == '<' && (char.IsLetterOrDigit(previous) || previous == '_') && ++generics > MaxDepth)
            {
                return $"it nests generic brackets more than {MaxDepth} deep";
            }
            generics = c switch { '>' => Math.Max(0, generics - 1), ';' or '{' or '}' => 0, _ => generics };
            previous = c;
            switch (c)
            {
                case '(' or '[' or '{':
                    if (++depth > MaxDepth)
                    {
                        return $"it nests brackets more than {MaxDepth} deep";
                    }
                    openers[depth] = c;
                    assigning[depth] = false;
                    break;
                case ')' or ']' or '}':
                    if (depth > 0)
                    {
                        assignments -= assigning[depth] ? 1 : 0;
                        depth--;
                    }
                    break;
                case '=' when depth > 0 && openers[depth] == '(' && !assigning[depth] && IsPlainAssignment(text, i, lastSignificant):
                    assigning[depth] = true;
                    if (++assignments > MaxAssignmentNesting)
                    {
                        return $"it nests assignments in parentheses more than {MaxAssignmentNesting} deep (`(x = (x = …`), which the C# parser takes exponential time on";
                    }
                    break;
                case '#' when lineStart:
                    if (++directives > MaxDirectiveLines)
                    {
                        return $"it has more than {MaxDirectiveLines} preprocessor lines";
                    }
                    break;
            }
            if (!char.IsWhiteSpace(c))
            {
                lastSignificant = c;
            }
            lineStart = c == '\n' || (lineStart && c is ' ' or '\t');
        }
        return null;
    }

    /// <summary>What the per-character loop would leave after <paramref name="run"/>, none of whose characters it acts on
    /// (no `\n` among them).</summary>
    private static void Cross(ReadOnlySpan<char> run, ref char previous, ref char lastSignificant, ref bool lineStart)
    {
        previous = run[^1];
        var last = run.Length - 1;
        while (last >= 0 && char.IsWhiteSpace(run[last]))
        {
            last--;
        }
        if (last >= 0)
        {
            lastSignificant = run[last];
        }
        lineStart = lineStart && !run.ContainsAnyExcept(' ', '\t');
    }

    /// <summary>
    /// A lone `=`: not `==`, `=>`, nor the end of `+=`, `&lt;=`, `!=` and the like. What comes before it does not matter
    /// (`x =`, `(a, b) =`, and the fuzz mutant's `M(= ( = ( = …` with nothing before are all exponential).
    /// </summary>
    private static bool IsPlainAssignment(string text, int at, char before) =>
        (at + 1 >= text.Length || text[at + 1] is not ('=' or '>'))
        && before is not ('+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '!' or '<' or '>' or '=' or '?');
}
