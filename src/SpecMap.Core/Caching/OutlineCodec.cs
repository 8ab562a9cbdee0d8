using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Outline;

namespace SpecMap.Core.Caching;

/// <summary>An outline's bytes in the persistent cache: its symbols and why it is empty, if it is (the path is the
/// reader's, the language the key's).</summary>
internal static class OutlineCodec
{
    public static byte[] Encode(SourceOutline outline)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(outline.NotOutlinedBecause is not null);
            writer.Write(outline.NotOutlinedBecause ?? string.Empty);
            writer.Write(outline.Symbols.Length);
            foreach (var symbol in outline.Symbols)
            {
                writer.Write(symbol.Kind);
                writer.Write(symbol.Name);
                writer.Write(symbol.QualifiedName);
                writer.Write(symbol.Start);
                writer.Write(symbol.DefLine);
                writer.Write(symbol.End);
                writer.Write(symbol.Signature is not null);
                writer.Write(symbol.Signature ?? string.Empty);
                writer.Write(symbol.Level);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The outline the bytes hold, or null when they are not a whole entry (a torn or foreign file).</summary>
    public static SourceOutline? Decode(byte[] bytes, string path, string language)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            var notOutlined = reader.ReadBoolean();
            var because = reader.ReadString();
            var count = reader.ReadInt32();
            if (count < 0 || count > bytes.Length)
            {
                return null;
            }
            var symbols = ImmutableArray.CreateBuilder<OutlineSymbol>(count);
            for (var i = 0; i < count; i++)
            {
                var kind = string.Intern(reader.ReadString());
                var name = reader.ReadString();
                var qualifiedName = reader.ReadString();
                var start = reader.ReadInt32();
                var defLine = reader.ReadInt32();
                var end = reader.ReadInt32();
                var hasSignature = reader.ReadBoolean();
                var signature = reader.ReadString();
                var level = reader.ReadInt32();
                symbols.Add(new OutlineSymbol(kind, name, qualifiedName, start, defLine, end, hasSignature ? signature : null, level));
            }
            return reader.BaseStream.Position == bytes.Length
                ? new SourceOutline(path, language, symbols.MoveToImmutable()) { NotOutlinedBecause = notOutlined ? because : null }
                : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or DecoderFallbackException or FormatException or ArgumentException)
        {
            return null;
        }
    }
}
