using System.Text;
using System.Text.Json;
using SpecMap.Core.Outline;

namespace SpecMap.Core.Output;

/// <summary>Renders `specmap outline`: one line per symbol, or JSON `{"files": [{"path", "language", "symbols": [...]}]}`.</summary>
internal static class OutlineFormatter
{
    public static string Text(IEnumerable<SourceOutline> outlines)
    {
        var text = new StringBuilder();
        foreach (var outline in outlines)
        {
            text.Append(outline.Path).Append(" (").Append(outline.Language).Append(")\n");
            foreach (var s in outline.Symbols)
            {
                var lines = s.DefLine != s.Start ? $"{s.Start}-{s.End} (def {s.DefLine})" : $"{s.Start}-{s.End}";
                var signature = s.Signature ?? string.Empty;
                text.Append($"  {lines,-22} {s.Kind,-12} {s.QualifiedName}{signature}\n");
            }
        }
        return text.ToString();
    }

    public static string Json(IEnumerable<SourceOutline> outlines)
    {
        return JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var outline in outlines)
            {
                json.WriteStartObject();
                json.WriteString("path", outline.Path);
                json.WriteString("language", outline.Language);
                json.WriteStartArray("symbols");
                foreach (var s in outline.Symbols)
                {
                    json.WriteStartObject();
                    json.WriteString("kind", s.Kind);
                    json.WriteString("name", s.Name);
                    json.WriteString("qname", s.QualifiedName);
                    json.WriteNumber("start", s.Start);
                    json.WriteNumber("def_line", s.DefLine);
                    json.WriteNumber("end", s.End);
                    if (s.Signature is not null)
                    {
                        json.WriteString("signature", s.Signature);
                    }
                    if (s.Kind == SymbolKinds.Heading)
                    {
                        json.WriteNumber("level", s.Level);
                    }
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
    }
}
