using System.Buffers;
using System.Collections.Immutable;
using System.Text;

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
/// initializer (a brace after `=` or after `new T(…)`), or a collection expression (`= [`, `=> [`: Humanizer's tables of
/// words), never one whose head names a type, a namespace, `switch` or a pattern (`is`, `case`).
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

    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r\u0085\u2028\u2029");

    // Inside a block only brackets, literals, comments and directives matter to the scan (see Scanner.SkipBlock).
    private static readonly SearchValues<char> BlockSignificant = SearchValues.Create("{}[]\"'/#");

    /// <summary>The text with its blocks and initializers blanked, and each region's open and close bracket in it; null when
    /// nothing was blanked or the scan cannot follow the text (a raw string, a preprocessor line inside a comment or
    /// string, unbalanced braces).</summary>
    public static (string Text, ImmutableArray<(int Open, int Close)> Regions)? Blank(string text) => Blank(text, skipBlocks: true);

    /// <summary><see cref="Blank(string)"/>; <paramref name="skipBlocks"/> false scans a block's inside token by token
    /// like the rest of the text (the tests compare the two).</summary>
    internal static (string Text, ImmutableArray<(int Open, int Close)> Regions)? Blank(string text, bool skipBlocks)
    {
        var regions = new Scanner(text, skipBlocks).Regions();
        if (regions is null || regions.Count == 0)
        {
            return null;
        }
        var blanked = new StringBuilder(text.Length / 2);
        var moved = ImmutableArray.CreateBuilder<(int Open, int Close)>(regions.Count);
        var from = 0;
        foreach (var (open, close) in regions)
        {
            blanked.Append(text, from, open + 1 - from);
            var movedOpen = blanked.Length - 1;
            KeepLineBreaks(blanked, text.AsSpan(open + 1, close - open - 1));
            moved.Add((movedOpen, blanked.Length));
            from = close;
        }
        blanked.Append(text, from, text.Length - from);
        return (blanked.ToString(), moved.MoveToImmutable());
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

        // What came since the last `;`, `{` or `}` (the head of a brace).
        private int _headDirectives;
        private bool _headParen;
        private bool _headExcluded;
        private bool _headNew;
        private bool _headAccessorWordsOnly;
        private bool _headEmpty;
        private Last _last;

        private enum Last { Other, CloseParen, CloseBracket, Arrow, Assign, Accessor, Word, New }

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
                while (_i < text.Length && !IsLineBreak(text[_i]))
                {
                    _i++;
                }
                return true;
            }
            _lineStart = false;
            var next = _i + 1 < text.Length ? text[_i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (_i < text.Length && !IsLineBreak(text[_i]))
                {
                    _i++;
                }
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
                    Token(Last.Other, paren: true);
                    break;
                case ')':
                    Token(Last.CloseParen, paren: false);
                    break;
                case '=' when next == '>':
                    _i++;
                    Token(Last.Arrow, paren: false);
                    break;
                case '=' when next != '=' && (_i < 2 || text[_i - 2] is not ('=' or '!' or '<' or '>' or '+' or '-' or '*' or '/' or '%' or '&' or '|' or '^' or '?')):
                    Token(Last.Assign, paren: false);
                    break;
                default:
                    Token(Last.Other, paren: false);
                    break;
            }
            return true;
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
                        var lineBreak = text.AsSpan(i).IndexOfAny(LineBreaks);
                        i = lineBreak < 0 ? text.Length : i + lineBreak;
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

        /// <summary>A `[` that opens a collection expression (`= [`, `=> [`); elsewhere it is an attribute or an index.</summary>
        private bool OpensCollectionRegion() =>
            !_headEmpty && !_headExcluded && _headDirectives == _directives && _last is Last.Arrow or Last.Assign;

        private void ResetHead()
        {
            _headDirectives = _directives;
            _headParen = false;
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
