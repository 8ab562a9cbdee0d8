using System.Globalization;
using SpecMap.Core.Json;
using SpecMap.Core.References;

namespace SpecMap.Core.Mapping;

/// <summary>
/// The one reader of the compliance scores a mapping records (contract §4), for the shape rules, the consistency
/// check (SMV0302, SMV0305) and the dashboards: which keys hold a score, whose score it is, and how its value reads.
/// </summary>
internal static class MappingScores
{
    /// <summary>`compliance_score`, `score`, `overall_compliance_score` and `SECTION_compliance_score`.</summary>
    public static bool IsScoreKey(string name) =>
        name is MappingKeys.Score or MappingKeys.ShortScore || name.EndsWith(MappingKeys.SectionScoreSuffix, StringComparison.Ordinal);

    /// <summary>A score as a number 0..100 (`74`, `74.5`, `"74%"`), or null when it is not one (`1e999` is not: it
    /// overflows to infinity, which no fix may write back).</summary>
    public static double? Read(JsonValueNode node) => node switch
    {
        JsonNumberNode number when double.IsFinite(number.Value) => number.Value,
        JsonStringNode text when double.TryParse(text.Value.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value) => value,
        _ => null,
    };

    /// <summary>The member holding an item's (or a section object's) own score: `compliance_score`, else `score`; null when it has neither.</summary>
    public static JsonMember? OwnMember(JsonObjectNode obj) =>
        obj.Members.FirstOrDefault(m => m.Name == MappingKeys.Score) ?? obj.Members.FirstOrDefault(m => m.Name == MappingKeys.ShortScore);

    /// <summary>An item's own score, or null when it records none (or not as a number).</summary>
    public static double? Own(JsonObjectNode obj) => OwnMember(obj) is { } member ? Read(member.Value) : null;

    /// <summary>The top-level `overall_compliance_score`, or null.</summary>
    public static double? Overall(JsonValueNode root) =>
        root is JsonObjectNode obj && obj.Get(MappingKeys.OverallScore) is { } node ? Read(node) : null;

    /// <summary>The top-level key scoring section <paramref name="section"/>: `SECTION_compliance_score`.</summary>
    public static string SectionKey(string section) => section + MappingKeys.SectionScoreSuffix;

    /// <summary>The section a top-level `SECTION_compliance_score` key scores, or null for any other key.</summary>
    public static string? SectionOf(string key) =>
        key.EndsWith(MappingKeys.SectionScoreSuffix, StringComparison.Ordinal) ? key[..^MappingKeys.SectionScoreSuffix.Length] : null;
}
