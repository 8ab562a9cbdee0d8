using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SpecMap.Core.Output;

/// <summary>Writes JSON text the same way for every format: indented, readable (no `\u` escapes of `<`, `'`, non-ASCII), final newline.</summary>
internal static class JsonText
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }
        // The final newline in the buffer, decoded in place: no copy of the array and none of the string.
        buffer.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The same text as <see cref="Write(Action{Utf8JsonWriter})"/>, written into <paramref name="output"/> as it is
    /// made rather than returned whole.</summary>
    public static void WriteTo(TextWriter output, Action<Utf8JsonWriter> write)
    {
        using (var json = new Utf8JsonWriter(new TextWriterBuffer(output), Options))
        {
            write(json);
        }
        output.Write('\n');
    }

    /// <summary>The `tool` object every JSON report opens with (validate's and the probe's).</summary>
    public static void WriteTool(this Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteString("name", ToolInfo.Name);
        json.WriteString("version", ToolInfo.Version);
        json.WriteEndObject();
    }

    /// <summary>A property only when it has a value (the probe's reports leave absent facts out).</summary>
    public static void WriteStringIfPresent(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>A property that is `null` when it has no value (contract §3 names every key).</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
