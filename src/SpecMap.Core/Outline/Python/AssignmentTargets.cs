namespace SpecMap.Core.Outline.Python;

/// <summary>The names a simple statement assigns, as CPython's `ast` sees them.</summary>
// Each target of `a = b = 1`, every name of a tuple or list target (`a, (b, *c) = ...`), and the name of an
// annotated assignment (`x: int = 1`, `x: int`). Attribute and subscript targets assign no name.
internal readonly struct AssignmentTargets(string text, List<PythonToken> tokens)
{
    // Targets nested deeper than this are not real code; the cap keeps hostile input off the stack.
    private const int MaxNesting = 32;

    /// <summary>Adds to <paramref name="names"/> the token index of each assigned name in tokens [start, end).</summary>
    public void Collect(int start, int end, List<int> names)
    {
        if (tokens[start].Kind == PythonTokenKind.Name && IsKeyword(start))
        {
            return;
        }
        var depth = 0;
        var lambdas = 0;
        var segmentStart = start;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind == PythonTokenKind.Name)
            {
                if (depth == 0 && text.AsSpan(token.Offset, token.Length) is "lambda")
                {
                    lambdas++;
                }
                continue;
            }
            if (token.Kind != PythonTokenKind.Op)
            {
                continue;
            }
            switch (token.Op)
            {
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ':' when depth == 0:
                    if (lambdas > 0)
                    {
                        lambdas--;
                    }
                    else if (segmentStart == start)
                    {
                        // An annotation before any `=`: the statement is an annotated assignment of one target.
                        CollectAnnotated(start, i, names);
                        return;
                    }
                    break;
                case '=' when depth == 0 && lambdas == 0:
                    CollectTarget(segmentStart, i, 0, names);
                    segmentStart = i + 1;
                    break;
            }
        }
    }

    private void CollectAnnotated(int start, int end, List<int> names)
    {
        // `(x): int` is still a Name target; brackets or commas make it an error, which assigns nothing.
        for (var nesting = 0; nesting < MaxNesting && end - start > 2 && tokens[start].IsOp('(') && MatchingClose(start, end) == end - 1; nesting++)
        {
            start++;
            end--;
        }
        if (end - start == 1 && tokens[start].Kind == PythonTokenKind.Name && !IsKeyword(start))
        {
            names.Add(start);
        }
    }

    /// <summary>One target: a name, or a tuple/list of targets (with or without brackets), maybe starred.</summary>
    private void CollectTarget(int start, int end, int nesting, List<int> names)
    {
        if (start >= end || nesting > MaxNesting)
        {
            return;
        }
        var depth = 0;
        var elementStart = start;
        var hasComma = false;
        for (var i = start; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind != PythonTokenKind.Op)
            {
                continue;
            }
            if (token.Op is '(' or '[' or '{')
            {
                depth++;
            }
            else if (token.Op is ')' or ']' or '}')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (token.Op == ',' && depth == 0)
            {
                hasComma = true;
                CollectElement(elementStart, i, nesting, names);
                elementStart = i + 1;
            }
        }
        if (hasComma)
        {
            CollectElement(elementStart, end, nesting, names);
        }
        else
        {
            CollectElement(start, end, nesting, names);
        }
    }

    private void CollectElement(int start, int end, int nesting, List<int> names)
    {
        if (start >= end)
        {
            return;
        }
        var first = tokens[start];
        if (first.IsOp('*'))
        {
            CollectElement(start + 1, end, nesting + 1, names);
        }
        else if (end - start == 1)
        {
            if (first.Kind == PythonTokenKind.Name && !IsKeyword(start))
            {
                names.Add(start);
            }
        }
        else if ((first.IsOp('(') || first.IsOp('[')) && MatchingClose(start, end) == end - 1)
        {
            CollectTarget(start + 1, end - 1, nesting + 1, names);
        }
    }

    /// <summary>The index of the bracket closing the one at <paramref name="open"/>, or -1 before <paramref name="end"/>.</summary>
    private int MatchingClose(int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            var token = tokens[i];
            if (token.Kind != PythonTokenKind.Op)
            {
                continue;
            }
            if (token.Op is '(' or '[' or '{')
            {
                depth++;
            }
            else if (token.Op is ')' or ']' or '}' && --depth == 0)
            {
                return i;
            }
        }
        return -1;
    }

    private bool IsKeyword(int index) => PythonKeywords.IsKeyword(text.AsSpan(tokens[index].Offset, tokens[index].Length));
}
