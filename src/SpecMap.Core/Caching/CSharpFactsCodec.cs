using System.Collections.Immutable;
using SpecMap.Core.Contracts.CSharp;
using static SpecMap.Core.Caching.ModelFactsCodec;

namespace SpecMap.Core.Caching;

/// <summary>C# model facts' bytes in the persistent cache (the primitives are <see cref="ModelFactsCodec"/>'s). A record
/// that does not decode whole is a miss, never an error.</summary>
internal static class CSharpFactsCodec
{
    public static byte[] Encode(CSharpFileFacts facts) => ModelFactsCodec.Encode(writer =>
    {
        writer.Write(facts.Types.Length);
        foreach (var type in facts.Types)
        {
            writer.Write(type.Name);
            writer.Write(type.Line);
            writer.Write((byte)type.Kind);
            writer.Write(type.IsPartial);
            writer.Write(type.Namespace);
            writer.Write(type.Bases.Length);
            foreach (var baseType in type.Bases)
            {
                writer.Write(baseType.Text);
                WriteType(writer, baseType.Type);
            }
            writer.Write(type.Members.Length);
            foreach (var member in type.Members)
            {
                WriteField(writer, new(member.Name, member.WireName, member.TypeText, member.Type, member.HasDefault, member.Line));
                writer.Write(member.IsProperty);
            }
        }
    });

    public static CSharpFileFacts? Decode(byte[] bytes) => ModelFactsCodec.Decode(bytes, Read);

    private static CSharpFileFacts Read(BinaryReader reader, byte[] bytes)
    {
        var types = ImmutableArray.CreateBuilder<CSharpTypeFacts>(Count(reader, bytes));
        for (var i = 0; i < types.Capacity; i++)
        {
            var name = reader.ReadString();
            var line = reader.ReadInt32();
            var kind = (CSharpTypeKind)reader.ReadByte();
            if (!Enum.IsDefined(kind))
            {
                throw new InvalidDataException("declaration kind");
            }
            var isPartial = reader.ReadBoolean();
            var ns = reader.ReadString();
            var bases = ImmutableArray.CreateBuilder<CSharpBaseFacts>(Count(reader, bytes));
            for (var j = 0; j < bases.Capacity; j++)
            {
                bases.Add(new CSharpBaseFacts(reader.ReadString(), ReadType(reader, bytes, 0)));
            }
            var members = ImmutableArray.CreateBuilder<CSharpMemberFacts>(Count(reader, bytes));
            for (var j = 0; j < members.Capacity; j++)
            {
                var field = ReadField(reader, bytes);
                // Every C# member has a type tree.
                var type = field.Type ?? throw new InvalidDataException("member type");
                members.Add(new CSharpMemberFacts(field.Name, field.WireName, field.TypeText, type, field.HasDefault, field.Line, reader.ReadBoolean()));
            }
            types.Add(new CSharpTypeFacts(name, line, kind, isPartial, ns, bases.MoveToImmutable(), members.MoveToImmutable()));
        }
        return new CSharpFileFacts(types.MoveToImmutable());
    }
}
