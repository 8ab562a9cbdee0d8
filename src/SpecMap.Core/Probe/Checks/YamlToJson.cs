using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SpecMap.Core.Probe.Checks;

/// <summary>
/// YAML to JSON text with the YAML 1.2 core schema: a plain scalar is null, a boolean or a number when it reads as one,
/// anything quoted or tagged `!!str` stays a string. Aliases are written out again where they are used.
/// </summary>
internal static partial class YamlToJson
{
    public static byte[] Convert(byte[] yaml, string fileNameForErrors)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(OpenApi.YamlBlankLines.Emptied(Encoding.UTF8.GetString(yaml)));
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new EventSchemaException($"{fileNameForErrors}({e.Start.Line},{e.Start.Column}): not valid YAML: {e.Message}");
        }
        if (stream.Documents.Count == 0)
        {
            throw new EventSchemaException($"{fileNameForErrors}(1,1): the document is empty");
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, stream.Documents[0].RootNode, fileNameForErrors);
        }
        return buffer.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node, string fileNameForErrors)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is not YamlScalarNode { Value: { } name })
                    {
                        throw new EventSchemaException($"{fileNameForErrors}({key.Start.Line},{key.Start.Column}): a mapping key must be a scalar to become JSON");
                    }
                    writer.WritePropertyName(name);
                    Write(writer, value, fileNameForErrors);
                }
                writer.WriteEndObject();
                break;
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Children)
                {
                    Write(writer, item, fileNameForErrors);
                }
                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            writer.WriteStringValue(text);
            return;
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                writer.WriteNullValue();
                return;
            case "true" or "True" or "TRUE":
                writer.WriteBooleanValue(true);
                return;
            case "false" or "False" or "FALSE":
                writer.WriteBooleanValue(false);
                return;
            default:
                break;
        }
        if (IntegerPattern().IsMatch(text) && decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
        }
        else if (FloatPattern().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            // Raw keeps the document's digits (1.0 stays 1.0, so `const`/`enum` comparisons see what the spec wrote).
            writer.WriteRawValue(JsonFloat(text));
        }
        else
        {
            writer.WriteStringValue(text);
        }
    }

    /// <summary>YAML allows `+1.5`, `.5` and `5.`; JSON needs no plus sign and a digit on both sides of the point.</summary>
    private static string JsonFloat(string text)
    {
        var result = text.TrimStart('+');
        var negative = result.StartsWith('-');
        var digits = negative ? result[1..] : result;
        digits = digits.StartsWith('.') ? "0" + digits : digits;
        digits = digits.Replace(".e", ".0e", StringComparison.OrdinalIgnoreCase);
        digits = digits.EndsWith('.') ? digits + "0" : digits;
        return negative ? "-" + digits : digits;
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
