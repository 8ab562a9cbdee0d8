using System.Runtime.CompilerServices;
using SpecMap.Core.Mapping;
using SpecMap.Core.References;

namespace SpecMap.Core.Fixes;

/// <summary>
/// Which references share their JSON value with another (one string holding a list of lines, `a.py:1-3, 10-20`), counted
/// once per document: asking each fix to count over every reference made `--fix` quadratic in the mapping's size.
/// </summary>
internal static class SharedLineLists
{
    private static readonly ConditionalWeakTable<MappingDocument, HashSet<object>> Shared = [];

    /// <summary>True when another reference of <paramref name="document"/> is read from the same value as <paramref name="reference"/>.</summary>
    public static bool IsShared(MappingDocument document, MappingReference reference) =>
        Shared.GetValue(document, Build).Contains(reference.Node);

    private static HashSet<object> Build(MappingDocument document)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var shared = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var reference in document.References)
        {
            if (!seen.Add(reference.Node))
            {
                shared.Add(reference.Node);
            }
        }
        return shared;
    }
}
