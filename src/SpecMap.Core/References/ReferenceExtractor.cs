using System.Collections.Immutable;
using System.Globalization;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;

namespace SpecMap.Core.References;

/// <summary>
/// Walks a whole mapping and finds the references in whatever shape the team used (contract §1):
/// compact strings, object forms, sibling symbol keys and lists of lines. URLs and prose are ignored.
/// </summary>
internal sealed class ReferenceExtractor
{
    private readonly string _mappingPath;
    private readonly string _text;
    private readonly LineTable _lines;
    private readonly Func<string, bool> _fileExists;
    private readonly Func<string, bool> _directoryExists;
    private readonly ImmutableArray<MappingReference>.Builder _references = ImmutableArray.CreateBuilder<MappingReference>();
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

    /// <param name="fileExists">Whether a path (as written) names a file; decides for strings without a known extension.</param>
    /// <param name="directoryExists">Whether a path names a directory (such a string is reported as not checked, SMV0005).</param>
    public ReferenceExtractor(string mappingPath, string text, LineTable lines, Func<string, bool> fileExists, Func<string, bool>? directoryExists = null)
    {
        _directoryExists = directoryExists ?? (_ => false);
        _mappingPath = mappingPath;
        _text = text;
        _lines = lines;
        _fileExists = fileExists;
    }

    public (ImmutableArray<MappingReference> References, ImmutableArray<Diagnostic> Diagnostics) Extract(JsonValueNode root)
    {
        Walk(root, string.Empty, string.Empty, parentKey: null);
        return (_references.ToImmutable(), _diagnostics.ToImmutable());
    }

    private void Walk(JsonValueNode node, string pointer, string itemPointer, string? parentKey)
    {
        switch (node)
        {
            case JsonObjectNode obj:
                WalkObject(obj, pointer);
                break;
            case JsonArrayNode array:
                for (var i = 0; i < array.Items.Length; i++)
                {
                    Walk(array.Items[i], JsonPointer.Append(pointer, i), itemPointer, parentKey);
                }
                break;
            case JsonStringNode text:
                AddCompact(text, pointer, itemPointer, parentKey);
                break;
        }
    }

    private void WalkObject(JsonObjectNode obj, string pointer)
    {
        // A handful of keys at most: a list allocates nothing until a key is added (most objects are no reference).
        var consumed = new List<string>();
        if (TryObjectForm(obj, pointer, consumed))
        {
            consumed.AddRange(MappingKeys.SymbolKeys);
        }
        var before = _references.Count;
        foreach (var member in obj.Members)
        {
            if (consumed.Contains(member.Name) || MappingKeys.NotReferences.Contains(member.Name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            var memberPointer = JsonPointer.Append(pointer, member.Name);
            // A string or a list of strings is a value of this item; an object or a list of objects holds items of its own.
            if (member.Value is JsonStringNode or JsonArrayNode && !IsContainer(member.Value))
            {
                Walk(member.Value, memberPointer, pointer, member.Name);
            }
            else
            {
                Walk(member.Value, memberPointer, memberPointer, member.Name);
            }
        }
        AttachSiblingSymbol(obj, pointer, before);
    }

    /// <summary>Arrays of objects are sections holding items; arrays of strings are values of this item.</summary>
    private static bool IsContainer(JsonValueNode value) =>
        value is JsonArrayNode array && array.Items.Any(i => i is JsonObjectNode);

    /// <summary>`{ "file": ..., "lines": ..., "symbol": ... }`.</summary>
    private bool TryObjectForm(JsonObjectNode obj, string pointer, List<string> consumed)
    {
        string? pathKey = null;
        JsonStringNode? pathNode = null;
        foreach (var key in MappingKeys.PathKeys)
        {
            if (obj.Get(key) is JsonStringNode node)
            {
                (pathKey, pathNode) = (key, node);
                break;
            }
        }
        if (pathKey is null || pathNode is null)
        {
            return false;
        }
        var parsed = CompactReference.TryParse(pathNode.Value);
        if (parsed is null || !LooksLikeFile(parsed))
        {
            return false;
        }
        consumed.Add(pathKey);
        var ranges = new List<LineRange>(parsed.Ranges);
        if (ReadLineKeys(obj, pointer, consumed) is { } fromKeys)
        {
            ranges = fromKeys;
        }
        string? symbol = parsed.IsMarkdown ? null : parsed.Fragment;
        var source = symbol is null ? SymbolSource.None : SymbolSource.Fragment;
        foreach (var key in MappingKeys.SymbolKeys)
        {
            if (symbol is null && obj.GetString(key) is { Length: > 0 } value)
            {
                symbol = value.Trim();
                source = SymbolSource.ObjectKey;
            }
        }
        var anchor = parsed.IsMarkdown ? parsed.Fragment : null;
        var kind = KindOf(parsed, parentKey: null);
        Add(obj, pointer, pointer, kind, ReferenceStyle.Object, Original(obj), parsed.Path, ranges, symbol, anchor, source);
        return true;
    }

    /// <summary>Reads `line`, `lines`, `start_line`/`end_line`; null when none is present.</summary>
    private List<LineRange>? ReadLineKeys(JsonObjectNode obj, string pointer, List<string> consumed)
    {
        var ranges = new List<LineRange>();
        foreach (var key in MappingKeys.LineKeys)
        {
            var value = obj.Get(key);
            if (value is null)
            {
                continue;
            }
            consumed.Add(key);
            switch (value)
            {
                case JsonNumberNode number when number.IsInteger:
                    ranges.Add(new LineRange((int)number.Value, (int)number.Value));
                    break;
                case JsonStringNode text when CompactReference.TryParseLines(text.Value, ranges):
                    break;
                case JsonArrayNode { Items: [JsonNumberNode a, JsonNumberNode b] }:
                    ranges.Add(new LineRange((int)a.Value, (int)b.Value));
                    break;
                case JsonArrayNode array when array.Items.All(i => i is JsonNumberNode):
                    ranges.AddRange(array.Items.Cast<JsonNumberNode>().Select(n => new LineRange((int)n.Value, (int)n.Value)));
                    break;
                default:
                    Shape(value, JsonPointer.Append(pointer, key), $"'{key}' must be a line number or a range like \"12-40\"");
                    break;
            }
            return ranges;
        }
        var start = FirstNumber(obj, consumed, MappingKeys.StartLineKeys);
        var end = FirstNumber(obj, consumed, MappingKeys.EndLineKeys);
        if (start is null)
        {
            return null;
        }
        ranges.Add(new LineRange(start.Value, end ?? start.Value));
        return ranges;
    }

    private static int? FirstNumber(JsonObjectNode obj, List<string> consumed, ImmutableArray<string> keys)
    {
        foreach (var key in keys)
        {
            switch (obj.Get(key))
            {
                case JsonNumberNode number when number.IsInteger:
                    consumed.Add(key);
                    return (int)number.Value;
                case JsonStringNode text when int.TryParse(text.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value):
                    consumed.Add(key);
                    return value;
            }
        }
        return null;
    }

    private void AddCompact(JsonStringNode node, string pointer, string itemPointer, string? parentKey)
    {
        var value = node.Value;
        var parsed = CompactReference.TryParse(value);
        if (parsed is not null && LooksLikeFile(parsed))
        {
            AddParsed(node, pointer, itemPointer, parentKey, parsed, 0, -1);
            return;
        }
        if (parsed is null && UncheckedText.JoinedParts(value) is { } parts
            && parts.Any(p => CompactReference.TryParse(value[p.Start..p.End]) is { } part && LooksLikeFile(part)))
        {
            foreach (var (start, end) in parts)
            {
                var text = value[start..end];
                var part = CompactReference.TryParse(text);
                if (part is not null && LooksLikeFile(part))
                {
                    AddParsed(node, pointer, itemPointer, parentKey, part, start, end);
                }
                else
                {
                    NotChecked(node, pointer, $"'{text}', joined to references in '{value}', is not one: "
                        + (part is null ? UncheckedText.WhyNotParsed(text) : UncheckedText.WhyNotAFile(part, _directoryExists)
                            ?? "it names no file in the repository"));
                }
            }
            return;
        }
        var why = parsed is null
            ? UncheckedText.WhyNotParsed(value, parentKey is not null && MappingKeys.PathKeys.Contains(parentKey)) ?? UncheckedText.WhyDirectory(value, _directoryExists)
            : UncheckedText.WhyNotAFile(parsed, _directoryExists, parentKey);
        if (why is not null)
        {
            NotChecked(node, pointer, $"'{Shorten(value)}' looks like a reference but is not checked, because {why}");
        }
    }

    private void AddParsed(JsonStringNode node, string pointer, string itemPointer, string? parentKey, CompactReference parsed, int segmentStart, int segmentEnd)
    {
        var kind = KindOf(parsed, parentKey);
        var symbol = parsed.IsMarkdown ? null : parsed.Fragment;
        var anchor = parsed.IsMarkdown ? parsed.Fragment : null;
        Add(node, pointer, itemPointer, kind, ReferenceStyle.Compact, node.Value, parsed.Path, parsed.Ranges, symbol, anchor,
            symbol is null ? SymbolSource.None : SymbolSource.Fragment, segmentStart, segmentEnd);
    }

    private void NotChecked(JsonValueNode node, string pointer, string message)
    {
        var (line, column) = _lines.Position(node.Start);
        _diagnostics.Add(RuleCatalog.Create(RuleIds.ReferenceNotChecked, message, new MappingLocation(_mappingPath, line, column), pointer));
    }

    private static string Shorten(string value) => value.Length <= 120 ? value : value[..100] + "…";

    private void Add(JsonValueNode node, string pointer, string itemPointer, ReferenceKind kind, ReferenceStyle style, string original,
        string path, IReadOnlyList<LineRange> ranges, string? symbol, string? anchor, SymbolSource source, int segmentStart = 0, int segmentEnd = -1)
    {
        var (line, column) = _lines.Position(node.Start);
        var location = new MappingLocation(_mappingPath, line, column);
        if (ranges.Count == 0)
        {
            _references.Add(new MappingReference(pointer, kind, style, original, path, null, null, symbol, anchor, source, location, itemPointer, 0, node,
                segmentStart, segmentEnd));
            return;
        }
        for (var part = 0; part < ranges.Count; part++)
        {
            var range = ranges[part];
            if (!range.IsValid)
            {
                _diagnostics.Add(RuleCatalog.Create(RuleIds.ShapeError,
                    range.Start < 1 ? $"line {range.Start} does not exist, since lines start at 1; write ':1' for the first line" : $"line range '{range.Start}-{range.End}' ends before it starts; write it as '{range.End}-{range.Start}'",
                    location, pointer));
                continue;
            }
            _references.Add(new MappingReference(pointer, kind, style, original, path, range.Start, range.End, symbol, anchor, source,
                location, itemPointer, part, node, segmentStart, segmentEnd));
        }
    }

    /// <summary>A symbol key beside exactly one code reference of the same item names that reference's symbol.</summary>
    private void AttachSiblingSymbol(JsonObjectNode obj, string pointer, int firstNew)
    {
        var symbol = MappingKeys.SymbolKeys.Select(obj.GetString).FirstOrDefault(s => s is { Length: > 0 });
        if (symbol is null)
        {
            return;
        }
        var candidates = new List<int>();
        for (var i = firstNew; i < _references.Count; i++)
        {
            var reference = _references[i];
            if (reference.ItemPointer == pointer && reference.Kind == ReferenceKind.Code && reference.Style == ReferenceStyle.Compact)
            {
                candidates.Add(i);
            }
        }
        var distinct = candidates.Select(i => _references[i].Pointer).Distinct(StringComparer.Ordinal).Count();
        // Joined references to different files (`a.py:12 and b.py:40`) do not share one symbol.
        if (distinct != 1 || candidates.Select(i => _references[i].Path).Distinct(StringComparer.Ordinal).Count() != 1)
        {
            return;
        }
        foreach (var i in candidates)
        {
            if (_references[i].Symbol is null)
            {
                _references[i] = _references[i] with { Symbol = symbol.Trim(), SymbolSource = SymbolSource.Sibling };
            }
        }
    }

    private bool LooksLikeFile(CompactReference parsed) => parsed.HasKnownExtension || _fileExists(parsed.Path);

    private static ReferenceKind KindOf(CompactReference parsed, string? parentKey)
    {
        if (parsed.IsMarkdown)
        {
            return ReferenceKind.Doc;
        }
        return parentKey is not null && parentKey.Contains(MappingKeys.ModelWord, StringComparison.OrdinalIgnoreCase) ? ReferenceKind.Model : ReferenceKind.Code;
    }

    private string Original(JsonObjectNode obj) => _text[obj.Start..obj.End];

    private void Shape(JsonValueNode node, string pointer, string message)
    {
        var (line, column) = _lines.Position(node.Start);
        _diagnostics.Add(RuleCatalog.Create(RuleIds.ShapeError, message, new MappingLocation(_mappingPath, line, column), pointer));
    }
}
