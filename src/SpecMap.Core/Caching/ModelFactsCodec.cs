using System.Collections.Immutable;
using System.Text;
using SpecMap.Core.Contracts;
using SpecMap.Core.Contracts.Python;

namespace SpecMap.Core.Caching;

/// <summary>Model facts' bytes in the persistent cache. A record that does not decode whole is a miss, never an error.</summary>
internal static class ModelFactsCodec
{
    public static byte[] Encode(PythonFileFacts facts) => Encode(writer => WritePython(writer, facts));

    private static void WritePython(BinaryWriter writer, PythonFileFacts facts)
    {
        writer.Write(facts.ClassList.Length);
        foreach (var cls in facts.ClassList)
        {
            writer.Write(cls.Key);
            writer.Write(cls.Name);
            writer.Write(cls.StartLine);
            WriteStrings(writer, cls.Bases);
            WriteOptional(writer, cls.AliasGenerator);
            writer.Write(cls.Fields.Length);
            foreach (var field in cls.Fields)
            {
                WriteField(writer, new(field.Name, field.WireName, field.TypeText, field.Type, field.HasDefault, field.Line));
            }
        }
        writer.Write(facts.Imports.Count);
        foreach (var (name, import) in facts.Imports)
        {
            writer.Write(name);
            writer.Write(import.Module);
            WriteOptional(writer, import.Name);
        }
        writer.Write(facts.Aliases.Count);
        foreach (var (name, text) in facts.Aliases)
        {
            writer.Write(name);
            writer.Write(text);
        }
    }

    public static PythonFileFacts? DecodePython(byte[] bytes) => Decode(bytes, ReadPython);

    private static PythonFileFacts ReadPython(BinaryReader reader, byte[] bytes)
    {
        var classes = ImmutableArray.CreateBuilder<PythonClassFacts>(Count(reader, bytes));
        for (var i = 0; i < classes.Capacity; i++)
        {
            var key = reader.ReadString();
            var name = reader.ReadString();
            var startLine = reader.ReadInt32();
            var bases = ReadStrings(reader, bytes);
            var generator = ReadOptional(reader);
            var fields = ImmutableArray.CreateBuilder<PythonFieldFacts>(Count(reader, bytes));
            for (var j = 0; j < fields.Capacity; j++)
            {
                var field = ReadField(reader, bytes);
                fields.Add(new PythonFieldFacts(field.Name, field.WireName, field.TypeText, field.Type, field.HasDefault, field.Line));
            }
            classes.Add(new PythonClassFacts(key, name, startLine, bases, generator, fields.MoveToImmutable()));
        }
        var imports = new List<KeyValuePair<string, PythonImport>>();
        for (var i = Count(reader, bytes); i > 0; i--)
        {
            var name = reader.ReadString();
            var module = reader.ReadString();
            imports.Add(new(name, new PythonImport(module, ReadOptional(reader))));
        }
        var aliases = new List<KeyValuePair<string, string>>();
        for (var i = Count(reader, bytes); i > 0; i--)
        {
            aliases.Add(new(reader.ReadString(), reader.ReadString()));
        }
        return new PythonFileFacts(classes.MoveToImmutable(), imports, aliases);
    }

    public static byte[] Encode(ImmutableArray<string> names) => Encode(writer => WriteStrings(writer, names));

    /// <summary>The bytes <paramref name="write"/> writes.</summary>
    internal static byte[] Encode(Action<BinaryWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }
        return buffer.ToArray();
    }

    public static ImmutableArray<string>? DecodeNames(byte[] bytes) => Decode(bytes, (reader, record) => (object)ReadStrings(reader, record)) is ImmutableArray<string> names ? names : null;

    /// <summary>What <paramref name="read"/> makes of the whole record, or null when it is torn, foreign or longer.</summary>
    internal static T? Decode<T>(byte[] bytes, Func<BinaryReader, byte[], T> read)
        where T : class
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
            var value = read(reader, bytes);
            return reader.BaseStream.Position == bytes.Length ? value : null;
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or DecoderFallbackException or FormatException or ArgumentException or InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>A field or member as both languages' facts hold it.</summary>
    internal static void WriteField(BinaryWriter writer, FieldRecord field)
    {
        writer.Write(field.Name);
        WriteOptional(writer, field.WireName);
        writer.Write(field.TypeText);
        writer.Write(field.Type is not null);
        if (field.Type is not null)
        {
            WriteType(writer, field.Type);
        }
        writer.Write(field.HasDefault);
        writer.Write(field.Line);
    }

    internal static FieldRecord ReadField(BinaryReader reader, byte[] bytes)
    {
        var name = reader.ReadString();
        var wireName = ReadOptional(reader);
        var typeText = reader.ReadString();
        var type = reader.ReadBoolean() ? ReadType(reader, bytes, 0) : null;
        return new FieldRecord(name, wireName, typeText, type, reader.ReadBoolean(), reader.ReadInt32());
    }

    internal static void WriteType(BinaryWriter writer, TypeNode type)
    {
        writer.Write((byte)type.Kind);
        writer.Write(type.Value);
        writer.Write(type.Args.IsDefault ? 0 : type.Args.Length);
        foreach (var arg in type.Args.IsDefault ? [] : type.Args)
        {
            WriteType(writer, arg);
        }
    }

    internal static TypeNode ReadType(BinaryReader reader, byte[] bytes, int depth)
    {
        // Type trees are shallow; a deep one is a foreign record, not a type.
        if (depth > 200)
        {
            throw new InvalidDataException("type nesting");
        }
        var kind = (TypeNodeKind)reader.ReadByte();
        if (!Enum.IsDefined(kind))
        {
            throw new InvalidDataException("type kind");
        }
        var value = reader.ReadString();
        var args = ImmutableArray.CreateBuilder<TypeNode>(Count(reader, bytes));
        for (var i = 0; i < args.Capacity; i++)
        {
            args.Add(ReadType(reader, bytes, depth + 1));
        }
        return new TypeNode(kind, value, args.MoveToImmutable());
    }

    internal static void WriteStrings(BinaryWriter writer, ImmutableArray<string> values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    internal static ImmutableArray<string> ReadStrings(BinaryReader reader, byte[] bytes)
    {
        var values = ImmutableArray.CreateBuilder<string>(Count(reader, bytes));
        for (var i = 0; i < values.Capacity; i++)
        {
            values.Add(reader.ReadString());
        }
        return values.MoveToImmutable();
    }

    internal static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        writer.Write(value ?? string.Empty);
    }

    internal static string? ReadOptional(BinaryReader reader)
    {
        var present = reader.ReadBoolean();
        var value = reader.ReadString();
        return present ? value : null;
    }

    /// <summary>A count no larger than the record could hold.</summary>
    internal static int Count(BinaryReader reader, byte[] bytes)
    {
        var count = reader.ReadInt32();
        return count < 0 || count > bytes.Length ? throw new InvalidDataException("count") : count;
    }
}

/// <summary>What a stored field holds, in either language's facts.</summary>
internal readonly record struct FieldRecord(string Name, string? WireName, string TypeText, TypeNode? Type, bool HasDefault, int Line);
