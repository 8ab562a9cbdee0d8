using SpecMap.Core.Diagnostics;
using SpecMap.Core.Json;
using SpecMap.Core.Mapping;

namespace SpecMap.Core.Spec;

/// <summary>Format-preserving insertion of a new member into an object of the mapping, right after one of its members.</summary>
internal static class MemberInsertion
{
    /// <summary>`"KEY": VALUE` after <paramref name="member"/>: on a line of its own with that member's indent when it has
    /// a line of its own, else on the same line after `, `. <paramref name="jsonValue"/> is written as given (already JSON).</summary>
    public static MappingEdit After(MappingDocument document, JsonMember member, string pointer, string key, string jsonValue)
    {
        var lineStart = document.Text.LastIndexOf('\n', Math.Max(member.NameStart - 1, 0)) + 1;
        var before = document.Text[lineStart..member.NameStart];
        var newline = document.Text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var separator = before.Trim().Length == 0 ? $",{newline}{before}" : ", ";
        return new MappingEdit(pointer, member.Value.End, string.Empty, $"{separator}\"{key}\": {jsonValue}");
    }
}
