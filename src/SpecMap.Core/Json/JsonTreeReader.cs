using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SpecMap.Core.Json;

/// <summary>Invalid JSON, with the 1-based position System.Text.Json stopped at.</summary>
internal sealed class JsonSyntaxException(string message, int line, int column) : Exception(message)
{
    public int Line { get; } = line;

    public int Column { get; } = column;
}

/// <summary>
/// Reads JSON (comments and trailing commas allowed) into <see cref="JsonValueNode"/>s with char spans.
/// System.Text.Json gives byte offsets only, so a byte-to-char table converts them once.
/// </summary>
internal static class JsonTreeReader
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    /// <exception cref="JsonSyntaxException">The text is not JSON.</exception>
    public static JsonValueNode Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text.TrimStart('\uFEFF')))
        {
            throw new JsonSyntaxException("the file is empty", 1, 1);
        }
        var bytes = Encoding.UTF8.GetBytes(text);
        var charAt = ByteToChar(text, bytes.Length);
        var reader = new Utf8JsonReader(bytes, Options);
        try
        {
            if (!reader.Read())
            {
                throw new JsonSyntaxException("the file is empty", 1, 1);
            }
            var root = ReadValue(ref reader, charAt, bytes);
            if (reader.Read())
            {
                var (line, column) = new LineTable(text).Position(CharAt(charAt, (int)reader.TokenStartIndex));
                throw new JsonSyntaxException("unexpected content after the end of the document", line, column);
            }
            return root;
        }
        catch (BadStringException e)
        {
            var (line, column) = new LineTable(text).Position(e.CharOffset);
            throw new JsonSyntaxException("a string holds an escaped UTF-16 surrogate without its pair (such as \"\\ud800\" alone)", line, column);
        }
        catch (JsonException e)
        {
            // LineNumber and BytePositionInLine are 0-based; the column is in bytes, so recount it in chars.
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = ColumnInChars(text, bytes, (int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            throw new JsonSyntaxException(CleanMessage(e.Message), line, column);
        }
    }

    private static JsonValueNode ReadValue(ref Utf8JsonReader reader, int[]? charAt, byte[] bytes)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                var members = ImmutableArray.CreateBuilder<JsonMember>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameStart = CharAt(charAt, (int)reader.TokenStartIndex);
                    var name = StringAt(ref reader, charAt);
                    reader.Read();
                    members.Add(new JsonMember(name, nameStart, ReadValue(ref reader, charAt, bytes)));
                }
                return new JsonObjectNode(CharAt(charAt, start), CharAt(charAt, (int)reader.TokenStartIndex + 1), members.ToImmutable());
            }
            case JsonTokenType.StartArray:
            {
                var items = ImmutableArray.CreateBuilder<JsonValueNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, charAt, bytes));
                }
                return new JsonArrayNode(CharAt(charAt, start), CharAt(charAt, (int)reader.TokenStartIndex + 1), items.ToImmutable());
            }
            case JsonTokenType.String:
                // The raw span excludes the quotes; the node's span includes them.
                return new JsonStringNode(CharAt(charAt, start), CharAt(charAt, start + reader.ValueSpan.Length + 2), StringAt(ref reader, charAt));
            case JsonTokenType.Number:
            {
                var raw = Encoding.UTF8.GetString(reader.ValueSpan);
                var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
                return new JsonNumberNode(CharAt(charAt, start), CharAt(charAt, start + reader.ValueSpan.Length), raw, value);
            }
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new JsonBoolNode(CharAt(charAt, start), CharAt(charAt, start + reader.ValueSpan.Length), reader.TokenType == JsonTokenType.True);
            default:
                return new JsonNullNode(CharAt(charAt, start), CharAt(charAt, start + 4));
        }
    }

    /// <summary>The string token's value; an escaped lone surrogate cannot become a .NET string System.Text.Json accepts.</summary>
    private static string StringAt(ref Utf8JsonReader reader, int[]? charAt)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new BadStringException(CharAt(charAt, (int)reader.TokenStartIndex));
        }
    }

    private sealed class BadStringException(int charOffset) : Exception
    {
        public int CharOffset { get; } = charOffset;
    }

    /// <summary>The char offset of a byte offset (see <see cref="ByteToChar"/>).</summary>
    private static int CharAt(int[]? charAt, int byteOffset) => charAt is null ? byteOffset : charAt[byteOffset];

    /// <summary>charAt[byteOffset] = char offset, for every byte offset 0..length inclusive; null when the text is ASCII,
    /// where the two are the same (a mapping usually is: no table four times its size, on the large object heap).</summary>
    private static int[]? ByteToChar(string text, int byteLength)
    {
        if (byteLength == text.Length)
        {
            return null;
        }
        var map = new int[byteLength + 1];
        var b = 0;
        for (var c = 0; c < text.Length; c++)
        {
            int width;
            if (char.IsHighSurrogate(text[c]) && c + 1 < text.Length && char.IsLowSurrogate(text[c + 1]))
            {
                width = 4;
                for (var k = 0; k < width; k++)
                {
                    map[b + k] = c;
                }
                b += width;
                c++;
                continue;
            }
            width = text[c] < 0x80 ? 1 : text[c] < 0x800 ? 2 : 3;
            for (var k = 0; k < width; k++)
            {
                map[b + k] = c;
            }
            b += width;
        }
        map[byteLength] = text.Length;
        return map;
    }

    private static int ColumnInChars(string text, byte[] bytes, int line0, int bytePosition)
    {
        var lineStart = 0;
        for (var i = 0; i < line0 && lineStart < bytes.Length; i++)
        {
            var next = Array.IndexOf(bytes, (byte)'\n', lineStart);
            if (next < 0)
            {
                break;
            }
            lineStart = next + 1;
        }
        var end = Math.Min(lineStart + bytePosition, bytes.Length);
        return Encoding.UTF8.GetCharCount(bytes, lineStart, end - lineStart) + 1;
    }

    private static string CleanMessage(string message)
    {
        // "'}' is invalid after a value. Expected either ',', '}', or ']'. LineNumber: 3 | BytePositionInLine: 4."
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        // "'tru,\n  \"key\": …' is an invalid JSON literal": the quoted token can run to the end of a large file; quote
        // its first line only, so one typo is one line on the terminal.
        var quoteEnd = text.LastIndexOf("' is ", StringComparison.Ordinal);
        if (text.StartsWith('\'') && quoteEnd > 0)
        {
            var quoted = text[1..quoteEnd];
            var firstLine = quoted.Split('\n', '\r')[0];
            quoted = firstLine.Length > 40 ? firstLine[..40] + "…" : firstLine.Length < quoted.Length ? firstLine + "…" : firstLine;
            text = $"'{quoted}'{text[(quoteEnd + 1)..]}";
        }
        text = text.ReplaceLineEndings(" ");
        return (text.Length > 200 ? text[..200] + "…" : text).TrimEnd('.', ' ');
    }
}
