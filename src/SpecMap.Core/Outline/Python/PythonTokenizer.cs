using System.Buffers;
using System.Globalization;

namespace SpecMap.Core.Outline.Python;

/// <summary>A single-pass Python tokenizer: logical lines, INDENT/DEDENT and every string form; linear, never throws.</summary>
// Strings: any prefix, triple quotes, and 3.12 f-strings whose fields nest the same quotes. Bad input still
// yields tokens: the outline of broken code is a best effort, never an exception.
internal sealed class PythonTokenizer
{
    // CPython refuses more than 100 indentation levels; the cap also bounds the parser's recursion.
    private const int MaxIndentDepth = 100;

    // Replacement fields nest strings inside strings; past this depth braces are plain text, so hostile
    // input cannot overflow the stack.
    private const int MaxStringNesting = 64;

    private const int TabSize = 8;

    // What can end or escape string text: its quote, a backslash, a line break, and in f-strings a brace.
    private static readonly SearchValues<char> DoubleQuoteStops = SearchValues.Create("\"\\\r\n");
    private static readonly SearchValues<char> SingleQuoteStops = SearchValues.Create("'\\\r\n");
    private static readonly SearchValues<char> DoubleQuoteFormatStops = SearchValues.Create("\"\\\r\n{");
    private static readonly SearchValues<char> SingleQuoteFormatStops = SearchValues.Create("'\\\r\n{");

    private readonly string _text;
    private readonly List<PythonToken> _tokens;
    private readonly List<int> _indents = [0];
    private int _pos;
    private int _line = 1;
    private int _brackets;
    private bool _lineHasTokens;
    private int _physicalLineStart;
    private bool _physicalLineHasTokens;

    private PythonTokenizer(string text, List<PythonToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    public static List<PythonToken> Tokenize(string text) =>
        // Roughly one token per 5 characters of code; a good first guess saves regrowing.
        Tokenize(text, new List<PythonToken>(Math.Max(16, text.Length / 5)));

    /// <summary>The tokens of <paramref name="text"/>, added to <paramref name="tokens"/> (cleared first), so a caller that
    /// tokenizes file after file reuses one list.</summary>
    public static List<PythonToken> Tokenize(string text, List<PythonToken> tokens)
    {
        tokens.Clear();
        var tokenizer = new PythonTokenizer(text, tokens);
        tokenizer.Run();
        return tokens;
    }

    private void Run()
    {
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
            _physicalLineStart = 1;
        }
        var atLineStart = true;
        while (true)
        {
            if (atLineStart)
            {
                if (!StartLogicalLine())
                {
                    break;
                }
                atLineStart = false;
            }
            if (_pos >= _text.Length)
            {
                break;
            }
            var c = _text[_pos];
            switch (c)
            {
                case ' ' or '\t' or '\f':
                    _pos++;
                    break;
                case '#':
                    SkipComment();
                    break;
                case '\r' or '\n':
                    if (_brackets == 0)
                    {
                        EndLogicalLine();
                        atLineStart = true;
                    }
                    ConsumeNewline();
                    break;
                case '\\':
                    _pos++;
                    if (_pos < _text.Length && _text[_pos] is '\r' or '\n')
                    {
                        // Explicit line joining: the logical line goes on.
                        ConsumeNewline();
                    }
                    else
                    {
                        Add(PythonTokenKind.Op, _pos - 1, 1, _line, '\\');
                    }
                    break;
                case '"' or '\'':
                    ScanStringToken(_pos, 0);
                    break;
                default:
                    if (IsIdentifierStart(c))
                    {
                        ScanName();
                    }
                    else if (char.IsAsciiDigit(c) || (c == '.' && _pos + 1 < _text.Length && char.IsAsciiDigit(_text[_pos + 1])))
                    {
                        ScanNumber();
                    }
                    else
                    {
                        ScanOperator();
                    }
                    break;
            }
        }
        EndLogicalLine();
        while (_indents.Count > 1)
        {
            _indents.RemoveAt(_indents.Count - 1);
            Add(PythonTokenKind.Dedent, _pos, 0, _line);
        }
        Add(PythonTokenKind.EndMarker, _pos, 0, _line);
    }

    /// <summary>Skips blank and comment-only lines, then measures the indentation of the next line.</summary>
    /// <returns>False at the end of the text.</returns>
    private bool StartLogicalLine()
    {
        while (true)
        {
            var column = 0;
            while (_pos < _text.Length)
            {
                var c = _text[_pos];
                if (c == ' ')
                {
                    column++;
                }
                else if (c == '\t')
                {
                    column = ((column / TabSize) + 1) * TabSize;
                }
                else if (c == '\f')
                {
                    column = 0;
                }
                else
                {
                    break;
                }
                _pos++;
            }
            if (_pos >= _text.Length)
            {
                return false;
            }
            var first = _text[_pos];
            if (first == '#')
            {
                SkipComment();
                if (_pos >= _text.Length)
                {
                    return false;
                }
            }
            if (_text[_pos] is '\r' or '\n')
            {
                ConsumeNewline();
                continue;
            }
            Indent(column);
            return true;
        }
    }

    private void Indent(int column)
    {
        var top = _indents[^1];
        if (column > top)
        {
            if (_indents.Count <= MaxIndentDepth)
            {
                _indents.Add(column);
                Add(PythonTokenKind.Indent, _pos, 0, _line);
            }
        }
        else if (column < top)
        {
            // A column between two open levels is an error in CPython; closing down to the enclosing level is the best guess.
            while (_indents.Count > 1 && _indents[^1] > column)
            {
                _indents.RemoveAt(_indents.Count - 1);
                Add(PythonTokenKind.Dedent, _pos, 0, _line);
            }
        }
    }

    private void EndLogicalLine()
    {
        if (_lineHasTokens)
        {
            _tokens.Add(new PythonToken(PythonTokenKind.Newline, _pos, 0, _line, _line));
            _lineHasTokens = false;
        }
    }

    private void ConsumeNewline()
    {
        if (_text[_pos] == '\r' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
        {
            _pos++;
        }
        _pos++;
        _line++;
        _physicalLineStart = _pos;
        _physicalLineHasTokens = false;
    }

    private void SkipComment()
    {
        var length = _text.AsSpan(_pos).IndexOfAny('\r', '\n');
        _pos = length < 0 ? _text.Length : _pos + length;
    }

    /// <summary>Jumps over string text that cannot end or escape anything (the bulk of long strings), vectorized.</summary>
    private void SkipStringText(char quote, bool format)
    {
        var rest = _text.AsSpan(_pos);
        var stops = (quote, format) switch
        {
            ('"', true) => DoubleQuoteFormatStops,
            (_, true) => SingleQuoteFormatStops,
            ('"', false) => DoubleQuoteStops,
            _ => SingleQuoteStops,
        };
        var length = rest.IndexOfAny(stops);
        _pos = length < 0 ? _text.Length : _pos + length;
    }

    private void Add(PythonTokenKind kind, int offset, int length, int line, char op = '\0') =>
        Add(new PythonToken(kind, offset, length, line, line, op));

    private void Add(PythonToken token)
    {
        _tokens.Add(token);
        if (token.IsSignificant)
        {
            _lineHasTokens = true;
            _physicalLineHasTokens = true;
        }
    }

    private void ScanName()
    {
        var start = _pos;
        // Locals, not the fields, in the loop: the name's characters are most of a file's.
        var text = _text;
        var end = start + 1;
        while (end < text.Length && IsIdentifierPart(text[end]))
        {
            end++;
        }
        _pos = end;
        var length = _pos - start;
        if (_pos < _text.Length && _text[_pos] is '"' or '\'' && IsStringPrefix(start, length))
        {
            ScanStringToken(start, length);
            return;
        }
        if (_brackets > 0 && !_physicalLineHasTokens && IsStatementOnlyKeyword(start, length))
        {
            RecoverFromOpenBracket(start);
        }
        Add(PythonTokenKind.Name, start, length, _line);
    }

    // `def` and `class` never occur inside brackets in valid code, so a line that starts with one while a
    // bracket is open means the bracket was never closed: end the broken line there instead of swallowing the file.
    private bool IsStatementOnlyKeyword(int start, int length)
    {
        var word = _text.AsSpan(start, length);
        return word is "def" or "class";
    }

    private void RecoverFromOpenBracket(int nameStart)
    {
        _brackets = 0;
        EndLogicalLine();
        var column = 0;
        for (var i = _physicalLineStart; i < nameStart; i++)
        {
            column = _text[i] == '\t' ? ((column / TabSize) + 1) * TabSize : _text[i] == '\f' ? 0 : column + 1;
        }
        Indent(column);
    }

    private void ScanNumber()
    {
        var start = _pos;
        _pos++;
        // Digits, letters (hex, exponents, suffixes), underscores and dots; a sign after an exponent becomes its own token, harmlessly.
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] is '_' or '.'))
        {
            _pos++;
        }
        Add(PythonTokenKind.Number, start, _pos - start, _line);
    }

    private void ScanOperator()
    {
        var start = _pos;
        var c = _text[_pos];
        var c1 = _pos + 1 < _text.Length ? _text[_pos + 1] : '\0';
        var c2 = _pos + 2 < _text.Length ? _text[_pos + 2] : '\0';
        var length = 1;
        if ((c, c1, c2) is ('*', '*', '=') or ('/', '/', '=') or ('>', '>', '=') or ('<', '<', '=') or ('.', '.', '.'))
        {
            length = 3;
        }
        else if (c1 == '=' && c is '<' or '>' or '=' or '!' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '@' or ':')
        {
            length = 2;
        }
        else if ((c, c1) is ('*', '*') or ('/', '/') or ('>', '>') or ('<', '<') or ('-', '>') or ('<', '>'))
        {
            length = 2;
        }
        if (length == 1)
        {
            if (c is '(' or '[' or '{')
            {
                _brackets++;
            }
            else if (c is ')' or ']' or '}' && _brackets > 0)
            {
                _brackets--;
            }
        }
        _pos += length;
        Add(PythonTokenKind.Op, start, length, _line, length == 1 ? c : '\0');
    }

    private bool IsStringPrefix(int start, int length)
    {
        if (length > 2)
        {
            return false;
        }
        for (var i = start; i < start + length; i++)
        {
            // r, b, u, f and 3.14's t; Python 2's `ur` is accepted too, as a best effort.
            if (_text[i] is not ('r' or 'R' or 'b' or 'B' or 'u' or 'U' or 'f' or 'F' or 't' or 'T'))
            {
                return false;
            }
        }
        return true;
    }

    private void ScanStringToken(int start, int prefixLength)
    {
        var prefix = _text.AsSpan(start, prefixLength);
        var isFormat = prefix.IndexOfAny("fFtT") >= 0;
        var isBytes = prefix.IndexOfAny("bB") >= 0;
        var line = _line;
        _pos = start + prefixLength;
        ScanString(isFormat, 0);
        Add(new PythonToken(PythonTokenKind.String, start, _pos - start, line, _line, '\0', !isFormat && !isBytes));
    }

    /// <summary>Scans one string literal starting at its opening quote; leaves <see cref="_pos"/> after it.</summary>
    private void ScanString(bool isFormat, int nesting)
    {
        var quote = _text[_pos];
        var triple = IsTripleQuote(_pos, quote);
        _pos += triple ? 3 : 1;
        if (isFormat && nesting < MaxStringNesting)
        {
            ScanFormatBody(quote, triple, nesting);
        }
        else
        {
            ScanPlainBody(quote, triple);
        }
    }

    private bool IsTripleQuote(int at, char quote) =>
        at + 2 < _text.Length && _text[at] == quote && _text[at + 1] == quote && _text[at + 2] == quote;

    /// <summary>At a quote character inside a string: consumes it and returns true when it closes the string.</summary>
    private bool TryClose(char quote, bool triple)
    {
        if (!triple)
        {
            _pos++;
            return true;
        }
        if (IsTripleQuote(_pos, quote))
        {
            _pos += 3;
            return true;
        }
        _pos++;
        return false;
    }

    /// <summary>Skips a backslash and what it escapes (a line break included).</summary>
    private void SkipEscape()
    {
        _pos++;
        if (_pos < _text.Length)
        {
            if (_text[_pos] is '\r' or '\n')
            {
                ConsumeNewline();
            }
            else
            {
                _pos++;
            }
        }
    }

    private void ScanPlainBody(char quote, bool triple)
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\')
            {
                SkipEscape();
            }
            else if (c == quote)
            {
                if (TryClose(quote, triple))
                {
                    return;
                }
            }
            else if (c is '\r' or '\n')
            {
                if (!triple)
                {
                    // Unterminated single-quoted string: it ends with its line.
                    return;
                }
                ConsumeNewline();
            }
            else
            {
                SkipStringText(quote, format: false);
            }
        }
    }

    /// <summary>The literal part of an f-string (or t-string): text, `{{`/`}}` escapes, and replacement fields.</summary>
    private void ScanFormatBody(char quote, bool triple, int nesting)
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\\')
            {
                // `\{` does not escape the brace: the brace still opens a field.
                if (_pos + 1 < _text.Length && _text[_pos + 1] is '{' or '}')
                {
                    _pos++;
                }
                else
                {
                    SkipEscape();
                }
            }
            else if (c == quote)
            {
                if (TryClose(quote, triple))
                {
                    return;
                }
            }
            else if (c is '\r' or '\n')
            {
                if (!triple)
                {
                    return;
                }
                ConsumeNewline();
            }
            else if (c == '{')
            {
                if (_pos + 1 < _text.Length && _text[_pos + 1] == '{')
                {
                    _pos += 2;
                }
                else
                {
                    _pos++;
                    ScanReplacementField(quote, triple, nesting + 1);
                }
            }
            else
            {
                SkipStringText(quote, format: true);
            }
        }
    }

    /// <summary>
    /// The expression of a replacement field, after its `{`, through its closing `}`. Python 3.12 (PEP 701)
    /// tokenizes it as ordinary code: nested strings may reuse the outer quote, and newlines and comments are allowed.
    /// </summary>
    private void ScanReplacementField(char quote, bool triple, int nesting)
    {
        var depth = 0;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            switch (c)
            {
                case '\r' or '\n':
                    ConsumeNewline();
                    break;
                case '#':
                    SkipComment();
                    break;
                case '"' or '\'':
                    ScanString(false, nesting);
                    break;
                case '(' or '[' or '{':
                    depth++;
                    _pos++;
                    break;
                case ')' or ']':
                    depth = Math.Max(0, depth - 1);
                    _pos++;
                    break;
                case '}':
                    _pos++;
                    if (depth == 0)
                    {
                        return;
                    }
                    depth--;
                    break;
                case '!':
                    // `!=` is an operator; `!r` a conversion.
                    _pos += _pos + 1 < _text.Length && _text[_pos + 1] == '=' ? 2 : 1;
                    break;
                case ':':
                    _pos++;
                    if (depth == 0)
                    {
                        ScanFormatSpec(quote, triple, nesting);
                        return;
                    }
                    break;
                case '\\':
                    SkipEscape();
                    break;
                default:
                    if (IsIdentifierStart(c))
                    {
                        ScanNestedName(nesting);
                    }
                    else
                    {
                        _pos++;
                    }
                    break;
            }
        }
    }

    /// <summary>A name inside a replacement field; a string prefix starts a nested (maybe formatted) string.</summary>
    private void ScanNestedName(int nesting)
    {
        var start = _pos;
        _pos++;
        while (_pos < _text.Length && IsIdentifierPart(_text[_pos]))
        {
            _pos++;
        }
        if (_pos < _text.Length && _text[_pos] is '"' or '\'' && IsStringPrefix(start, _pos - start))
        {
            ScanString(_text.AsSpan(start, _pos - start).IndexOfAny("fFtT") >= 0, nesting);
        }
    }

    /// <summary>A format spec after `:` in a replacement field: text with nested fields, through the field's `}`.</summary>
    private void ScanFormatSpec(char quote, bool triple, int nesting)
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                return;
            }
            if (c == '{' && nesting < MaxStringNesting)
            {
                _pos++;
                ScanReplacementField(quote, triple, nesting + 1);
            }
            else if (c == quote && (!triple || IsTripleQuote(_pos, quote)))
            {
                // The string closes inside an unfinished field: let the literal scanner close it.
                return;
            }
            else if (c is '\r' or '\n')
            {
                if (!triple)
                {
                    return;
                }
                ConsumeNewline();
            }
            else if (c == '\\')
            {
                SkipEscape();
            }
            else
            {
                _pos++;
            }
        }
    }

    private static bool IsIdentifierStart(char c) =>
        c < 128 ? char.IsAsciiLetter(c) || c == '_' : IsUnicodeIdentifier(c, start: true);

    private static bool IsIdentifierPart(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : IsUnicodeIdentifier(c, start: false);

    // An approximation of XID_Start / XID_Continue; astral characters (surrogate pairs) count as letters.
    private static bool IsUnicodeIdentifier(char c, bool start)
    {
        if (char.IsSurrogate(c))
        {
            return true;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber => true,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.ConnectorPunctuation => !start,
            _ => false,
        };
    }
}
