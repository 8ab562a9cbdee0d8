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
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
