using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SpecMap.Core.Outline.CSharp;

/// <summary>
/// The outline never enters a member's body or a field's initializer, yet Roslyn lexes and parses every token in them:
/// most of a cold run's parse time on Humanizer. This scan finds them by their brackets and blanks their inside, keeping
/// only its line breaks, so the parse sees `{/*`, the line breaks and `*/}` (or `{}`), and every declaration keeps its
/// lines, not its offsets (the regions are returned where they are in the blanked text). It is a cheap lexical pass, so
/// it only proposes: <see cref="CSharpOutliner"/> checks that each blanked region parsed as planned, and parses the text
/// as written when one did not or when the scan met something it does not follow (<see cref="Blank"/> returns null).
/// </summary>
/// <remarks>
/// A region is never blanked when a preprocessor line lies inside it or between it and the previous `;`, `{` or `}`: then
/// each parse of <see cref="ConditionalBranches"/> sees the region whole or not at all, and the same text before it.
/// A region is a block (a brace after `)` with a `(` in the same head, after `=>`, or after an accessor keyword), an
/// initializer (a brace after `=` or after `new T(…)`), a collection expression (`= [`, `=> [`: Humanizer's tables of
/// words), or a member's expression body (its `=>` to the first `;` outside its brackets, left as `=> default`), never
/// one whose head names a type, a namespace, `switch` or a pattern (`is`, `case`). An expression body that looks broken
/// (a parenthesis closing outside the bracket it opened in, or a modifier, a type keyword or another `=>` outside its
/// brackets: the next member, reached through a lost `;`) is not blanked, nor is anything inside it, so the blanked
/// parse keeps the error and falls back to the text as written.
/// </remarks>
internal static class BodyBlanker
{
    // Looked up by span: a word of the text is never made a string.
    // A head with one of these opens no region: type and namespace bodies hold declarations, and the braces of a switch
    // or a pattern are no block.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NoRegionHeads = Lookup(
        "class", "struct", "interface", "record", "enum", "namespace", "extension", "delegate", "switch", "is", "case", "with");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AccessorHeadWords = Lookup(
        "get", "set", "init", "add", "remove", "private", "protected", "internal", "readonly");

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Accessors = Lookup("get", "set", "init", "add", "remove");

    // Words no expression holds outside brackets: met there, an expression body has lost its `;` and reaches into the
    // next member, so it is not blanked (the text keeps its syntax error, and the parse falls back to the text as written).
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> MemberWords = Lookup(
        "public", "private", "protected", "internal", "static", "override", "virtual", "abstract", "sealed", "extern", "unsafe",
        "volatile", "const", "readonly", "partial", "class", "struct", "interface", "enum", "event", "namespace", "void",
        "operator", "implicit", "explicit", "using");

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u0085\u2028\u2029");

    // Inside a block only brackets, literals, comments and directives matter to the scan (see Scanner.SkipBlock).
    private static readonly SearchValues<char> BlockSignificant = SearchValues.Create("{}[]\"'/#");

    /// <summary>The text with its blocks, initializers and expression bodies blanked, and each region's open and close
    /// bracket (or `=>` and `;`) in it; null when nothing was blanked or the scan cannot follow the text (a raw string, a
    /// preprocessor line inside a comment or string, unbalanced braces).</summary>
    public static (SourceText Text, ImmutableArray<(int Open, int Close)> Regions)? Blank(string text) => Blank(text, skipBlocks: true);

    /// <summary><see cref="Blank(string)"/>; <paramref name="skipBlocks"/> false scans a block's inside token by token
    /// like the rest of the text (the tests compare the two).</summary>
    internal static (SourceText Text, ImmutableArray<(int Open, int Close)> Regions)? Blank(string text, bool skipBlocks)
    {
        var regions = new Scanner(text, skipBlocks).Regions();
        if (regions is null || regions.Count == 0)
        {
            return null;
        }
        var standIns = new StringBuilder();
        var starts = new int[(2 * regions.Count) + 2];
        var from = new int[(2 * regions.Count) + 1];
        var moved = ImmutableArray.CreateBuilder<(int Open, int Close)>(regions.Count);
        var length = 0;
        var kept = 0;
        for (var k = 0; k < regions.Count; k++)
        {
            var (open, close) = regions[k];
            // The text as written up to the region's open bracket (or `>`), then its stand-in.
            starts[2 * k] = length;
            from[2 * k] = kept;
            length += open + 1 - kept;
            var movedOpen = length - 1;
            starts[(2 * k) + 1] = length;
            from[(2 * k) + 1] = standIns.Length;
            var standInStart = standIns.Length;
            // An expression body (`=>` to its `;`) keeps an expression; its region opens at the `=`.
            var isArrow = text[open] == '>';
            if (isArrow)
            {
                standIns.Append(" default");
            }
            KeepLineBreaks(standIns, text.AsSpan(open + 1, close - open - 1));
            length += standIns.Length - standInStart;
            moved.Add((isArrow ? movedOpen - 1 : movedOpen, length));
            kept = close;
        }
        starts[^2] = length;
        from[^1] = kept;
        starts[^1] = length + text.Length - kept;
        return (new BlankedText(text, standIns.ToString(), starts, from), moved.MoveToImmutable());
    }

    /// <summary>Appends the line breaks of a region's inside in one comment (`/*`, the breaks, `*/`), or nothing when it
    /// has none: the parse gets one trivia instead of a token stream, and the lines after the region stay where they were.</summary>
    private static void KeepLineBreaks(StringBuilder to, ReadOnlySpan<char> inside)
    {
        var rest = inside;
        var lineBreak = rest.IndexOfAny(LineBreaks);
        if (lineBreak < 0)
        {
            return;
        }
        to.Append("/*");
        var lastWasCarriageReturn = false;
        while (lineBreak >= 0)
        {
            var c = rest[lineBreak];
            // A CR and an LF with text between them are two line breaks; side by side they would be one.
            if (c == '\n' && lastWasCarriageReturn && lineBreak > 0)
            {
                to.Append(' ');
            }
            to.Append(c);
            lastWasCarriageReturn = c == '\r';
            rest = rest[(lineBreak + 1)..];
            lineBreak = rest.IndexOfAny(LineBreaks);
        }
        to.Append("*/");
    }

    private static HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup(params string[] words) =>
        new HashSet<string>(words, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private sealed class Scanner(string text, bool skipBlocks)
    {
        // Open `{` and `[`: where, which, whether the region may be blanked, and the directives seen before it.
        private readonly List<(int Open, char Bracket, bool Region, int Directives)> _braces = [];
        private readonly List<(int Open, int Close)> _regions = [];
        // The brackets open inside a block that SkipBlock crosses.
        private readonly Stack<char> _nesting = new();
        private int _i;
        private int _directives;
        private bool _lineStart = true;
        // The member-level expression body being scanned: its `>`, the brackets open and directives seen at its `=>`, and
        // whether it met what no expression holds; and its open parentheses, each as the count of brackets open at it.
        private ArrowScan? _arrow;
        private readonly Stack<int> _arrowParens = new();

        // What came since the last `;`, `{` or `}` (the head of a brace).
        private int _headDirectives;
        private bool _headParen;
        private int _headParens;
        private bool _headAssign;
        private bool _headExcluded;
        private bool _headNew;
        private bool _headAccessorWordsOnly;
        private bool _headEmpty;
        private Last _last;

        private enum Last { Other, CloseParen, CloseBracket, Arrow, Assign, Accessor, Word, New }

        private readonly record struct ArrowScan(int Open, int Braces, int Directives, bool Broken);

        public List<(int Open, int Close)>? Regions()
        {
            ResetHead();
            while (_i < text.Length)
            {
                if (!Step())
                {
                    return null;
                }
            }
            if (_braces.Count != 0)
            {
                return null;
            }
            // Outermost regions only, in source order (a region closes after the ones inside it).
            _regions.Sort((a, b) => a.Open.CompareTo(b.Open));
            var outermost = new List<(int Open, int Close)>();
            foreach (var region in _regions)
            {
                if (outermost.Count == 0 || region.Open > outermost[^1].Close)
                {
                    outermost.Add(region);
                }
            }
            return outermost;
        }

        private bool Step()
        {
            var c = text[_i];
            if (IsLineBreak(c))
            {
                _lineStart = true;
                _i++;
                return true;
            }
            if (char.IsWhiteSpace(c))
            {
                _i++;
                return true;
            }
            if (_lineStart && c == '#')
            {
                // A directive's line is its own (`#region Foo's {` is no code).
                _directives++;
                _i = EndOfLine(_i);
                return true;
            }
            _lineStart = false;
            var next = _i + 1 < text.Length ? text[_i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                _i = EndOfLine(_i);
                return true;
            }
            if (c == '/' && next == '*')
            {
                return SkipBlockComment(ref _i);
            }
            if (c is '"' or '\'' || (c == '@' && next is '"' or '$') || (c == '$' && next is '"' or '@' or '$'))
            {
                Token(Last.Other, paren: false);
                return SkipLiteral(ref _i);
            }
            if (c == '@' || c == '_' || char.IsLetterOrDigit(c))
            {
                var start = _i;
                _i++;
                while (_i < text.Length && (text[_i] == '_' || char.IsLetterOrDigit(text[_i])))
                {
                    _i++;
                }
                Word(text.AsSpan(start, _i - start));
                return true;
            }
            _i++;
            if (_arrow is { } arrow)
            {
                Arrow(c, next, arrow);
            }
            switch (c)
            {
                case '{' when skipBlocks && OpensBraceRegion() && SkipBlock(_i - 1) is { } close:
                    if (close - (_i - 1) > 1)
                    {
                        _regions.Add((_i - 1, close));
                    }
                    _i = close + 1;
                    ResetHead();
                    break;
                case '{' or '[':
                    _braces.Add((_i - 1, c, c == '{' ? OpensBraceRegion() : OpensCollectionRegion(), _directives));
                    if (c == '{')
                    {
                        ResetHead();
                    }
                    else
                    {
                        Token(Last.Other, paren: false);
                    }
                    break;
                case '}' or ']':
                    if (_braces.Count == 0 || _braces[^1].Bracket != (c == '}' ? '{' : '['))
                    {
                        return false;
                    }
                    var (open, _, region, directives) = _braces[^1];
                    _braces.RemoveAt(_braces.Count - 1);
                    if (region && directives == _directives && _i - 1 - open > 1)
                    {
                        _regions.Add((open, _i - 1));
                    }
                    if (c == '}')
                    {
                        ResetHead();
                    }
                    else
                    {
                        Token(Last.CloseBracket, paren: false);
                    }
                    break;
                case ';':
                    ResetHead();
                    break;
                case '(':
                    _headParens++;
                    Token(Last.Other, paren: true);
                    break;
                case ')':
                    _headParens = Math.Max(0, _headParens - 1);
                    Token(Last.CloseParen, paren: false);
                    break;
                case '=' when next == '>':
                    _i++;
                    if (_arrow is null && OpensArrowRegion())
                    {
                        _arrow = new ArrowScan(_i - 1, _braces.Count, _directives, Broken: false);
                        _arrowParens.Clear();
                    }
                    Token(Last.Arrow, paren: false);
                    break;
                case '=' when next != '=' && (_i < 2 || text[_i - 2] is not ('=' or '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '?')):
                    _headAssign |= _headParens == 0;
                    Token(Last.Assign, paren: false);
                    break;
                default:
                    Token(Last.Other, paren: false);
                    break;
            }
            return true;
        }

        /// <summary>
        /// Follows the expression body being scanned through the character <paramref name="c"/> just passed (literals,
        /// comments and blocks are crossed whole before it gets here): its parentheses, each of which must close inside
        /// the brackets it opened in; its end at the first `;` outside its brackets, a region when nothing broke it; or
        /// its loss when a bracket it did not open closes.
        /// </summary>
        private void Arrow(char c, char next, ArrowScan arrow)
        {
            var outside = _braces.Count == arrow.Braces;
            var parens = _arrowParens;
            switch (c)
            {
                case '}' or ']' when outside:
                    EndArrow(arrow, region: false);
                    break;
                case '}' or ']' when parens.Count > 0 && parens.Peek() == _braces.Count:
                    _arrow = arrow with { Broken = true };
                    break;
                case '(':
                    parens.Push(_braces.Count);
                    break;
                case ')' when parens.Count == 0 && outside:
                    EndArrow(arrow, region: false);
                    break;
                case ')' when parens.Count == 0 || parens.Pop() != _braces.Count:
                    _arrow = arrow with { Broken = true };
                    break;
                case '=' when outside && next == '>' && parens.Count == 0:
                    // A second arrow outside brackets: most often the next member's (`int P => 1` lost its `;`).
                    _arrow = arrow with { Broken = true };
                    break;
                case ';' when outside:
                    EndArrow(arrow, region: parens.Count == 0 && arrow.Directives == _directives);
                    break;
                default:
                    break;
            }
        }

        /// <summary>Ends the expression body being scanned, a region when <paramref name="region"/> and nothing broke it. A
        /// broken one keeps no region inside it either: its broken parenthesis may lie in a collection it holds.</summary>
        private void EndArrow(ArrowScan arrow, bool region)
        {
            if (arrow.Broken)
            {
                _regions.RemoveAll(r => r.Open > arrow.Open);
            }
            else if (region)
            {
                _regions.Add((arrow.Open, _i - 1));
            }
            _arrow = null;
        }

        /// <summary>
        /// The close of the region whose `{` is at <paramref name="open"/>, found by jumping from one character that
        /// matters to the next; null when the block holds a directive or anything else the token-by-token scan must
        /// judge (a `$` or `@` run before a quote, a literal or comment it rejects, mismatched brackets), which then
        /// scans it from its `{`. Where this answers, that scan ends the block at the same `}`, with no directive
        /// inside and its head reset, and keeps no region within it (regions are outermost).
        /// </summary>
        private int? SkipBlock(int open)
        {
            var nesting = _nesting;
            nesting.Clear();
            var i = open + 1;
            while (true)
            {
                var next = text.AsSpan(i).IndexOfAny(BlockSignificant);
                if (next < 0)
                {
                    return null;
                }
                i += next;
                var c = text[i];
                switch (c)
                {
                    case '{' or '[':
                        nesting.Push(c);
                        i++;
                        break;
                    case '}' when nesting.Count == 0:
                        return i;
                    case '}' or ']':
                        if (nesting.Count == 0 || nesting.Pop() != (c == '}' ? '{' : '['))
                        {
                            return null;
                        }
                        i++;
                        break;
                    case '#':
                        if (StartsLine(i))
                        {
                            return null;
                        }
                        i++;
                        break;
                    case '/' when i + 1 < text.Length && text[i + 1] == '/':
                        i = EndOfLine(i);
                        break;
                    case '/' when i + 1 < text.Length && text[i + 1] == '*':
                        if (!SkipBlockComment(ref i))
                        {
                            return null;
                        }
                        break;
                    case '/':
                        i++;
                        break;
                    default:
                        // A quote: the literal starts at a `$` or `@` just before it (one; longer runs are left to the scan).
                        var start = i;
                        if (c == '"' && text[i - 1] is '$' or '@')
                        {
                            if (text[i - 2] is '$' or '@')
                            {
                                return null;
                            }
                            start--;
                        }
                        if (!SkipLiteral(ref start))
                        {
                            return null;
                        }
                        i = start;
                        break;
                }
            }
        }

        /// <summary>Where the line that goes on at <paramref name="at"/> breaks (the text's end when it does not).</summary>
        private int EndOfLine(int at)
        {
            var lineBreak = text.AsSpan(at).IndexOfAny(LineBreaks);
            return lineBreak < 0 ? text.Length : at + lineBreak;
        }

        /// <summary>True when only white space precedes <paramref name="at"/> on its line.</summary>
        private bool StartsLine(int at)
        {
            var i = at - 1;
            while (i >= 0 && !IsLineBreak(text[i]) && char.IsWhiteSpace(text[i]))
            {
                i--;
            }
            return i < 0 || IsLineBreak(text[i]);
        }

        /// <summary>A `{` that opens a block (after a parameter list, `=>` or an accessor keyword) or an initializer
        /// (after `=`, or `new T(…)`, `new T[]`, `new T`).</summary>
        private bool OpensBraceRegion() =>
            !_headEmpty && !_headExcluded && _headDirectives == _directives
            && ((_last == Last.CloseParen && _headParen) || _last is Last.Arrow or Last.Assign
                || (_last == Last.Accessor && _headAccessorWordsOnly)
                || (_headNew && _last is Last.CloseParen or Last.CloseBracket or Last.Word));

        /// <summary>A member's `=>` (after its parameters, its name or an accessor keyword, in a type's body or at the top of
        /// the file); not a lambda's, whose head holds an `=` or an open parenthesis, nor one in a block or a switch.</summary>
        private bool OpensArrowRegion() =>
            !_headEmpty && !_headExcluded && !_headAssign && _headParens == 0 && _headDirectives == _directives
            && (_braces.Count == 0 || _braces[^1] is { Bracket: '{', Region: false })
            && _last is Last.CloseParen or Last.CloseBracket or Last.Word or Last.Accessor;

        /// <summary>A `[` that opens a collection expression (`= [`, `=> [`); elsewhere it is an attribute or an index.</summary>
        private bool OpensCollectionRegion() =>
            !_headEmpty && !_headExcluded && _headDirectives == _directives && _last is Last.Arrow or Last.Assign;

        private void ResetHead()
        {
            _headDirectives = _directives;
            _headParen = false;
            _headParens = 0;
            _headAssign = false;
            _headExcluded = false;
            _headNew = false;
            _headAccessorWordsOnly = true;
            _headEmpty = true;
            _last = Last.Other;
        }

        private void Token(Last last, bool paren)
        {
            _headEmpty = false;
            _headParen |= paren;
            _headAccessorWordsOnly = false;
            _last = last;
        }

        private void Word(ReadOnlySpan<char> word)
        {
            if (_arrow is { } arrow && _braces.Count == arrow.Braces && _arrowParens.Count == 0 && MemberWords.Contains(word))
            {
                _arrow = arrow with { Broken = true };
            }
            _headEmpty = false;
            _headExcluded |= NoRegionHeads.Contains(word);
            _headAccessorWordsOnly &= AccessorHeadWords.Contains(word);
            var isNew = word.SequenceEqual("new");
            _headNew |= isNew;
            // `new {` is an anonymous type, whose braces are neither block nor initializer.
            _last = isNew ? Last.New : Accessors.Contains(word) ? Last.Accessor : Last.Word;
        }

        private bool SkipBlockComment(ref int i)
        {
            var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            if (end < 0 || HasDirectiveLine(i, end))
            {
                return false;
            }
            i = end + 2;
            return true;
        }

        /// <summary>Skips a string or character literal starting at <paramref name="i"/> (its `$`, `@` or quote).</summary>
        private bool SkipLiteral(ref int i)
        {
            var start = i;
            var dollars = 0;
            var verbatim = false;
            while (i < text.Length && text[i] is '$' or '@')
            {
                dollars += text[i] == '$' ? 1 : 0;
                verbatim |= text[i] == '@';
                i++;
            }
            if (i >= text.Length || dollars > 1 || i - start > 2)
            {
                return false;
            }
            if (text[i] == '\'')
            {
                return start == i && SkipQuoted(ref i, '\'', verbatim: false, interpolated: false);
            }
            if (text[i] != '"' || (i + 2 < text.Length && text[i + 1] == '"' && text[i + 2] == '"'))
            {
                // Raw strings (`"""`) are left to Roslyn.
                return false;
            }
            return SkipQuoted(ref i, '"', verbatim, interpolated: dollars == 1) && (!verbatim || !HasDirectiveLine(start, i));
        }

        private bool SkipQuoted(ref int i, char quote, bool verbatim, bool interpolated)
        {
            i++;
            while (i < text.Length)
            {
                var c = text[i];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (c == quote)
                {
                    if (verbatim && next == quote)
                    {
                        i += 2;
                        continue;
                    }
                    i++;
                    return true;
                }
                if (!verbatim && IsLineBreak(c))
                {
                    return false;
                }
                if (!verbatim && c == '\\')
                {
                    i += 2;
                    continue;
                }
                if (interpolated && c is '{' or '}')
                {
                    if (next == c)
                    {
                        i += 2;
                        continue;
                    }
                    if (c == '}')
                    {
                        return false;
                    }
                    i++;
                    if (!SkipHole(ref i))
                    {
                        return false;
                    }
                    continue;
                }
                i++;
            }
            return false;
        }

        /// <summary>Skips an interpolation hole's expression (and format) to just past its closing brace.</summary>
        private bool SkipHole(ref int i)
        {
            int braces = 0, parens = 0;
            var start = i;
            while (i < text.Length)
            {
                var c = text[i];
                var next = i + 1 < text.Length ? text[i + 1] : '\0';
                if (c is '"' or '\'' || (c == '@' && next is '"' or '$') || (c == '$' && next is '"' or '@' or '$'))
                {
                    if (!SkipLiteral(ref i))
                    {
                        return false;
                    }
                    continue;
                }
                if (c == '/' && next is '/' or '*')
                {
                    // Comments in holes are rare; leave them to Roslyn.
                    return false;
                }
                switch (c)
                {
                    case '{':
                        braces++;
                        break;
                    case '}' when braces == 0:
                        i++;
                        return !HasDirectiveLine(start, i);
                    case '}':
                        braces--;
                        break;
                    case '(' or '[':
                        parens++;
                        break;
                    case ')' or ']':
                        parens--;
                        break;
                    case ':' when braces == 0 && parens == 0 && next != ':' && text[i - 1] != ':':
                        // The format: plain text to the closing brace.
                        var close = text.IndexOf('}', i);
                        if (close < 0)
                        {
                            return false;
                        }
                        i = close + 1;
                        return !HasDirectiveLine(start, i);
                    default:
                        break;
                }
                i++;
            }
            return false;
        }

        /// <summary>True when a line inside [from, to) starts with `#`: Roslyn may take it for a directive (in disabled
        /// text it reads no strings or comments), so the scan and the parser could disagree.</summary>
        private bool HasDirectiveLine(int from, int to)
        {
            for (var i = from; i < to && i < text.Length; i++)
            {
                if (!IsLineBreak(text[i]))
                {
                    continue;
                }
                var j = i + 1;
                while (j < text.Length && !IsLineBreak(text[j]) && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }
                if (j < text.Length && text[j] == '#')
                {
                    return true;
                }
            }
            return false;
        }
    }
}
