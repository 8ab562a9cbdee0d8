using SpecMap.Core.Diagnostics;
using SpecMap.Core.Results;
using SpecMap.Core.Validation;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Resolution;

/// <summary>
/// A declaration whose name and file both changed is judged on its body alone; a look-alike body in another type
/// elsewhere is no evidence without support from the entity's own type (same type name, the type moved there, or a
/// sibling that went along). Real repositories, real commits.
/// </summary>
public sealed class RenamedAndMovedTests : IDisposable
{
    // A method of real weight (not a one-liner), indented as a member.
    private const string GetUnits = """
            def get_units(self, number):
                parts = []
                if number >= 1000:
                    parts.append(self.thousands[number // 1000])
                    number %= 1000
                if number >= 100:
                    parts.append(self.hundreds[number // 100])
                return parts
        """;

    private const string Icelandic = "class IcelandicConverter:\n    def convert(self, number):\n        return \" \".join(self.get_units(number))\n\n" + GetUnits;

    private readonly TestRepository _repo = TestRepository.Create();

    public void Dispose() => _repo.Dispose();

    private (MappingReport Mapping, ReferenceResult Result) Validate(string reference, Action<TestRepository> change, string icelandic = Icelandic)
    {
        var verified = _repo.Write("conv/icelandic.py", icelandic + "\n")
            .Write("conv/ordinal.py", "class OrdinalConverter:\n    def convert(self, number):\n        return str(number)\n")
            .Commit("converters");
        _repo.Write("map.json", $$"""{ "verified_at": "{{verified}}", "item": { "implementation": {{reference}} } }""");
        change(_repo);
        _repo.Commit("change");
        var mapping = Assert.Single(new Validator().Validate(new ValidationRequest(_repo.Root, ["map.json"])).Mappings);
        return (mapping, Assert.Single(mapping.References));
    }

    [Fact]
    public void A_deleted_method_like_a_new_one_of_another_type_in_another_file_is_lost_not_renamed()
    {
        // get_units is deleted; add_unit, new in another class in another file, has nearly its body. Nothing of the
        // Icelandic class went there: better lost (the truth) than a confident wrong place that --fix would write.
        var (mapping, result) = Validate("\"conv/icelandic.py:5-12#IcelandicConverter.get_units\"", r => r
            .Write("conv/icelandic.py", "class IcelandicConverter:\n    def convert(self, number):\n        return str(number)\n")
            .Write("conv/ordinal.py", "class OrdinalConverter:\n    def convert(self, number):\n        return str(number)\n\n"
                + GetUnits.Replace("get_units", "add_unit", StringComparison.Ordinal) + "\n"));
        Assert.Equal(ReferenceStatus.Lost, result.Status);
        Assert.Null(result.Target);
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.SymbolNotFound && d.Pointer == "/item/implementation");
        Assert.DoesNotContain(mapping.Diagnostics, d => d.Id == RuleIds.SymbolRenamed);
    }

    [Fact]
    public void A_method_like_one_of_a_type_that_replaced_its_own_is_lost_though_siblings_went_along()
    {
        // The Icelandic converter was replaced by a generic one, unlike it, that kept two of its one-liners: they say
        // nothing of where get_units went, since the Icelandic type itself is found nowhere.
        const string Siblings = """

                def split_needed(self, number):
                    return number <= 20 or number % 10 == 0 and number < 100 or number % 100 == 0

                def ending(self, gender):
                    return "i" if gender == "masculine" else "a"

                def scales_of(self, number):
                    found = {}
                    for power, word in ((9, "milljardur"), (6, "milljon"), (3, "thusund")):
                        found[word] = number // 10 ** power % 1000
                    return [(count, word) for word, count in found.items() if count]
            """;
        const string Generic = """
            class GenericConverter:
                def __init__(self, profile):
                    self.profile = profile

                def to_words(self, value, gender, with_and):
                    parts = self.profile.prefix_parts(value, gender)
                    if with_and and self.profile.and_word:
                        parts.insert(len(parts) - 1, self.profile.and_word)
                    return self.profile.separator.join(p for p in parts if p)

                def profile_scales(self, value):
                    return sorted(self.profile.scales, key=lambda scale: scale.power, reverse=True)
            """;
        var (mapping, result) = Validate("\"conv/icelandic.py:5-12#IcelandicConverter.get_units\"", r => r
            .Delete("conv/icelandic.py")
            .Write("conv/generic.py", Generic + "\n" + Siblings[..Siblings.IndexOf("\n    def scales_of", StringComparison.Ordinal)] + "\n\n"
                + GetUnits.Replace("get_units", "add_unit", StringComparison.Ordinal) + "\n"),
            Icelandic + "\n" + Siblings);
        Assert.Equal(ReferenceStatus.Lost, result.Status);
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.SymbolNotFound && d.Pointer == "/item/implementation");
    }

    [Fact]
    public void A_method_renamed_and_moved_with_its_type_is_still_found()
    {
        // The class went to another file under the same name and get_units became collect_units there: the type's
        // name supports the likeness of the body.
        var (mapping, result) = Validate("\"conv/icelandic.py:5-12#IcelandicConverter.get_units\"", r => r
            .Write("conv/icelandic.py", "def helper():\n    return 0\n")
            .Write("conv/iceland/converter.py", Icelandic.Replace("get_units", "collect_units", StringComparison.Ordinal)
                .Replace("class IcelandicConverter:", "import math\n\n\nclass IcelandicConverter:", StringComparison.Ordinal) + "\n"));
        Assert.Equal(ReferenceStatus.Relocated, result.Status);
        Assert.Equal(new ResolvedTarget("conv/iceland/converter.py", 8, 15, "IcelandicConverter.collect_units"), result.Target);
        Assert.Contains(mapping.Diagnostics, d => d.Id == RuleIds.SymbolRenamed && d.Pointer == "/item/implementation");
    }
}
