namespace SpecMap.Core.Outline.Python;

/// <summary>The token kinds the outliner needs; comments and non-logical line breaks are dropped.</summary>
internal enum PythonTokenKind : byte
{
    Name,
    Number,
    String,
    Op,
    Newline,
    Indent,
    Dedent,
    EndMarker,
}

/// <summary>One token: where it is in the text and which 1-based lines it starts and ends on.</summary>
/// <param name="Op">For an operator of one character, that character; '\0' for longer operators and other kinds.</param>
/// <param name="IsStrConstant">A string literal that CPython folds into a str constant (no f, t or b prefix).</param>
internal readonly record struct PythonToken(
    PythonTokenKind Kind,
    int Offset,
    int Length,
    int Line,
    int EndLine,
    char Op = '\0',
    bool IsStrConstant = false)
{
    /// <summary>True for tokens that belong to a statement's text (not the layout tokens).</summary>
    public bool IsSignificant => Kind is PythonTokenKind.Name or PythonTokenKind.Number or PythonTokenKind.String or PythonTokenKind.Op;

    public bool IsOp(char op) => Kind == PythonTokenKind.Op && Op == op;
}
