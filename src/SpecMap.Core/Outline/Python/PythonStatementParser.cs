using System.Collections.Immutable;
using System.Text;

namespace SpecMap.Core.Outline.Python;

/// <summary>Reads statements (not expressions) from Python tokens and collects the outline's symbols.</summary>
// Compound statements other than `def`/`class` (PythonCompoundStatements) are transparent: what they hold belongs
// to the enclosing module, class or function, as the contract asks.
internal sealed class PythonStatementParser
{
    private readonly string _text;
    private readonly List<PythonToken> _tokens;
    private readonly List<OutlineSymbol> _symbols = [];
    private int _pos;

    private PythonStatementParser(string text, List<PythonToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private enum ScopeKind
    {
        Module,
        Class,
        Function,
    }

    public static ImmutableArray<OutlineSymbol> Parse(string text, List<PythonToken> tokens)
    {
        var parser = new PythonStatementParser(text, tokens);
        parser.ParseBlock(new Scope(ScopeKind.Module, string.Empty, 0), inMatch: false);
        return [.. parser._symbols];
    }

    private PythonToken Current => _tokens[_pos];

    private PythonToken Peek(int ahead) => TokenAt(_pos + ahead);

    // The token list always ends with EndMarker; reading past it yields EndMarker again.
    private PythonToken TokenAt(int index) => _tokens[Math.Min(index, _tokens.Count - 1)];

    /// <summary>Statements through the DEDENT that closes the block (or the end of the file).</summary>
    private void ParseBlock(Scope scope, bool inMatch)
    {
        var fields = new FieldRun();
        while (true)
        {
            switch (Current.Kind)
            {
                case PythonTokenKind.EndMarker:
                    return;
                case PythonTokenKind.Dedent:
                    _pos++;
                    return;
                case PythonTokenKind.Newline:
                    _pos++;
                    break;
                case PythonTokenKind.Indent:
                    // An unexpected indent (a syntax error): read the block as if it were not indented.
                    _pos++;
                    fields.Clear();
                    ParseBlock(scope, inMatch);
                    break;
                default:
                    ParseStatement(scope, inMatch, fields);
                    break;
            }
        }
    }

    private void ParseStatement(Scope scope, bool inMatch, FieldRun fields)
    {
        var token = Current;
        if (token.IsOp('@'))
        {
            fields.Clear();
            ParseDecorated(scope);
            return;
        }
        if (token.Kind == PythonTokenKind.Name)
        {
            if (IsDefinitionStart())
            {
                fields.Clear();
                ParseDefinition(scope, decoratorLine: 0);
                return;
            }
            if (IsCompoundStart(inMatch, out var opensMatch))
            {
                fields.Clear();
                ParseCompound(scope, opensMatch);
                return;
            }
        }
        ParseSimpleStatements(scope, fields);
    }

    private void ParseDecorated(Scope scope)
    {
        // CPython's decorator line is its expression's line, the token after `@`.
        var next = Peek(1);
        var decoratorLine = next.IsSignificant ? next.Line : Current.Line;
        while (Current.IsOp('@'))
        {
            SkipLogicalLine();
        }
        if (Current.Kind == PythonTokenKind.Name && IsDefinitionStart())
        {
            ParseDefinition(scope, decoratorLine);
        }
        // Otherwise the decorators decorate nothing (a syntax error); what follows is read as usual.
    }

    private bool IsDefinitionStart()
    {
        var word = TextOf(Current);
        if (word is "def" or "class")
        {
            return true;
        }
        return word is "async" && Peek(1) is { Kind: PythonTokenKind.Name } next && TextOf(next) is "def";
    }

    private bool IsCompoundStart(bool inMatch, out bool opensMatch)
    {
        opensMatch = false;
        var word = TextOf(Current);
        var next = Peek(1) is { Kind: PythonTokenKind.Name } second ? TextOf(second) : [];
        if (!PythonCompoundStatements.StartsWith(word, next))
        {
            return false;
        }
        switch (word)
        {
            case "case":
                // `case` is a keyword only inside a match block.
                return inMatch;
            case "match":
                // A soft keyword: CPython reads `match SUBJECT:` NEWLINE INDENT as a match statement, anything else as code.
                var colon = FindHeaderColon(_pos + 1);
                opensMatch = colon > _pos + 1
                    && TokenAt(colon + 1).Kind == PythonTokenKind.Newline
                    && TokenAt(colon + 2).Kind == PythonTokenKind.Indent;
                return opensMatch;
            default:
                return true;
        }
    }

    private void ParseCompound(Scope scope, bool opensMatch)
    {
        var colon = FindHeaderColon(_pos + 1);
        if (colon < 0)
        {
            SkipLogicalLine();
            return;
        }
        _pos = colon + 1;
        ParseBody(scope, opensMatch);
    }

    private void ParseDefinition(Scope scope, int decoratorLine)
    {
        var defLine = Current.Line;
        if (TextOf(Current) is "async")
        {
            _pos++;
        }
        var isClass = TextOf(Current) is "class";
        _pos++;
        var nameToken = Current;
        var colon = FindHeaderColon(_pos);
        if (nameToken.Kind != PythonTokenKind.Name || IsKeyword(nameToken))
        {
            // `def` without a name: keep reading its body as part of the enclosing scope.
            if (colon < 0)
            {
                SkipLogicalLine();
            }
            else
            {
                _pos = colon + 1;
                ParseBody(scope, inMatch: false);
            }
            return;
        }

        var name = NameOf(nameToken);
        var qualifiedName = scope.Prefix + name;
        var kind = isClass
            ? SymbolKinds.Class
            : scope.Kind switch
            {
                ScopeKind.Class => SymbolKinds.Method,
                ScopeKind.Function => SymbolKinds.Local,
                _ => SymbolKinds.Function,
            };
        var index = _symbols.Count;
        _symbols.Add(null!);
        if (colon < 0)
        {
            SkipLogicalLine();
        }
        else
        {
            _pos = colon + 1;
            var inner = new Scope(isClass ? ScopeKind.Class : ScopeKind.Function, qualifiedName + ".", scope.Depth + 1);
            ParseBody(inner, inMatch: false);
        }
        var start = decoratorLine > 0 ? decoratorLine : defLine;
        _symbols[index] = new OutlineSymbol(kind, name, qualifiedName, start, defLine, LastSignificantLine(), null, scope.Depth);
    }

    /// <summary>After a header's colon: an indented block, or simple statements on the same line.</summary>
    private void ParseBody(Scope scope, bool inMatch)
    {
        if (Current.Kind == PythonTokenKind.Newline)
        {
            _pos++;
            if (Current.Kind == PythonTokenKind.Indent)
            {
                _pos++;
                ParseBlock(scope, inMatch);
            }
            return;
        }
        ParseSimpleStatements(scope, new FieldRun());
    }

    /// <summary>`;`-separated simple statements through the end of the logical line.</summary>
    private void ParseSimpleStatements(Scope scope, FieldRun fields)
    {
        while (true)
        {
            var start = _pos;
            while (Current.IsSignificant && !Current.IsOp(';'))
            {
                _pos++;
            }
            if (_pos > start)
            {
                ReadSimpleStatement(scope, start, _pos, fields);
            }
            if (Current.IsOp(';'))
            {
                _pos++;
                continue;
            }
            if (Current.Kind == PythonTokenKind.Newline)
            {
                _pos++;
            }
            return;
        }
    }

    private void ReadSimpleStatement(Scope scope, int start, int end, FieldRun fields)
    {
        if (fields.Count > 0 && IsStringStatement(start, end))
        {
            // An attribute docstring: the field's range takes it in (contract §4).
            var docEnd = _tokens[end - 1].EndLine;
            for (var i = fields.First; i < fields.First + fields.Count; i++)
            {
                _symbols[i] = _symbols[i] with { End = docEnd };
            }
            fields.Clear();
            return;
        }
        fields.Clear();
        if (scope.Kind != ScopeKind.Class)
        {
            return;
        }
        var names = new List<int>();
        new AssignmentTargets(_text, _tokens).Collect(start, end, names);
        if (names.Count == 0)
        {
            return;
        }
        var line = _tokens[start].Line;
        var endLine = _tokens[end - 1].EndLine;
        fields.First = _symbols.Count;
        fields.Count = names.Count;
        foreach (var tokenIndex in names)
        {
            var name = NameOf(_tokens[tokenIndex]);
            _symbols.Add(new OutlineSymbol(SymbolKinds.Field, name, scope.Prefix + name, line, line, endLine, null, scope.Depth));
        }
    }

    /// <summary>A bare str literal statement (implicit concatenation and parentheses allowed; f-strings and bytes are not str constants).</summary>
    private bool IsStringStatement(int start, int end)
    {
        var opens = 0;
        var i = start;
        while (i < end && _tokens[i].IsOp('('))
        {
            opens++;
            i++;
        }
        var strings = 0;
        while (i < end && _tokens[i] is { Kind: PythonTokenKind.String, IsStrConstant: true })
        {
            strings++;
            i++;
        }
        var closes = 0;
        while (i < end && _tokens[i].IsOp(')'))
        {
            closes++;
            i++;
        }
        return i == end && strings > 0 && opens == closes;
    }

    /// <summary>
    /// The index of the colon that ends a compound header, scanning from <paramref name="from"/> to the end of
    /// the logical line: the first `:` outside brackets that does not belong to a lambda. -1 when there is none.
    /// </summary>
    private int FindHeaderColon(int from)
    {
        var depth = 0;
        var lambdas = 0;
        for (var i = from; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (!token.IsSignificant)
            {
                return -1;
            }
            if (token.Kind == PythonTokenKind.Op)
            {
                switch (token.Op)
                {
                    case '(' or '[' or '{':
                        depth++;
                        break;
                    case ')' or ']' or '}':
                        depth = Math.Max(0, depth - 1);
                        break;
                    case ':' when depth == 0:
                        if (lambdas == 0)
                        {
                            return i;
                        }
                        lambdas--;
                        break;
                }
            }
            else if (depth == 0 && token.Kind == PythonTokenKind.Name && TextOf(token) is "lambda")
            {
                lambdas++;
            }
        }
        return -1;
    }

    private void SkipLogicalLine()
    {
        while (Current.IsSignificant)
        {
            _pos++;
        }
        if (Current.Kind == PythonTokenKind.Newline)
        {
            _pos++;
        }
    }

    /// <summary>The end line of the last statement token before the current position: CPython's `end_lineno` of what was just read.</summary>
    private int LastSignificantLine()
    {
        for (var i = _pos - 1; i >= 0; i--)
        {
            if (_tokens[i].IsSignificant)
            {
                return _tokens[i].EndLine;
            }
        }
        return 1;
    }

    /// <summary>An identifier as Python knows it: non-ASCII names are NFKC-normalized (PEP 3131), so `µ` (micro sign) is `μ`.</summary>
    private string NameOf(PythonToken token)
    {
        var name = _text.Substring(token.Offset, token.Length);
        return Ascii.IsValid(name) ? name : CompatibilityFold(name.Normalize(NormalizationForm.FormKC));
    }

    // With InvariantGlobalization there is no ICU and Normalize(FormKC) leaves compatibility characters alone;
    // these are the ones that occur in real identifiers (the micro sign, long s, ligatures, fullwidth letters).
    private static string CompatibilityFold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            _ = c switch
            {
                '\u00B5' => builder.Append('\u03BC'),
                '\u017F' => builder.Append('s'),
                '\u00AA' => builder.Append('a'),
                '\u00BA' => builder.Append('o'),
                '\uFB00' => builder.Append("ff"),
                '\uFB01' => builder.Append("fi"),
                '\uFB02' => builder.Append("fl"),
                '\uFB03' => builder.Append("ffi"),
                '\uFB04' => builder.Append("ffl"),
                '\uFB05' or '\uFB06' => builder.Append("st"),
                >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A' or '\uFF3F'
                    => builder.Append((char)(c - 0xFF00 + 0x20)),
                _ => builder.Append(c),
            };
        }
        return builder.ToString();
    }

    private ReadOnlySpan<char> TextOf(PythonToken token) => _text.AsSpan(token.Offset, token.Length);

    private bool IsKeyword(PythonToken token) => PythonKeywords.IsKeyword(TextOf(token));

    /// <summary>Where a statement sits: its kind decides a definition's kind; the prefix builds qualified names.</summary>
    private readonly record struct Scope(ScopeKind Kind, string Prefix, int Depth);

    /// <summary>The field symbols of the previous statement of a block, waiting for a possible attribute docstring.</summary>
    private sealed class FieldRun
    {
        public int First { get; set; }

        public int Count { get; set; }

        public void Clear() => Count = 0;
    }
}
