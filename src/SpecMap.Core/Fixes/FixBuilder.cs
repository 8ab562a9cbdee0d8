using System.Collections.Immutable;
using System.Globalization;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;
using SpecMap.Core.Results;

namespace SpecMap.Core.Fixes;

/// <summary>
/// Turns a relocated reference into format-preserving edits of the mapping text: only the values that changed
/// (path, line numbers, symbol) are replaced, in the style the team wrote them (compact stays compact, a basename
/// stays a basename while unique, a number stays a number, a single line stays a single line).
/// </summary>
internal static class FixBuilder
{
    private static readonly string VerifiedAtPointer = JsonPointer.Append(string.Empty, MappingKeys.VerifiedAt);

    /// <summary>The fix for <paramref name="finding"/> on <paramref name="result"/>'s reference, or null when there is none.</summary>
    /// <param name="renameThreshold">Guesses (unsafe fixes) below this confidence get no fix.</param>
    /// <param name="paths">Resolves paths in the checked tree, so a basename is kept only while it still names the target alone.</param>
    public static MappingFix? ForReference(MappingDocument document, ReferenceResult result, Finding finding, double renameThreshold,
        PathResolver? paths = null)
    {
        var rule = RuleCatalog.Get(finding.RuleId);
        if (!rule.IsRelocation || result.Target is not { } target || result.ResolvedPath is null)
        {
            return null;
        }
        var safety = rule.Fix;
        var confidence = result.Outcome.Confidence;
        if (safety == FixSafety.None || (safety == FixSafety.Unsafe && confidence < renameThreshold))
        {
            return null;
        }
        var reference = result.Reference;
        var fileChanges = !string.Equals(target.File, result.ResolvedPath, StringComparison.Ordinal);
        // One string holding a list of lines has one path: a part that moved to another file alone cannot be written.
        var shared = SharedLineLists.IsShared(document, reference);
        if (fileChanges && shared && finding.RuleId is not (RuleIds.FileRenamed or RuleIds.FileNotFound))
        {
            return null;
        }
        // A safe finding can ride along with a guess on the same reference (a rename found, lines mapped through a
        // low-confidence diff): then only the path is certain, and lines and symbol stay as written.
        var guessBelowThreshold = confidence < renameThreshold
            && result.Outcome.Findings.Any(f => RuleCatalog.Get(f.RuleId).Fix == FixSafety.Unsafe);
        var edits = new ReferenceEdits(document, reference, result.ResolvedPath, target, paths, pathOnly: guessBelowThreshold).Build();
        if (edits.IsEmpty)
        {
            return null;
        }
        var where = target.Start == target.End
            ? $"{target.File}:{target.Start.ToString(CultureInfo.InvariantCulture)}"
            : $"{target.File}:{target.Start.ToString(CultureInfo.InvariantCulture)}-{target.End.ToString(CultureInfo.InvariantCulture)}";
        var description = target.Symbol is null ? $"point the reference at {where}" : $"point the reference at {where} ({target.Symbol})";
        return new MappingFix(description, safety, edits, confidence);
    }

    /// <summary>The edit that records `verified_at` = <paramref name="commitId"/>, or null when it already holds it.</summary>
    public static MappingEdit? VerifiedAt(MappingDocument document, string commitId)
    {
        if (document.Root is not JsonObjectNode root)
        {
            return null;
        }
        var text = document.Text;
        var quoted = $"\"{JsonStringLiteral.Encode(commitId)}\"";
        if (root.Members.FirstOrDefault(m => m.Name == MappingKeys.VerifiedAt) is { } member)
        {
            if (member.Value is JsonStringNode { Value: var current } && current == commitId)
            {
                return null;
            }
            return new MappingEdit(VerifiedAtPointer, member.Value.Start, text[member.Value.Start..member.Value.End], quoted);
        }
        var entry = $"\"{MappingKeys.VerifiedAt}\": {quoted}";
        var brace = root.Start + 1;
        if (root.Members.IsEmpty)
        {
            return new MappingEdit(VerifiedAtPointer, brace, string.Empty, entry);
        }
        var first = root.Members[0].NameStart;
        var lineStart = text.LastIndexOfAny(['\n', '\r'], first - 1) + 1;
        var indent = text[lineStart..first];
        if (lineStart > brace && indent.All(c => c is ' ' or '\t'))
        {
            // The first member has a line of its own: add ours on a line above it, same indentation, same line ending.
            var newline = lineStart >= 2 && text[lineStart - 2] == '\r' && text[lineStart - 1] == '\n' ? "\r\n"
                : text[lineStart - 1] == '\r' ? "\r" : "\n";
            return new MappingEdit(VerifiedAtPointer, lineStart, string.Empty, $"{indent}{entry},{newline}");
        }
        // `{ "a": 1, ... }` on one line (or a comment before the first member): put ours right before the first member.
        return new MappingEdit(VerifiedAtPointer, first, string.Empty, $"{entry}, ");
    }

    /// <summary>The edit that removes `verified_at` (with its separator), or null when the mapping has none.</summary>
    public static MappingEdit? RemoveVerifiedAt(MappingDocument document)
    {
        if (document.Root is not JsonObjectNode root)
        {
            return null;
        }
        var index = root.Members.IndexOf(root.Members.FirstOrDefault(m => m.Name == MappingKeys.VerifiedAt)!);
        if (index < 0)
        {
            return null;
        }
        var member = root.Members[index];
        // Up to the next member keeps this line's indentation for it; the last member takes the comma before it.
        var (start, end) = index + 1 < root.Members.Length ? (member.NameStart, root.Members[index + 1].NameStart)
            : index > 0 ? (root.Members[index - 1].Value.End, member.Value.End)
            : (member.NameStart, member.Value.End);
        return new MappingEdit(VerifiedAtPointer, start, document.Text[start..end], string.Empty);
    }

    /// <summary>Builds the edits of one reference.</summary>
    private sealed class ReferenceEdits(MappingDocument document, MappingReference reference, string resolvedPath, ResolvedTarget target,
        PathResolver? paths, bool pathOnly)
    {
        private readonly ImmutableArray<MappingEdit>.Builder _edits = ImmutableArray.CreateBuilder<MappingEdit>();

        public ImmutableArray<MappingEdit> Build()
        {
            if (reference.Style == ReferenceStyle.Compact && reference.Node is JsonStringNode text)
            {
                EditCompact(text, linesHere: true, symbolHere: reference.SymbolSource == SymbolSource.Fragment);
            }
            else if (reference.Node is JsonObjectNode obj)
            {
                EditObject(obj);
            }
            if (!pathOnly && reference.SymbolSource is SymbolSource.Sibling or SymbolSource.ObjectKey
                && document.At(reference.SymbolSource == SymbolSource.Sibling ? reference.ItemPointer : reference.Pointer) is JsonObjectNode holder)
            {
                EditSymbolKey(holder);
            }
            return [.. _edits.OrderBy(e => e.Offset)];
        }

        private void EditObject(JsonObjectNode obj)
        {
            var pathNode = MappingKeys.PathKeys.Select(obj.Get).OfType<JsonStringNode>().FirstOrDefault();
            if (pathNode is null)
            {
                return;
            }
            var lineKeysPresent = MappingKeys.LineKeys.Any(k => obj.Get(k) is not null) || MappingKeys.StartLineKeys.Any(k => IsLineNumber(obj.Get(k)));
            EditCompact(pathNode, linesHere: !lineKeysPresent, symbolHere: reference.SymbolSource == SymbolSource.Fragment);
            if (pathOnly || !lineKeysPresent || reference.Start is null)
            {
                return;
            }
            if (MappingKeys.LineKeys.Select(obj.Get).FirstOrDefault(v => v is not null) is { } lines)
            {
                EditLinesValue(lines);
                return;
            }
            var start = MappingKeys.StartLineKeys.Select(obj.Get).FirstOrDefault(IsLineNumber);
            var end = MappingKeys.EndLineKeys.Select(obj.Get).FirstOrDefault(IsLineNumber);
            EditNumber(start, target.Start);
            EditNumber(end, target.End);
        }

        /// <summary>`"line": 12`, `"lines": "12-40"`, `"lines": [12, 40]`, `"lines": [12, 30, 44]`.</summary>
        private void EditLinesValue(JsonValueNode value)
        {
            switch (value)
            {
                case JsonNumberNode number:
                    EditNumber(number, target.Start);
                    break;
                case JsonStringNode text:
                {
                    var literal = new JsonStringLiteral(document.Text, text);
                    EditParts(literal, CompactSpans.NumberParts(literal.Value, 0, literal.Value.Length));
                    break;
                }
                case JsonArrayNode { Items: [JsonNumberNode a, JsonNumberNode b] }:
                    EditNumber(a, target.Start);
                    EditNumber(b, target.End);
                    break;
                case JsonArrayNode array when reference.Part < array.Items.Length:
                    EditNumber(array.Items[reference.Part], target.Start);
                    break;
            }
        }

        private static bool IsLineNumber(JsonValueNode? node) =>
            node is JsonNumberNode { IsInteger: true } || (node is JsonStringNode s && int.TryParse(s.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _));

        /// <summary>Replaces a number, keeping a number a number and a numeric string a string.</summary>
        private void EditNumber(JsonValueNode? node, int value)
        {
            var written = value.ToString(CultureInfo.InvariantCulture);
            switch (node)
            {
                case JsonNumberNode number when number.Raw != written:
                    _edits.Add(new MappingEdit(reference.Pointer, number.Start, document.Text[number.Start..number.End], written));
                    break;
                case JsonStringNode text:
                {
                    var literal = new JsonStringLiteral(document.Text, text);
                    var digits = CompactSpans.NumberParts(literal.Value, 0, literal.Value.Length);
                    if (digits is [[var span, ..], ..])
                    {
                        Add(literal.Replace(reference.Pointer, span.Start, span.End, written));
                    }
                    break;
                }
            }
        }

        /// <summary>Edits a compact string (or the `file` value of an object): path, its lines when they live here, its fragment.</summary>
        private void EditCompact(JsonStringNode node, bool linesHere, bool symbolHere)
        {
            var literal = new JsonStringLiteral(document.Text, node);
            var spans = reference.IsJoined && node == reference.Node
                ? CompactSpans.Parse(literal.Value, reference.SegmentStart, reference.SegmentEnd < 0 ? literal.Value.Length : reference.SegmentEnd)
                : CompactSpans.Parse(literal.Value);
            var writtenPath = literal.Value[spans.Path.Start..spans.Path.End];
            if (NewPath(writtenPath) is { } path)
            {
                Add(literal.Replace(reference.Pointer, spans.Path.Start, spans.Path.End, path));
            }
            if (pathOnly)
            {
                return;
            }
            if (linesHere && reference.Start is not null)
            {
                EditParts(literal, spans.LineParts);
            }
            if (spans.Fragment is { } fragment)
            {
                var written = literal.Value[fragment.Start..fragment.End];
                var replacement = reference.Kind == ReferenceKind.Doc ? NewAnchor(written) : symbolHere ? NewSymbol(written) : null;
                if (replacement is not null)
                {
                    Add(literal.Replace(reference.Pointer, fragment.Start, fragment.End, replacement));
                }
            }
        }

        /// <summary>The numbers of this reference's part of a lines list: one number becomes the start, two become start and end.</summary>
        private void EditParts(JsonStringLiteral literal, IReadOnlyList<IReadOnlyList<TextSpan>> parts)
        {
            if (reference.Part >= parts.Count)
            {
                return;
            }
            var numbers = parts[reference.Part];
            Add(literal.Replace(reference.Pointer, numbers[0].Start, numbers[0].End, target.Start.ToString(CultureInfo.InvariantCulture)));
            if (numbers.Count > 1)
            {
                Add(literal.Replace(reference.Pointer, numbers[^1].Start, numbers[^1].End, target.End.ToString(CultureInfo.InvariantCulture)));
            }
        }

        private void EditSymbolKey(JsonObjectNode holder)
        {
            var node = MappingKeys.SymbolKeys.Select(holder.Get).OfType<JsonStringNode>().FirstOrDefault(s => s.Value.Trim().Length > 0);
            if (node is null)
            {
                return;
            }
            var literal = new JsonStringLiteral(document.Text, node);
            var lead = literal.Value.Length - literal.Value.TrimStart().Length;
            var trimmed = literal.Value.Trim();
            if (NewSymbol(trimmed) is { } symbol)
            {
                Add(literal.Replace(reference.Pointer, lead, lead + trimmed.Length, symbol));
            }
        }

        /// <summary>
        /// The path to write, or null when it stays. A basename stays a basename while it still names the target alone;
        /// a path relative to `docs_root` stays relative to it; `./` and backslashes are kept.
        /// </summary>
        private string? NewPath(string written)
        {
            if (string.Equals(target.File, resolvedPath, StringComparison.Ordinal))
            {
                return null;
            }
            var normalized = reference.Path;
            string? candidate = null;
            if (reference.IsBareName)
            {
                var name = target.File[(target.File.LastIndexOf('/') + 1)..];
                if (Names(name))
                {
                    candidate = name;
                }
            }
            if (candidate is null && resolvedPath.EndsWith("/" + normalized, StringComparison.Ordinal) && !reference.IsBareName)
            {
                var prefix = resolvedPath[..^normalized.Length];
                if (target.File.StartsWith(prefix, StringComparison.Ordinal) && Names(target.File[prefix.Length..]))
                {
                    candidate = target.File[prefix.Length..];
                }
            }
            candidate ??= target.File;
            var trimmed = written.Trim();
            if (trimmed.Contains('\\', StringComparison.Ordinal))
            {
                candidate = candidate.Replace('/', '\\');
            }
            if (trimmed.StartsWith("./", StringComparison.Ordinal) || trimmed.StartsWith(".\\", StringComparison.Ordinal))
            {
                candidate = trimmed[..2] + candidate;
            }
            return candidate;
        }

        /// <summary>Whether <paramref name="written"/> resolves to the target in the checked tree (assumed when no resolver is given).</summary>
        private bool Names(string written) =>
            paths is null || string.Equals(paths.Resolve(written, reference.Kind).Path, target.File, StringComparison.Ordinal);

        /// <summary>
        /// The symbol to write after a rename or move, or null when the written one still names the target. Keeps the
        /// written qualification depth (`Class.method` stays two parts) and a C# parameter list as written.
        /// </summary>
        private string? NewSymbol(string written)
        {
            if (target.Symbol is null)
            {
                return null;
            }
            var open = written.IndexOf('(', StringComparison.Ordinal);
            var name = (open >= 0 ? written[..open] : written).Trim();
            var parameters = open >= 0 ? written[open..] : string.Empty;
            var targetOpen = target.Symbol.IndexOf('(', StringComparison.Ordinal);
            var targetName = (targetOpen >= 0 ? target.Symbol[..targetOpen] : target.Symbol).Trim();
            // A target with a parameter list names the overload a written list no longer fits (SMV0106): write that list.
            var newParameters = targetOpen >= 0 && open >= 0 ? target.Symbol[targetOpen..] : parameters;
            var sameName = targetName == name || targetName.EndsWith("." + name, StringComparison.Ordinal);
            if (name.Length == 0 || (sameName && newParameters == parameters))
            {
                return null;
            }
            if (sameName)
            {
                return name + newParameters;
            }
            parameters = newParameters;
            var segments = targetName.Split('.');
            var depth = Math.Min(name.Count(c => c == '.') + 1, segments.Length);
            return string.Join('.', segments[^depth..]) + parameters;
        }

        /// <summary>A doc anchor after the heading was renamed: the resolver gives the new slug as the target's symbol.</summary>
        private string? NewAnchor(string written) =>
            target.Symbol is { Length: > 0 } slug && !string.Equals(slug, written, StringComparison.Ordinal)
                && !slug.Contains(' ', StringComparison.Ordinal) && slug.Equals(slug.ToLowerInvariant(), StringComparison.Ordinal)
                ? slug
                : null;

        private void Add(MappingEdit? edit)
        {
            if (edit is not null)
            {
                _edits.Add(edit);
            }
        }
    }
}
