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
                writer.Write(member.Name);
                WriteOptional(writer, member.WireName);
                writer.Write(member.TypeText);
                WriteType(writer, member.Type);
                writer.Write(member.HasDefault);
                writer.Write(member.Line);
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
                var memberName = reader.ReadString();
                var wireName = ReadOptional(reader);
                var typeText = reader.ReadString();
                var memberType = ReadType(reader, bytes, 0);
                members.Add(new CSharpMemberFacts(memberName, wireName, typeText, memberType, reader.ReadBoolean(), reader.ReadInt32(), reader.ReadBoolean()));
            }
            types.Add(new CSharpTypeFacts(name, line, kind, isPartial, ns, bases.MoveToImmutable(), members.MoveToImmutable()));
        }
        return new CSharpFileFacts(types.MoveToImmutable());
    }
}
