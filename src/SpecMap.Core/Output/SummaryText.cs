using System.Globalization;
using Humanizer;
using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>The sentences several formats share: the one-line summary and the spec coverage.</summary>
internal static class SummaryText
{
    /// <summary>`specmap: 3 errors, 2 warnings, 1 info in 1 mapping (4 references checked, 2 relocated); 4 fixes available (--fix)`.</summary>
    public static string Line(ReportStatistics statistics)
    {
        var diagnostics = statistics.Diagnostics;
        var parts = new List<string>
        {
            "error".ToQuantity(diagnostics.Errors),
            "warning".ToQuantity(diagnostics.Warnings),
        };
        if (diagnostics.Infos > 0)
        {
            parts.Add("info".ToQuantity(diagnostics.Infos));
        }
        var tail = diagnostics.Fixable > 0 ? $"; {"fix".ToQuantity(diagnostics.Fixable)} available (--fix)" : string.Empty;
        return $"specmap: {string.Join(", ", parts)} in {"mapping".ToQuantity(statistics.Mappings)} " +
            $"({"reference".ToQuantity(statistics.References.Total)} checked, {statistics.Relocated} relocated){tail}";
    }

    /// <summary>`3 of 4 sections (75%)`.</summary>
    public static string Coverage(SpecCoverage coverage) =>
        $"{coverage.Covered} of {coverage.Sections} sections ({(coverage.Ratio * 100).ToString("0.#", CultureInfo.InvariantCulture)}%)";
}
