using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SpecMap.Core.OpenApi;

/// <summary>
/// Reads an OpenAPI document's bytes, JSON or YAML, into a <see cref="SpecNode"/> tree. JSON goes through
/// System.Text.Json (fast); anything else through YamlDotNet's event parser, which skips its object model.
/// </summary>
internal static class OpenApiDocumentReader
{
    public static SpecNode Read(ReadOnlySpan<byte> content, string documentName)
    {
        var start = content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var body = content[start..];
        var first = FirstNonSpace(body);
        if (first is (byte)'{' or (byte)'[')
        {
            return ReadJson(body, documentName);
        }
        return ReadYaml(YamlBlankLines.Emptied(Encoding.UTF8.GetString(body)), documentName);
    }

    private static byte FirstNonSpace(ReadOnlySpan<byte> body)
    {
        foreach (var b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }
        return 0;
    }

    private static SpecNode ReadJson(ReadOnlySpan<byte> body, string documentName)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            reader.Read();
            return JsonValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new OpenApiReadException(documentName, (e.LineNumber ?? -1) + 1, (e.BytePositionInLine ?? -1) + 1, "invalid JSON: " + FirstSentence(e.Message));
        }
    }

    private static SpecNode JsonValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var members = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    members[name] = JsonValue(ref reader);
                }
                return SpecNode.Object(members);
            case JsonTokenType.StartArray:
                var items = new List<SpecNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(JsonValue(ref reader));
                }
                return SpecNode.Array(items);
            case JsonTokenType.String:
                return SpecNode.Scalar(SpecNodeKind.String, reader.GetString()!);
            case JsonTokenType.Number:
                return SpecNode.Scalar(SpecNodeKind.Number, Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan));
            case JsonTokenType.True:
                return SpecNode.Scalar(SpecNodeKind.Boolean, "true");
            case JsonTokenType.False:
                return SpecNode.Scalar(SpecNodeKind.Boolean, "false");
            default:
                return SpecNode.Scalar(SpecNodeKind.Null, "null");
        }
    }

    private static SpecNode ReadYaml(string text, string documentName)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (!parser.TryConsume<DocumentStart>(out _))
            {
                throw new OpenApiReadException(documentName, 0, 0, "the document is empty");
            }
            var root = YamlValue(parser, anchors);
            return root;
        }
        catch (YamlException e)
        {
            throw new OpenApiReadException(documentName, e.Start.Line, e.Start.Column, "invalid YAML: " + FirstSentence(e.Message));
        }
    }

    private static SpecNode YamlValue(IParser parser, Dictionary<string, SpecNode> anchors)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        parser.MoveNext();
        SpecNode node;
        switch (current)
        {
            case Scalar scalar:
                node = YamlScalar(scalar);
                break;
            case MappingStart:
                var members = new Dictionary<string, SpecNode>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = YamlValue(parser, anchors);
                    var value = YamlValue(parser, anchors);
                    if (key.Text == "<<" && value.Kind == SpecNodeKind.Object)
                    {
                        // A merge key (`<<: *base`) copies the anchored mapping's members under the explicit ones.
                        foreach (var (name, merged) in value.Members)
                        {
                            members.TryAdd(name, merged);
                        }
                        continue;
                    }
                    members[key.Text ?? ""] = value;
                }
                node = SpecNode.Object(members);
                break;
            case SequenceStart:
                var items = new List<SpecNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(YamlValue(parser, anchors));
                }
                node = SpecNode.Array(items);
                break;
            case AnchorAlias alias:
                return anchors.TryGetValue(alias.Value.Value, out var target) ? target
                    : throw new YamlException(alias.Start, alias.End, $"unknown alias *{alias.Value.Value}");
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            anchors[anchored.Anchor.Value] = node;
        }
        return node;
    }

    /// <summary>YAML 1.2 core schema for plain scalars; quoted and block scalars are always strings.</summary>
    private static SpecNode YamlScalar(Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return SpecNode.Scalar(SpecNodeKind.String, value);
        }
        return value switch
        {
            "true" or "True" or "TRUE" => SpecNode.Scalar(SpecNodeKind.Boolean, "true"),
            "false" or "False" or "FALSE" => SpecNode.Scalar(SpecNodeKind.Boolean, "false"),
            "" or "~" or "null" or "Null" or "NULL" => SpecNode.Scalar(SpecNodeKind.Null, "null"),
            _ when LooksNumeric(value) => SpecNode.Scalar(SpecNodeKind.Number, value),
            _ => SpecNode.Scalar(SpecNodeKind.String, value),
        };
    }

    private static bool LooksNumeric(string value) =>
        value.Length > 0 && (char.IsAsciiDigit(value[0]) || (value[0] is '-' or '+' or '.' && value.Length > 1))
        && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string FirstSentence(string message)
    {
        var line = message.Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] : line;
    }
}
