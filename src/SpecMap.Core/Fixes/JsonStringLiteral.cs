using System.Globalization;
using System.Text;
using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;

namespace SpecMap.Core.Fixes;

/// <summary>
/// A JSON string literal as written: maps each decoded char back to its raw offset, so a fix can replace one part
/// of a value (the path, a line number, the symbol) and leave every other char, escapes included, as the team wrote it.
/// </summary>
internal sealed class JsonStringLiteral
{
    private readonly string _text;
    private readonly int[] _rawOffsets;

    public JsonStringLiteral(string text, JsonStringNode node)
    {
        _text = text;
        Value = node.Value;
        var offsets = new List<int>(node.Value.Length + 1);
        // The node's span includes the quotes.
        var end = node.End - 1;
        var i = node.Start + 1;
        while (i < end)
        {
            offsets.Add(i);
            i += text[i] != '\\' ? 1 : text[i + 1] == 'u' ? 6 : 2;
        }
        offsets.Add(end);
        _rawOffsets = [.. offsets];
    }

    /// <summary>The decoded value.</summary>
    public string Value { get; }

    /// <summary>The edit replacing decoded chars [<paramref name="from"/>, <paramref name="to"/>) with <paramref name="replacement"/>, or null when nothing changes.</summary>
    public MappingEdit? Replace(string pointer, int from, int to, string replacement)
    {
        if (Value.AsSpan(from, to - from).SequenceEqual(replacement))
        {
            return null;
        }
        var start = _rawOffsets[from];
        var end = _rawOffsets[to];
        return new MappingEdit(pointer, start, _text[start..end], Encode(replacement));
    }

    /// <summary>Escapes what JSON requires (quote, backslash, control chars); everything else is written as is.</summary>
    public static string Encode(string value)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var escaped = c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => null,
            };
            if (escaped is null)
            {
                builder?.Append(c);
                continue;
            }
            builder ??= new StringBuilder(value, 0, i, value.Length + 8);
            builder.Append(escaped);
        }
        return builder?.ToString() ?? value;
    }
}
